package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the sandbox data set from {@code classpath:sandbox/*.json} into the {@code sbx_*} tables on the
 * first start, when no tenant is stored yet; later starts keep whatever the sandbox world has become.
 *
 * <p>Files, in the Partner Center API's shapes:
 * <ul>
 *   <li>{@code partners.json} — CSP partners with their {@code LegalBusinessProfile};</li>
 *   <li>{@code customers.json} — customer tenants: the {@code Customer} resource, where they bought
 *       ({@code boughtFrom}), their relationships with partners and their {@code Subscription}s;</li>
 *   <li>{@code partnerships.json} — indirect provider/reseller partnerships and MPA status per region;</li>
 *   <li>{@code users.json} — users of every tenant with roles and demo passwords.</li>
 * </ul>
 */
@Component
@SandboxConfiguration
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SandboxDataSetLoader implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxDataSetLoader.class);
  /** When relationships of the data set were established. */
  private static final OffsetDateTime DATA_SET_DATE = OffsetDateTime.of(2025, 6, 1, 8, 0, 0, 0, ZoneOffset.UTC);

  private final SandboxDirectory directory;
  private final ObjectMapper objectMapper;
  private final TransactionTemplate transaction;
  private final SandboxCommerce commerce;
  private final SandboxAzureEntitlementsLoader entitlements;

  /**
   * @param directory the sandbox tables
   * @param objectMapper JSON mapper
   * @param transaction loads the whole data set in one transaction
   * @param commerce the commerce tables
   * @param entitlements loads the data set's Azure subscriptions
   */
  public SandboxDataSetLoader(SandboxDirectory directory, ObjectMapper objectMapper,
      @SandboxDatabase TransactionTemplate transaction, SandboxCommerce commerce,
      SandboxAzureEntitlementsLoader entitlements) {
    this.directory = directory;
    this.objectMapper = objectMapper;
    this.transaction = transaction;
    this.commerce = commerce;
    this.entitlements = entitlements;
  }

  @Override
  public void run(ApplicationArguments args) {
    loadIfEmpty();
  }

  /**
   * Loads the data set unless the sandbox already holds tenants.
   *
   * @return whether it was loaded
   */
  public boolean loadIfEmpty() {
    Boolean loaded =
        transaction.execute(
            status -> {
              if (!directory.isEmpty()) {
                return false;
              }
              load();
              return true;
            });
    return Boolean.TRUE.equals(loaded);
  }

  private void load() {
    JsonNode partners = read("partners.json");
    JsonNode customers = read("customers.json");
    JsonNode partnerships = read("partnerships.json");
    JsonNode users = read("users.json");

    for (JsonNode partner : partners) {
      loadPartner(partner);
    }
    for (JsonNode customer : customers) {
      loadCustomer(customer);
    }
    for (JsonNode partnership : partnerships.path("partnerships")) {
      directory.insertPartnership(
          partnership.path("providerId").asText(),
          partnership.path("resellerId").asText(),
          partnership.path("state").asText());
    }
    for (JsonNode status : partnerships.path("agreementStatus")) {
      directory.insertAgreementStatus(
          status.path("partnerId").asText(),
          status.path("cspRegion").asText(),
          status.path("isAgreementSigned").asBoolean());
    }
    for (JsonNode user : users) {
      loadUser(user);
    }
    LOG.info(
        "Sandbox Partner Center data set loaded: {} partners, {} customer tenants, {} users",
        partners.size(),
        customers.size(),
        users.size());
  }

  /**
   * Puts the customers' relationships and subscriptions, Azure subscriptions, customer agreements, carts and
   * transfers back to the data set, in one transaction, whatever was changed since; tenants, partners, users and
   * agreement statuses stay as they are.
   */
  public void resetCustomers() {
    JsonNode customers = read("customers.json");
    transaction.executeWithoutResult(
        status -> {
          commerce.deleteAll();
          directory.deleteRelationshipsAndSubscriptions();
          for (JsonNode customer : customers) {
            loadRelationshipsAndSubscriptions(customer.path("customer").path("id").asText(), customer);
          }
          entitlements.load();
        });
  }

  /**
   * Adds customer tenants and their users to the sandbox world, in one transaction, in the shapes of the
   * data set files: entries of {@code customers.json} and of {@code users.json}.
   *
   * @param customers customer entries ({@code kind}, {@code boughtFrom}, {@code customer}, {@code relationships},
   *     {@code subscriptions})
   * @param users user entries ({@code userPrincipalName}, {@code tenantId}, {@code displayName}, {@code roles},
   *     {@code password})
   * @throws org.springframework.dao.DuplicateKeyException when a tenant id, domain or user exists already
   */
  public void addCustomers(List<? extends JsonNode> customers, List<? extends JsonNode> users) {
    transaction.executeWithoutResult(
        status -> {
          customers.forEach(this::loadCustomer);
          users.forEach(this::loadUser);
        });
    LOG.info("Sandbox Partner Center: {} customer tenants and {} users added", customers.size(), users.size());
  }

  private void loadUser(JsonNode user) {
    List<String> roles = new ArrayList<>();
    user.path("roles").forEach(role -> roles.add(role.asText()));
    directory.insertUser(
        new SandboxUser(
            user.path("userPrincipalName").asText(),
            user.path("tenantId").asText(),
            user.path("displayName").asText(),
            roles),
        user.path("password").asText());
  }

  private void loadPartner(JsonNode partner) {
    String id = partner.path("id").asText();
    String domain = partner.path("domain").asText();
    JsonNode profile = partner.path("legalBusinessProfile");
    String name = profile.path("companyName").asText();
    JsonNode address = profile.path("address");
    String language = partner.path("language").asText();

    ObjectNode customer = objectMapper.createObjectNode();
    customer.put("id", id);
    ObjectNode company = customer.putObject("companyProfile");
    company.put("tenantId", id).put("domain", domain).put("companyName", name);
    company.putObject("attributes").put("objectType", "CustomerCompanyProfile");
    ObjectNode billing = customer.putObject("billingProfile");
    billing
        .put("firstName", profile.path("primaryContact").path("firstName").asText())
        .put("lastName", profile.path("primaryContact").path("lastName").asText())
        .put("email", profile.path("primaryContact").path("email").asText())
        .put("language", language)
        .put("companyName", name);
    billing
        .putObject("defaultAddress")
        .put("country", address.path("country").asText())
        .put("city", address.path("city").asText())
        .put("addressLine1", address.path("addressLine1").asText())
        .put("postalCode", address.path("postalCode").asText());
    billing.putObject("attributes").put("objectType", "CustomerBillingProfile");
    customer.putObject("attributes").put("objectType", "Customer");

    directory.insertTenant(
        new SandboxTenant(
            id,
            SandboxTenant.Kind.PARTNER,
            null,
            domain,
            name,
            address.path("country").asText(),
            language,
            null,
            customer.toString()));
    directory.insertPartner(
        new SandboxPartner(
            id,
            name,
            partner.path("partnerType").asText(),
            partner.path("mpnId").asText(),
            partner.path("location").asText(),
            partner.path("cloud").asText(),
            profile.toString()));
  }

  private void loadCustomer(JsonNode entry) {
    ObjectNode customer = (ObjectNode) entry.path("customer");
    String id = customer.path("id").asText();
    JsonNode billing = customer.path("billingProfile");
    customer.remove(List.of("relationshipToPartner", "allowDelegatedAccess", "associatedPartnerId"));
    directory.insertTenant(
        new SandboxTenant(
            id,
            SandboxTenant.Kind.valueOf(entry.path("kind").asText()),
            textOrNull(entry.path("partnerTenantId")),
            customer.path("companyProfile").path("domain").asText(),
            customer.path("companyProfile").path("companyName").asText(),
            billing.path("defaultAddress").path("country").asText(),
            billing.path("language").asText(),
            textOrNull(entry.path("boughtFrom")),
            customer.toString()));
    loadRelationshipsAndSubscriptions(id, entry);
  }

  private void loadRelationshipsAndSubscriptions(String id, JsonNode entry) {
    for (JsonNode relationship : entry.path("relationships")) {
      directory.insertRelationship(
          new CustomerRelationship(
              id,
              relationship.path("partnerId").asText(),
              relationship.path("relationshipToPartner").asText(),
              relationship.path("allowDelegatedAccess").asBoolean(),
              textOrNull(relationship.path("associatedPartnerId")),
              DATA_SET_DATE));
    }
    for (JsonNode subscription : entry.path("subscriptions")) {
      JsonNode document = subscription.path("subscription");
      directory.insertSubscription(
          new SandboxSubscription(
              document.path("id").asText(),
              id,
              textOrNull(subscription.path("sellerPartnerId")),
              subscription.path("channel").asText(),
              document.toString()));
    }
  }

  private JsonNode read(String file) {
    try (InputStream in = new ClassPathResource("sandbox/" + file).getInputStream()) {
      return objectMapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read sandbox data set file " + file, e);
    }
  }

  private static String textOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }
}
