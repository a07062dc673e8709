package io.partnerchannel.orchestrator.bulk;

/**
 * One invalid cell of a bulk onboarding file, as listed in the 400 problem's {@code errors} and on the report page.
 *
 * @param row 1-based number of the data row (the header is not counted)
 * @param field the column, with an index for list elements ({@code gdapRoles[0]}); null for the row as a whole
 * @param message what is wrong with it
 */
record BulkRowError(int row, String field, String message) {}
