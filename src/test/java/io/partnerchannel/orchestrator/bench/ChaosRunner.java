package io.partnerchannel.orchestrator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The crash test ({@code ./mvnw -Pchaos verify}; docs/load.md "Crash test", result in {@code docs/chaos.md}): starts the
 * executable jar on PostgreSQL (the configured server or an embedded one, as the benchmark), and while C clients
 * run N invitations through the public interfaces — {@code POST /api/invitations} with an {@code Idempotency-Key},
 * the customer's acceptance in the sandbox admin center, for every second invitation GDAP approval by the
 * customer, until the instance reaches {@code EndEvent_RelationshipEstablished} — kills the node with
 * {@code kill -9} K times, each time a random 1 to {@code chaos.kill-max-seconds} seconds after it became healthy,
 * and starts it again. Invitation i starts only after {@code i × K / N} kills, so the kills land across the whole
 * run and at every step of the invitations. The clients retry what a kill interrupted, as a real client would
 * (a start with the same key). At the end it reports lost, duplicated (instances, reseller relationships, e-mails,
 * GDAP relationships and access assignments) and incidents ({@link ExactlyOnce}); all must be 0.
 *
 * <p>Options: {@code -Dchaos.invitations} (N, 60), {@code -Dchaos.kills} (K, 30), {@code -Dchaos.clients} (C, 4),
 * {@code -Dchaos.kill-max-seconds} (12), {@code -Dchaos.seed} (random), {@code -Dbench.jvm-args}.
 */
public final class ChaosRunner {

  private static final Logger log = LoggerFactory.getLogger(ChaosRunner.class);
  private static final Duration INVITATION_TIMEOUT = Duration.ofMinutes(20);
  private static final long POLL_MILLIS = 200;
  private static final String GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

  /** Where an invitation is when a kill happens. */
  enum Step { GATED, STARTING, WAITING_FOR_CUSTOMER, ACCEPTING, WAITING_FOR_GDAP_APPROVAL, APPROVING, WAITING_FOR_END, DONE }

  private final int invitations = Integer.getInteger("chaos.invitations", 60);
  private final int kills = Integer.getInteger("chaos.kills", 30);
  private final int clients = Integer.getInteger("chaos.clients", 4);
  private final int killMaxSeconds = Integer.getInteger("chaos.kill-max-seconds", 12);
  private final long seed = Long.getLong("chaos.seed", new Random().nextLong());
  private final BenchSettings settings;
  private final BenchDatabase database;
  private final ApplicationNode.Credentials credentials = ApplicationNode.Credentials.random();
  private final AtomicReference<ApplicationNode> node = new AtomicReference<>();
  private final AtomicInteger killed = new AtomicInteger();
  private final Step[] steps;
  private final Map<Step, Integer> stepsAtKills = Collections.synchronizedMap(new EnumMap<>(Step.class));
  private final List<Long> lifetimesMillis = Collections.synchronizedList(new ArrayList<>());
  private final Map<Integer, String> ids = new ConcurrentHashMap<>();
  private final Map<Integer, String> failures = new ConcurrentHashMap<>();
  private final LongAdder retried = new LongAdder();
  private final Map<Integer, LongAdder> serverErrors = new ConcurrentHashMap<>();
  private final LongAdder falseConflicts = new LongAdder();
  private List<Workload.Target> targets;
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  private ChaosRunner(BenchSettings settings, BenchDatabase database) {
    this.settings = settings;
    this.database = database;
    this.steps = new Step[invitations];
    Arrays.fill(steps, Step.GATED);
  }

