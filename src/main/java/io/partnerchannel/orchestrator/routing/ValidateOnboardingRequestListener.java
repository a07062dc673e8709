package io.partnerchannel.orchestrator.routing;

import io.holunda.camunda.bpm.data.adapter.WrongVariableTypeException;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import io.partnerchannel.orchestrator.forms.JsonArrayVariable;
import io.partnerchannel.orchestrator.forms.VariableUpdates;
import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ValidationGate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_OnboardingRequested}: checks the start variables at the gate of
 * {@code POST /api/onboardings} ({@link ValidationGate} on {@link OnboardingRequest}), whoever starts (REST, Tasklist, engine REST),
 * then stores them normalised. {@code subscriptions} may arrive as a list of maps, as JSON text or as a
 * Spin JSON value. It throws before anything is written, so a bad start creates no instance.
 */
@Component("validateOnboardingRequest")
class ValidateOnboardingRequestListener implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(ValidateOnboardingRequestListener.class);

  private static final JsonArrayVariable<OnboardingRequest.SubscriptionToOnboard> SUBSCRIPTION_LIST =
      JsonArrayVariable.jsonArrayVariable(OnboardingVariables.SUBSCRIPTIONS.getName(), OnboardingRequest.SubscriptionToOnboard.class);

  private final ValidationGate gate;

  /**
   * @param gate the validation gate of starts
   */
  public ValidateOnboardingRequestListener(ValidationGate gate) {
    this.gate = gate;
  }

  @Override
  public void notify(DelegateExecution execution) {
    OnboardingRequest request = read(execution);
    gate.check(OnboardingRequest.INVALID, request);
    VariableUpdates.setChanged(execution, request.toVariables());
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(request.customerTenantId().toLowerCase(java.util.Locale.ROOT));
    }
    if (!execution.hasVariable(OnboardingVariables.REQUESTER.getName())) {
      OnboardingVariables.REQUESTER.on(execution).set(null);
    }
    log.info("Onboarding {} requested for customer {}: {} subscription(s), cloud {}, rule set {}",
        execution.getProcessInstanceId(), request.customerTenantId(), request.subscriptions().size(),
        request.cloud(), request.ruleSet());
  }

  private OnboardingRequest read(DelegateExecution execution) {
    List<OnboardingRequest.SubscriptionToOnboard> list;
    if (execution.hasVariable(SUBSCRIPTION_LIST.getName())) {
      try {
        list = execution.getVariable(SUBSCRIPTION_LIST.getName()) == null ? null : SUBSCRIPTION_LIST.fromAnyForm(execution);
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldsException(OnboardingRequest.INVALID,
            List.of(new FieldError(SUBSCRIPTION_LIST.getName(), "must be a list of {id, serviceType, boughtFrom}")));
      }
    } else {
      list = fromStartFormSlots(execution);
    }
    return new OnboardingRequest(
        trimmed(OnboardingVariables.CUSTOMER_TENANT_ID, execution),
        trimmed(OnboardingVariables.CLOUD, execution),
        trimmed(OnboardingVariables.RULE_SET, execution),
        list);
  }

  /**
   * The start form's subscription groups ({@code subscription1} ..), each a Json object, as the list
   * {@code subscriptions} would be; a group without an id, kind or channel is left out, and the groups' variables
   * are removed.
   *
   * @return the list, or null when the start has no groups either
   */
  private List<OnboardingRequest.SubscriptionToOnboard> fromStartFormSlots(DelegateExecution execution) {
    List<OnboardingRequest.SubscriptionToOnboard> list = new ArrayList<>();
    boolean any = false;
    for (int slot = 1; slot <= OnboardingVariables.SUBSCRIPTION_SLOTS; slot++) {
      String name = OnboardingVariables.SUBSCRIPTION_SLOT + slot;
      if (!execution.hasVariable(name)) {
        continue;
      }
      any = true;
      Object value = execution.getVariable(name);
      execution.removeVariable(name);
      try {
        OnboardingRequest.SubscriptionToOnboard group =
            value == null ? null : JsonArrayVariable.object(value, OnboardingRequest.SubscriptionToOnboard.class);
        if (group != null && (hasText(group.id()) || hasText(group.serviceType()) || hasText(group.boughtFrom()))) {
          list.add(group);
        }
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldsException(OnboardingRequest.INVALID,
            List.of(new FieldError(name, "must be an object {id, serviceType, boughtFrom}")));
      }
    }
    return any ? list : null;
  }

  private static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }

  private static String trimmed(VariableFactory<String> variable, DelegateExecution execution) {
    try {
      return variable.from(execution).getOptional().map(String::trim).orElse(null);
    } catch (WrongVariableTypeException e) {
      throw new InvalidFieldsException(OnboardingRequest.INVALID, List.of(new FieldError(variable.getName(), "must be text")));
    }
  }
}
