package io.partnerchannel.orchestrator.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ValidationGate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.json.SpinJsonNode;
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

  private final ValidationGate gate;
  private final ObjectMapper objectMapper;

  /**
   * @param gate the validation gate of starts
   * @param objectMapper reads {@code subscriptions} given as JSON
   */
  public ValidateOnboardingRequestListener(ValidationGate gate, ObjectMapper objectMapper) {
    this.gate = gate;
    this.objectMapper = objectMapper;
  }

  @Override
  public void notify(DelegateExecution execution) {
    OnboardingRequest request = read(execution);
    gate.check(OnboardingRequest.INVALID, request);
    execution.setVariables(request.toVariables());
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
    Object subscriptions = execution.hasVariable(OnboardingVariables.SUBSCRIPTIONS.getName())
        ? execution.getVariable(OnboardingVariables.SUBSCRIPTIONS.getName()) : fromStartFormSlots(execution);
    List<OnboardingRequest.SubscriptionToOnboard> list;
    try {
      Object tree = subscriptions instanceof SpinJsonNode json ? json.toString() : subscriptions;
      list = tree == null ? null
          : tree instanceof String text
              ? objectMapper.readValue(text, objectMapper.getTypeFactory()
                  .constructCollectionType(List.class, OnboardingRequest.SubscriptionToOnboard.class))
              : objectMapper.convertValue(tree, objectMapper.getTypeFactory()
                  .constructCollectionType(List.class, OnboardingRequest.SubscriptionToOnboard.class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidFieldsException(OnboardingRequest.INVALID,
          List.of(new FieldError(OnboardingVariables.SUBSCRIPTIONS.getName(),
              "must be a list of {id, serviceType, boughtFrom}")));
    }
    return new OnboardingRequest(
        string(execution, OnboardingVariables.CUSTOMER_TENANT_ID.getName()),
        string(execution, OnboardingVariables.CLOUD.getName()),
        string(execution, OnboardingVariables.RULE_SET.getName()),
        list);
  }

  /**
   * The start form's subscription groups ({@code subscription1} ..), each a Json object, as the JSON list
   * {@code subscriptions} would be; a group without an id, kind or channel is left out, and the groups' variables
   * are removed.
   *
   * @return JSON text of the list, or null when the start has no groups either
   */
  private String fromStartFormSlots(DelegateExecution execution) {
    ArrayNode list = objectMapper.createArrayNode();
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
        JsonNode group = value == null ? null
            : value instanceof SpinJsonNode || value instanceof String ? objectMapper.readTree(value.toString())
            : objectMapper.valueToTree(value);
        if (group != null && group.isObject() && hasText(group, "id", "serviceType", "boughtFrom")) {
          list.add(group);
        }
      } catch (JsonProcessingException e) {
        throw new InvalidFieldsException(OnboardingRequest.INVALID,
            List.of(new FieldError(name, "must be an object {id, serviceType, boughtFrom}")));
      }
    }
    return any ? list.toString() : null;
  }

  private static boolean hasText(JsonNode group, String... fields) {
    for (String field : fields) {
      if (group.hasNonNull(field) && !group.get(field).asText().isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString().trim();
  }
}
