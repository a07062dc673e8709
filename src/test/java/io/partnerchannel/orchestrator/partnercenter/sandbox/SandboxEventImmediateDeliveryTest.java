package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.partnerchannel.orchestrator.support.ProcessTest;
import io.partnerchannel.orchestrator.system.LocalServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * With {@code pco.sandbox.event-delivery-immediate} on (the default outside tests), the sandbox sends an event as
 * soon as the transaction that queued it commits, without waiting for a delivery run ({@link
 * SandboxEventDelivery#deliverDue()}), which stays the safety net for retries. Scheduling is off here, so
 * nothing but the immediate hand-off POSTs unless the test runs a delivery itself.
 */
@ProcessTest(properties = {
    "pco.sandbox.event-delivery-immediate=true",
    "pco.sandbox.webhook-url=" + SandboxWebhookRecorder.PATH
})
class SandboxEventImmediateDeliveryTest {

  private static final Duration WITHIN = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired SandboxEventQueue queue;
  @Autowired SandboxEventDelivery delivery;
  @Autowired SandboxAdminCenter adminCenter;
  @Autowired SandboxWebhookRecorder recorder;
  @Autowired EventSharedSecret secret;
  @Autowired SandboxProperties properties;
  @Autowired LocalServer localServer;
  @Autowired RestClient.Builder restClientBuilder;
  @Autowired @SandboxDatabase TransactionTemplate transactions;

  @BeforeEach
  @AfterEach
  void answerAtOnce() {
    recorder.failuresLeft.set(0);
    recorder.delayMillis.set(0);
  }

  @Test
  void aCustomersAcceptanceIsPostedOnceItCommitsWithoutADeliveryRun() {
    assertThat(properties.eventDeliveryImmediate()).isTrue();
    String customerUri = SandboxEvent.customerUri(SandboxContractTest.ADATUM);

    SandboxAdminCenter.Acceptance acceptance = adminCenter.acceptResellerInvitation(
        SandboxContractTest.NORTHWIND, SandboxContractTest.ADATUM, "admin@adatum.onmicrosoft.com", false);

    assertThat(acceptance.established()).isTrue();
    await().atMost(WITHIN).until(() -> delivered(customerUri));
    SandboxEventQueue.Delivery sent = find(customerUri).orElseThrow();
    assertThat(sent.eventName()).isEqualTo(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED);
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(posts(customerUri)).containsExactly(sent.body());
    assertThat(recorder.secrets).isNotEmpty().containsOnly(secret.value());
  }

  @Test
  void anEventQueuedInATransactionThatRollsBackIsNeverPosted() {
    String rolledBack = "/v1/customers/" + UUID.randomUUID();
    String committed = "/v1/customers/" + UUID.randomUUID();

    transactions.executeWithoutResult(tx -> {
      queue.enqueue(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED, rolledBack, SandboxEvent.CUSTOMER);
      tx.setRollbackOnly();
    });
    enqueueCommitted(committed);

    // one sender (concurrency 1) takes hand-offs in order: once the later event is in, the earlier had its turn
    await().atMost(WITHIN).until(() -> delivered(committed));
    assertThat(posts(rolledBack)).isEmpty();
    assertThat(find(rolledBack)).isEmpty();
  }

  @Test
  void anImmediateAttemptThatFailsLeavesTheEventToTheDeliveryRunAfterItsBackoff() {
    String resourceUri = "/v1/customers/" + UUID.randomUUID();
    recorder.failuresLeft.set(1);
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    enqueueCommitted(resourceUri);

    await().atMost(WITHIN).until(() -> find(resourceUri).map(SandboxEventQueue.Delivery::attempts).orElse(0) == 1);
    Instant after = Instant.now();
    SandboxEventQueue.Delivery failed = find(resourceUri).orElseThrow();
    assertThat(failed.status()).isEqualTo(SandboxEventQueue.PENDING);
    assertThat(failed.lastError()).contains("503");
    Instant retry = failed.nextAttemptAt().toInstant();
    assertThat(retry).as("first backoff: 5 s after the attempt").isBetween(before.plusSeconds(5), after.plusSeconds(5));
    assertThat(posts(resourceUri)).hasSize(1);

    String url = delivery.webhookUrl();
    assertThat(deliverDueAt(retry.minusMillis(1), url)).as("not due before its backoff").isZero();
    assertThat(find(resourceUri).orElseThrow().attempts()).isEqualTo(1);
    deliverDueAt(retry, url);
    SandboxEventQueue.Delivery delivered = find(resourceUri).orElseThrow();
    assertThat(delivered.status()).isEqualTo(SandboxEventQueue.DELIVERED);
    assertThat(delivered.attempts()).isEqualTo(2);
    assertThat(posts(resourceUri)).hasSize(2).containsOnly(delivered.body());
  }

  @Test
  void immediateAttemptsAndDeliveryRunsAtOncePostEveryEventExactlyOnce() throws Exception {
    recorder.delayMillis.set(5);
    String url = delivery.webhookUrl();
    List<String> resourceUris = new ArrayList<>();
    AtomicBoolean queuing = new AtomicBoolean(true);
    ExecutorService poller = Executors.newSingleThreadExecutor();
    try {
      // another node's delivery runs, back to back, while events are queued and handed off here
      SandboxEventDelivery otherNode = new SandboxEventDelivery(queue, properties, localServer, restClientBuilder,
          secret, Clock.systemUTC());
      Future<?> runs = poller.submit(() -> {
        try {
          int delivered;
          do {
            delivered = otherNode.deliverDue(url);
          } while (queuing.get() || delivered > 0);
        } finally {
          otherNode.destroy();
        }
      });
      for (int i = 0; i < 30; i++) {
        String resourceUri = "/v1/customers/" + UUID.randomUUID();
        resourceUris.add(resourceUri);
        enqueueCommitted(resourceUri);
      }
      queuing.set(false);
      runs.get(1, TimeUnit.MINUTES);
    } finally {
      poller.shutdownNow();
    }

    await().atMost(WITHIN).until(() -> resourceUris.stream().allMatch(this::delivered));
    for (String resourceUri : resourceUris) {
      assertThat(posts(resourceUri)).as("POSTs of %s", resourceUri).hasSize(1);
      assertThat(find(resourceUri).orElseThrow().attempts()).isEqualTo(1);
    }
  }

  private void enqueueCommitted(String resourceUri) {
    transactions.executeWithoutResult(tx -> queue.enqueue(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED, resourceUri,
        SandboxEvent.CUSTOMER));
  }

  private boolean delivered(String resourceUri) {
    return find(resourceUri).filter(d -> d.status().equals(SandboxEventQueue.DELIVERED)).isPresent();
  }

  private Optional<SandboxEventQueue.Delivery> find(String resourceUri) {
    return queue.all(null).stream().filter(d -> resourceUri.equals(d.resourceUri())).findFirst();
  }

  private List<String> posts(String resourceUri) {
    return recorder.received.stream().filter(body -> body.contains(resourceUri)).toList();
  }

  /** One delivery run whose "now" is {@code now}, as the scheduled run would make it then. */
  private int deliverDueAt(Instant now, String url) {
    return SandboxEventDeliveryTest.deliverDueAt(queue, properties, localServer, restClientBuilder, secret, now, url);
  }
}
