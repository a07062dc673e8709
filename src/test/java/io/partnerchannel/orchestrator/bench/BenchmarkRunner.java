package io.partnerchannel.orchestrator.bench;

import io.partnerchannel.orchestrator.bench.BenchReport.Latency;
import io.partnerchannel.orchestrator.bench.BenchReport.Preload;
import io.partnerchannel.orchestrator.bench.BenchReport.Ratio;
import io.partnerchannel.orchestrator.bench.BenchReport.Run;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;

/**
 * The benchmark ({@code ./mvnw -Pbench verify}; docs/benchmark.md). On one PostgreSQL server (the configured one
 * or an embedded one, {@code fsync} and {@code synchronous_commit} on) it starts, from the executable jar:
 * the <b>emulated Partner Center</b> in a process and database of its own (profiles
 * {@code postgres,sandbox,bench,emulator}) and the <b>orchestrator</b> under test (profiles
 * {@code postgres,sandbox,bench}) whose Partner Center and Graph base URLs point at the emulator over HTTP and
 * whose webhook the emulator calls. Then:
 * <ol>
 *   <li>one node: a warm-up of each kind, then for each level of running invitations (default 100 and 10 000,
 *       as many of each process, waiting for their customers) N invitations and N baseline instances with C
 *       clients, which one goes first alternating from level to level;</li>
 *   <li>optionally, the same node with 10 000 / 100 000 finished instances in the history;</li>
 *   <li>the cluster run: two orchestrator nodes process one batch of each together, and the run checks that
 *       everything happened exactly once ({@link ClusterCheck}).</li>
 * </ol>
 * Each batch reports the orchestrator's and the emulator's CPU seconds per instance (JMX process CPU time) and
 * their databases' commits apart. It writes {@code target/bench/latest.json} and {@code latest.md} and fails
 * when the cluster checks fail.
 */
public final class BenchmarkRunner {

  private static final Logger log = LoggerFactory.getLogger(BenchmarkRunner.class);
  /** Time for PostgreSQL to publish the last transaction counts after a batch. */
  private static final long STATS_SETTLE_MILLIS = 1_500;
  private static final String ORCHESTRATOR_PROFILES = "postgres,sandbox," + BenchProfile.NAME;
  /** Running instances started per preload request (well within the client's read timeout). */
  private static final int PRELOAD_REQUEST = 200;
  /** How long {@link #settle} waits for the engine to have no due job before a level's batches. */
  private static final long SETTLE_TIMEOUT_NANOS = 10L * 60 * 1_000_000_000;
  /** How often {@link #settle} looks for due jobs. */
  private static final long JOB_POLL_MILLIS = 500;

