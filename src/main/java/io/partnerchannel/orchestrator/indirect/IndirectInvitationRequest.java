package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_TENANT_ID;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.ROUTE;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.partnerchannel.orchestrator.invitation.AdminAccess;
import io.partnerchannel.orchestrator.invitation.InvitationConstraints;
import io.partnerchannel.orchestrator.invitation.InvitationRequest;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.ValidationGate;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * An indirect provider's invitation request: the body of {@code POST /api/indirect-invitations} (the body of
 * {@code POST /api/invitations}, unwrapped, plus {@code route} and {@code resellerTenantId}) and, under the
 * process variable names, the start form {@code Form_RequestIndirectInvitation}. Both pass the same gate
 * ({@link #errors}): the invitation's constraints as for {@code POST /api/invitations}, this record's, and the
 * rules across fields ({@link RouteRules}).
 *
 * @param invitation the customer and what is asked, checked as for {@code POST /api/invitations}
 * @param route DIRECT or VIA_RESELLER
 * @param resellerTenantId the indirect reseller that forwards the invitation: required for VIA_RESELLER,
 *     absent for DIRECT
 */
@IndirectInvitationRequest.RouteRules
record IndirectInvitationRequest(
    @JsonUnwrapped InvitationRequest invitation,
    @NotNull IndirectRoute route,
    @Pattern(regexp = InvitationConstraints.GUID_PATTERN, message = "must be a tenant id (GUID)")
        String resellerTenantId) {

  /** An absent invitation part is read as one whose every field is missing, so each is reported. */
  public IndirectInvitationRequest {
    if (invitation == null) {
      invitation = new InvitationRequest(null, null, null, null, null, null, null, null, null);
    }
  }

  /** What an invalid request is called in the refusal's message. */
  static final String INVALID = "Invalid indirect invitation request";

  /**
   * Every invalid field: the invitation's (as {@code POST /api/invitations} names them), {@code route},
   * {@code resellerTenantId} and the rules across fields ({@link RouteRules}).
   *
   * @param gate the validation gate of starts
   * @param fieldName names a field from its property path (REST names, or process variables for the start form)
   * @return the problems, empty when the request is valid
   */
  List<FieldError> errors(ValidationGate gate, UnaryOperator<String> fieldName) {
    List<FieldError> errors = new ArrayList<>(gate.errors(invitation, fieldName));
    errors.addAll(gate.errors(this, fieldName));
    return errors;
  }

  /**
   * On {@link IndirectInvitationRequest}, the rules across fields: {@code adminAccess} may not be GDAP (this process
   * does not set up GDAP); {@code resellerTenantId} is required with VIA_RESELLER and must be empty with DIRECT.
   * Each violation names its field.
   */
  @Documented
  @Constraint(validatedBy = RouteRulesValidator.class)
  @Target(TYPE)
  @Retention(RUNTIME)
  @interface RouteRules {
    String message() default "breaks the rules of an indirect invitation";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** Validates {@link RouteRules}. */
  static class RouteRulesValidator implements ConstraintValidator<RouteRules, IndirectInvitationRequest> {
    @Override
    public boolean isValid(IndirectInvitationRequest request, ConstraintValidatorContext context) {
      if (request == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      if (request.invitation().adminAccess() == AdminAccess.GDAP) {
        valid = violation(context, InvitationVariables.ADMIN_ACCESS.getName(),
            "must be NONE or DAP: an indirect invitation does not request GDAP; request it after the customer accepted");
      }
      boolean resellerGiven = request.resellerTenantId() != null && !request.resellerTenantId().isBlank();
      if (request.route() == IndirectRoute.VIA_RESELLER && !resellerGiven) {
        valid = violation(context, RESELLER_TENANT_ID.getName(),
            "must name one of the provider's indirect resellers when route is VIA_RESELLER");
      }
      if (request.route() == IndirectRoute.DIRECT && resellerGiven) {
        valid = violation(context, RESELLER_TENANT_ID.getName(), "must be empty when route is DIRECT");
      }
      return valid;
    }

    private static boolean violation(ConstraintValidatorContext context, String field, String message) {
      context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
      return false;
    }
  }

  /**
   * Reads a request from the start variables (form submission or start through the engine).
   *
   * @param scope the starting execution
   * @return the request as submitted, not yet validated nor normalised
   * @throws InvalidFieldsException when {@code route} is not DIRECT or VIA_RESELLER, or the invitation's variables
   *     have the wrong shape
   */
  public static IndirectInvitationRequest fromVariables(VariableScope scope) {
    InvitationRequest invitation = InvitationRequest.fromVariables(scope);
    String route = ROUTE.from(scope).getOrNull();
    IndirectRoute parsed = null;
    if (route != null && !route.isBlank()) {
      parsed = Arrays.stream(IndirectRoute.values()).filter(value -> value.name().equals(route.trim())).findFirst()
          .orElseThrow(() -> new InvalidFieldsException(INVALID,
              List.of(new FieldError(ROUTE.getName(), "must be one of " + Arrays.toString(IndirectRoute.values())))));
    }
    String reseller = RESELLER_TENANT_ID.from(scope).getOrNull();
    return new IndirectInvitationRequest(invitation, parsed, reseller == null || reseller.isBlank() ? null : reseller.trim());
  }

  /**
   * The request as process variables: the invitation's ({@link InvitationRequest#toVariables()}),
   * {@code route} and {@code resellerTenantId} (lower case, null on the direct route).
   *
   * @return variables keyed by their names
   */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = invitation.toVariables();
    variables.put(ROUTE.getName(), route.name());
    variables.put(RESELLER_TENANT_ID.getName(),
        route == IndirectRoute.VIA_RESELLER ? resellerTenantId.trim().toLowerCase(Locale.ROOT) : null);
    return variables;
  }
}
