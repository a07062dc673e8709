package io.partnerchannel.orchestrator.partnercenter.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.partnerchannel.orchestrator.support.ProcessTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.system.LocalServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * The sandbox delivers events like Partner Center webhooks: POSTed asynchronously with the shared secret,
 * retried until answered 2xx. Here immediate delivery is off (the {@code test} profile): only delivery runs send;
 * {@link SandboxEventImmediateDeliveryTest} covers the default.
 */
@ProcessTest
class SandboxEventDeliveryTest {

  @LocalServerPort int port;
  @Autowired SandboxEventQueue queue;
  @Autowired SandboxEventDelivery delivery;
  @Autowired SandboxWebhookRecorder recorder;
  @Autowired ObjectMapper objectMapper;
  @Autowired EventSharedSecret secret;
  @Autowired SandboxProperties properties;
  @Autowired LocalServer localServer;
  @Autowired RestClient.Builder restClientBuilder;
  @Autowired @SandboxDatabase TransactionTemplate transactions;

  @Test
  void retriesWithBackoffUntilTheEndpointAnswers2xxAndPostsTheSameBodyEachTime() throws Exception {
    String url = "http://localhost:" + port + SandboxWebhookRecorder.PATH;
    recorder.failuresLeft.set(0);
    Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
    while (deliverDueAt(tomorrow, url) > 0) {
      // drain events queued by other tests, those waiting for a retry too
    }
    String resourceUri = "/v1/customers/" + UUID.randomUUID();
    queue.enqueue(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED, resourceUri, "customer");
    recorder.failuresLeft.set(2);
    Instant queued = Instant.now();

    assertThat(deliverDueAt(queued, url)).isZero();
    SandboxEventQueue.Delivery failed = delivery(resourceUri);
    assertThat(failed.status()).isEqualTo(SandboxEventQueue.PENDING);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("503");
    assertThat(failed.nextAttemptAt().toInstant()).isEqualTo(queued.truncatedTo(ChronoUnit.MILLIS).plusSeconds(5));

    assertThat(deliverDueAt(queued.plusMillis(4_900), url)).as("not due before its backoff").isZero();
    assertThat(delivery(resourceUri).attempts()).isEqualTo(1);

    assertThat(deliverDueAt(queued.plusSeconds(5), url)).isZero();
    assertThat(delivery(resourceUri).attempts()).as("due after 5 s").isEqualTo(2);
    assertThat(deliverDueAt(queued.plusSeconds(14), url)).as("then after 10 s more").isZero();
    assertThat(delivery(resourceUri).attempts()).isEqualTo(2);

    assertThat(deliverDueAt(queued.plusSeconds(15), url)).isEqualTo(1);
    SandboxEventQueue.Delivery delivered = delivery(resourceUri);
    assertThat(delivered.status()).isEqualTo(SandboxEventQueue.DELIVERED);
    assertThat(delivered.attempts()).isEqualTo(3);

    List<String> bodies = recorder.received.stream().filter(body -> body.contains(resourceUri)).toList();
    assertThat(bodies).hasSize(3).containsOnly(delivered.body());
    assertThat(recorder.secrets).isNotEmpty().containsOnly(secret.value());
    JsonNode event = objectMapper.readTree(bodies.get(0));
    assertThat(event.fieldNames()).toIterable()
        .containsExactly("EventName", "ResourceUri", "ResourceName", "AuditUri", "ResourceChangeUtcDate");
    assertThat(event.path("EventName").asText()).isEqualTo("reseller-relationship-accepted-by-customer");
    assertThat(event.path("ResourceUri").asText()).isEqualTo(resourceUri);

    assertThat(deliverDueAt(queued.plus(Duration.ofHours(1)), url)).as("a delivered event is not sent again")
        .isZero();
  }

