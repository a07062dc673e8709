package io.partnerchannel.orchestrator.bulk;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code pco_bulk_upload} and {@code pco_bulk_row} (Flyway {@code V6_20__bulk_invitations.sql}). */
@Repository
class BulkUploadRepository {

  private final JdbcClient jdbc;

  BulkUploadRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * An upload.
   *
   * @param id its id
   * @param contentHash SHA-256 of the file's bytes, hex
   * @param fileName the name the file was uploaded with, may be null (REST)
   * @param uploadedBy the uploading user
   * @param uploadedAt when
   * @param confirmedAt when its valid rows were queued; null while it waits for "start the valid rows"
   * @param rowCount data rows of the file
   * @param invalidCount invalid rows among them
   */
  record Upload(String id, String contentHash, String fileName, String uploadedBy, OffsetDateTime uploadedAt,
      OffsetDateTime confirmedAt, int rowCount, int invalidCount) {}

  /**
   * A stored row.
   *
   * @param uploadId its upload
   * @param row 1-based data row number
   * @param customerDomain the domain as typed, may be null
   * @param companyName the company as typed, may be null
   * @param requestJson the row as an invitation request (JSON)
   * @param state where it stands
   * @param errorsJson its validation errors (JSON array of {@link BulkRowError}), null when valid
   * @param processInstanceId the started instance, null before
   * @param failure why its start failed, null otherwise
   * @param attempts failed start attempts so far
   * @param startedAt when its instance was started
   * @param onboardingJson its "Onboard customer subscriptions" request without tenant id (JSON of
   *     {@code OnboardingRequest}), null when the row names no subscriptions
   * @param onboardingId the onboarding started once its relationship was established, null before
   * @param onboardingFailure why its onboarding was not started, null otherwise
   */
  record StoredRow(String uploadId, int row, String customerDomain, String companyName, String requestJson,
      BulkRowState state, String errorsJson, String processInstanceId, String failure, int attempts,
      OffsetDateTime startedAt, String onboardingJson, String onboardingId, String onboardingFailure) {}

  void insert(Upload upload) {
    jdbc.sql("insert into pco_bulk_upload (id, content_hash, file_name, uploaded_by, uploaded_at, confirmed_at,"
            + " row_count, invalid_count) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(upload.id(), upload.contentHash(), upload.fileName(), upload.uploadedBy(), upload.uploadedAt(),
            upload.confirmedAt(), upload.rowCount(), upload.invalidCount())
        .update();
  }

  void insert(StoredRow row) {
    jdbc.sql("insert into pco_bulk_row (upload_id, row_number, customer_domain, company_name, request_json, state,"
            + " errors_json, attempts, onboarding_json) values (?, ?, ?, ?, ?, ?, ?, 0, ?)")
        .params(row.uploadId(), row.row(), row.customerDomain(), row.companyName(), row.requestJson(),
            row.state().name(), row.errorsJson(), row.onboardingJson())
        .update();
  }

  Optional<Upload> findById(String id) {
    return jdbc.sql(SELECT_UPLOAD + " where id = ?").param(id).query(BulkUploadRepository::upload).optional();
  }

  Optional<Upload> findByContentHash(String contentHash) {
    return jdbc.sql(SELECT_UPLOAD + " where content_hash = ?").param(contentHash)
        .query(BulkUploadRepository::upload).optional();
  }

  /** @return the newest uploads first, at most {@code limit} */
  List<Upload> findNewest(int limit) {
    return jdbc.sql(SELECT_UPLOAD + " order by uploaded_at desc, id fetch first ? rows only").param(limit)
        .query(BulkUploadRepository::upload).list();
  }

  /**
   * Queues the held rows of an upload that waits for confirmation.
   *
   * @return whether this call confirmed it (false when it was confirmed before)
   */
  boolean confirm(String uploadId) {
    int confirmed = jdbc.sql("update pco_bulk_upload set confirmed_at = ? where id = ? and confirmed_at is null")
        .params(now(), uploadId).update();
    if (confirmed == 0) {
      return false;
    }
    jdbc.sql("update pco_bulk_row set state = ? where upload_id = ? and state = ?")
        .params(BulkRowState.QUEUED.name(), uploadId, BulkRowState.HELD.name()).update();
    return true;
  }

