package io.partnerchannel.orchestrator.bench;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.client.RestClient;

/**
 * One kind of instance the benchmark drives through a node's public interfaces: start, see it wait for the
 * customer, accept, see it established.
 */
interface Workload {

  /** @return short name for reports, e.g. {@code invitation} */
  String name();

  /** @return the process definition key the instances belong to */
  String processKey();

  /**
   * @param node a node
   * @return the client this workload calls the node with: its sales agent (the product's {@code /api}) unless
   *     the workload drives the engine's REST API, which is for operations
   */
  default RestClient client(ApplicationNode node) {
    return node.http;
  }

  /**
   * @param emulator the emulated Partner Center in its own process
   * @param node the node under test
   * @return the client customers are created and accept with: the node's (the baseline correlates its own
   *     message) unless the workload's customers live in Partner Center
   */
  default RestClient customerClient(ApplicationNode emulator, ApplicationNode node) {
    return client(node);
  }

  /**
   * @param node a node
   * @param prefix distinguishes this batch's customers from every other batch's
   * @param count how many
   * @return the customers to invite, created where needed
   */
  List<Target> prepare(RestClient node, String prefix, int count);

  /**
   * @param node a node
   * @param target the customer
   * @return the new instance's id
   */
  String start(RestClient node, Target target);

  /**
   * @param node a node
   * @param id instance id
   * @return whether the instance waits for the customer's acceptance
   * @throws IllegalStateException when it ended without waiting
   */
  boolean waitsForAcceptance(RestClient node, String id);

  /**
   * The customer accepts.
   *
   * @param node a node
   * @param target the customer
   * @param id instance id
   */
  void accept(RestClient node, Target target, String id);

  /**
   * @param node a node
   * @param id instance id
   * @return when the instance reached {@code EndEvent_RelationshipEstablished} (the engine's time), empty while
   *     still running
   * @throws IllegalStateException when it ended any other way
   */
  Optional<Instant> established(RestClient node, String id);

  /**
   * A customer to invite.
   *
   * @param customerTenantId tenant id
   * @param domain domain
   * @param companyName company name
   * @param globalAdmin UPN of the Global Administrator who accepts
   */
  record Target(String customerTenantId, String domain, String companyName, String globalAdmin) {

    /**
     * @return the customer as Partner Center names it in its events' {@code ResourceUri}: absolute, as Partner
     *     Center sends it (partner-center-webhook-events) and the emulator queues it
     */
    String resourceUri() {
      return "https://api.partnercenter.microsoft.com/v1/customers/" + customerTenantId;
    }
  }
}
