package io.partnerchannel.orchestrator.gdap;

import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts the {@code GdapRelationshipLifecycle} of a GDAP relationship: one instance per relationship, its
 * business key the Microsoft Graph {@code delegatedAdminRelationship} id. Called when a relationship becomes
 * active at the end of a GDAP request ({@code createAccessAssignments}) and by reconciliation for a relationship
 * no instance watches.
 */
@Service
public class GdapLifecycles {

  private static final Logger log = LoggerFactory.getLogger(GdapLifecycles.class);

  private final RuntimeService runtimeService;
  private final GdapProperties properties;

  /**
   * @param runtimeService the engine's runtime service
   * @param properties {@code pco.gdap.lifecycle.*} timers
   */
  public GdapLifecycles(RuntimeService runtimeService, GdapProperties properties) {
    this.runtimeService = runtimeService;
    this.properties = properties;
  }

  /**
   * Who a lifecycle talks to; every part may be null.
   *
   * @param owner Camunda user id of the relationship's owner (e.g. the invitation's requester), reminded of the
   *     expiry; null: {@code pco.gdap.lifecycle.owner-email} is
   * @param globalAdminEmail the customer's Global admin, who approves a new relationship; null: a partner admin
   *     enters it when a new relationship is requested
   * @param customerLanguage ISO 639-1 language of the customer's e-mails
   */
  public record Contacts(String owner, String globalAdminEmail, String customerLanguage) {

    /** No contact known (a relationship found by reconciliation). */
    public static final Contacts NONE = new Contacts(null, null, null);
  }

  /**
   * Watches a GDAP relationship. Idempotent: when a {@code GdapRelationshipLifecycle} instance with this
   * business key runs, nothing is started and its id is returned. Joins the caller's transaction.
   *
   * @param relationshipId the delegatedAdminRelationship id (Graph), not blank
   * @param customerTenantId the customer's tenant id, may be null when unknown (read from Graph then)
   * @return the id of the instance that watches the relationship, new or already running
   * @throws IllegalArgumentException when {@code relationshipId} is blank
   */
  public String watch(String relationshipId, String customerTenantId) {
    return watch(relationshipId, customerTenantId, Contacts.NONE);
  }

  /**
   * {@link #watch(String, String)} with the relationship's contacts.
   *
   * @param relationshipId the delegatedAdminRelationship id (Graph), not blank
   * @param customerTenantId the customer's tenant id, may be null
   * @param contacts owner and customer contact, {@link Contacts#NONE} when unknown
   * @return the id of the instance that watches the relationship, new or already running
   * @throws IllegalArgumentException when {@code relationshipId} is blank
   */
  public String watch(String relationshipId, String customerTenantId, Contacts contacts) {
    if (relationshipId == null || relationshipId.isBlank()) {
      throw new IllegalArgumentException("relationshipId must name a GDAP relationship");
    }
    Optional<String> running = watching(relationshipId);
    if (running.isPresent()) {
      log.debug("GDAP relationship {} is already watched by {}", relationshipId, running.get());
      return running.get();
    }
    Contacts known = contacts == null ? Contacts.NONE : contacts;
    ProcessInstance started = runtimeService.startProcessInstanceByKey(
        GdapRelationshipLifecycleProcess.PROCESS_KEY,
        relationshipId,
        Variables.createVariables()
            .putValue(GdapVariables.RELATIONSHIP_ID.getName(), relationshipId)
            .putValue(GdapVariables.CUSTOMER_TENANT_ID.getName(), customerTenantId)
            .putValue(GdapVariables.OWNER.getName(), known.owner())
            .putValue(GdapVariables.GLOBAL_ADMIN_EMAIL.getName(), known.globalAdminEmail())
            .putValue(GdapVariables.CUSTOMER_LANGUAGE.getName(), known.customerLanguage())
            .putValue(GdapVariables.ACCESS_ASSIGNMENTS_CHECKED.getName(), false)
            .putValue(GdapVariables.PROVISIONING_TIME.getName(), properties.lifecycle().provisioningTimeIso())
            .putValue(GdapVariables.ACTIVATION_CHECK_INTERVAL.getName(), properties.lifecycle().activationCheckIntervalIso()));
    log.info("GDAP relationship {} is now watched by lifecycle {}", relationshipId, started.getId());
    return started.getId();
  }

  /**
   * @param relationshipId the delegatedAdminRelationship id
   * @return the id of the running lifecycle instance of that relationship, empty when none runs
   */
  public Optional<String> watching(String relationshipId) {
    return runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(GdapRelationshipLifecycleProcess.PROCESS_KEY)
        .processInstanceBusinessKey(relationshipId)
        .list().stream()
        .map(ProcessInstance::getId)
        .findFirst();
  }
}
