package io.partnerchannel.orchestrator.gdap;

/**
 * Element ids of {@code bpmn/GdapRelationshipLifecycle.bpmn} (Camunda id convention), for code and tests.
 */
public final class GdapRelationshipLifecycleProcess {

  /** Process id = file name. */
  public static final String PROCESS_KEY = "GdapRelationshipLifecycle";

  private GdapRelationshipLifecycleProcess() {}
}
