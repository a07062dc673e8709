package io.partnerchannel.orchestrator.bulk;

import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import java.util.List;

/** The file as a whole cannot be read as a bulk onboarding file: 400 naming the column (or the body). */
class InvalidCsvException extends InvalidFieldsException {

  /**
   * @param column the column at fault, or null for the file as a whole
   * @param message what is wrong, a sentence whose subject is the column or the file
   */
  InvalidCsvException(String column, String message) {
    super(List.of(new FieldError(column, (column == null ? "The file " : "") + message)));
  }
}
