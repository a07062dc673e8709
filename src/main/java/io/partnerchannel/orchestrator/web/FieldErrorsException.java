package io.partnerchannel.orchestrator.web;

import java.util.List;

/**
 * An engine exception about invalid input that knows its fields (a start or task listener's refusal, a
 * refused form variable): the engine REST API's 400 problem lists them ({@link EngineRestProblems}).
 */
public interface FieldErrorsException {

  /** @return the invalid fields (process variable names), at least one */
  List<FieldError> getErrors();
}