  private final BenchSettings settings;
  private final BenchDatabase database;
  private final ApplicationNode.Credentials credentials = ApplicationNode.Credentials.random();
  private final List<Run> runs = new ArrayList<>();
  private final List<Preload> preloads = new ArrayList<>();
  private final Workload invitation = new InvitationWorkload();
  private final Workload baseline = new BaselineWorkload();
  private int batches;
  private int running;
  private StartArchive startArchive;

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
    try (BenchDatabase database = BenchDatabase.start(settings.synchronousCommit(), settings.fsync(),
        System.getenv("BENCH_EMULATOR_DATASOURCE_URL"))) {
      log.info("Benchmark: N={} C={} running={} history={} cluster={} on {}", settings.invitations(), settings.clients(),
          settings.runningLevels(), settings.historyLevels(), settings.cluster(), database.describe());
      report = new BenchmarkRunner(settings, database).run(startedAt, started);
    }
    report.write(settings.output());
    log.info("Benchmark report: {}\n\n{}", settings.output().resolve("latest.md").toAbsolutePath(), report.markdown());
    if (report.cluster() != null && !report.cluster().passed()) {
      throw new IllegalStateException("Cluster run failed: " + report.cluster().problems());
    }
  }

  private BenchReport run(Instant startedAt, long started) throws Exception {
    if (settings.cds()) {
      long began = System.nanoTime();
      startArchive = StartArchive.create(settings, database.environment(), credentials, ORCHESTRATOR_PROFILES);
      log.info("Extracted the jar and trained its AppCDS archive in {} s", Math.round((System.nanoTime() - began) / 1e9));
    }
    ClusterCheck.PerInvitation singleNode = null;
    Batch.Outcome first = null;
    try (Deployment single = Deployment.start(settings, database, credentials, startArchive, "single-node", 1)) {
      warmUp(single);
      int level = 0;
      for (int runningLevel : settings.runningLevels().isEmpty() ? List.of(0) : settings.runningLevels()) {
        preloadRunning(single.nodes.get(0), runningLevel);
        settle(single);
        Batch.Outcome outcome = measureBoth("single node, " + runningLevel + " running", single, level++ % 2 == 0);
        if (first == null) {
          first = outcome;
          singleNode = ClusterCheck.PerInvitation.of(database.jdbc, first,
              PartnerCenterCalls.of(List.of(single.emulator), first.targets()));
        }
      }
      if (!settings.historyLevels().isEmpty()) {
        HistoryPreloader preloader = new HistoryPreloader(database, first.ids());
        for (int history : settings.historyLevels()) {
          double seconds = preloader.preloadTo(history);
          long finished = preloader.finishedInstances();
          preloads.add(new Preload(finished, seconds, preloader.historyBytes() >> 20));
          log.info("History holds {} finished instances (preloaded in {} s)", finished, Math.round(seconds));
          settle(single);
          measureBoth("single node, " + history + " in history", single, level++ % 2 == 0);
        }
      }
    }
    ClusterCheck cluster = settings.cluster() ? cluster(singleNode, settings.runningLevels().size() % 2 == 0) : null;
    List<Ratio> ratios = ratios();
    return new BenchReport(startedAt.toString(), BenchReport.Machine.current(), database.describe(), settings,
        runs, preloads, ratios, cluster, (System.nanoTime() - started) / 1e9);
  }

  /** Tops the running invitations and baseline instances waiting for their customers up to {@code level} each. */
  private void preloadRunning(ApplicationNode node, int level) {
    int missing = level - running;
    if (missing <= 0) {
      return;
    }
    long began = System.nanoTime();
    for (boolean isBaseline : List.of(false, true)) {
      for (int from = 0; from < missing; from += PRELOAD_REQUEST) {
        node.operator.post().uri("/sandbox/bench/running-instances")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("baseline", isBaseline, "prefix", "p" + level + "x" + from,
                "count", Math.min(PRELOAD_REQUEST, missing - from)))
            .retrieve()
            .toBodilessEntity();
      }
    }
    running = level;
    log.info("{} invitations and {} baseline instances wait for their customers (started {} of each in {} s)",
        level, level, missing, Math.round((System.nanoTime() - began) / 1e9));
  }

  /**
   * Before the measured batches of a level, the same for both kinds: waits until the engine has no due job left
   * (the set-up's own continuations, the warm-up's or the previous level's stragglers), then {@code VACUUM ANALYZE}
   * and {@code CHECKPOINT} on both databases ({@link BenchDatabase#vacuumAndCheckpoint}), so the set-up's dead
   * tuples, stale statistics and due checkpoint do not land in whichever batch runs first; then one unmeasured batch
   * of N / 2 of each kind (baseline first, as in the warm-up), since after a checkpoint the first change of every
   * page is logged as the whole page: the first batch after it wrote 624 KiB of WAL per invitation against 483 for
   * the last of the level, and ran 12 % slower, which the mirrored order charged to whichever kind went first.
   */
  private void settle(Deployment deployment) throws InterruptedException {
    long began = System.nanoTime();
    long deadline = began + SETTLE_TIMEOUT_NANOS;
    long due;
    while ((due = database.dueJobs()) > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(due + " jobs still due " + SETTLE_TIMEOUT_NANOS / 1_000_000_000 / 60
            + " min after the set-up of a level: the engine does not keep up, measuring now would be unfair");
      }
      Thread.sleep(JOB_POLL_MILLIS);
    }
    long jobsDone = System.nanoTime();
    database.vacuumAndCheckpoint();
    long checkpointed = System.nanoTime();
    int settling = Math.max(1, settings.invitations() / 2);
    unmeasured(deployment, "s", settling);
    log.info("Settled before measuring: no due job after {} s; VACUUM ANALYZE and CHECKPOINT of both databases in {} s;"
        + " {} unmeasured instances of each kind after the checkpoint in {} s", Math.round((jobsDone - began) / 1e9),
        Math.round((checkpointed - jobsDone) / 1e9), settling, Math.round((System.nanoTime() - checkpointed) / 1e9));
  }

  /**
   * Measures N invitations and N baseline instances {@code bench.repeats} times each, in mirrored order starting
   * with the kind given (A B B A A B ...), and reports each kind's batches together: a drift of the machine during
   * the scenario weighs on both kinds alike.
   *
   * @return the invitations' first outcome
   */
  private Batch.Outcome measureBoth(String scenario, Deployment deployment, boolean invitationFirst)
      throws InterruptedException {
    Map<Workload, List<Measurement>> measured = new LinkedHashMap<>();
    measured.put(invitationFirst ? invitation : baseline, new ArrayList<>());
    measured.put(invitationFirst ? baseline : invitation, new ArrayList<>());
    List<Workload> firstThenSecond = List.copyOf(measured.keySet());
    List<Workload> secondThenFirst = List.of(firstThenSecond.get(1), firstThenSecond.get(0));
    for (int round = 0; round < settings.repeats(); round++) {
      List<Workload> order = round % 2 == 0 ? firstThenSecond : secondThenFirst;
      for (Workload workload : order) {
        measured.get(workload).add(measure(workload, deployment));
      }
    }
    measured.forEach((workload, measurements) -> runs.add(run(scenario, workload, deployment, measurements)));
    return measured.get(invitation).get(0).outcome();
  }

  private ClusterCheck cluster(ClusterCheck.PerInvitation singleNode, boolean invitationFirst) throws Exception {
    try (Deployment deployment = Deployment.start(settings, database, credentials, startArchive, "cluster-node", 2)) {
      warmUp(deployment);
      settle(deployment); // as before each level of the single node: the warm-up's stragglers, dead tuples and due
                          // checkpoint would otherwise land in the first measured batch, one kind's
      Batch.Outcome invitations = measureBoth("cluster of 2 nodes", deployment, invitationFirst);
      PartnerCenterCalls calls = PartnerCenterCalls.of(List.of(deployment.emulator), invitations.targets());
      ClusterCheck check = ClusterCheck.of(database.jdbc, database.emulatorJdbc, invitations,
          deployment.nodes.stream().map(node -> node.name).toList(), calls, singleNode);
      log.info("Cluster checks {}: {}", check.passed() ? "passed" : "FAILED", check);
      return check;
    }
  }

  /**
   * The same warm-up for both kinds: {@code bench.warmup} instances each, the baseline first. Logs the share of each
   * JVM's CPU its JIT compiler threads took meanwhile.
   */
  private void warmUp(Deployment deployment) throws InterruptedException {
    if (settings.warmUp() > 0) {
      List<ApplicationNode> jvms = new ArrayList<>(deployment.nodes);
      jvms.add(deployment.emulator);
      double[] cpu = jvms.stream().mapToDouble(ApplicationNode::cpuSeconds).toArray();
      List<Map<String, Long>> jit = jvms.stream().map(ApplicationNode::jitTicks).toList();
      unmeasured(deployment, "w", settings.warmUp());
      List<String> shares = new ArrayList<>();
      for (int i = 0; i < jvms.size(); i++) {
        double share = share(ApplicationNode.jitCpuSecondsBetween(jit.get(i), jvms.get(i).jitTicks()),
            jvms.get(i).cpuSeconds() - cpu[i]);
        shares.add(jvms.get(i).name + " " + Math.round(share * 1000) / 10.0 + " %");
      }
      log.info("Warm-up: {} of each kind; the JIT compiler threads' share of each JVM's CPU meanwhile: {}",
          settings.warmUp(), shares);
    }
  }

  /** One measured batch of N instances of one kind, with what the nodes and databases spent on it. */
  private Measurement measure(Workload workload, Deployment deployment) throws InterruptedException {
    List<ApplicationNode> nodes = deployment.nodes;
    nodes.forEach(ApplicationNode::resetPeakHeap);
    BenchDatabase.Counters before = database.counters();
    double cpuBefore = nodes.stream().mapToDouble(ApplicationNode::cpuSeconds).sum();
    double emulatorCpuBefore = deployment.emulator.cpuSeconds();
    List<Map<String, Long>> jitBefore = nodes.stream().map(ApplicationNode::jitTicks).toList();
    Map<String, Long> emulatorJitBefore = deployment.emulator.jitTicks();
    Batch.Outcome outcome = new Batch(workload, nodes, deployment.emulator, settings.clients())
        .run("r" + ++batches, settings.invitations());
    double cpu = nodes.stream().mapToDouble(ApplicationNode::cpuSeconds).sum() - cpuBefore;
    double emulatorCpu = deployment.emulator.cpuSeconds() - emulatorCpuBefore;
    double jit = 0;
    for (int i = 0; i < nodes.size(); i++) {
      jit += ApplicationNode.jitCpuSecondsBetween(jitBefore.get(i), nodes.get(i).jitTicks());
    }
    double emulatorJit = ApplicationNode.jitCpuSecondsBetween(emulatorJitBefore, deployment.emulator.jitTicks());
    Thread.sleep(STATS_SETTLE_MILLIS);
    Measurement measurement = new Measurement(outcome, cpu, emulatorCpu, jit, emulatorJit, database.counters().since(before),
        database.jdbc.sql("select count(*) from act_hi_job_log where job_state_ = 1 and process_instance_id_ = any(?)")
            .param(outcome.ids().toArray(String[]::new)).query(Long.class).single(),
        nodes.stream().map(node -> node.peakHeapBytes() >> 20).toList());
    int n = outcome.ids().size();
    log.info("{} batch {}: {} inst/s, {} CPU-s/inst (emulator {}), JIT compiler share {} % (emulator {} %), "
        + "accepted→established p50 {} ms", workload.name(),
        batches, Math.round(n / outcome.seconds() * 10) / 10.0, Math.round(cpu / n * 1000) / 1000.0,
        Math.round(emulatorCpu / n * 1000) / 1000.0, Math.round(share(jit, cpu) * 1000) / 10.0,
        Math.round(share(emulatorJit, emulatorCpu) * 1000) / 10.0,
        outcome.acceptedToEstablished().getValueAtPercentile(50) / 1000);
    return measurement;
  }

  /** One batch of {@code count} of each kind, the baseline first, measured by nothing (warm-up, settling). */
  private void unmeasured(Deployment deployment, String prefix, int count) throws InterruptedException {
    for (Workload workload : List.of(baseline, invitation)) {
      new Batch(workload, deployment.nodes, deployment.emulator, settings.clients()).run(prefix + ++batches, count);
    }
  }

  /** @return {@code part / whole}, 0 when the whole is 0 (an emulator idle during a baseline batch) */
  private static double share(double part, double whole) {
    return whole <= 0 ? 0 : part / whole;
  }

  /** One kind's batches of a scenario, reported together: sums per instance, merged latency distributions. */
  private Run run(String scenario, Workload workload, Deployment deployment, List<Measurement> measurements) {
    List<ApplicationNode> nodes = deployment.nodes;
    long history = database.jdbc.sql("select count(*) from act_hi_procinst where end_time_ is not null")
        .query(Long.class).single();
    List<Batch.Outcome> outcomes = measurements.stream().map(Measurement::outcome).toList();
    int n = outcomes.stream().mapToInt(outcome -> outcome.ids().size()).sum();
    double seconds = outcomes.stream().mapToDouble(Batch.Outcome::seconds).sum();
    Histogram start = new Histogram(3);
    Histogram acceptedToEstablished = new Histogram(3);
    outcomes.forEach(outcome -> {
      start.add(outcome.startLatency());
      acceptedToEstablished.add(outcome.acceptedToEstablished());
    });
    List<Long> peakHeap = new ArrayList<>(measurements.get(0).peakHeapMiB());
    measurements.forEach(measurement -> {
      for (int i = 0; i < peakHeap.size(); i++) {
        peakHeap.set(i, Math.max(peakHeap.get(i), measurement.peakHeapMiB().get(i)));
      }
    });
    Run run = new Run(scenario, workload.name(), nodes.size(), running, history, n, settings.clients(),
        n / seconds, seconds, measurements.stream().mapToDouble(Measurement::cpuSeconds).sum() / n,
        measurements.stream().mapToDouble(Measurement::emulatorCpuSeconds).sum() / n,
        share(measurements.stream().mapToDouble(Measurement::jitCpuSeconds).sum(),
            measurements.stream().mapToDouble(Measurement::cpuSeconds).sum()),
        share(measurements.stream().mapToDouble(Measurement::emulatorJitCpuSeconds).sum(),
            measurements.stream().mapToDouble(Measurement::emulatorCpuSeconds).sum()),
        Latency.of(start), Latency.of(acceptedToEstablished),
        AcceptancePhases.of(database.jdbc, database.emulatorJdbc, outcomes, workload == invitation),
        (double) measurements.stream().mapToLong(measurement -> measurement.used().commits()).sum() / n,
        (double) measurements.stream().mapToLong(measurement -> measurement.used().emulatorCommits()).sum() / n,
        (double) outcomes.stream().mapToLong(Batch.Outcome::polls).sum() / n,
        (double) measurements.stream().mapToLong(measurement -> measurement.used().transactionIds()).sum() / n,
        measurements.stream().mapToLong(measurement -> measurement.used().walBytes()).sum() / 1024.0 / n,
        measurements.stream().mapToLong(Measurement::failedJobs).sum(),
        peakHeap,
        nodes.stream().map(node -> node.rssBytes() >> 20).toList(),
        nodes.stream().map(node -> node.peakRssBytes() >> 20).toList(),
        nodes.stream().map(node -> node.startMillis() / 1000.0).toList(), deployment.emulator.startMillis() / 1000.0);
    log.info("{} / {} ({} batches): {} inst/s, {} CPU-s/inst (emulator {}), start p95 {} ms, accepted→established p50 {} ms",
        scenario, workload.name(), measurements.size(), Math.round(run.throughput() * 10) / 10.0,
        Math.round(run.cpuSecondsPerInstance() * 1000) / 1000.0,
        Math.round(run.emulatorCpuSecondsPerInstance() * 1000) / 1000.0, run.startLatencyMs().p95(),
        run.acceptedToEstablishedMs().p50());
    return run;
  }

  /**
   * One measured batch.
   *
   * @param outcome what the clients saw
   * @param cpuSeconds the orchestrator node(s)' process CPU time during the batch
   * @param emulatorCpuSeconds the emulated Partner Center's
   * @param jitCpuSeconds of {@code cpuSeconds}, the JIT compiler threads'
   * @param emulatorJitCpuSeconds of {@code emulatorCpuSeconds}, the JIT compiler threads'
   * @param used commits and transaction ids of the databases during the batch
   * @param failedJobs job executions of the batch's instances that failed
   * @param peakHeapMiB per node, heap peak during the batch
   */
  private record Measurement(Batch.Outcome outcome, double cpuSeconds, double emulatorCpuSeconds, double jitCpuSeconds,
      double emulatorJitCpuSeconds,
      BenchDatabase.Counters used, long failedJobs, List<Long> peakHeapMiB) {}

  /** Invitation / baseline per scenario, flat cost with running invitations, cost growth with history. */
  private List<Ratio> ratios() {
    List<Ratio> ratios = new ArrayList<>();
    List<String> scenarios = runs.stream().map(Run::scenario).distinct().toList();
    for (String scenario : scenarios) {
      Run real = find(scenario, invitation.name());
      Run base = find(scenario, baseline.name());
      ratios.add(new Ratio("invitation / baseline throughput, " + scenario, real.throughput() / base.throughput()));
      ratios.add(new Ratio("invitation / baseline orchestrator CPU-s per instance, " + scenario,
          real.cpuSecondsPerInstance() / base.cpuSecondsPerInstance()));
      ratios.add(new Ratio("invitation / baseline accepted→established p50, " + scenario,
          real.acceptedToEstablishedMs().p50() / base.acceptedToEstablishedMs().p50()));
      ratios.add(new Ratio("invitation / baseline orchestrator commits per instance, " + scenario,
          real.commitsPerInstance() / base.commitsPerInstance()));
    }
    List<String> runningScenarios = scenarios.stream().filter(scenario -> scenario.endsWith(" running")).toList();
    if (runningScenarios.size() > 1) {
      String least = runningScenarios.get(0);
      String most = runningScenarios.get(runningScenarios.size() - 1);
      for (String process : List.of(invitation.name(), baseline.name())) {
        Run later = find(most, process);
        Run earlier = find(least, process);
        String growth = " (" + later.runningInstances() + " vs " + earlier.runningInstances() + " running)";
        ratios.add(new Ratio(process + " start p95" + growth, later.startLatencyMs().p95() / earlier.startLatencyMs().p95()));
        ratios.add(new Ratio(process + " accepted→established p95" + growth,
            later.acceptedToEstablishedMs().p95() / earlier.acceptedToEstablishedMs().p95()));
        ratios.add(new Ratio(process + " CPU-s per instance" + growth,
            later.cpuSecondsPerInstance() / earlier.cpuSecondsPerInstance()));
      }
    }
    List<String> history = scenarios.stream().filter(scenario -> scenario.endsWith(" in history")).toList();
    for (String scenario : history) {
      String from = runningScenarios.isEmpty() ? scenarios.get(0) : runningScenarios.get(runningScenarios.size() - 1);
      for (String process : List.of(invitation.name(), baseline.name())) {
        Run later = find(scenario, process);
        Run earlier = find(from, process);
        String growth = " (" + later.historyInstances() + " vs " + earlier.historyInstances() + " in history)";
        ratios.add(new Ratio(process + " throughput" + growth, later.throughput() / earlier.throughput()));
        ratios.add(new Ratio(process + " accepted→established p95" + growth,
            later.acceptedToEstablishedMs().p95() / earlier.acceptedToEstablishedMs().p95()));
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

  /**
   * The emulated Partner Center and the orchestrator node(s) pointed at it, started together and stopped
   * together.
   */
  private static final class Deployment implements AutoCloseable {

    final ApplicationNode emulator;
    final List<ApplicationNode> nodes;

    private Deployment(ApplicationNode emulator, List<ApplicationNode> nodes) {
      this.emulator = emulator;
      this.nodes = nodes;
    }

    static Deployment start(BenchSettings settings, BenchDatabase database, ApplicationNode.Credentials credentials,
        StartArchive archive, String name, int count) throws Exception {
      int emulatorPort = ApplicationNode.freePort();
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ports.add(ApplicationNode.freePort());
      }
      // Partner Center calls one webhook URL; with two nodes the first one receives the events
      ApplicationNode emulator = ApplicationNode.start(name + "-emulator", settings, database.emulatorEnvironment(),
          credentials, emulatorPort, "postgres,sandbox," + BenchProfile.NAME + ",emulator", List.of(
              "--pco.sandbox.webhook-url=http://localhost:" + ports.get(0) + "/api/partner-center/events",
              "--pco.bench.partner-center-latency=" + settings.partnerCenterLatency()),
          settings.jar(), settings.emulatorJvmArgs());
      List<ApplicationNode> nodes = new ArrayList<>();
      try {
        for (int i = 0; i < count; i++) {
          String nodeName = count == 1 ? name : name + "-" + (i + 1);
          // the start time is measured on a quiet machine: not while the JVM started before goes on warming up
          long waitFrom = System.nanoTime();
          boolean quiet = ApplicationNode.awaitQuietMachine();
          log.info("Machine {} after {} ms; starting {}", quiet ? "quiet" : "still busy",
              Duration.ofNanos(System.nanoTime() - waitFrom).toMillis(), nodeName);
          nodes.add(ApplicationNode.start(nodeName, settings, database.environment(),
              credentials, ports.get(i), ORCHESTRATOR_PROFILES, List.of(
                  "--pco.partner-center.api-base-url=http://localhost:" + emulatorPort + "/sandbox",
                  "--pco.partner-center.graph-base-url=http://localhost:" + emulatorPort + "/sandbox/graph/v1.0",
                  // the node's own built-in sandbox stays idle: every Partner Center call goes to the emulator
                  "--pco.sandbox.event-delivery-interval=PT1H"),
              archive == null ? settings.jar() : archive.jar(), archive == null ? List.of() : archive.jvmOptions()));
        }
        // after the start was measured: the baseline is the benchmark's, not part of the product's start
        log.info("Baseline deployed ({})", BaselineModels.deploy(nodes.get(0).operator));
      } catch (Exception e) {
        for (ApplicationNode node : nodes) {
          node.close();
        }
        emulator.close();
        throw e;
      }
      return new Deployment(emulator, nodes);
    }

    @Override
    public void close() throws Exception {
      for (ApplicationNode node : nodes) {
        node.close();
      }
      emulator.close();
    }
  }
}
