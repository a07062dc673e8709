package io.partnerchannel.orchestrator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.bench.BenchReport.Latency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The load test ({@code ./mvnw -Pbench verify -Dbench.load=true}; docs/load.md "Load test"): one node on PostgreSQL with
 * the {@code postgres} profile's defaults — Camunda's job executor defaults, the derived connection pools, the
 * sandbox delivering events every 2 s one at a time; only the bench profile's tenant factory is used — and
 * {@code bench.load.clients} clients (16) making {@code bench.load.starts} starts each (300) through the
 * benchmark's {@link Batch} (C agents start with an {@code Idempotency-Key}, C customers accept, at most 2 × C
 * unfinished). Every 5xx answer is counted (and the request retried after {@code Retry-After}, as a client would);
 * the run passes with 0 answers 5xx, every acknowledged start completed after its acceptance and nothing
 * duplicated ({@link ExactlyOnce}). Writes {@code <bench.output>/load-latest.md}.
 */
final class LoadRun {

  private static final Logger log = LoggerFactory.getLogger(LoadRun.class);

  private LoadRun() {}

  /**
   * @param settings the benchmark's settings (jar, JVM options, output)
   * @throws IllegalStateException when a 5xx was answered, a start was lost or anything was duplicated
   */
  static void run(BenchSettings settings) throws Exception {
    int clients = Integer.getInteger("bench.load.clients", 16);
    int starts = Integer.getInteger("bench.load.starts", 300);
    int n = clients * starts;
    // the bench profile's job executor tuning back to the defaults: the starter's thread pool, the engine's acquisition
    JobExecutionProperty starter = new JobExecutionProperty();
    JobExecutor engine = new DefaultJobExecutor();
    List<String> postgresDefaults = List.of(
        "--camunda.bpm.job-execution.core-pool-size=" + starter.getCorePoolSize(),
        "--camunda.bpm.job-execution.max-pool-size=" + starter.getMaxPoolSize(),
        "--camunda.bpm.job-execution.queue-capacity=" + starter.getQueueCapacity(),
        "--camunda.bpm.job-execution.max-jobs-per-acquisition=" + engine.getMaxJobsPerAcquisition(),
        "--camunda.bpm.job-execution.lock-time-in-millis=" + engine.getLockTimeInMillis(),
        "--camunda.bpm.job-execution.wait-time-in-millis=" + engine.getWaitTimeInMillis(),
        "--camunda.bpm.job-execution.max-wait=" + engine.getMaxWait(),
        "--pco.database.request-connections=10",
        "--pco.sandbox.event-delivery-interval=PT2S",
        "--pco.sandbox.event-delivery-concurrency=1");
    Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    long began = System.nanoTime();
    CountingWorkload workload = new CountingWorkload(new InvitationWorkload());
    Batch.Outcome outcome;
    ExactlyOnce result;
    String describe;
    try (BenchDatabase database = BenchDatabase.start(settings.synchronousCommit());
        ApplicationNode node = ApplicationNode.start("load-node", settings, database, ApplicationNode.Credentials.random(),
            postgresDefaults)) {
      describe = database.describe();
      log.info("Load test: {} clients x {} starts = {} on {} with {}", clients, starts, n, describe, postgresDefaults);
      outcome = new Batch(workload, List.of(node), clients).run("l" + Long.toString(System.currentTimeMillis(), 36), n);
      result = ExactlyOnce.of(database.jdbc, n, outcome.ids(),
          outcome.targets().stream().map(Workload.Target::domain).toList(),
          outcome.targets().stream().map(Workload.Target::customerTenantId).toList(), InvitationWorkload.PARTNER_ID);
    }
    List<String> problems = new ArrayList<>(result.problems());
    if (workload.serverErrors() > 0) {
      problems.add(workload.serverErrors() + " answers 5xx " + workload.serverErrorsByStatus());
    }
    Latency start = Latency.of(outcome.startLatency());
    String report = "# Load test: latest result\n\n"
        + "`./mvnw -Pbench verify -Dbench.load=true -Dbench.load.clients=" + clients + " -Dbench.load.starts=" + starts
        + "` of " + startedAt + " on " + BenchReport.Machine.current().cpus() + " shared CPUs; " + describe + "; node "
        + "settings: the postgres profile's defaults " + postgresDefaults + ". Whole run "
        + String.format("%.1f", (System.nanoTime() - began) / 60e9) + " min.\n\n"
        + "**" + (problems.isEmpty() ? "Passed" : "FAILED") + "**: " + clients + " clients × " + starts + " starts = " + n
        + " invitations, each accepted by its customer; " + String.format("%.2f", outcome.throughput())
        + " completed instances/s; start latency p50 / p95 / p99 / max " + start.p50() + " / " + start.p95() + " / "
        + start.p99() + " / " + start.max() + " ms.\n\n"
        + "| result | count |\n|---|---:|\n" + result.markdownRows() + "\n"
        + "| **answers 5xx** | **" + workload.serverErrors() + "** " + workload.serverErrorsByStatus() + " |\n"
        + "| requests timed out or refused (retried) | " + workload.unanswered() + " |\n"
        + (problems.isEmpty() ? "" : "\nProblems:\n\n- " + String.join("\n- ", problems) + "\n");
    Path output = settings.output().resolve("load-latest.md");
    Files.createDirectories(output.getParent());
    Files.writeString(output, report);
    log.info("Load test report: {}\n\n{}", output.toAbsolutePath(), report);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Load test failed: " + problems);
    }
  }

  /**
   * The invitation workload as a well-behaved client runs it: starts carry an {@code Idempotency-Key}; a 5xx or an
   * unanswered request is counted and retried (after {@code Retry-After} for a 503).
   */
  static final class CountingWorkload implements Workload {

    private final InvitationWorkload delegate;
    private final Map<Integer, LongAdder> serverErrors = new ConcurrentHashMap<>();
    private final LongAdder unanswered = new LongAdder();
    private final AtomicLong keys = new AtomicLong();
    private final String run = Long.toString(System.nanoTime(), 36);

    CountingWorkload(InvitationWorkload delegate) {
      this.delegate = delegate;
    }

    long serverErrors() {
      return serverErrors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<Integer, Long> serverErrorsByStatus() {
      Map<Integer, Long> byStatus = new TreeMap<>();
      serverErrors.forEach((status, count) -> byStatus.put(status, count.sum()));
      return byStatus;
    }

    long unanswered() {
      return unanswered.sum();
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public String processKey() {
      return delegate.processKey();
    }

    @Override
    public List<Target> prepare(RestClient node, String prefix, int count) {
      return delegate.prepare(node, prefix, count);
    }

    @Override
    public String start(RestClient node, Target target) {
      String key = "load-" + run + "-" + keys.incrementAndGet();
      Map<String, Object> request = Map.of(
          "companyName", target.companyName(),
          "domain", target.domain(),
          "country", "IT",
          "language", "en",
          "globalAdminEmail", target.globalAdmin(),
          "adminAccess", "NONE",
          "message", "Load test invitation");
      return retrying(() -> node.post().uri("/api/invitations")
          .contentType(MediaType.APPLICATION_JSON)
          .header("Idempotency-Key", key)
          .body(request)
          .retrieve()
          .body(JsonNode.class)).path("id").asText();
    }

    @Override
    public boolean waitsForAcceptance(RestClient node, String id) {
      return retrying(() -> delegate.waitsForAcceptance(node, id));
    }

    @Override
    public void accept(RestClient node, Target target, String id) {
      retrying(() -> {
        delegate.accept(node, target, id);
        return null;
      });
    }

    @Override
    public Optional<Instant> established(RestClient node, String id) {
      return retrying(() -> delegate.established(node, id));
    }

    private <T> T retrying(Supplier<T> call) {
      for (int attempt = 1; ; attempt++) {
        long wait = 500;
        try {
          return call.get();
        } catch (HttpServerErrorException e) {
          serverErrors.computeIfAbsent(e.getStatusCode().value(), status -> new LongAdder()).increment();
          String retryAfter = e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst("Retry-After");
          wait = retryAfter == null ? wait : Long.parseLong(retryAfter) * 1000;
          if (attempt >= 20) {
            throw e;
          }
        } catch (ResourceAccessException e) {
          unanswered.increment();
          if (attempt >= 20) {
            throw e;
          }
        }
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted", e);
        }
      }
    }
  }
}
