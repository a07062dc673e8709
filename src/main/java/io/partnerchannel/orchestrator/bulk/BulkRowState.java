package io.partnerchannel.orchestrator.bulk;

/** Where a row of an upload stands in the application's own table ({@code pco_bulk_row.state}). */
enum BulkRowState {
  /** Reported invalid; never started. */
  INVALID,
  /** Valid; the upload had invalid rows and waits for "start the valid rows". */
  HELD,
  /** Valid and confirmed; the starter starts it when the rate allows. */
  QUEUED,
  /** Its process instance was started. */
  STARTED,
  /** Its start was refused (e.g. an invitation for the domain is already open); {@code failure} says why. */
  FAILED
}
