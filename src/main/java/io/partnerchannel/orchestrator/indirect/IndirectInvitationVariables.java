package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.forms.JsonArrayVariable.Option;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;
import static io.partnerchannel.orchestrator.forms.JsonArrayVariable.jsonArrayVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import io.partnerchannel.orchestrator.invitation.InvitationVariables;
import io.partnerchannel.orchestrator.forms.JsonArrayVariable;

/**
 * Process variables of {@code IndirectResellerInvitation} beyond those it shares with
 * {@code ResellerRelationshipInvitation} ({@link io.partnerchannel.orchestrator.invitation.InvitationVariables}:
 * the customer, the request, {@code invitationUrl}, {@code expiresAt}, {@code reason}, ...).
 */
final class IndirectInvitationVariables {

  /** String: {@link IndirectRoute}; changes to DIRECT when the provider sends a declined invitation itself. */
  public static final VariableFactory<String> ROUTE = stringVariable("route");
  /**
   * String: tenant id of the indirect reseller forwarding the invitation, null on the direct route. Its
   * staff's candidate group is {@code reseller-<resellerTenantId>}; the security configuration reads this
   * variable to give the instance to the reseller's tenant.
   */
  public static final VariableFactory<String> RESELLER_TENANT_ID = stringVariable("resellerTenantId");
  /** String: the reseller's name from Partner Center ({@code PartnerRelationship.name}); e-mails go out in it. */
  public static final VariableFactory<String> RESELLER_NAME = InvitationVariables.RESELLER_NAME;
  /** String: the reseller's MPN (PLA) id ({@code PartnerRelationship.mpnId}, R35). */
  public static final VariableFactory<String> RESELLER_MPN_ID = stringVariable("resellerMpnId");
  /** String: state of the provider's partnership with the reseller, e.g. {@code Active}; {@code NONE} when there is none. */
  public static final VariableFactory<String> RESELLER_PARTNERSHIP_STATE = stringVariable("resellerPartnershipState");
  /**
   * String: the reseller's MPA status for the provider's CSP region (R16): {@code SIGNED}, Partner Center's
   * error code ({@code 2200}, {@code 2201}, {@code 2203}, {@code 2204}, {@code 2205}) or {@code NOT_CHECKED}.
   */
  public static final VariableFactory<String> RESELLER_AGREEMENT_STATUS = stringVariable("resellerAgreementStatus");
  /** String: {@link ForwardDecision} of the reseller. */
  public static final VariableFactory<String> FORWARD_DECISION = stringVariable("forwardDecision");
  /** String: why the reseller declined to forward, shown to the provider. */
  public static final VariableFactory<String> DECLINE_REASON = stringVariable("declineReason");
  /** String: Camunda user id of the reseller's staff member who forwarded, may be null. */
  public static final VariableFactory<String> FORWARDED_BY = stringVariable("forwardedBy");
  /** String: tenant id of the reseller that declined last. */
  public static final VariableFactory<String> DECLINED_BY_RESELLER = stringVariable("declinedByReseller");
  /** String: {@link ReviewDecision} of the provider. */
  public static final VariableFactory<String> REVIEW_DECISION = stringVariable("reviewDecision");
  /** String: tenant id of the reseller the provider reassigns a declined invitation to. */
  public static final VariableFactory<String> NEW_RESELLER_TENANT_ID = stringVariable("newResellerTenantId");
  /** String: the provider's note on "Follow up with reseller", may be null. */
  public static final VariableFactory<String> RESELLER_FOLLOW_UP_NOTE = stringVariable("resellerFollowUpNote");
  /** Json array of {@link Option} ({@code {label, value}}): the provider's other active resellers, the review form's choices. */
  public static final JsonArrayVariable<Option> RESELLER_OPTIONS =
      jsonArrayVariable("resellerOptions", Option.class);

  /** Value of {@link #RESELLER_PARTNERSHIP_STATE} when the reseller is not one of the provider's. */
  public static final String NO_PARTNERSHIP = "NONE";
  /** Value of {@link #RESELLER_AGREEMENT_STATUS} when the MPA is signed for the provider's region. */
  public static final String AGREEMENT_SIGNED = "SIGNED";
  /** Value of {@link #RESELLER_AGREEMENT_STATUS} when there was nothing to check. */
  public static final String AGREEMENT_NOT_CHECKED = "NOT_CHECKED";

  private IndirectInvitationVariables() {}
}
