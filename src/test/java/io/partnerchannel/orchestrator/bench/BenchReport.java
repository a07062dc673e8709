package io.partnerchannel.orchestrator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The benchmark's report: every measured batch, the ratios that matter (invitation / baseline, cost growth
 * with history) and the cluster checks, written as JSON and as a Markdown table.
 *
 * @param startedAt when the run began (UTC)
 * @param machine where it ran
 * @param database which PostgreSQL
 * @param settings N, C and the rest
 * @param runs measured batches, in order
 * @param preloads history preloads before the cost-growth runs
 * @param ratios derived ratios
 * @param cluster the cluster checks, or null when the cluster run was skipped
 * @param totalSeconds the whole run, database start to report
 */
record BenchReport(
    String startedAt,
    Machine machine,
    String database,
    BenchSettings settings,
    List<Run> runs,
    List<Preload> preloads,
    List<Ratio> ratios,
    ClusterCheck cluster,
    double totalSeconds) {

  /**
   * @param cpus available processors ({@code nproc})
   * @param cpuModel {@code /proc/cpuinfo} model name
   * @param memoryMiB total memory
   * @param os operating system
   * @param java Java runtime of the runner (the nodes use the same)
   * @param note how to read the numbers
   */
  record Machine(int cpus, String cpuModel, long memoryMiB, String os, String java, String note) {

    static Machine current() {
      return new Machine(
          Runtime.getRuntime().availableProcessors(),
          procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
          procLine("/proc/meminfo", "MemTotal").map(kb -> Long.parseLong(kb.replaceAll("\\D", "")) / 1024).orElse(0L),
          System.getProperty("os.name") + " " + System.getProperty("os.version"),
          System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
          "shared machine: other work used the same CPUs during the run; compare ratios within one run, not absolute numbers across runs");
    }

    private static Optional<String> procLine(String file, String key) {
      try {
        return Files.readAllLines(Path.of(file)).stream()
            .filter(line -> line.startsWith(key))
            .map(line -> line.substring(line.indexOf(':') + 1).trim())
            .findFirst();
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * One measured batch.
   *
   * @param scenario e.g. {@code single node, empty history}
   * @param process {@code invitation} or {@code baseline}
   * @param nodes application nodes
   * @param runningInstances invitations and as many baseline instances waiting for their customers beside the batch
   * @param historyInstances finished instances in the history before the batch
   * @param instances instances measured: N × the batches of this kind in the scenario
   * @param clients C
   * @param throughput completed instances per second, first start request to last established
   * @param seconds that span
   * @param cpuSecondsPerInstance the orchestrator node(s)' process CPU time during the batch / N (JMX)
   * @param emulatorCpuSecondsPerInstance the emulated Partner Center's process CPU time during the batch / N
   * @param startLatencyMs {@code POST} start latency
   * @param acceptedToEstablishedMs acceptance request to the engine's end event
   * @param acceptancePhasesMs where the accepted→established time goes (medians)
   * @param commitsPerInstance PostgreSQL {@code xact_commit} delta / N of the orchestrator's database, read-only
   *     transactions (polling) included
   * @param emulatorCommitsPerInstance the same of the emulator's database
   * @param pollsPerInstance status reads the clients made per instance while waiting for it
   * @param transactionIdsPerInstance transaction ids taken / N on the whole server (both databases): transactions
   *     and savepoints that wrote
   * @param walKiBPerInstance write-ahead log written / N on the whole server (both databases), in KiB: the rows
   *     written and, after a checkpoint, the first change of each page as a whole page ({@code full_page_writes})
   * @param failedJobs job executions of the batch's instances that failed (and were retried)
   * @param peakHeapMiB per node, heap peak during the batch
   * @param rssMiB per node, resident set after the batch ({@code VmRSS})
   * @param peakRssMiB per node, resident set peak since the node started ({@code VmHWM})
   * @param startSeconds per node, JVM launch until healthy
   * @param emulatorStartSeconds the emulated Partner Center's, from the plain jar
   */
  record Run(
      String scenario,
      String process,
      int nodes,
      int runningInstances,
      long historyInstances,
      int instances,
      int clients,
      double throughput,
      double seconds,
      double cpuSecondsPerInstance,
      double emulatorCpuSecondsPerInstance,
      double jitShare,
      double emulatorJitShare,
      Latency startLatencyMs,
      Latency acceptedToEstablishedMs,
      AcceptancePhases acceptancePhasesMs,
      double commitsPerInstance,
      double emulatorCommitsPerInstance,
      double pollsPerInstance,
      double transactionIdsPerInstance,
      double walKiBPerInstance,
      long failedJobs,
      List<Long> peakHeapMiB,
      List<Long> rssMiB,
      List<Long> peakRssMiB,
      List<Double> startSeconds,
      double emulatorStartSeconds) {}

  /**
   * Percentiles in milliseconds.
   *
   * @param p50 median
   * @param p95 95th percentile
   * @param p99 99th percentile
   * @param max maximum
   */
  record Latency(double p50, double p95, double p99, double max) {

    /** @param micros a histogram of microseconds */
    static Latency of(Histogram micros) {
      return new Latency(ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(95)),
          ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
      return Math.round(micros / 100.0) / 10.0;
    }
  }

  /**
   * A history preload.
   *
   * @param finishedInstances finished instances in the history afterwards
   * @param seconds how long the copying, index building and analysing took
   * @param historyMiB size of the history tables afterwards, indexes included
   */
  record Preload(long finishedInstances, double seconds, long historyMiB) {}

  /**
   * @param what e.g. {@code invitation / baseline throughput, empty history}
   * @param value the ratio
   */
  record Ratio(String what, double value) {}

  /** Writes {@code bench-<time>.json} and {@code .md}, and {@code latest.json} / {@code latest.md}. */
  void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    ObjectMapper json = new ObjectMapper().findAndRegisterModules()
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    String stamp = startedAt.replaceAll("[^0-9T]", "").substring(0, 15);
    for (String name : List.of("bench-" + stamp, "latest")) {
      Files.writeString(directory.resolve(name + ".md"), markdown());
      json.writeValue(directory.resolve(name + ".json").toFile(), this);
    }
  }

  /** @return the report as Markdown tables */
  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("Benchmark of ").append(startedAt).append(" on ").append(machine.cpus()).append(" CPUs (")
        .append(machine.cpuModel()).append("), ").append(machine.memoryMiB()).append(" MiB, ").append(machine.java())
        .append("; ").append(database).append(". N = ").append(settings.invitations()).append(" per batch, ")
        .append(settings.repeats()).append(" batch").append(settings.repeats() == 1 ? "" : "es")
        .append(" of each kind per scenario (mirrored order: invitation, baseline, baseline, invitation, or the reverse;"
            + " reported together), C = ")
        .append(settings.clients()).append(", whole run ").append(format(totalSeconds / 60)).append(" min. ")
        .append(machine.note()).append(".\n\n");
    md.append("| scenario | process | inst/s | orchestrator CPU-s / inst | emulator CPU-s / inst | JIT % (emulator)"
        + " | start p50 / p95 / p99 ms | accepted→established p50 / p95 / p99 ms | commits / inst (emulator)"
        + " | polls / inst | xids / inst | WAL KiB / inst | failed jobs | peak heap MiB | RSS after MiB (peak)"
        + " | start s (emulator) |\n");
    md.append("|---|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Run run : runs) {
      md.append("| ").append(run.scenario()).append(" | ").append(run.process()).append(" | ")
          .append(format(run.throughput())).append(" | ").append(String.format(Locale.ROOT, "%.3f", run.cpuSecondsPerInstance()))
          .append(" | ").append(String.format(Locale.ROOT, "%.3f", run.emulatorCpuSecondsPerInstance())).append(" | ")
          .append(format(run.jitShare() * 100)).append(" (").append(format(run.emulatorJitShare() * 100)).append(") | ")
          .append(latency(run.startLatencyMs())).append(" | ").append(latency(run.acceptedToEstablishedMs())).append(" | ")
          .append(format(run.commitsPerInstance())).append(" (").append(format(run.emulatorCommitsPerInstance())).append(") | ")
          .append(format(run.pollsPerInstance())).append(" | ")
          .append(format(run.transactionIdsPerInstance())).append(" | ").append(format(run.walKiBPerInstance()))
          .append(" | ").append(run.failedJobs())
          .append(" | ").append(join(run.peakHeapMiB())).append(" | ").append(join(run.rssMiB())).append(" (")
          .append(join(run.peakRssMiB())).append(") | ").append(join(run.startSeconds())).append(" (")
          .append(format(run.emulatorStartSeconds())).append(") |\n");
    }
    md.append("\ninst/s: completed instances per second, first start request to last end event. CPU-s / inst: process CPU")
        .append(" time (JMX) of the orchestrator node(s) and of the emulated Partner Center (own process, own database)")
        .append(" during the batch / N. JIT %: the share of that CPU time the JVM's JIT compiler threads took (`/proc`), the")
        .append(" orchestrator's and, in brackets, the emulator's. start: `POST` latency at the client. accepted→established: the customer's acceptance")
        .append(" request to the instance's end event (engine time; the invitation's includes the emulator's event delivery,")
        .append(" POSTed when the acceptance commits). commits: PostgreSQL `xact_commit` delta / N of the orchestrator's database (the")
        .append(" emulator's in brackets), read-only transactions of the clients' status polls (polls / inst) included. xids:")
        .append(" transaction ids taken / N on the whole server, both databases (transactions and savepoints that wrote).")
        .append(" WAL: write-ahead log written / N on the whole server, both databases (after a checkpoint the first change")
        .append(" of each page is logged as the whole page).")
        .append(" failed jobs: job executions that failed and were retried (a healthy run has none). peak heap: heap pools'")
        .append(" peak during the batch (JMX); RSS after: `VmRSS` after the batch (peak: `VmHWM` since start); start: JVM")
        .append(" launch to `/actuator/health` UP of the orchestrator (").append(settings.cds() ? "extracted jar with its AppCDS"
            + " archive" : "plain jar").append("; each node launched once the CPUs were 90 % idle during a second, waiting")
        .append(" at most 30 s; the single node's is the first start on its database after the AppCDS training run, which")
        .append(" created the schema: it deploys the models and creates the role groups and the sandbox's demo users; the")
        .append(" cluster's nodes start on the database the single node")
        .append(" left, as a restarted node does) and, in brackets, of the emulator (plain jar). JVM options: `")
        .append(String.join(" ", settings.jvmArgs())).append("`")
        .append(settings.emulatorJvmArgs().isEmpty() ? ""
            : ", the emulator's followed by `" + String.join(" ", settings.emulatorJvmArgs()) + "`")
        .append(settings.mallocArenaMax() == null ? "" : ", `MALLOC_ARENA_MAX=" + settings.mallocArenaMax() + "`")
        .append("; emulated Partner Center latency per call: ")
        .append(settings.partnerCenterLatency()).append(". Before the measured batches of each level, for both kinds:")
        .append(" the engine's due jobs done (the running instances' set-up included), then `VACUUM ANALYZE` and")
        .append(" `CHECKPOINT` on both databases, then one unmeasured batch of N / 2 of each kind (the full-page writes")
        .append(" after the checkpoint).\n");
    md.append("\n| scenario | process | accepted→established p50 ms | acceptance → event queued in the emulated Partner"
        + " Center | → event in inbox | → acceptance correlated (Track invitation ended) | → end event | of which waiting"
        + " for a job thread |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Run run : runs) {
      AcceptancePhases phases = run.acceptancePhasesMs();
      md.append("| ").append(run.scenario()).append(" | ").append(run.process()).append(" | ")
          .append(format(run.acceptedToEstablishedMs().p50())).append(" | ")
          .append(phases.acceptedToQueued() == null ? "–" : format(phases.acceptedToQueued())).append(" | ")
          .append(phases.acceptedToInbox() == null ? "–" : format(phases.acceptedToInbox())).append(" | ")
          .append(format(phases.acceptedToCorrelated())).append(" | ")
          .append(format(phases.correlatedToEstablished())).append(" | ")
          .append(format(phases.correlatedToFirstStep())).append(" |\n");
    }
    md.append("\nWhere accepted→established goes, medians of each phase (they need not add up to the whole's median),")
        .append(" cumulative from the acceptance request except the last: the event queued by the emulated Partner")
        .append(" Center's acceptance transaction, the Partner Center event in the orchestrator's event inbox (the emulator")
        .append(" POSTs it once that transaction commits; the baseline is correlated directly), its \"Track invitation\" call ended by the correlation,")
        .append(" then from there to the end event (the steps after the acceptance), of which the wait of the first of them"
        + " (\"Record reseller relationship\", an asynchronous continuation) for a job thread.\n");
    md.append("\n| ratio | value |\n|---|---:|\n");
    for (Ratio ratio : ratios) {
      md.append("| ").append(ratio.what()).append(" | ").append(String.format(Locale.ROOT, "%.2f", ratio.value())).append(" |\n");
    }
    if (!preloads.isEmpty()) {
      md.append("\nHistory preloads: ");
      List<String> parts = new ArrayList<>();
      preloads.forEach(preload -> parts.add(preload.finishedInstances() + " finished instances in "
          + format(preload.seconds()) + " s (history tables " + preload.historyMiB() + " MiB with indexes, "
          + format(preload.historyMiB() * 1024.0 / preload.finishedInstances()) + " KiB per instance)"));
      md.append(String.join(", ", parts)).append(".\n");
    }
    if (cluster != null) {
      md.append("\nCluster run (").append(cluster.jobsPerNode().size()).append(" nodes, one batch of ")
          .append(cluster.instances()).append("): **").append(cluster.passed() ? "passed" : "FAILED").append("**. ")
          .append(cluster.completed()).append(" completed, ").append(cluster.activitiesRepeated())
          .append(" activities repeated, ").append(cluster.jobsSucceededTwice()).append(" jobs succeeded twice, ")
          .append(cluster.jobFailures()).append(" job failures retried; jobs per node ").append(cluster.jobsPerNode())
          .append("; ").append(cluster.emails()).append(" e-mails with ").append(cluster.distinctEmailKeys())
          .append(" distinct idempotency keys, per invitation ").append(cluster.emailsPerInvitation())
          .append(" (single node ").append(cluster.expectedEmailsPerInvitation()).append("); ").append(cluster.relationships()).append(" relationships, ")
          .append(cluster.events()).append(" events POSTed ").append(cluster.eventPosts()).append(" times, ")
          .append(cluster.eventsCorrelated()).append(" correlated at the first attempt; customer-specific Partner Center")
          .append(" calls per invitation ").append(cluster.partnerCenterCallsPerInvitation()).append(" (single node ")
          .append(cluster.expectedCallsPerInvitation()).append(").");
      cluster.problems().forEach(problem -> md.append("\n- ").append(problem));
      md.append("\n");
    }
    return md.toString();
  }

  private static String latency(Latency latency) {
    return format(latency.p50()) + " / " + format(latency.p95()) + " / " + format(latency.p99());
  }

  private static String join(List<? extends Number> values) {
    List<String> parts = new ArrayList<>();
    values.forEach(value -> parts.add(format(value.doubleValue())));
    return String.join(", ", parts);
  }

  private static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) >= 10) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
  }
}
