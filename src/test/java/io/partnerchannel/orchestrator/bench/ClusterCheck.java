package io.partnerchannel.orchestrator.bench;

import static io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the cluster run must prove about the batch two nodes processed together, read from the shared
 * database and the nodes' sandboxes: every instance completed exactly once (one end, every activity once,
 * every job succeeded once), the same e-mails (each with its own idempotency key) and the same Partner Center
 * calls per invitation as on a single node, one relationship and one event per customer, each event delivered
 * and correlated once, and jobs executed on both nodes.
 *
 * @param instances invitations in the batch
 * @param completed instances ended at {@code EndEvent_RelationshipEstablished}
 * @param activitiesRepeated (instance, activity) pairs that ran more than once
 * @param jobsPerNode successful jobs of the batch per node ({@code ACT_HI_JOB_LOG.HOSTNAME_})
 * @param jobsSucceededTwice jobs with more than one successful execution
 * @param jobFailures failed job executions (retried) in the batch
 * @param emails outbox entries of the batch's instances
 * @param distinctEmailKeys distinct idempotency keys among them
 * @param emailsPerInvitation distinct numbers of e-mails per invitation
 * @param expectedEmailsPerInvitation the same on a single node
 * @param relationships reseller relationships the sandbox recorded for the batch's customers
 * @param events sandbox events queued for them
 * @param eventPosts times the sandbox POSTed those events (delivery attempts)
 * @param eventsCorrelated inbox rows correlated
 * @param inboxRows inbox rows of those events
 * @param partnerCenterCallsPerInvitation distinct numbers of customer-specific Partner Center calls per invitation
 * @param expectedCallsPerInvitation the same on a single node
 * @param problems what failed; empty when the cluster run passed
 */