  /**
   * Runs the crash test and writes its report to {@code chaos.report} (the Maven profile: {@code docs/chaos.md})
   * and {@code <bench.output>/chaos-latest.md}.
   *
   * @param args none
   * @throws IllegalStateException when anything was lost, duplicated or raised an incident (after the report)
   */
  public static void main(String[] args) throws Exception {
    BenchSettings defaults = BenchSettings.fromSystemProperties();
    BenchSettings settings = new BenchSettings(0, 0, 0, 1, List.of(), List.of(), false,
        System.getProperty("bench.jvm-args") == null
            ? List.of("-Xms256m", "-Xmx768m", "-XX:TieredStopAtLevel=1") : defaults.jvmArgs(), defaults.emulatorJvmArgs(),
        defaults.mallocArenaMax(),
        "on", "on", java.time.Duration.ZERO, false, defaults.jar(), defaults.output().resolve("chaos"));
    String report;
    List<String> problems;
    try (BenchDatabase database = BenchDatabase.start("on")) {
      ChaosRunner chaos = new ChaosRunner(settings, database);
      Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      long begin = System.nanoTime();
      ExactlyOnce result = chaos.run();
      problems = new ArrayList<>(result.problems());
      if (chaos.falseConflicts.sum() > 0) {
        problems.add(chaos.falseConflicts.sum() + " starts answered 409 to a retry with the same Idempotency-Key");
      }
      chaos.failures.forEach((i, failure) -> problems.add("invitation " + i + ": " + failure));
      report = chaos.report(started, (System.nanoTime() - begin) / 60e9, result, problems);
    }
    Path output = settings.output().resolve("chaos-latest.md");
    Files.createDirectories(output.getParent());
    Files.writeString(output, report);
    String target = System.getProperty("chaos.report");
    if (target != null) {
      Files.writeString(Path.of(target), report);
    }
    log.info("Crash test report: {}\n\n{}", target == null ? output : target, report);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Crash test failed: " + problems);
    }
  }

  private ExactlyOnce run() throws Exception {
    log.info("Crash test: N={} K={} C={} kill after 1..{} s, seed {}, on {}", invitations, kills, clients, killMaxSeconds,
        seed, database.describe());
    node.set(ApplicationNode.start("chaos-0", settings, database, credentials));
    targets = new InvitationWorkload().prepare(node.get().http, "c" + run, invitations);
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> work = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      work.add(threads.submit(() -> {
        for (int i = next.getAndIncrement(); i < invitations; i = next.getAndIncrement()) {
          try {
            invite(i);
          } catch (Exception e) {
            failures.put(i, e.toString());
            log.warn("Invitation {} failed", i, e);
          }
        }
        return null;
      }));
    }
    Random random = new Random(seed);
    try {
      killAndRestart(random);
    } catch (Exception e) {
      threads.shutdownNow();
      throw e;
    }
    threads.shutdown();
    for (Future<?> client : work) {
      client.get();
    }
    ExactlyOnce result = ExactlyOnce.of(database.jdbc, invitations, List.copyOf(ids.values()),
        targets.stream().map(Workload.Target::domain).toList(),
        targets.stream().map(Workload.Target::customerTenantId).toList(), InvitationWorkload.PARTNER_ID);
    node.get().close();
    return result;
  }

  /** K times: let the node live 1 to kill-max-seconds seconds, kill it with SIGKILL, start a new one. */
  private void killAndRestart(Random random) throws Exception {
    for (int k = 1; k <= kills; k++) {
      long lifetime = 1000 + (long) (random.nextDouble() * (killMaxSeconds - 1) * 1000);
      Thread.sleep(lifetime);
      ApplicationNode victim = node.getAndSet(null);
      Map<Step, Integer> inFlight = snapshot();
      victim.kill();
      killed.incrementAndGet();
      lifetimesMillis.add(lifetime);
      inFlight.forEach((step, n) -> stepsAtKills.merge(step, n, Integer::sum));
      log.info("Kill {} of {}: node {} (pid {}) killed {} ms after it was healthy; invitations at {}", k, kills,
          victim.name, victim.pid(), lifetime, inFlight);
      node.set(ApplicationNode.start("chaos-" + k, settings, database, credentials));
    }
  }

  /** One invitation from start to end, retrying whatever a kill interrupted. */
  private void invite(int i) throws InterruptedException {
    while (killed.get() < (long) i * kills / invitations) {
      Thread.sleep(POLL_MILLIS);
    }
    Workload.Target target = targets.get(i);
    boolean gdap = i % 2 == 1;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("companyName", target.companyName());
    body.put("domain", target.domain());
    body.put("country", "IT");
    body.put("language", "en");
    body.put("globalAdminEmail", target.globalAdmin());
    body.put("adminAccess", gdap ? "GDAP" : "NONE");
    if (gdap) {
      body.put("gdapRoles", List.of(GLOBAL_READER));
      body.put("gdapDuration", "P730D");
    }
    body.put("message", "Crash test invitation " + i);
    steps[i] = Step.STARTING;
    String id;
    try {
      id = withRetries(http -> http.post().uri("/api/invitations")
          .contentType(MediaType.APPLICATION_JSON)
          .header("Idempotency-Key", "chaos-" + run + "-" + i)
          .body(body)
          .retrieve()
          .body(JsonNode.class)).path("id").asText();
    } catch (RestClientResponseException e) {
      if (e.getStatusCode().value() == 409) {
        falseConflicts.increment();
      }
      throw e;
    }
    ids.put(i, id);
    long deadline = System.nanoTime() + INVITATION_TIMEOUT.toNanos();
    steps[i] = Step.WAITING_FOR_CUSTOMER;
    awaitStatus(id, deadline, "WAITING_FOR_CUSTOMER", "WAITING_FOR_GDAP_APPROVAL", "ESTABLISHED");
    steps[i] = Step.ACCEPTING;
    withRetries(http -> {
      new InvitationWorkload().accept(http, target, id);
      return null;
    });
    if (gdap) {
      steps[i] = Step.WAITING_FOR_GDAP_APPROVAL;
      awaitStatus(id, deadline, "WAITING_FOR_GDAP_APPROVAL", "ESTABLISHED");
      String relationship = awaitGdapRelationshipToApprove(target, deadline);
      if (relationship != null) {
        steps[i] = Step.APPROVING;
        approve(relationship, target);
      }
    }
    steps[i] = Step.WAITING_FOR_END;
    while (!ended(id)) {
      checkDeadline(deadline, id, "to be established");
      Thread.sleep(POLL_MILLIS);
    }
    steps[i] = Step.DONE;
  }

  /**
   * @return whether the invitation reached {@code EndEvent_RelationshipEstablished}
   * @throws IllegalStateException when it ended any other way
   */
  private boolean ended(String id) throws InterruptedException {
    JsonNode invitation = withRetries(http -> http.get().uri("/api/invitations/{id}", id).retrieve().body(JsonNode.class));
    String status = invitation.path("status").asText();
    if (List.of("REQUESTED", "WAITING_FOR_CUSTOMER", "WAITING_FOR_GDAP_APPROVAL").contains(status)) {
      return false;
    }
    if (!"ESTABLISHED".equals(status)) {
      throw new IllegalStateException("Invitation " + id + " ended " + status + ": " + invitation.path("reason"));
    }
    for (JsonNode step : invitation.path("steps")) {
      if (ResellerRelationshipInvitationProcess.END_EVENT_RELATIONSHIP_ESTABLISHED.equals(step.path("activityId").asText())) {
        return true;
      }
    }
    return false;
  }

  /** The customer's admin center shows the GDAP relationship waiting for approval; null once it is active. */
  private String awaitGdapRelationshipToApprove(Workload.Target target, long deadline) throws InterruptedException {
    while (true) {
      Optional<Map<String, Object>> relationship = database.jdbc
          .sql("select id, status from sbx_gdap_relationship where customer_tenant_id = ? and partner_id = ?")
          .params(target.customerTenantId(), InvitationWorkload.PARTNER_ID)
          .query().listOfRows().stream().findFirst();
      if (relationship.isPresent()) {
        String status = (String) relationship.get().get("status");
        if ("approvalPending".equals(status)) {
          return (String) relationship.get().get("id");
        }
        if (!"created".equals(status)) {
          return null; // approved before a kill interrupted the answer
        }
      }
      checkDeadline(deadline, target.domain(), "to lock its GDAP relationship for approval");
      Thread.sleep(POLL_MILLIS);
    }
  }

  private void approve(String relationship, Workload.Target target) throws InterruptedException {
    try {
      withRetries(http -> http.post().uri("/sandbox/admin-center/granular-admin-relationships/{id}/approve", relationship)
          .contentType(MediaType.APPLICATION_JSON)
          .body(Map.of("userPrincipalName", target.globalAdmin()))
          .retrieve()
          .toBodilessEntity());
    } catch (RestClientResponseException e) {
      String status = database.jdbc.sql("select status from sbx_gdap_relationship where id = ?").param(relationship)
          .query(String.class).single();
      if (e.getStatusCode().value() != 409 || "approvalPending".equals(status)) {
        throw e;
      }
      // 409: approved already, by the attempt a kill interrupted
    }
  }

  private void awaitStatus(String id, long deadline, String... statuses) throws InterruptedException {
    List<String> wanted = List.of(statuses);
    while (true) {
      String status = withRetries(http -> http.get().uri("/api/invitations/{id}", id).retrieve().body(JsonNode.class))
          .path("status").asText();
      if (wanted.contains(status)) {
        return;
      }
      if (!List.of("REQUESTED", "WAITING_FOR_CUSTOMER", "WAITING_FOR_GDAP_APPROVAL").contains(status)) {
        throw new IllegalStateException("Invitation " + id + " is " + status + " while waiting for " + wanted);
      }
      checkDeadline(deadline, id, "to reach " + wanted);
      Thread.sleep(POLL_MILLIS);
    }
  }

  /**
   * Calls the current node, retrying while it is down or restarting (connection refused or reset, 5xx; counted),
   * as a client behind a load balancer would. 4xx answers are thrown.
   */
  private <T> T withRetries(Function<RestClient, T> call) throws InterruptedException {
    long deadline = System.nanoTime() + INVITATION_TIMEOUT.toNanos();
    while (true) {
      ApplicationNode current = node.get();
      if (current != null) {
        try {
          return call.apply(current.http);
        } catch (HttpServerErrorException e) {
          serverErrors.computeIfAbsent(e.getStatusCode().value(), status -> new LongAdder()).increment();
          retried.increment();
        } catch (ResourceAccessException e) {
          retried.increment();
        }
      }
      checkDeadline(deadline, "request", "to be answered");
      Thread.sleep(POLL_MILLIS);
    }
  }

  private static void checkDeadline(long deadline, String what, String doing) {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException(what + " took longer than " + INVITATION_TIMEOUT + " " + doing);
    }
  }

  private Map<Step, Integer> snapshot() {
    Map<Step, Integer> counts = new EnumMap<>(Step.class);
    for (Step step : steps) {
      if (step != Step.GATED && step != Step.DONE) {
        counts.merge(step, 1, Integer::sum);
      }
    }
    return counts;
  }

  private String report(Instant started, double minutes, ExactlyOnce result, List<String> problems) {
    BenchReport.Machine machine = BenchReport.Machine.current();
    StringBuilder md = new StringBuilder();
    md.append("# Crash test: latest result\n\n");
    md.append("`./mvnw -Pchaos verify` (`src/test/java/.../bench/ChaosRunner`; docs/load.md \"Crash test\"). Run of ")
        .append(started).append(" on ").append(machine.cpus()).append(" CPUs (").append(machine.cpuModel())
        .append("), ").append(machine.java()).append("; ").append(database.describe()).append(". Seed ").append(seed)
        .append(", whole run ").append(String.format("%.1f", minutes)).append(" min.\n\n");
    md.append("**").append(problems.isEmpty() ? "Passed" : "FAILED").append("**: ").append(invitations)
        .append(" invitations (every second one with GDAP), ").append(clients).append(" clients, **")
        .append(killed.get()).append(" × `kill -9`** of the node, each 1 to ").append(killMaxSeconds)
        .append(" s after it became healthy (")
        .append(lifetimesMillis.stream().mapToLong(Long::longValue).min().orElse(0) / 1000.0).append(" to ")
        .append(lifetimesMillis.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0)
        .append(" s), and a restart after each.\n\n");
    md.append("| result | count |\n|---|---:|\n").append(result.markdownRows()).append('\n');
    md.append("| **409 to a retried start (same Idempotency-Key)** | **").append(falseConflicts.sum()).append("** |\n");
    md.append("| requests retried after a kill (connection refused or reset) or a 5xx | ").append(retried.sum())
        .append(" |\n");
    md.append("| 5xx answers received, by status | ").append(serverErrors.isEmpty() ? "none" : serverErrors.toString())
        .append(" |\n\n");
    md.append("Invitations in flight at the kills, summed over all kills, by the step their client was at: ")
        .append(stepsAtKills).append(".\n\n");
    md.append("Lost: invitations that did not reach `EndEvent_RelationshipEstablished` (acknowledged or not). "
        + "Duplicated: a second instance per customer domain, reseller relationship per customer, e-mail per "
        + "invitation and template, GDAP relationship per customer, access assignment per GDAP relationship. "
        + "Incidents: open or resolved, of the run's instances. Activities run twice and failed job executions "
        + "show work redone after a kill; they are not failures as long as nothing was duplicated.\n");
    if (!problems.isEmpty()) {
      md.append("\nProblems:\n\n");
      problems.forEach(problem -> md.append("- ").append(problem).append('\n'));
    }
    return md.toString();
  }
}
