package io.partnerchannel.orchestrator.indirect;

import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.RESELLER_TENANT_ID;
import static io.partnerchannel.orchestrator.indirect.IndirectInvitationVariables.ROUTE;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.partnerchannel.orchestrator.invitation.AdminAccess;
import io.partnerchannel.orchestrator.invitation.InvalidInvitationRequestException;
import io.partnerchannel.orchestrator.invitation.InvalidInvitationRequestException.FieldProblem;
import io.partnerchannel.orchestrator.invitation.InvitationConstraints;
import io.partnerchannel.orchestrator.invitation.InvitationRequest;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * An indirect provider's invitation request: the body of {@code POST /api/indirect-invitations} (the body of
 * {@code POST /api/invitations}, unwrapped, plus {@code route} and {@code resellerTenantId}) and, under the
 * process variable names, the start form {@code Form_RequestIndirectInvitation}. Both are checked by
 * {@link #problems}.
 *
 * @param invitation the customer and what is asked, checked as for {@code POST /api/invitations}
 * @param route DIRECT or VIA_RESELLER
 * @param resellerTenantId the indirect reseller that forwards the invitation: required for VIA_RESELLER,
 *     absent for DIRECT
 */
public record IndirectInvitationRequest(
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

  /**
   * Every invalid field: the invitation's (as {@code POST /api/invitations} names them), {@code route},
   * {@code resellerTenantId} (required with VIA_RESELLER, empty with DIRECT) and {@code adminAccess}, which
   * may not be GDAP: this process does not set up GDAP.
   *
   * @param validator Bean Validation
   * @return the problems, empty when the request is valid
   */
  public List<FieldProblem> problems(Validator validator) {
    List<FieldProblem> problems = new ArrayList<>();
    validator.validate(invitation).stream().map(InvitationRequest::problem).forEach(problems::add);
    if (invitation.adminAccess() == AdminAccess.GDAP) {
      problems.add(problem(InvitationVariables.ADMIN_ACCESS.getName(),
          "must be NONE or DAP: an indirect invitation does not request GDAP; request it after the customer accepted"));
    }
    validator.validate(this).stream().map(InvitationRequest::problem).forEach(problems::add);
    boolean resellerGiven = resellerTenantId != null && !resellerTenantId.isBlank();
    if (route == IndirectRoute.VIA_RESELLER && !resellerGiven) {
      problems.add(problem(RESELLER_TENANT_ID.getName(), "must name one of the provider's indirect resellers when route is VIA_RESELLER"));
    }
    if (route == IndirectRoute.DIRECT && resellerGiven) {
      problems.add(problem(RESELLER_TENANT_ID.getName(), "must be empty when route is DIRECT"));
    }
    return problems;
  }

  /**
   * Reads a request from the start variables (form submission or start through the engine).
   *
   * @param scope the starting execution
   * @return the request as submitted, not yet validated nor normalised
   * @throws InvalidInvitationRequestException when {@code route} is not DIRECT or VIA_RESELLER, or the
   *     invitation's variables have the wrong shape
   */
  public static IndirectInvitationRequest fromVariables(VariableScope scope) {
    InvitationRequest invitation = InvitationRequest.fromVariables(scope);
    String route = ROUTE.from(scope).getOrNull();
    IndirectRoute parsed = null;
    if (route != null && !route.isBlank()) {
      parsed = Arrays.stream(IndirectRoute.values()).filter(value -> value.name().equals(route.trim())).findFirst()
          .orElseThrow(() -> new InvalidInvitationRequestException(
              List.of(problem(ROUTE.getName(), "must be one of " + Arrays.toString(IndirectRoute.values())))));
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

  private static FieldProblem problem(String field, String message) {
    return new FieldProblem(field, field, message);
  }
}