  List<StoredRow> rows(String uploadId) {
    return jdbc.sql(SELECT_ROW + " where upload_id = ? order by row_number").param(uploadId)
        .query(BulkUploadRepository::row).list();
  }

  Optional<StoredRow> row(String uploadId, int row) {
    return jdbc.sql(SELECT_ROW + " where upload_id = ? and row_number = ?").params(uploadId, row)
        .query(BulkUploadRepository::row).optional();
  }

  /** @return the oldest queued rows (by confirmation, then row), at most {@code limit} */
  List<StoredRow> queued(int limit) {
    return jdbc.sql("select r.upload_id, r.row_number, r.customer_domain, r.company_name, r.request_json, r.state,"
            + " r.errors_json, r.process_instance_id, r.failure, r.attempts, r.started_at, r.onboarding_json,"
            + " r.onboarding_id, r.onboarding_failure from pco_bulk_row r join pco_bulk_upload u on u.id = r.upload_id"
            + " where r.state = ? order by u.confirmed_at, r.upload_id, r.row_number fetch first ? rows only")
        .params(BulkRowState.QUEUED.name(), limit)
        .query(BulkUploadRepository::row).list();
  }

  /**
   * Claims a queued row for its start, in the caller's transaction (the row stays locked until it commits).
   *
   * @return whether this call claimed it; false when another start took it
   */
  boolean claim(String uploadId, int row) {
    return jdbc.sql("update pco_bulk_row set state = ?, started_at = ? where upload_id = ? and row_number = ?"
            + " and state = ?")
        .params(BulkRowState.STARTED.name(), now(), uploadId, row, BulkRowState.QUEUED.name())
        .update() == 1;
  }

  void started(String uploadId, int row, String processInstanceId) {
    jdbc.sql("update pco_bulk_row set process_instance_id = ? where upload_id = ? and row_number = ?")
        .params(processInstanceId, uploadId, row).update();
  }

  /** Records a failed start of a queued row: FAILED when {@code last}, else it stays queued for another try. */
  void failed(String uploadId, int row, String failure, boolean last) {
    jdbc.sql("update pco_bulk_row set state = ?, failure = ?, attempts = attempts + 1 where upload_id = ?"
            + " and row_number = ? and state = ?")
        .params((last ? BulkRowState.FAILED : BulkRowState.QUEUED).name(),
            failure.length() > 2000 ? failure.substring(0, 2000) : failure, uploadId, row, BulkRowState.QUEUED.name())
        .update();
  }

  /** @return started rows whose onboarding is still to start (their relationship may not exist yet) */
  List<StoredRow> awaitingOnboarding() {
    return jdbc.sql(SELECT_ROW + " where state = ? and onboarding_json is not null and onboarding_id is null"
            + " and onboarding_failure is null and process_instance_id is not null order by upload_id, row_number")
        .param(BulkRowState.STARTED.name())
        .query(BulkUploadRepository::row).list();
  }

  /** @return whether this call recorded the row's onboarding (false: another start did) */
  boolean onboardingStarted(String uploadId, int row, String onboardingId) {
    return jdbc.sql("update pco_bulk_row set onboarding_id = ? where upload_id = ? and row_number = ?"
            + " and onboarding_id is null and onboarding_failure is null")
        .params(onboardingId, uploadId, row).update() == 1;
  }

  void onboardingFailed(String uploadId, int row, String failure) {
    jdbc.sql("update pco_bulk_row set onboarding_failure = ? where upload_id = ? and row_number = ?"
            + " and onboarding_id is null")
        .params(failure.length() > 2000 ? failure.substring(0, 2000) : failure, uploadId, row).update();
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  private static final String SELECT_UPLOAD = "select id, content_hash, file_name, uploaded_by, uploaded_at,"
      + " confirmed_at, row_count, invalid_count from pco_bulk_upload";
  private static final String SELECT_ROW = "select upload_id, row_number, customer_domain, company_name,"
      + " request_json, state, errors_json, process_instance_id, failure, attempts, started_at, onboarding_json,"
      + " onboarding_id, onboarding_failure from pco_bulk_row";

  private static Upload upload(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getInt(7), rs.getInt(8));
  }

  private static StoredRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new StoredRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
        BulkRowState.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
        rs.getObject(11, OffsetDateTime.class), rs.getString(12), rs.getString(13), rs.getString(14));
  }
}