record ClusterCheck(
    int instances,
    long completed,
    long activitiesRepeated,
    Map<String, Long> jobsPerNode,
    long jobsSucceededTwice,
    long jobFailures,
    long emails,
    long distinctEmailKeys,
    List<Long> emailsPerInvitation,
    List<Long> expectedEmailsPerInvitation,
    long relationships,
    long events,
    long eventPosts,
    long eventsCorrelated,
    long inboxRows,
    List<Long> partnerCenterCallsPerInvitation,
    List<Long> expectedCallsPerInvitation,
    List<String> problems) {

  /** @return whether every check passed */
  @JsonProperty("passed")
  boolean passed() {
    return problems.isEmpty();
  }

  /**
   * @param jdbc the shared database
   * @param emulatorJdbc the emulated Partner Center's database (its {@code sbx_*} tables)
   * @param batch the batch both nodes processed
   * @param nodeNames the nodes' host names
   * @param calls Partner Center calls the nodes' sandboxes answered
   * @param singleNode what one invitation did on a single node
   * @return the checks and their outcome
   */
  static ClusterCheck of(
      JdbcClient jdbc, JdbcClient emulatorJdbc, Batch.Outcome batch, List<String> nodeNames, PartnerCenterCalls calls, PerInvitation singleNode) {
    String[] ids = batch.ids().toArray(String[]::new);
    String[] uris = batch.targets().stream().map(Workload.Target::resourceUri).toArray(String[]::new);
    String[] tenants = batch.targets().stream().map(Workload.Target::customerTenantId).toArray(String[]::new);
    int n = ids.length;

    long completed = count(jdbc, "select count(*) from act_hi_procinst where proc_inst_id_ = any(?)"
        + " and state_ = 'COMPLETED' and end_act_id_ = ?", ids, END_EVENT_RELATIONSHIP_ESTABLISHED);
    long activitiesRepeated = count(jdbc, "select count(*) from (select proc_inst_id_, act_id_ from act_hi_actinst"
        + " where proc_inst_id_ = any(?) group by proc_inst_id_, act_id_ having count(*) > 1) repeated", ids);
    Map<String, Long> jobsPerNode = new LinkedHashMap<>();
    nodeNames.forEach(node -> jobsPerNode.put(node, 0L));
    jdbc.sql("select hostname_, count(*) from act_hi_job_log where process_instance_id_ = any(?) and job_state_ = 2"
            + " group by hostname_ order by hostname_")
        .param(ids)
        .query((row, i) -> jobsPerNode.put(row.getString(1), row.getLong(2)))
        .list();
    long jobsSucceededTwice = count(jdbc, "select count(*) from (select job_id_ from act_hi_job_log"
        + " where process_instance_id_ = any(?) and job_state_ = 2 group by job_id_ having count(*) > 1) twice", ids);
    long jobFailures = count(jdbc, "select count(*) from act_hi_job_log where process_instance_id_ = any(?) and job_state_ = 1", ids);
    long emails = count(jdbc, "select count(*) from pco_mail_outbox where business_reference = any(?)", ids);
    long distinctEmailKeys = count(jdbc, "select count(distinct idempotency_key) from pco_mail_outbox where business_reference = any(?)", ids);
    long relationships = count(emulatorJdbc, "select count(*) from sbx_customer_relationship where customer_tenant_id = any(?)"
        + " and partner_id = ?", tenants, InvitationWorkload.PARTNER_ID);
    long events = count(emulatorJdbc, "select count(*) from sbx_event_delivery where resource_uri = any(?)", uris);
    long eventPosts = count(emulatorJdbc, "select coalesce(sum(attempts), 0) from sbx_event_delivery where resource_uri = any(?)", uris);
    long inboxRows = count(jdbc, "select count(*) from pco_partner_center_event where resource_uri = any(?)", uris);
    long eventsCorrelated = count(jdbc, "select count(*) from pco_partner_center_event where resource_uri = any(?)"
        + " and status = 'CORRELATED' and attempts = 1", uris);
    PerInvitation perInvitation = PerInvitation.of(jdbc, batch, calls);

    List<String> problems = new ArrayList<>();
    expect(problems, completed == n, "%d of %d instances completed at %s", completed, n, END_EVENT_RELATIONSHIP_ESTABLISHED);
    expect(problems, activitiesRepeated == 0, "%d activities ran twice in one instance", activitiesRepeated);
    expect(problems, jobsSucceededTwice == 0, "%d jobs succeeded twice", jobsSucceededTwice);
    jobsPerNode.forEach((node, jobs) -> expect(problems, jobs > 0, "node %s executed no job of the batch", node));
    expect(problems, jobsPerNode.size() == nodeNames.size(), "jobs ran on unexpected hosts: %s", jobsPerNode.keySet());
    expect(problems, distinctEmailKeys == emails, "%d e-mails with only %d distinct idempotency keys", emails, distinctEmailKeys);
    expect(problems, perInvitation.emails().equals(singleNode.emails()),
        "e-mails per invitation %s, on a single node %s", perInvitation.emails(), singleNode.emails());
    expect(problems, relationships == n, "%d reseller relationships recorded for %d customers", relationships, n);
    expect(problems, events == n && eventPosts == n, "%d sandbox events POSTed %d times for %d customers", events, eventPosts, n);
    expect(problems, inboxRows == n && eventsCorrelated == n, "%d inbox rows, %d correlated at the first attempt, for %d events",
        inboxRows, eventsCorrelated, n);
    expect(problems, perInvitation.partnerCenterCalls().equals(singleNode.partnerCenterCalls()),
        "customer-specific Partner Center calls per invitation %s, on a single node %s", perInvitation.partnerCenterCalls(),
        singleNode.partnerCenterCalls());
    return new ClusterCheck(n, completed, activitiesRepeated, jobsPerNode, jobsSucceededTwice, jobFailures, emails,
        distinctEmailKeys, perInvitation.emails(), singleNode.emails(), relationships, events, eventPosts, eventsCorrelated,
        inboxRows, perInvitation.partnerCenterCalls(), singleNode.partnerCenterCalls(), problems);
  }

  /**
   * What each invitation of a batch did, as the distinct numbers over the batch ({@code [1]}: every invitation once).
   *
   * @param emails e-mails in the outbox per invitation
   * @param partnerCenterCalls customer-specific Partner Center calls per invitation
   */
  record PerInvitation(List<Long> emails, List<Long> partnerCenterCalls) {

    /**
     * @param jdbc the database
     * @param batch a finished invitation batch
     * @param calls the Partner Center calls of the nodes that ran it
     * @return what its invitations did
     */
    static PerInvitation of(JdbcClient jdbc, Batch.Outcome batch, PartnerCenterCalls calls) {
      Map<String, Long> emails = new HashMap<>();
      batch.ids().forEach(id -> emails.put(id, 0L));
      jdbc.sql("select business_reference, count(*) from pco_mail_outbox where business_reference = any(?)"
              + " group by business_reference")
          .param(batch.ids().toArray(String[]::new))
          .query((row, i) -> emails.put(row.getString(1), row.getLong(2)))
          .list();
      return new PerInvitation(List.copyOf(new TreeSet<>(emails.values())), List.copyOf(calls.distinctPerCustomer()));
    }
  }

  /** @return the count, with {@code values} as the first parameter (an SQL array) and then {@code more} */
  private static long count(JdbcClient jdbc, String sql, String[] values, Object... more) {
    List<Object> params = new ArrayList<>();
    params.add(values);
    params.addAll(List.of(more));
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  private static void expect(List<String> problems, boolean holds, String format, Object... args) {
    if (!holds) {
      problems.add(format.formatted(args));
    }
  }
}
