package io.partnerchannel.orchestrator.routing;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.partnerchannel.orchestrator.invitation.InvitationConstraints;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request to onboard subscriptions a customer bought elsewhere: the body of {@code POST /api/onboardings}
 * and, under the same names, the start variables of {@code CustomerSubscriptionOnboarding}. Both pass the same
 * gate ({@link io.partnerchannel.orchestrator.web.ValidationGate}): these constraints, the rule across
 * subscriptions ({@link UniqueSubscriptionIds}) included; so does a bulk onboarding row's onboarding.
 *
 * @param customerTenantId the customer's tenant id (GUID)
 * @param cloud {@code GLOBAL}, {@code US_GOVERNMENT} or {@code 21VIANET}
 * @param ruleSet {@code 2020} (as the seeds state the rules) or {@code NEW_COMMERCE} (as Partner Center works today)
 * @param subscriptions the subscriptions, 1..50, ids unique
 */
@OnboardingRequest.UniqueSubscriptionIds
public record OnboardingRequest(
    @NotBlank @Pattern(regexp = InvitationConstraints.GUID_PATTERN, message = "must be a tenant id (GUID)")
        String customerTenantId,
    @NotBlank @Pattern(regexp = CLOUDS, message = "must be one of GLOBAL, US_GOVERNMENT, 21VIANET") String cloud,
    @NotBlank @Pattern(regexp = RULE_SETS, message = "must be one of 2020, NEW_COMMERCE") String ruleSet,
    @NotEmpty @Size(max = 50) List<@NotNull @Valid SubscriptionToOnboard> subscriptions) {

  /** Values of {@code cloud}. */
  public static final String CLOUDS = "GLOBAL|US_GOVERNMENT|21VIANET";
  /** Values of {@code ruleSet}. */
  public static final String RULE_SETS = "2020|NEW_COMMERCE";

  /**
   * One subscription the customer bought elsewhere.
   *
   * @param id the subscription id, as the customer or Partner Center knows it
   * @param serviceType {@code LICENSE_BASED} or {@code USAGE_BASED}
   * @param boughtFrom {@code MICROSOFT_DIRECT}, {@code ADVISOR}, {@code OPEN}, {@code EA},
   *     {@code THIRD_PARTY_NON_CSP}, {@code CSP_PARTNER} or {@code 21VIANET}
   */
  public record SubscriptionToOnboard(
      @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9:._-]*$",
          message = "must be a subscription id (letters, digits, : . _ -)") String id,
      @NotBlank @Pattern(regexp = "LICENSE_BASED|USAGE_BASED", message = "must be one of LICENSE_BASED, USAGE_BASED")
          String serviceType,
      @NotBlank @Pattern(regexp = "MICROSOFT_DIRECT|ADVISOR|OPEN|EA|THIRD_PARTY_NON_CSP|CSP_PARTNER|21VIANET",
          message = "must be one of MICROSOFT_DIRECT, ADVISOR, OPEN, EA, THIRD_PARTY_NON_CSP, CSP_PARTNER, 21VIANET")
          String boughtFrom) {}

  /** What an invalid request is called in the refusal's message. */
  static final String INVALID = "Invalid onboarding request";

  /** On {@link OnboardingRequest}, the rule across subscriptions: each id once, a repeat named {@code subscriptions[i].id}. */
  @Documented
  @Constraint(validatedBy = UniqueSubscriptionIdsValidator.class)
  @Target(TYPE)
  @Retention(RUNTIME)
  @interface UniqueSubscriptionIds {
    String message() default "is listed twice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** Validates {@link UniqueSubscriptionIds}. */
  static class UniqueSubscriptionIdsValidator implements ConstraintValidator<UniqueSubscriptionIds, OnboardingRequest> {
    @Override
    public boolean isValid(OnboardingRequest request, ConstraintValidatorContext context) {
      if (request == null || request.subscriptions() == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < request.subscriptions().size(); i++) {
        SubscriptionToOnboard subscription = request.subscriptions().get(i);
        if (subscription != null && subscription.id() != null && !seen.add(subscription.id())) {
          context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
              .addPropertyNode("subscriptions").addPropertyNode("id").inIterable().atIndex(i)
              .addConstraintViolation();
          valid = false;
        }
      }
      return valid;
    }
  }

  /** @return the start variables of {@code CustomerSubscriptionOnboarding} */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(OnboardingVariables.CUSTOMER_TENANT_ID.getName(), customerTenantId.toLowerCase(java.util.Locale.ROOT));
    variables.put(OnboardingVariables.CLOUD.getName(), cloud);
    variables.put(OnboardingVariables.RULE_SET.getName(), ruleSet);
    List<Map<String, String>> list = new ArrayList<>();
    for (SubscriptionToOnboard subscription : subscriptions) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("id", subscription.id());
      entry.put(OnboardingVariables.SERVICE_TYPE.getName(), subscription.serviceType());
      entry.put(OnboardingVariables.BOUGHT_FROM.getName(), subscription.boughtFrom());
      list.add(entry);
    }
    variables.put(OnboardingVariables.SUBSCRIPTIONS.getName(), list);
    variables.put(OnboardingVariables.CHANNEL_TRANSITIONS.getName(), new LinkedHashMap<String, Map<String, String>>());
    return variables;
  }
}
