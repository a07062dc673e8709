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
 * Where a batch's accepted→established time goes, as medians in milliseconds, read from the databases after the
 * batch: the acceptance request (client clock) to the event queued by the emulated Partner Center's acceptance
 * transaction ({@code sbx_event_delivery.created_at} in the emulator's database), to the Partner Center event's
 * arrival in the orchestrator's event inbox ({@code pco_partner_center_event.received_at}; the baseline has
 * neither, it is correlated directly),
 * to the end of the instance's "Track invitation" call (the acceptance correlated, {@code act_hi_procinst}), to the
 * instance's end event, and of the last: how long the first step after the acceptance waited for a job thread (its
 * asynchronous continuation: the step's start in {@code act_hi_actinst}). All clocks are this machine's.
 *
 * @param acceptedToQueued p50 acceptance request → event queued in the emulated Partner Center (its acceptance
 *     committed), or null for the baseline
 * @param acceptedToInbox p50 acceptance request → event in the inbox, or null for the baseline
 * @param acceptedToCorrelated p50 acceptance request → "Track invitation" ended
 * @param correlatedToEstablished p50 "Track invitation" ended → end event (the steps after the acceptance)
 * @param correlatedToFirstStep p50 "Track invitation" ended → "Record reseller relationship" started (the wait for a
 *     job thread)
 */
record AcceptancePhases(Double acceptedToQueued, Double acceptedToInbox, double acceptedToCorrelated,
    double correlatedToEstablished, double correlatedToFirstStep) {

  /**
   * @param jdbc the orchestrator's database
   * @param emulatorJdbc the emulated Partner Center's database (its event queue)
   * @param outcomes the batches of one kind in one scenario, with their acceptance instants
   * @param viaInbox whether the acceptance reaches the instance as a Partner Center event (the invitation)
   * @return the medians over all their instances
   */
  static AcceptancePhases of(JdbcClient jdbc, JdbcClient emulatorJdbc, List<Batch.Outcome> outcomes, boolean viaInbox) {
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
    Double toQueued = null;
    Double toInbox = null;
    if (viaInbox) {
      String[] resourceUris = acceptedByResourceUri.keySet().toArray(String[]::new);
      toQueued = firstPerResource(emulatorJdbc, "select resource_uri, min(created_at) from sbx_event_delivery"
          + " where resource_uri = any(?) group by resource_uri", resourceUris, acceptedByResourceUri);
      toInbox = firstPerResource(jdbc, "select resource_uri, min(received_at) from pco_partner_center_event"
          + " where resource_uri = any(?) group by resource_uri", resourceUris, acceptedByResourceUri);
    }
    return new AcceptancePhases(toQueued, toInbox, ms(toCorrelated), ms(toEstablished), ms(toFirstStep));
  }

  /** p50 of acceptance request → the instant a query gives per resource URI (first column URI, second instant). */
  private static double firstPerResource(JdbcClient jdbc, String sql, String[] resourceUris,
      Map<String, Instant> acceptedByResourceUri) {
    Histogram phase = new Histogram(3);
    jdbc.sql(sql)
        .param(resourceUris)
        .query((row, n) -> {
          phase.recordValue(micros(acceptedByResourceUri.get(row.getString(1)), row.getTimestamp(2).toInstant()));
          return null;
        })
        .list();
    return ms(phase);
  }

  private static long micros(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toNanos() / 1000);
  }

  private static double ms(Histogram micros) {
    return Math.round(micros.getValueAtPercentile(50) / 100.0) / 10.0;
  }
}
