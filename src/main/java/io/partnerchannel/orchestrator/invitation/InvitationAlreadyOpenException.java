package io.partnerchannel.orchestrator.invitation;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A reseller relationship invitation for the same customer domain is still open; a second one would
 * make the customer's acceptance ambiguous (it is correlated by domain).
 */
class InvitationAlreadyOpenException extends BadUserRequestException {

  private final String customerDomain;
  private final String openInvitationId;

  /**
   * @param customerDomain the customer domain, lower case
   * @param openInvitationId process instance id of the open invitation; null while another start of it has not
   *     committed yet
   */
  public InvitationAlreadyOpenException(String customerDomain, String openInvitationId) {
    super(openInvitationId == null
        ? "An invitation for " + customerDomain + " is being opened by another request"
        : "An invitation for " + customerDomain + " is already open: " + openInvitationId);
    this.customerDomain = customerDomain;
    this.openInvitationId = openInvitationId;
  }

  /** @return the customer domain */
  public String getCustomerDomain() {
    return customerDomain;
  }

  /** @return process instance id of the open invitation */
  public String getOpenInvitationId() {
    return openInvitationId;
  }
}
