package io.partnerchannel.orchestrator.invitation;

import io.holunda.camunda.bpm.data.adapter.WrongVariableTypeException;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a user submitted through a Tasklist form, where any type can arrive (the engine REST API accepts
 * whatever a client sends): a value of another type reads as absent, so the task listener refuses it with its
 * own message ({@code BadUserRequestException}) rather than failing with a type error.
 */
public final class FormInput {

  private FormInput() {}

  /**
   * @param variable the submitted variable
   * @param scope the task or its execution
   * @param <T> the variable's type
   * @return its value; null when absent, null or of another type
   */
  public static <T> T submitted(VariableFactory<T> variable, VariableScope scope) {
    try {
      return variable.from(scope).getOrNull();
    } catch (WrongVariableTypeException e) {
      return null;
    }
  }
}
