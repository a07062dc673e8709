package io.partnerchannel.orchestrator.bulk;

import io.partnerchannel.orchestrator.invitation.InvitationStatus;

/** Where a row of an upload stands in the progress view: its own state until started, then its invitation's. */
enum BulkRowStatus {
  /** Invalid; never started. */
  INVALID,
  /** Valid; the upload waits for "start the valid rows". */
  HELD,
  /** Waiting for its start at the bounded rate. */
  QUEUED,
  /** Its invitation started (eligibility, link and e-mail in progress). */
  STARTED,
  /** Its invitation is with the customer (acceptance or GDAP approval). */
  WAITING_FOR_CUSTOMER,
  /** The relationship exists (established now, or the customer already was ours). */
  ESTABLISHED,
  /** Not established: refused by a rule, expired or withdrawn ({@code invitationStatus} says which). */
  REFUSED,
  /** Its start was refused, or its invitation has an incident. */
  FAILED;

  /**
   * @param status an invitation's status
   * @return the row status it counts as
   */
  static BulkRowStatus of(InvitationStatus status) {
    return switch (status) {
      case REQUESTED, WITH_RESELLER, DECLINED_BY_RESELLER -> STARTED;
      case WAITING_FOR_CUSTOMER, WAITING_FOR_GDAP_APPROVAL -> WAITING_FOR_CUSTOMER;
      case ESTABLISHED, ALREADY_RELATED -> ESTABLISHED;
      case REFUSED, EXPIRED, WITHDRAWN -> REFUSED;
    };
  }
}
