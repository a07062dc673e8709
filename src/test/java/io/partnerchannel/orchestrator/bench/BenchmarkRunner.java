package io.partnerchannel.orchestrator.bench;

import io.partnerchannel.orchestrator.bench.BenchReport.Latency;
import io.partnerchannel.orchestrator.bench.BenchReport.Preload;
import io.partnerchannel.orchestrator.bench.BenchReport.Ratio;
import io.partnerchannel.orchestrator.bench.BenchReport.Run;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark ({@code ./mvnw -Pbench verify}; README "Benchmark"). On one PostgreSQL (the configured server
 * or an embedded one) it runs, on application nodes it starts ({@code java -jar}, profiles {@code postgres,bench}):
 * <ol>
 *   <li>one node, empty history: a warm-up, then N invitations and N baseline instances with C clients;</li>
 *   <li>the same node, for each history level (default 10 000 and 100 000 finished instances), preloaded in
 *       bulk from the first batch's instances: the same two batches, so only the history differs;</li>
 *   <li>the cluster run: two nodes process one batch of N invitations together (and one baseline batch), and
 *       the run checks that everything happened exactly once ({@link ClusterCheck}).</li>
 * </ol>
 * It writes {@code target/bench/latest.json} and {@code latest.md} and fails when the cluster checks fail.
 */
public final class BenchmarkRunner {

  private static final Logger log = LoggerFactory.getLogger(BenchmarkRunner.class);
  /** Time for PostgreSQL to publish the last transaction counts after a batch. */
  private static final long STATS_SETTLE_MILLIS = 1_500;

  private final BenchSettings settings;
  private final BenchDatabase database;
  private final ApplicationNode.Credentials credentials = ApplicationNode.Credentials.random();
  private final List<Run> runs = new ArrayList<>();
  private final List<Preload> preloads = new ArrayList<>();
  private final Workload invitation = new InvitationWorkload();
  private final Workload baseline = new BaselineWorkload();
  private int batches;

  private BenchmarkRunner(BenchSettings settings, BenchDatabase database) {
    this.settings = settings;
    this.database = database;
  }

