package io.partnerchannel.orchestrator.bench;

import org.springframework.core.ParameterizedTypeReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Partner Center calls answered by the sandbox of one or more nodes ({@code GET /sandbox/bench/partner-center-calls}),
 * attributed to customers: a call belongs to a customer when its path or filter names the customer's tenant
 * id or domain. The calls of one invitation that name no customer (the partner's own profile, its request
 * link) are counted as a total.
 *
 * @param perCustomer calls per customer tenant id
 * @param unattributed calls that name none of the customers
 */
record PartnerCenterCalls(Map<String, Long> perCustomer, long unattributed) {

  private static final ParameterizedTypeReference<Map<String, Long>> CALLS = new ParameterizedTypeReference<>() {};

  /**
   * @param nodes nodes whose sandbox answered the calls (their counters start at their start)
   * @param customers the customers to attribute calls to
   * @return the calls, summed over the nodes
   */
  static PartnerCenterCalls of(List<ApplicationNode> nodes, List<Workload.Target> customers) {
    Map<String, Long> all = new HashMap<>();
    for (ApplicationNode node : nodes) {
      Map<String, Long> calls = node.http.get().uri("/sandbox/bench/partner-center-calls").retrieve().body(CALLS);
      calls.forEach((call, count) -> all.merge(call, count, Long::sum));
    }
    Map<String, Long> perCustomer = new TreeMap<>();
    customers.forEach(customer -> perCustomer.put(customer.customerTenantId(), 0L));
    long unattributed = 0;
    for (Map.Entry<String, Long> call : all.entrySet()) {
      Workload.Target owner = customers.stream()
          .filter(customer -> call.getKey().contains(customer.customerTenantId()) || call.getKey().contains(customer.domain()))
          .findFirst()
          .orElse(null);
      if (owner == null) {
        unattributed += call.getValue();
      } else {
        perCustomer.merge(owner.customerTenantId(), call.getValue(), Long::sum);
      }
    }
    return new PartnerCenterCalls(perCustomer, unattributed);
  }

  /** @return the distinct numbers of calls per customer, e.g. {@code [3]} when every customer had 3 */
  TreeSet<Long> distinctPerCustomer() {
    return new TreeSet<>(perCustomer.values());
  }
}
