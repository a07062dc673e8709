package io.partnerchannel.orchestrator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxConfiguration;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDataSetLoader;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.partnerchannel.orchestrator.web.ResourceConflictException;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bench-only sandbox endpoints ({@code bench} profile): fresh customer tenants to invite, since a domain
 * can have one open invitation and an accepted customer is "already related"; and the Partner Center calls
 * this node's sandbox answered.
 */
@RestController
@RequestMapping(path = "/sandbox/bench", produces = MediaType.APPLICATION_JSON_VALUE)
@Profile(BenchProfile.NAME)
@SandboxConfiguration
class BenchSandboxController {

  /** Country of every bench customer: in Europe, the default operating partner's CSP region (R9). */
  static final String COUNTRY = "IT";

  private final SandboxDataSetLoader dataSet;
  private final PartnerCenterCallCounter callCounter;
  private final ObjectMapper objectMapper;

  /**
   * @param dataSet adds tenants and users in the data set's shapes
   * @param callCounter Partner Center calls answered by this node
   * @param objectMapper builds the entries
   */
  public BenchSandboxController(
      SandboxDataSetLoader dataSet, PartnerCenterCallCounter callCounter, ObjectMapper objectMapper) {
    this.dataSet = dataSet;
    this.callCounter = callCounter;
    this.objectMapper = objectMapper;
  }

  /**
   * {@code POST /sandbox/bench/customer-tenants {"prefix": "r1", "count": 200}}: adds {@code count} customer
   * tenants {@code bench-<prefix>-0001.onmicrosoft.com}, ... (country IT, bought from Microsoft direct, no
   * partner) each with its Global Administrator {@code admin@<domain>}.
   *
   * @param request prefix and count
   * @return 201 with {@code [{id, domain, companyName, globalAdmin}]}; 409 when the prefix was used before
   */
  @PostMapping(path = "/customer-tenants", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  public List<BenchCustomer> createCustomers(@Valid @RequestBody CustomerTenantsRequest request) {
    List<BenchCustomer> created = new ArrayList<>();
    List<JsonNode> customers = new ArrayList<>();
    List<JsonNode> users = new ArrayList<>();
    for (int i = 1; i <= request.count(); i++) {
      String name = "bench-%s-%05d".formatted(request.prefix(), i);
      BenchCustomer customer = new BenchCustomer(
          UUID.randomUUID().toString(), name + ".onmicrosoft.com", "Bench customer " + request.prefix() + " " + i,
          "admin@" + name + ".onmicrosoft.com");
      customers.add(customerEntry(customer));
      users.add(objectMapper.valueToTree(Map.of(
          "userPrincipalName", customer.globalAdmin(),
          "tenantId", customer.id(),
          "displayName", customer.companyName() + " admin",
          "roles", List.of(SandboxUser.GLOBAL_ADMINISTRATOR),
          "password", "Sandbox!Admin1")));
      created.add(customer);
    }
    try {
      dataSet.addCustomers(customers, users);
    } catch (DuplicateKeyException e) {
      throw new ResourceConflictException("Bench customer tenants with prefix " + request.prefix() + " exist already");
    }
    return created;
  }

  /**
   * {@code GET /sandbox/bench/partner-center-calls}.
   *
   * @return Partner Center calls this node's sandbox answered since it started, per {@code METHOD path?query}
   */
  @GetMapping("/partner-center-calls")
  public Map<String, Long> partnerCenterCalls() {
    return callCounter.calls();
  }

  /** A {@code customers.json} entry in Partner Center's {@code Customer} shape. */
  private JsonNode customerEntry(BenchCustomer customer) {
    ObjectNode entry = objectMapper.createObjectNode();
    entry.put("kind", "CUSTOMER").put("boughtFrom", "MICROSOFT_DIRECT");
    ObjectNode document = entry.putObject("customer");
    document.put("id", customer.id());
    ObjectNode company = document.putObject("companyProfile");
    company.put("tenantId", customer.id()).put("domain", customer.domain()).put("companyName", customer.companyName());
    company.putObject("attributes").put("objectType", "CustomerCompanyProfile");
    ObjectNode billing = document.putObject("billingProfile");
    billing.put("firstName", "Bench").put("lastName", "Admin").put("email", customer.globalAdmin())
        .put("culture", "en-US").put("language", "en").put("companyName", customer.companyName());
    billing.putObject("defaultAddress").put("country", COUNTRY).put("city", "Milano")
        .put("addressLine1", "Via Bench 1").put("postalCode", "20121");
    billing.putObject("attributes").put("objectType", "CustomerBillingProfile");
    document.putObject("attributes").put("objectType", "Customer");
    entry.putArray("relationships");
    entry.putArray("subscriptions");
    return entry;
  }

  /**
   * @param prefix distinguishes the tenants of one batch, e.g. {@code r1}
   * @param count how many tenants, 1..100000
   */
  public record CustomerTenantsRequest(
      @NotNull @Pattern(regexp = "[a-z0-9]{1,12}") String prefix, @NotNull @Min(1) @Max(100_000) Integer count) {}

  /**
   * A bench customer tenant.
   *
   * @param id tenant id
   * @param domain primary domain
   * @param companyName company name
   * @param globalAdmin UPN of its Global Administrator
   */
  public record BenchCustomer(String id, String domain, String companyName, String globalAdmin) {}
}
