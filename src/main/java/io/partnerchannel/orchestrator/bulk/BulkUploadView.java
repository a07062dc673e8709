package io.partnerchannel.orchestrator.bulk;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An upload's progress, the body of {@code GET /api/bulk-invitations/{id}} and the progress page.
 *
 * @param id the upload's id
 * @param fileName the uploaded file's name, null for REST uploads
 * @param uploadedBy the uploading user
 * @param uploadedAt when
 * @param confirmedAt when its valid rows were queued, null while it waits for "start the valid rows"
 * @param rows data rows of the file
 * @param counts rows per status name ({@link BulkRowStatus}), every status present (0 when none), in the enum's order
 * @param items each row, in file order
 */
record BulkUploadView(String id, String fileName, String uploadedBy, OffsetDateTime uploadedAt,
    OffsetDateTime confirmedAt, int rows, Map<String, Integer> counts, List<Item> items) {

  /**
   * One row.
   *
   * @param row 1-based data row number
   * @param companyName the company as typed
   * @param customerDomain the domain as typed
   * @param status where it stands
   * @param invitationId its invitation ({@code GET /api/invitations/{id}}), null before its start
   * @param invitationStatus the invitation's own status ({@code InvitationStatus}), null before its start
   * @param detail why it failed or was refused, may be null
   * @param errors its validation errors (INVALID rows)
   * @param onboardingId its "Onboard customer subscriptions" ({@code GET /api/onboardings/{id}}), null when the row
   *     names no subscriptions or its relationship is not established yet
   * @param onboardingDetail why its subscriptions are not onboarded, null otherwise
   */
  public record Item(int row, String companyName, String customerDomain, BulkRowStatus status, String invitationId,
      String invitationStatus, String detail, List<BulkRowError> errors, String onboardingId,
      String onboardingDetail) {}
}
