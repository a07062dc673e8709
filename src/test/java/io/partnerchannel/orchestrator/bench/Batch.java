package io.partnerchannel.orchestrator.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.springframework.web.client.RestClient;

/**
 * Drives one batch of N instances of a {@link Workload} with C concurrent clients over one or more nodes
 * (round robin, like a load balancer): C agents start instances as fast as the application answers
 * ({@code POST} start latency measured per request), keeping at most 2 × C unfinished; C customers take them
 * in start order, wait (polling every 100 ms) until one waits for acceptance, accept it, and wait until it is
 * established. The bound keeps the engine busy without a backlog that grows with N, so latencies do not
 * depend on N. Latencies after the start are taken from the engine's own timestamps, so polling does not
 * blur them.
 */
final class Batch {

  private static final long POLL_MILLIS = 100;
  private static final Duration INSTANCE_TIMEOUT = Duration.ofMinutes(5);

  private final Workload workload;
  private final List<ApplicationNode> nodes;
  private final ApplicationNode emulator;
  private final int clients;

  /**
   * @param workload what to start
   * @param nodes where to send requests, round robin; each answers its own sandbox's calls too
   * @param clients C
   */
  Batch(Workload workload, List<ApplicationNode> nodes, int clients) {
    this(workload, nodes, null, clients);
  }

  /**
   * @param workload what to start
   * @param nodes where to send requests, round robin
   * @param emulator the emulated Partner Center in its own process (customers are created and accept there), or
   *     null when each node's built-in sandbox is used
   * @param clients C
   */
  Batch(Workload workload, List<ApplicationNode> nodes, ApplicationNode emulator, int clients) {
    this.workload = workload;
    this.nodes = nodes;
    this.emulator = emulator;
    this.clients = clients;
  }

  /**
   * What a batch did: per instance its target, id and times, and the start latencies.
   *
   * @param workload the workload's name
   * @param targets customers, by instance index
   * @param ids instance ids, by index
   * @param startLatency microseconds per {@code POST} start
   * @param acceptedToEstablished microseconds from the acceptance request to the engine's end event
   * @param firstStart when the first start request was sent
   * @param lastEstablished when the last instance was established (engine time)
   * @param polls status reads the customers made while waiting (each is one or more read-only transactions)
   * @param accepted per instance, in {@code ids} order, when its customer's acceptance request was sent
   */
  record Outcome(
      String workload,
      List<Workload.Target> targets,
      List<String> ids,
      Histogram startLatency,
      Histogram acceptedToEstablished,
      Instant firstStart,
      Instant lastEstablished,
      long polls,
      List<Instant> accepted) {

    /** @return completed instances per second, first start request to last established */
    double throughput() {
      double seconds = Duration.between(firstStart, lastEstablished).toNanos() / 1e9;
      return ids.size() / seconds;
    }

    /** @return seconds from the first start request to the last established instance */
    double seconds() {
      return Duration.between(firstStart, lastEstablished).toNanos() / 1e9;
    }
  }

  /**
   * Runs the batch to the end.
   *
   * @param prefix distinguishes this batch's customers
   * @param count N
   * @return the outcome
   * @throws IllegalStateException when an instance fails or takes longer than 5 minutes
   */
  Outcome run(String prefix, int count) throws InterruptedException {
    List<Workload.Target> targets = workload.prepare(partnerCenter(0), prefix, count);
    String[] ids = new String[count];
    Instant[] started = new Instant[count];
    Instant[] accepted = new Instant[count];
    Instant[] established = new Instant[count];
    Histogram startLatency = new Histogram(3);
    BlockingQueue<Integer> toAccept = new LinkedBlockingQueue<>();
    Semaphore inFlight = new Semaphore(2 * clients);
    LongAdder polls = new LongAdder();
    AtomicInteger nextStart = new AtomicInteger();
    AtomicInteger nextAccept = new AtomicInteger();

    ExecutorService threads = Executors.newFixedThreadPool(2 * clients);
    CompletionService<Void> work = new ExecutorCompletionService<>(threads);
    try {
      for (int agent = 0; agent < clients; agent++) {
        work.submit(() -> {
          for (int i = nextStart.getAndIncrement(); i < count; i = nextStart.getAndIncrement()) {
            inFlight.acquire();
            started[i] = Instant.now();
            long sent = System.nanoTime();
            ids[i] = workload.start(node(i), targets.get(i));
            synchronized (startLatency) {
              startLatency.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent));
            }
            toAccept.add(i);
          }
          return null;
        });
      }
      for (int customer = 0; customer < clients; customer++) {
        work.submit(() -> {
          while (nextAccept.getAndIncrement() < count) {
            int i = toAccept.take();
            RestClient acceptingNode = node(i + 1);
            awaitTrue(() -> {
              polls.increment();
              return workload.waitsForAcceptance(acceptingNode, ids[i]);
            }, ids[i], "to wait for acceptance");
            accepted[i] = Instant.now();
            workload.accept(partnerCenter(i + 1), targets.get(i), ids[i]);
            RestClient node = node(i);
            awaitTrue(() -> {
              polls.increment();
              workload.established(node, ids[i]).ifPresent(at -> established[i] = at);
              return established[i] != null;
            }, ids[i], "to be established");
            inFlight.release();
          }
          return null;
        });
      }
      for (int finished = 0; finished < 2 * clients; finished++) {
        try {
          work.take().get();
        } catch (ExecutionException e) {
          throw new IllegalStateException(workload.name() + " batch " + prefix + " failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      threads.shutdownNow();
    }

    Histogram acceptedToEstablished = new Histogram(3);
    Instant firstStart = started[0];
    Instant lastEstablished = established[0];
    for (int i = 0; i < count; i++) {
      acceptedToEstablished.recordValue(Math.max(0, Duration.between(accepted[i], established[i]).toNanos() / 1000));
      firstStart = started[i].isBefore(firstStart) ? started[i] : firstStart;
      lastEstablished = established[i].isAfter(lastEstablished) ? established[i] : lastEstablished;
    }
    return new Outcome(workload.name(), targets, List.of(ids), startLatency, acceptedToEstablished, firstStart,
        lastEstablished, polls.sum(), List.of(accepted));
  }

  private RestClient node(int index) {
    return workload.client(nodes.get(index % nodes.size()));
  }

  /** @return where the customer acts: the emulator, or the node's own sandbox */
  private RestClient partnerCenter(int index) {
    ApplicationNode node = nodes.get(index % nodes.size());
    return emulator == null ? workload.client(node) : workload.customerClient(emulator, node);
  }

  private static void awaitTrue(Check check, String id, String what) throws InterruptedException {
    long deadline = System.nanoTime() + INSTANCE_TIMEOUT.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Instance " + id + " took longer than " + INSTANCE_TIMEOUT + " " + what);
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws InterruptedException;
  }
}
