package io.partnerchannel.orchestrator.routing;

import static io.partnerchannel.orchestrator.routing.CustomerSubscriptionOnboardingProcess.END_EVENT_NO_RELATIONSHIP;
import static io.partnerchannel.orchestrator.routing.CustomerSubscriptionOnboardingProcess.PROCESS_KEY;

import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.routing.OnboardingView.ChildProcess;
import io.partnerchannel.orchestrator.routing.OnboardingView.Reference;
import io.partnerchannel.orchestrator.routing.OnboardingView.SubscriptionView;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ResourceNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts and reads onboardings, i.e. instances of {@code CustomerSubscriptionOnboarding}. An onboarding's id
 * is its process instance id; its status and each subscription's route, child process and reason are read
 * from the engine (history included), so they cannot drift from the processes.
 */
@Service
public class OnboardingService {

  /** Status of a running onboarding. */
  public static final String RUNNING = "RUNNING";
  /** Status of an onboarding whose subscriptions all went their routes. */
  public static final String COMPLETED = "COMPLETED";
  /** Status of an onboarding that ended because the customer did not enter the reseller relationship. */
  public static final String ENDED_WITHOUT_RELATIONSHIP = "ENDED_WITHOUT_RELATIONSHIP";
  /** Status of an onboarding an operator cancelled. */
  public static final String CANCELLED = "CANCELLED";

  private static final Logger log = LoggerFactory.getLogger(OnboardingService.class);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final OnboardingReasons reasons;

  /**
   * @param runtimeService the engine's runtime service
   * @param historyService the engine's history service
   * @param reasons the subscriptions' reasons in words
   */
  public OnboardingService(RuntimeService runtimeService, HistoryService historyService, OnboardingReasons reasons) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.reasons = reasons;
  }

  /**
   * Starts an onboarding. The request must already have passed its gate ({@code @Valid} on the REST body); the
   * start listener checks it again.
   *
   * @param request the request
   * @param requester the requesting user's id, or null
   * @return the new onboarding's id and status
   * @throws InvalidFieldsException when the start listener refuses the request (nothing is started)
   */
  public Reference start(OnboardingRequest request, String requester) {
    Map<String, Object> variables = request.toVariables();
    variables.put(OnboardingVariables.REQUESTER.getName(), requester);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(
        PROCESS_KEY, request.customerTenantId().toLowerCase(Locale.ROOT), variables);
    log.info("Onboarding {} started for {} by {}", instance.getId(), request.customerTenantId(), requester);
    return new Reference(instance.getId(), find(instance.getId()).status());
  }

  /**
   * @param id the onboarding id
   * @return the onboarding with its reasons in English
   * @throws ResourceNotFoundException when no onboarding has that id
   */
  public OnboardingView find(String id) {
    return find(id, Locale.ENGLISH);
  }

  /**
   * @param id the onboarding id
   * @param locale the reader's language for the reasons (en, it, pt, sv; others read English)
   * @return the onboarding with each subscription's route, process and reason in words
   * @throws ResourceNotFoundException when no onboarding has that id
   */
  public OnboardingView find(String id, Locale locale) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(id)
        .processDefinitionKey(PROCESS_KEY)
        .singleResult();
    if (instance == null) {
      throw new ResourceNotFoundException("No onboarding with id " + id);
    }
    VariableMap variables = processVariables(id);
    Map<String, Map<String, String>> transitions =
        OnboardingVariables.channelTransitions(OnboardingVariables.CHANNEL_TRANSITIONS.from(variables));
    ChildProcess relationship = null;
    Map<String, ChildProcess> childBySubscription = new HashMap<>();
    for (HistoricProcessInstance child : historyService.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(id)
        .orderByProcessInstanceStartTime()
        .asc()
        .list()) {
      ChildProcess view = child(child);
      if (ResellerRelationshipInvitationProcess.PROCESS_KEY.equals(child.getProcessDefinitionKey())) {
        relationship = view;
      } else if (child.getBusinessKey() != null) {
        childBySubscription.put(child.getBusinessKey(), view);
      }
    }
    List<SubscriptionView> subscriptions = new ArrayList<>();
    for (Map<String, String> subscription : OnboardingVariables.SUBSCRIPTIONS.from(variables).getOrDefault(List.of())) {
      String subscriptionId = subscription.get("id");
      Map<String, String> transition = transitions.getOrDefault(subscriptionId, Map.of());
      ChildProcess process = childBySubscription.get(subscriptionId);
      if (process == null && transition.get(OnboardingVariables.ROUTE_PROCESS_KEY.getName()) == null
          && OnboardingVariables.needsRelationship(transition)) {
        process = relationship;
      }
      subscriptions.add(new SubscriptionView(
          subscriptionId,
          subscription.get(OnboardingVariables.SERVICE_TYPE.getName()),
          subscription.get(OnboardingVariables.BOUGHT_FROM.getName()),
          transition.get(OnboardingVariables.ROUTE.getName()),
          reasons.text(transition, variables::get, locale),
          transition.get(OnboardingVariables.OUTCOME),
          process));
    }
    return new OnboardingView(
        id,
        status(instance),
        OnboardingVariables.CUSTOMER_TENANT_ID.from(variables).getOrNull(),
        OnboardingVariables.CLOUD.from(variables).getOrNull(),
        OnboardingVariables.RULE_SET.from(variables).getOrNull(),
        toInstant(instance.getStartTime()),
        toInstant(instance.getEndTime()),
        relationship,
        subscriptions);
  }

  private static String status(HistoricProcessInstance instance) {
    if (instance.getEndTime() == null) {
      return RUNNING;
    }
    if (END_EVENT_NO_RELATIONSHIP.equals(instance.getEndActivityId())) {
      return ENDED_WITHOUT_RELATIONSHIP;
    }
    return HistoricProcessInstance.STATE_COMPLETED.equals(instance.getState()) ? COMPLETED : CANCELLED;
  }

  private ChildProcess child(HistoricProcessInstance child) {
    HistoricVariableInstance reason = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(child.getId())
        .variableName("reason")
        .disableCustomObjectDeserialization()
        .list()
        .stream()
        .filter(variable -> child.getId().equals(variable.getActivityInstanceId()))
        .findFirst()
        .orElse(null);
    return new ChildProcess(
        child.getProcessDefinitionKey(),
        child.getId(),
        child.getState(),
        child.getEndActivityId(),
        reason == null || reason.getValue() == null ? null : reason.getValue().toString());
  }

  /** The onboarding's own (process-level) variables from history, which the reasons' texts may name too. */
  private VariableMap processVariables(String id) {
    VariableMap variables = Variables.createVariables();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(id)
        .list()) {
      if (id.equals(variable.getActivityInstanceId())) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  private static Instant toInstant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
