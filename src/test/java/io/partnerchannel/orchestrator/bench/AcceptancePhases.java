package io.partnerchannel.orchestrator.bench;

import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a batch's accepted→established time goes, as medians in milliseconds, read from the orchestrator's
 * database after the batch: the acceptance request (client clock) to the Partner Center event's arrival in the
 * event inbox ({@code pco_partner_center_event.received_at}; the baseline has none, it is correlated directly),
 * to the end of the instance's "Track invitation" call (the acceptance correlated, {@code act_hi_procinst}), to the
 * instance's end event, and of the last: how long the first step after the acceptance waited for a job thread (its
 * asynchronous continuation: the step's start in {@code act_hi_actinst}). All clocks are this machine's.
 *
 * @param acceptedToInbox p50 acceptance request → event in the inbox, or null for the baseline
 * @param acceptedToCorrelated p50 acceptance request → "Track invitation" ended
 * @param correlatedToEstablished p50 "Track invitation" ended → end event (the steps after the acceptance)
 * @param correlatedToFirstStep p50 "Track invitation" ended → "Record reseller relationship" started (the wait for a
 *     job thread)
 */
record AcceptancePhases(Double acceptedToInbox, double acceptedToCorrelated, double correlatedToEstablished,
    double correlatedToFirstStep) {

  /**
   * @param jdbc the orchestrator's database
   * @param outcomes the batches of one kind in one scenario, with their acceptance instants
   * @param viaInbox whether the acceptance reaches the instance as a Partner Center event (the invitation)
   * @return the medians over all their instances
   */
  static AcceptancePhases of(JdbcClient jdbc, List<Batch.Outcome> outcomes, boolean viaInbox) {
    Map<String, Instant> accepted = new HashMap<>();
    Map<String, Instant> acceptedByResourceUri = new HashMap<>();
    for (Batch.Outcome outcome : outcomes) {
      for (int i = 0; i < outcome.ids().size(); i++) {
        accepted.put(outcome.ids().get(i), outcome.accepted().get(i));
        acceptedByResourceUri.put(outcome.targets().get(i).resourceUri(), outcome.accepted().get(i));
      }
    }
    Histogram toCorrelated = new Histogram(3);
    Histogram toEstablished = new Histogram(3);
    Histogram toFirstStep = new Histogram(3);
    jdbc.sql("select p.id_, t.end_time_ as tracked, p.end_time_ as ended, s.start_time_ as first_step from act_hi_procinst p"
            + " join act_hi_procinst t on t.super_process_instance_id_ = p.id_"
            + " join act_hi_actinst s on s.proc_inst_id_ = p.id_ and s.act_id_ = ? where p.id_ = any(?)")
        .param(ResellerRelationshipInvitationProcess.TASK_RECORD_RELATIONSHIP)
        .param(accepted.keySet().toArray(String[]::new))
        .query((row, n) -> {
          Instant tracked = row.getTimestamp("tracked").toInstant();
          toCorrelated.recordValue(micros(accepted.get(row.getString(1)), tracked));
          toEstablished.recordValue(micros(tracked, row.getTimestamp("ended").toInstant()));
          toFirstStep.recordValue(micros(tracked, row.getTimestamp("first_step").toInstant()));
          return null;
        })
        .list();
    Double toInbox = null;
    if (viaInbox) {
      Histogram inbox = new Histogram(3);
      jdbc.sql("select resource_uri, min(received_at) from pco_partner_center_event where resource_uri = any(?)"
              + " group by resource_uri")
          .param(acceptedByResourceUri.keySet().toArray(String[]::new))
          .query((row, n) -> {
            inbox.recordValue(micros(acceptedByResourceUri.get(row.getString(1)), row.getTimestamp(2).toInstant()));
            return null;
          })
          .list();
      toInbox = ms(inbox);
    }
    return new AcceptancePhases(toInbox, ms(toCorrelated), ms(toEstablished), ms(toFirstStep));
  }

  private static long micros(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toNanos() / 1000);
  }

  private static double ms(Histogram micros) {
    return Math.round(micros.getValueAtPercentile(50) / 100.0) / 10.0;
  }
}
