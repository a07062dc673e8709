package io.partnerchannel.orchestrator.bench;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED;
import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.PROCESS_KEY;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whether a set of invitations happened exactly once, read from the database after a crash or load run: each
 * acknowledged invitation completed at {@code EndEvent_RelationshipEstablished}; no customer got a second
 * instance, reseller relationship, GDAP relationship or access assignment; no e-mail was written twice; no
 * incident was raised. The crash test ({@link ChaosRunner}) and the load test ({@link LoadRun}) report it.
 *
 * @param invitations invitations the clients meant to start
 * @param acknowledged starts answered 201 (with an id)
 * @param completed acknowledged instances ended at {@code EndEvent_RelationshipEstablished}
 * @param duplicatedInstances instances beyond the first for a customer domain
 * @param duplicatedRelationships reseller relationships beyond the first per customer and partner
 * @param duplicatedEmails e-mails beyond the first per invitation and template
 * @param duplicatedGdapRelationships GDAP relationships beyond the first per customer
 * @param duplicatedAccessAssignments access assignments beyond the first per GDAP relationship
 * @param incidents incidents of the instances (open or resolved, from history)
 * @param activitiesRepeated (instance, activity) pairs that ran more than once (a job redone after a kill that
 *     had committed its step before would show here)
 * @param failedJobs job executions of the instances that failed and were retried
 */
record ExactlyOnce(
    int invitations,
    long acknowledged,
    long completed,
    long duplicatedInstances,
    long duplicatedRelationships,
    long duplicatedEmails,
    long duplicatedGdapRelationships,
    long duplicatedAccessAssignments,
    long incidents,
    long activitiesRepeated,
    long failedJobs) {

  /**
   * @param jdbc the database
   * @param invitations invitations the clients meant to start
   * @param ids ids of the acknowledged starts
   * @param domains customer domains of all invitations
   * @param tenants customer tenant ids of all invitations
   * @param partnerId the inviting partner
   * @return the counts
   */
  static ExactlyOnce of(JdbcClient jdbc, int invitations, List<String> ids, List<String> domains, List<String> tenants,
      String partnerId) {
    String[] idArray = ids.toArray(String[]::new);
    String[] domainArray = domains.toArray(String[]::new);
    String[] tenantArray = tenants.toArray(String[]::new);
    return new ExactlyOnce(
        invitations,
        ids.size(),
        count(jdbc, "select count(*) from act_hi_procinst where proc_inst_id_ = any(?) and state_ = 'COMPLETED'"
            + " and end_act_id_ = ?", idArray, END_EVENT_RELATIONSHIP_ESTABLISHED),
        count(jdbc, "select coalesce(sum(n - 1), 0) from (select count(*) n from act_hi_procinst p"
            + " join act_re_procdef d on d.id_ = p.proc_def_id_ where p.business_key_ = any(?) and d.key_ = ?"
            + " group by p.business_key_) per_domain", domainArray, PROCESS_KEY),
        count(jdbc, "select coalesce(sum(n - 1), 0) from (select count(*) n from sbx_customer_relationship"
            + " where customer_tenant_id = any(?) and partner_id = ? group by customer_tenant_id, partner_id) r",
            tenantArray, partnerId),
        count(jdbc, "select coalesce(sum(n - 1), 0) from (select count(*) n from pco_mail_outbox"
            + " where business_reference = any(?) group by business_reference, template) m", idArray),
        count(jdbc, "select coalesce(sum(n - 1), 0) from (select count(*) n from sbx_gdap_relationship"
            + " where customer_tenant_id = any(?) and partner_id = ? group by customer_tenant_id) g", tenantArray, partnerId),
        count(jdbc, "select coalesce(sum(n - 1), 0) from (select count(*) n from sbx_gdap_access_assignment a"
            + " join sbx_gdap_relationship g on g.id = a.relationship_id where g.customer_tenant_id = any(?)"
            + " group by a.relationship_id) a", tenantArray),
        count(jdbc, "select count(*) from act_hi_incident where proc_inst_id_ = any(?)", idArray)
            + count(jdbc, "select count(*) from act_ru_incident where proc_inst_id_ = any(?)"
                + " and id_ not in (select id_ from act_hi_incident)", idArray),
        count(jdbc, "select count(*) from (select proc_inst_id_, act_id_ from act_hi_actinst where proc_inst_id_ = any(?)"
            + " group by proc_inst_id_, act_id_ having count(*) > 1) repeated", idArray),
        count(jdbc, "select count(*) from act_hi_job_log where process_instance_id_ = any(?) and job_state_ = 1", idArray));
  }

  /** @return acknowledged starts that did not complete, plus invitations never acknowledged */
  long lost() {
    return invitations - completed;
  }

  /** @return what failed: lost, duplicated or incidents; empty when all are 0 */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    expectZero(problems, lost(), "invitations lost (%d of %d completed)".formatted(completed, invitations));
    expectZero(problems, duplicatedInstances, "instances duplicated");
    expectZero(problems, duplicatedRelationships, "reseller relationships duplicated");
    expectZero(problems, duplicatedEmails, "e-mails duplicated");
    expectZero(problems, duplicatedGdapRelationships, "GDAP relationships duplicated");
    expectZero(problems, duplicatedAccessAssignments, "GDAP access assignments duplicated");
    expectZero(problems, incidents, "incidents");
    return problems;
  }

  /** @return Markdown table rows {@code | what | count |} */
  String markdownRows() {
    return String.join("\n",
        "| invitations | " + invitations + " |",
        "| acknowledged starts (201) | " + acknowledged + " |",
        "| completed at EndEvent_RelationshipEstablished | " + completed + " |",
        "| **lost** | **" + lost() + "** |",
        "| **duplicated instances** | **" + duplicatedInstances + "** |",
        "| **duplicated reseller relationships** | **" + duplicatedRelationships + "** |",
        "| **duplicated e-mails** | **" + duplicatedEmails + "** |",
        "| **duplicated GDAP relationships** | **" + duplicatedGdapRelationships + "** |",
        "| **duplicated GDAP access assignments** | **" + duplicatedAccessAssignments + "** |",
        "| **incidents** | **" + incidents + "** |",
        "| activities run twice in one instance | " + activitiesRepeated + " |",
        "| failed job executions (retried) | " + failedJobs + " |");
  }

  private static void expectZero(List<String> problems, long value, String what) {
    if (value != 0) {
      problems.add(value + " " + what);
    }
  }

  /** @return the count, with {@code array} (an SQL array) as the first parameter and then {@code more} */
  private static long count(JdbcClient jdbc, String sql, Object array, Object... more) {
    List<Object> params = new ArrayList<>();
    params.add(array);
    params.addAll(List.of(more));
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