  @Test
  void twoDispatchersAtOnceAsOnTwoNodesPostEveryEventExactlyOnce() throws Exception {
    String url = "http://localhost:" + port + SandboxWebhookRecorder.PATH;
    recorder.failuresLeft.set(0);
    while (delivery.deliverDue(url) > 0) {
      // drain events queued by other tests
    }
    List<String> resourceUris = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String resourceUri = "/v1/customers/" + UUID.randomUUID();
      queue.enqueue(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED, resourceUri, "customer");
      resourceUris.add(resourceUri);
    }
    recorder.delayMillis.set(20);
    // the other node POSTs four events at a time
    SandboxEventDelivery otherNode = new SandboxEventDelivery(queue,
        new SandboxProperties(properties.webhookUrl(), properties.eventDeliveryInterval(), 4, false,
            properties.demoUserPassword()),
        localServer, restClientBuilder, secret, Clock.systemUTC());
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier together = new CyclicBarrier(2);
      Future<Integer> first = nodes.submit(() -> deliverAll(delivery, url, together));
      Future<Integer> second = nodes.submit(() -> deliverAll(otherNode, url, together));
      assertThat(first.get(1, TimeUnit.MINUTES) + second.get(1, TimeUnit.MINUTES)).isEqualTo(resourceUris.size());
    } finally {
      recorder.delayMillis.set(0);
      nodes.shutdownNow();
      otherNode.destroy();
    }

    for (String resourceUri : resourceUris) {
      assertThat(recorder.received.stream().filter(body -> body.contains(resourceUri)))
          .as("POSTs of %s", resourceUri).hasSize(1);
      SandboxEventQueue.Delivery delivered = delivery(resourceUri);
      assertThat(delivered.status()).isEqualTo(SandboxEventQueue.DELIVERED);
      assertThat(delivered.attempts()).isEqualTo(1);
    }
  }

  @Test
  void withImmediateDeliveryOffACommittedEventWaitsForADeliveryRun() {
    String url = "http://localhost:" + port + SandboxWebhookRecorder.PATH;
    recorder.failuresLeft.set(0);
    assertThat(properties.eventDeliveryImmediate()).as("the test profile's setting").isFalse();
    String resourceUri = "/v1/customers/" + UUID.randomUUID();

    transactions.executeWithoutResult(tx -> queue.enqueue(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED, resourceUri,
        SandboxEvent.CUSTOMER));

    SandboxEventQueue.Delivery queued = delivery(resourceUri);
    assertThat(queued.status()).isEqualTo(SandboxEventQueue.PENDING);
    assertThat(queued.attempts()).isZero();
    assertThat(recorder.received).noneMatch(body -> body.contains(resourceUri));
    while (delivery.deliverDue(url) > 0 && delivery(resourceUri).attempts() == 0) {
      // other tests' events may come first
    }
    assertThat(delivery(resourceUri).status()).isEqualTo(SandboxEventQueue.DELIVERED);
    assertThat(delivery(resourceUri).attempts()).isEqualTo(1);
    assertThat(recorder.received).filteredOn(body -> body.contains(resourceUri)).hasSize(1);
  }

  @Test
  void anEventTheSendersCannotTakeIsLeftToTheNextDeliveryRun() {
    String url = "http://localhost:" + port + SandboxWebhookRecorder.PATH;
    recorder.failuresLeft.set(0);
    String resourceUri = "/v1/customers/" + UUID.randomUUID();
    queue.enqueue(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED, resourceUri, SandboxEvent.CUSTOMER);
    SandboxEventQueue.Delivery queued = delivery(resourceUri);
    SandboxEventDelivery stopped = new SandboxEventDelivery(queue, properties, localServer, restClientBuilder, secret,
        Clock.systemUTC());
    stopped.destroy();

    assertThat(stopped.send(queued)).as("refused, without waiting or throwing").isFalse();
    assertThat(stopped.deliverDue(url)).as("a stopped delivery sends nothing").isZero();

    assertThat(delivery(resourceUri).attempts()).isZero();
    while (delivery.deliverDue(url) > 0 && delivery(resourceUri).attempts() == 0) {
      // other tests' events may come first
    }
    assertThat(delivery(resourceUri).status()).isEqualTo(SandboxEventQueue.DELIVERED);
    assertThat(recorder.received).filteredOn(body -> body.contains(resourceUri)).hasSize(1);
  }

  @Test
  void backoffDoublesUpToTenMinutesAndTheDefaultUrlIsThisApplicationsEventEndpoint() {
    assertThat(SandboxEventDelivery.backoff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(SandboxEventDelivery.backoff(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(SandboxEventDelivery.backoff(30)).isEqualTo(Duration.ofMinutes(10));
    assertThat(delivery.webhookUrl()).isEqualTo("http://localhost:" + port + "/api/partner-center/events");
  }

  private static int deliverAll(SandboxEventDelivery node, String url, CyclicBarrier together) throws Exception {
    together.await();
    int delivered = 0;
    for (int round = node.deliverDue(url); round > 0; round = node.deliverDue(url)) {
      delivered += round;
    }
    return delivered;
  }

  private SandboxEventQueue.Delivery delivery(String resourceUri) {
    return queue.all(SandboxEvent.RESELLER_RELATIONSHIP_ACCEPTED).stream()
        .filter(d -> d.resourceUri().equals(resourceUri)).findFirst().orElseThrow();
  }

  /** One delivery run by a dispatcher whose "now" is {@code now}: moves time instead of the queued event. */
  private int deliverDueAt(Instant now, String url) {
    return deliverDueAt(queue, properties, localServer, restClientBuilder, secret, now, url);
  }

  /**
   * One delivery run by a dispatcher of its own whose "now" is {@code now}, as the scheduled run would make it then.
   *
   * @return events delivered
   */
  static int deliverDueAt(SandboxEventQueue queue, SandboxProperties properties, LocalServer localServer,
      RestClient.Builder restClientBuilder, EventSharedSecret secret, Instant now, String url) {
    SandboxEventDelivery at = new SandboxEventDelivery(queue, properties, localServer, restClientBuilder, secret,
        Clock.fixed(now, ZoneOffset.UTC));
    try {
      return at.deliverDue(url);
    } finally {
      at.destroy();
    }
  }
}
