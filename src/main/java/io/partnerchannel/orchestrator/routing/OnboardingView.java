package io.partnerchannel.orchestrator.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An onboarding as {@code GET /api/onboardings/{id}} shows it, derived from the engine.
 *
 * @param id the onboarding id (process instance id)
 * @param status {@code RUNNING}, {@code COMPLETED}, {@code ENDED_WITHOUT_RELATIONSHIP} or {@code CANCELLED}
 * @param customerTenantId the customer
 * @param cloud the cloud the routes were decided for
 * @param ruleSet the rule set the routes were decided for
 * @param startedAt when it started
 * @param endedAt when it ended, null while running
 * @param relationship the reseller relationship invitation the onboarding started, null when none was needed
 * @param subscriptions each subscription with its decided route and its process
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OnboardingView(
    String id,
    String status,
    String customerTenantId,
    String cloud,
    String ruleSet,
    Instant startedAt,
    Instant endedAt,
    ChildProcess relationship,
    List<SubscriptionView> subscriptions) {

  /**
   * @param id subscription id
   * @param serviceType {@code LICENSE_BASED} or {@code USAGE_BASED}
   * @param boughtFrom where the customer bought it
   * @param route the route the decision {@code ChannelTransition} chose, null until decided
   * @param reason the decision's reason (or why the subscription could not go its route)
   * @param outcome {@code NOT_SUPPORTED} or {@code NO_RELATIONSHIP} when the route did not run, else null
   * @param process the process run for it, null when none (yet)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SubscriptionView(
      String id, String serviceType, String boughtFrom, String route, String reason, String outcome,
      ChildProcess process) {}

  /**
   * A process the onboarding called.
   *
   * @param processDefinitionKey e.g. {@code AzureCancelAndRecreateMigration}
   * @param processInstanceId its instance id
   * @param status the engine's state: {@code ACTIVE}, {@code COMPLETED}, {@code EXTERNALLY_TERMINATED}, ...
   * @param endActivityId the end event it reached, null while running
   * @param reason its {@code reason} variable: why it ended as it did, may be null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChildProcess(
      String processDefinitionKey, String processInstanceId, String status, String endActivityId, String reason) {}

  /**
   * @param id the new onboarding's id
   * @param status its status
   */
  public record Reference(String id, String status) {}
}
