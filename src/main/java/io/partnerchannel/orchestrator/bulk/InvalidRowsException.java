package io.partnerchannel.orchestrator.bulk;

import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Rows of a bulk onboarding file are invalid and nothing was started: 400 {@code application/problem+json}
 * whose {@code errors} list each invalid cell as {@code {row, field, message}}.
 */
class InvalidRowsException extends ErrorResponseException {

  private final transient List<BulkRowError> errors;

  /**
   * @param rows data rows of the file
   * @param invalidRows rows with errors
   * @param errors each invalid cell
   * @param someValid whether any row is valid (then the detail offers {@code startValidRows=true})
   */
  InvalidRowsException(int rows, int invalidRows, List<BulkRowError> errors, boolean someValid) {
    super(HttpStatus.BAD_REQUEST, problem(rows, invalidRows, errors, someValid), null);
    this.errors = List.copyOf(errors);
  }

  /** @return each invalid cell */
  List<BulkRowError> errors() {
    return errors;
  }

  private static ProblemDetail problem(int rows, int invalidRows, List<BulkRowError> errors, boolean someValid) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        invalidRows + " of " + rows + " rows are invalid; nothing was started. "
            + (someValid ? "Correct them, or send the file again with startValidRows=true to start the "
                + (rows - invalidRows) + " valid rows." : "No row is valid."));
    problem.setType(InvalidFieldsException.TYPE);
    problem.setTitle("Invalid rows");
    problem.setProperty("rows", rows);
    problem.setProperty("invalidRows", invalidRows);
    problem.setProperty("errors", errors);
    return problem;
  }
}
