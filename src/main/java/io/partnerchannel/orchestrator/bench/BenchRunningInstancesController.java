package io.partnerchannel.orchestrator.bench;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.CALL_ACTIVITY_TRACK_INVITATION;

import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark only ({@code bench} profile): puts invitations (or baseline instances) in place that wait for their
 * customers, so a measured batch runs beside many running invitations (the flat-cost runs, docs/benchmark.md).
 * Each is started directly at <em>Await customer acceptance</em> with the variables the earlier steps set, in
 * transactions of {@value #CHUNK}; it is bench set-up, not the invitation's path (which the measured batches
 * take through {@code POST /api/invitations}).
 */
@RestController
@RequestMapping(path = "/sandbox/bench", produces = MediaType.APPLICATION_JSON_VALUE)
@Profile(BenchProfile.NAME)
class BenchRunningInstancesController {

  private static final int CHUNK = 200;

  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;

  /**
   * @param runtimeService starts the instances
   * @param transactionManager one transaction per chunk
   */
  public BenchRunningInstancesController(RuntimeService runtimeService, PlatformTransactionManager transactionManager) {
    this.runtimeService = runtimeService;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /**
   * @param request which process, a prefix for the customers' domains, how many
   * @return how many were started
   */
  @PostMapping(path = "/running-instances", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Started start(@Valid @RequestBody RunningInstancesRequest request) {
    String processKey = request.baseline() ? BenchProfile.BASELINE_PROCESS_KEY : PROCESS_KEY;
    int started = 0;
    while (started < request.count()) {
      int from = started;
      int to = Math.min(request.count(), from + CHUNK);
      transaction.executeWithoutResult(tx -> {
        for (int i = from; i < to; i++) {
          String domain = "running-%s-%06d.onmicrosoft.com".formatted(request.prefix(), i);
          runtimeService.createProcessInstanceByKey(processKey)
              .businessKey(domain)
              .setVariables(variables(domain))
              .startBeforeActivity(CALL_ACTIVITY_TRACK_INVITATION)
              .execute(true, true);
        }
      });
      started = to;
    }
    return new Started(started);
  }

  private static VariableMap variables(String domain) {
    return Variables.createVariables()
        .putValue(InvitationVariables.COMPANY_NAME.getName(), "Running " + domain)
        .putValue(InvitationVariables.CUSTOMER_DOMAIN.getName(), domain)
        .putValue(InvitationVariables.CUSTOMER_COUNTRY.getName(), BenchSandboxController.COUNTRY)
        .putValue(InvitationVariables.CUSTOMER_LANGUAGE.getName(), "en")
        .putValue(InvitationVariables.GLOBAL_ADMIN_EMAIL.getName(), "admin@" + domain)
        .putValue(InvitationVariables.ADMIN_ACCESS.getName(), "NONE")
        .putValue(InvitationVariables.CLOUD.getName(), "GLOBAL")
        .putValue(InvitationVariables.REMINDER_INTERVAL.getName(), "P7D")
        .putValue(InvitationVariables.EXPIRES_AT.getName(), Date.from(Instant.now().plus(30, ChronoUnit.DAYS)))
        .putValue(InvitationVariables.ALREADY_RELATED.getName(), false)
        .putValue(InvitationVariables.TENANT_KIND.getName(), "CUSTOMER")
        .putValue(InvitationVariables.SAME_REGION.getName(), true)
        .putValue(InvitationVariables.CUSTOMER_TENANT_ID.getName(), UUID.randomUUID().toString())
        .putValue(InvitationVariables.INVITATION_URL.getName(), "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship");
  }

  /**
   * @param baseline the baseline process instead of the invitation
   * @param prefix distinguishes these customers' domains
   * @param count how many
   */
  public record RunningInstancesRequest(
      boolean baseline, @NotNull @Pattern(regexp = "[a-z0-9]{1,12}") String prefix, @NotNull @Min(1) @Max(100_000) Integer count) {}

  /** @param started instances started */
  public record Started(int started) {}
}
