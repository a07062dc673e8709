package io.partnerchannel.orchestrator.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, from system properties ({@code ./mvnw -Pbench verify -Dbench.invitations=500}).
 *
 * @param invitations N, invitations (and baseline instances) per measured batch; {@code bench.invitations}, default 200
 * @param clients C, concurrent clients starting and, as many again, accepting; {@code bench.clients}, default 8
 * @param warmUp instances of each kind run unmeasured before the measured batches of a node;
 *     {@code bench.warmup}, default 500: until the JIT compiler has compiled the hot paths of both kinds, so the
 *     measured batches show a node that has run for a while (docs/benchmark.md "What runs")
 * @param repeats measured batches of each kind per scenario, in mirrored order (invitation, baseline, baseline,
 *     invitation, ...), reported together, so a drift of the machine during a scenario weighs on both kinds alike;
 *     {@code bench.repeats}, default 4: with 2, the ratios of two full runs 50 minutes apart on this machine differed
 *     by up to a tenth (docs/benchmark.md "What runs")
 * @param runningLevels running invitations (and as many running baseline instances) waiting for their customers
 *     while a batch runs, ascending; {@code bench.running}, default {@code 100,10000}: the flat-cost runs
 * @param historyLevels finished instances the history holds for the cost-growth runs, ascending;
 *     {@code bench.history}, default none; e.g. {@code 10000,100000} (the bulk preload of 100k takes about 3
 *     minutes on 2 shared cores)
 * @param cluster whether to run the two-node cluster batch; {@code bench.cluster}, default true
 * @param jvmArgs options of each application JVM; {@code bench.jvm-args}, default {@link #DEFAULT_JVM_ARGS}
 *     (the memory setting of docs/performance.md)
 * @param emulatorJvmArgs further options of the emulated Partner Center's JVM, after {@code jvmArgs} (the JVM takes
 *     the last of a repeated option); {@code bench.emulator-jvm-args}, default {@link #DEFAULT_EMULATOR_JVM_ARGS}
 * @param mallocArenaMax {@code MALLOC_ARENA_MAX} in each application JVM's environment (glibc's malloc arenas,
 *     the production setting of docs/performance.md); {@code bench.malloc-arena-max}, default 2; empty: not set
 *     (glibc's default, 8 per core)
 * @param synchronousCommit {@code synchronous_commit} of the embedded PostgreSQL;
 *     {@code bench.postgres.synchronous-commit}, default {@code on}
 * @param fsync {@code fsync} of the embedded PostgreSQL; {@code bench.postgres.fsync}, default {@code on}
 * @param partnerCenterLatency added by the emulated Partner Center to each of its API calls, as a remote service
 *     would take; {@code bench.partner-center-latency}, default {@code PT0S}
 * @param cds whether the orchestrator nodes start from the extracted jar with an AppCDS archive (the production
 *     start of docs/performance.md; the emulator starts from the plain jar); {@code bench.cds}, default true
 * @param jar the executable application jar; {@code bench.jar} (set by the Maven profile)
 * @param output where reports and node logs go; {@code bench.output}, default {@code target/bench}
 */
record BenchSettings(
    int invitations,
    int clients,
    int warmUp,
    int repeats,
    List<Integer> runningLevels,
    List<Integer> historyLevels,
    boolean cluster,
    List<String> jvmArgs,
    List<String> emulatorJvmArgs,
    Integer mallocArenaMax,
    String synchronousCommit,
    String fsync,
    java.time.Duration partnerCenterLatency,
    boolean cds,
    Path jar,
    Path output) {

  /** The documented memory setting (docs/performance.md "Memory"), the default of {@code bench.jvm-args}. */
  static final String DEFAULT_JVM_ARGS =
      "-Xmx192m -XX:+UseSerialGC -XX:MetaspaceSize=128m -XX:MaxMetaspaceSize=256m -XX:TrimNativeHeapInterval=5000"
          + " -XX:TieredStopAtLevel=1";

  /**
   * The emulated Partner Center's own options, the default of {@code bench.emulator-jvm-args}: a larger heap. The
   * emulator is the test double of a remote service and its memory is not the product's; with the orchestrator's
   * {@code -Xmx192m} its old generation stayed near full (100-110 of 123 MiB after each young collection) and its
   * young collections took up to 270 ms of the cores the orchestrator shares with it (docs/benchmark.md "What runs").
   */
  static final String DEFAULT_EMULATOR_JVM_ARGS = "-Xmx384m";

  static BenchSettings fromSystemProperties() {
    String arenas = System.getProperty("bench.malloc-arena-max", "2").trim();
    return new BenchSettings(
        Integer.getInteger("bench.invitations", 200),
        Integer.getInteger("bench.clients", 8),
        Integer.getInteger("bench.warmup", 500),
        Math.max(1, Integer.getInteger("bench.repeats", 4)),
        levels(System.getProperty("bench.running", "100,10000")),
        levels(System.getProperty("bench.history", "")),
        Boolean.parseBoolean(System.getProperty("bench.cluster", "true")),
        options(System.getProperty("bench.jvm-args", DEFAULT_JVM_ARGS)),
        options(System.getProperty("bench.emulator-jvm-args", DEFAULT_EMULATOR_JVM_ARGS)),
        arenas.isEmpty() ? null : Integer.valueOf(arenas),
        System.getProperty("bench.postgres.synchronous-commit", "on"),
        System.getProperty("bench.postgres.fsync", "on"),
        java.time.Duration.parse(System.getProperty("bench.partner-center-latency", "PT0S")),
        Boolean.parseBoolean(System.getProperty("bench.cds", "true")),
        Path.of(System.getProperty("bench.jar", "target/partner-channel-orchestrator-0.1.0-SNAPSHOT.jar")),
        Path.of(System.getProperty("bench.output", "target/bench")));
  }

  private static List<String> options(String value) {
    return Arrays.stream(value.trim().split("\\s+")).filter(arg -> !arg.isEmpty()).toList();
  }

  private static List<Integer> levels(String value) {
    String trimmed = value.trim();
    return trimmed.isEmpty()
        ? List.of()
        : Arrays.stream(trimmed.split(",")).map(String::trim).map(Integer::valueOf).sorted().toList();
  }
}