  /**
   * Runs the benchmark with the settings of {@link BenchSettings#fromSystemProperties()}, or with
   * {@code -Dbench.load=true} the load test ({@link LoadRun}) instead.
   *
   * @param args none
   * @throws IllegalStateException when a batch fails or the cluster checks fail (after the report is written)
   */
  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.fromSystemProperties();
    if (Boolean.getBoolean("bench.load")) {
      LoadRun.run(settings);
      return;
    }
    Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long started = System.nanoTime();
    BenchReport report;
    try (BenchDatabase database = BenchDatabase.start(settings.synchronousCommit())) {
      log.info("Benchmark: N={} C={} history={} cluster={} on {}", settings.invitations(), settings.clients(),
          settings.historyLevels(), settings.cluster(), database.describe());
      report = new BenchmarkRunner(settings, database).run(startedAt, started);
    }
    report.write(settings.output());
    log.info("Benchmark report: {}\n\n{}", settings.output().resolve("latest.md").toAbsolutePath(), report.markdown());
    if (report.cluster() != null && !report.cluster().passed()) {
      throw new IllegalStateException("Cluster run failed: " + report.cluster().problems());
    }
  }

  private BenchReport run(Instant startedAt, long started) throws Exception {
    ClusterCheck.PerInvitation singleNode;
    try (ApplicationNode node = ApplicationNode.start("single-node", settings, database, credentials)) {
      List<ApplicationNode> nodes = List.of(node);
      warmUp(nodes);
      Batch.Outcome first = measureBoth("single node, fresh database", nodes);
      singleNode = ClusterCheck.PerInvitation.of(database.jdbc, first, PartnerCenterCalls.of(nodes, first.targets()));
      HistoryPreloader preloader = new HistoryPreloader(database, first.ids());
      for (int level : settings.historyLevels()) {
        double seconds = preloader.preloadTo(level);
        long finished = preloader.finishedInstances();
        preloads.add(new Preload(finished, seconds, preloader.historyBytes() >> 20));
        log.info("History holds {} finished instances (preloaded in {} s)", finished, Math.round(seconds));
        measureBoth("single node, " + level + " in history", nodes);
      }
    }
    ClusterCheck cluster = settings.cluster() ? cluster(singleNode) : null;
    List<Ratio> ratios = ratios();
    return new BenchReport(startedAt.toString(), BenchReport.Machine.current(), database.describe(), settings,
        runs, preloads, ratios, cluster, (System.nanoTime() - started) / 1e9);
  }

  /** Measures N invitations, then N baseline instances; returns the invitations' outcome. */
  private Batch.Outcome measureBoth(String scenario, List<ApplicationNode> nodes) throws InterruptedException {
    Batch.Outcome invitations = measure(scenario, invitation, nodes);
    measure(scenario, baseline, nodes);
    return invitations;
  }

  private ClusterCheck cluster(ClusterCheck.PerInvitation singleNode) throws Exception {
    try (ApplicationNode first = ApplicationNode.start("cluster-node-1", settings, database, credentials);
        ApplicationNode second = ApplicationNode.start("cluster-node-2", settings, database, credentials)) {
      List<ApplicationNode> nodes = List.of(first, second);
      warmUp(nodes);
      Batch.Outcome invitations = measureBoth("cluster of 2 nodes", nodes);
      PartnerCenterCalls calls = PartnerCenterCalls.of(nodes, invitations.targets());
      ClusterCheck check = ClusterCheck.of(database.jdbc, invitations, List.of(first.name, second.name), calls, singleNode);
      log.info("Cluster checks {}: {}", check.passed() ? "passed" : "FAILED", check);
      return check;
    }
  }

  private void warmUp(List<ApplicationNode> nodes) throws InterruptedException {
    if (settings.warmUp() > 0) {
      for (Workload workload : List.of(invitation, baseline)) {
        new Batch(workload, nodes, settings.clients()).run("w" + ++batches, settings.warmUp());
      }
    }
  }

  private Batch.Outcome measure(String scenario, Workload workload, List<ApplicationNode> nodes)
      throws InterruptedException {
    long history = database.jdbc.sql("select count(*) from act_hi_procinst where end_time_ is not null")
        .query(Long.class).single();
    nodes.forEach(ApplicationNode::resetPeakHeap);
    BenchDatabase.Counters before = database.counters();
    Batch.Outcome outcome = new Batch(workload, nodes, settings.clients()).run("r" + ++batches, settings.invitations());
    Thread.sleep(STATS_SETTLE_MILLIS);
    BenchDatabase.Counters used = database.counters().since(before);
    int n = settings.invitations();
    Run run = new Run(scenario, workload.name(), nodes.size(), history, n, settings.clients(), outcome.throughput(),
        outcome.seconds(), Latency.of(outcome.startLatency()), Latency.of(outcome.acceptedToEstablished()),
        (double) used.commits() / n, (double) outcome.polls() / n, (double) used.transactionIds() / n,
        database.jdbc.sql("select count(*) from act_hi_job_log where job_state_ = 1 and process_instance_id_ = any(?)")
            .param(outcome.ids().toArray(String[]::new)).query(Long.class).single(),
        nodes.stream().map(node -> node.peakHeapBytes() >> 20).toList(),
        nodes.stream().map(node -> node.peakRssBytes() >> 20).toList(),
        nodes.stream().map(node -> node.startMillis() / 1000.0).toList());
    runs.add(run);
    log.info("{} / {}: {} inst/s, start p95 {} ms, accepted→established p95 {} ms, {} write tx/inst", scenario,
        workload.name(), Math.round(run.throughput() * 10) / 10.0, run.startLatencyMs().p95(),
        run.acceptedToEstablishedMs().p95(), Math.round(run.writeTransactionsPerInstance() * 10) / 10.0);
    return outcome;
  }

  /** Invitation / baseline per scenario, and cost growth of each level over the previous one and over empty. */
  private List<Ratio> ratios() {
    List<Ratio> ratios = new ArrayList<>();
    List<String> scenarios = runs.stream().map(Run::scenario).distinct().toList();
    for (String scenario : scenarios) {
      Run real = find(scenario, invitation.name());
      Run base = find(scenario, baseline.name());
      ratios.add(new Ratio("invitation / baseline throughput, " + scenario, real.throughput() / base.throughput()));
      ratios.add(new Ratio("invitation / baseline accepted→established p50, " + scenario,
          real.acceptedToEstablishedMs().p50() / base.acceptedToEstablishedMs().p50()));
      ratios.add(new Ratio("invitation / baseline write transactions per instance, " + scenario,
          real.writeTransactionsPerInstance() / base.writeTransactionsPerInstance()));
    }
    List<String> single = scenarios.stream().filter(scenario -> scenario.startsWith("single node")).toList();
    for (int i = 1; i < single.size(); i++) {
      for (String from : i == 1 ? List.of(single.get(0)) : List.of(single.get(i - 1), single.get(0))) {
        for (String process : List.of(invitation.name(), baseline.name())) {
          Run later = find(single.get(i), process);
          Run earlier = find(from, process);
          String growth = " (" + later.historyInstances() + " vs " + earlier.historyInstances() + " in history)";
          ratios.add(new Ratio(process + " throughput" + growth, later.throughput() / earlier.throughput()));
          ratios.add(new Ratio(process + " accepted→established p95" + growth,
              later.acceptedToEstablishedMs().p95() / earlier.acceptedToEstablishedMs().p95()));
          ratios.add(new Ratio(process + " start p95" + growth, later.startLatencyMs().p95() / earlier.startLatencyMs().p95()));
        }
      }
    }
    return ratios;
  }

  private Run find(String scenario, String process) {
    return runs.stream()
        .filter(run -> run.scenario().equals(scenario) && run.process().equals(process))
        .findFirst()
        .orElseThrow();
  }
}
