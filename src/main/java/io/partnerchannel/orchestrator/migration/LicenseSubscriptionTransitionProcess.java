package io.partnerchannel.orchestrator.migration;

/**
 * Element ids of {@code bpmn/LicenseSubscriptionTransition.bpmn}, so code and tests refer to the model
 * through one set of constants (Camunda id convention).
 */
public final class LicenseSubscriptionTransitionProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "LicenseSubscriptionTransition";

  private LicenseSubscriptionTransitionProcess() {}
}
