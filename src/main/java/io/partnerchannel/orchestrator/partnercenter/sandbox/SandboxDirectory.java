package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sandbox world kept in the {@code sbx_*} tables: tenants, partners, users, subscriptions, customer
 * relationships and provider/reseller partnerships. Read by the emulator's controllers, written by the
 * data set loader and the sandbox admin center.
 */
@Repository
@SandboxConfiguration
public class SandboxDirectory {

  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;

  /**
   * @param jdbc JDBC access to the sandbox tables
   * @param objectMapper JSON mapper for the stored role lists
   */
  public SandboxDirectory(@SandboxDatabase JdbcClient jdbc, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
  }

  // ---------------------------------------------------------------- tenants

  /** @return whether no tenant is stored yet (the data set has not been loaded) */
  public boolean isEmpty() {
    return jdbc.sql("select count(*) from sbx_tenant").query(Long.class).single() == 0;
  }

  /** @return every organization, ordered by company name */
  public List<SandboxTenant> tenants() {
    return jdbc.sql("select * from sbx_tenant order by company_name").query(this::mapTenant).list();
  }

  /**
   * @param id tenant id
   * @return the tenant, or empty
   */
  public Optional<SandboxTenant> tenant(String id) {
    return jdbc.sql("select * from sbx_tenant where id = ?").param(id).query(this::mapTenant).optional();
  }

  /** A tenant by domain ignoring case: through the unique index on its lower-case key. */
  static final String TENANT_BY_DOMAIN = "select * from sbx_tenant where domain_key = lower(?)";
  /** A user by UPN ignoring case: through the unique index on its lower-case key. */
  static final String USER_BY_UPN = "select * from sbx_user where user_principal_name_key = lower(?)";

  /**
   * @param domain primary domain, compared ignoring case (by its lower-case key, indexed)
   * @return the tenant, or empty
   */
  public Optional<SandboxTenant> tenantByDomain(String domain) {
    return jdbc.sql(TENANT_BY_DOMAIN)
        .param(domain)
        .query(this::mapTenant)
        .optional();
  }

  /** @param tenant the tenant to store, with its domain's lower-case key */
  public void insertTenant(SandboxTenant tenant) {
    jdbc.sql(
            """
            insert into sbx_tenant (id, kind, csp_transaction_tenant_of, corporate_tenant_of, domain, domain_key,
                                    company_name, country, language, bought_from, customer_document)
            values (?, ?, ?, ?, ?, lower(?), ?, ?, ?, ?, ?)""")
        .params(
            tenant.id(),
            tenant.kind().name(),
            tenant.kind() == SandboxTenant.Kind.CSP_TRANSACTION_TENANT ? tenant.ownerPartnerId() : null,
            tenant.kind() == SandboxTenant.Kind.CSP_CORPORATE_TENANT ? tenant.ownerPartnerId() : null,
            tenant.domain(),
            tenant.domain(),
            tenant.companyName(),
            tenant.country(),
            tenant.language(),
            tenant.boughtFrom(),
            tenant.customerDocument())
        .update();
  }

  private SandboxTenant mapTenant(ResultSet rs, int row) throws SQLException {
    String transactionOf = rs.getString("csp_transaction_tenant_of");
    return new SandboxTenant(
        rs.getString("id"),
        SandboxTenant.Kind.valueOf(rs.getString("kind")),
        transactionOf != null ? transactionOf : rs.getString("corporate_tenant_of"),
        rs.getString("domain"),
        rs.getString("company_name"),
        rs.getString("country"),
        rs.getString("language"),
        rs.getString("bought_from"),
        rs.getString("customer_document"));
  }

  // ---------------------------------------------------------------- partners

  /**
   * @param id partner tenant id
   * @return the partner, or empty
   */
  public Optional<SandboxPartner> partner(String id) {
    return jdbc.sql("select * from sbx_partner where id = ?").param(id).query(PARTNER).optional();
  }

  /**
   * @param mpnId MPN (PLA) id
   * @return the partner, or empty
   */
  public Optional<SandboxPartner> partnerByMpnId(String mpnId) {
    return jdbc.sql("select * from sbx_partner where mpn_id = ?").param(mpnId).query(PARTNER).optional();
  }

  /** @param partner the partner to store (its tenant first) */
  public void insertPartner(SandboxPartner partner) {
    jdbc.sql(
            """
            insert into sbx_partner (id, name, partner_type, mpn_id, location, cloud, legal_business_profile)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            partner.id(),
            partner.name(),
            partner.partnerType(),
            partner.mpnId(),
            partner.location(),
            partner.cloud(),
            partner.legalBusinessProfile())
        .update();
  }

  private static final RowMapper<SandboxPartner> PARTNER =
      (rs, row) ->
          new SandboxPartner(
              rs.getString("id"),
              rs.getString("name"),
              rs.getString("partner_type"),
              rs.getString("mpn_id"),
              rs.getString("location"),
              rs.getString("cloud"),
              rs.getString("legal_business_profile"));

  /**
   * Partners on the other side of an indirect-model partnership (A2, A3).
   *
   * @param partnerId the asking partner
   * @param asProvider true: the partner's indirect resellers; false: the partner's indirect providers
   * @return the other partners with the partnership state
   */
  public List<Partnership> partnerships(String partnerId, boolean asProvider) {
    String sql =
        asProvider
            ? "select p.*, s.state from sbx_partnership s join sbx_partner p on p.id = s.reseller_id"
                + " where s.provider_id = ? order by p.name"
            : "select p.*, s.state from sbx_partnership s join sbx_partner p on p.id = s.provider_id"
                + " where s.reseller_id = ? order by p.name";
    return jdbc.sql(sql)
        .param(partnerId)
        .query((rs, row) -> new Partnership(PARTNER.mapRow(rs, row), rs.getString("state")))
        .list();
  }

  /**
   * @param providerId indirect provider
   * @param resellerId indirect reseller
   * @param state e.g. {@code Active}
   */
  public void insertPartnership(String providerId, String resellerId, String state) {
    jdbc.sql("insert into sbx_partnership (provider_id, reseller_id, state) values (?, ?, ?)")
        .params(providerId, resellerId, state)
        .update();
  }

  /**
   * @param partnerId partner
   * @param cspRegion e.g. {@code EUROPE}
   * @param signed whether the MPA is signed for the region
   */
  public void insertAgreementStatus(String partnerId, String cspRegion, boolean signed) {
    jdbc.sql("insert into sbx_mpa_status (partner_id, csp_region, agreement_signed) values (?, ?, ?)")
        .params(partnerId, cspRegion, signed)
        .update();
  }

  /**
   * Forgets the partner's Microsoft Partner Agreement status for one CSP region, as if it never signed there.
   *
   * @param partnerId partner
   * @param cspRegion e.g. {@code EUROPE}
   */
  public void deleteAgreementStatus(String partnerId, String cspRegion) {
    jdbc.sql("delete from sbx_mpa_status where partner_id = ? and csp_region = ?").params(partnerId, cspRegion).update();
  }

  /** Deletes every customer relationship and subscription (the data set puts them back). */
  void deleteRelationshipsAndSubscriptions() {
    jdbc.sql("delete from sbx_subscription").update();
    jdbc.sql("delete from sbx_customer_relationship").update();
  }

  /**
   * The partner's Microsoft Partner Agreement status per CSP region (A9, R16).
   *
   * @param partnerId partner
   * @return CSP region (e.g. {@code EUROPE}) → whether the MPA is signed there; empty when it never signed one
   */
  public Map<String, Boolean> agreementStatus(String partnerId) {
    Map<String, Boolean> status = new LinkedHashMap<>();
    jdbc.sql("select csp_region, agreement_signed from sbx_mpa_status where partner_id = ? order by csp_region")
        .param(partnerId)
        .query(rs -> {
          status.put(rs.getString("csp_region"), rs.getBoolean("agreement_signed"));
        });
    return status;
  }

  /**
   * @param partner the other partner
   * @param state the partnership state, e.g. {@code Active}
   */
  public record Partnership(SandboxPartner partner, String state) {}

  // ---------------------------------------------------------------- users

  /**
   * @param userPrincipalName UPN, compared ignoring case (by its lower-case key, indexed)
   * @return the user, or empty
   */
  public Optional<SandboxUser> user(String userPrincipalName) {
    return jdbc.sql(USER_BY_UPN)
        .param(userPrincipalName)
        .query(this::mapUser)
        .optional();
  }

  /**
   * @param tenantId tenant
   * @return its users ordered by UPN
   */
  public List<SandboxUser> usersOf(String tenantId) {
    return jdbc.sql("select * from sbx_user where tenant_id = ? order by user_principal_name")
        .param(tenantId)
        .query(this::mapUser)
        .list();
  }

  /**
   * Signs a sandbox user in: one read of the user's row ({@link #USER_BY_UPN}), its password compared in constant time.
   *
   * @param userPrincipalName UPN
   * @param password the user's demo password
   * @return the user when the password matches, else empty
   */
  public Optional<SandboxUser> signIn(String userPrincipalName, String password) {
    if (userPrincipalName == null || password == null) {
      return Optional.empty();
    }
    byte[] given = password.getBytes(StandardCharsets.UTF_8);
    return jdbc.sql(USER_BY_UPN)
        .param(userPrincipalName)
        .query((rs, row) -> MessageDigest.isEqual(rs.getString("password").getBytes(StandardCharsets.UTF_8), given)
            ? Optional.of(mapUser(rs, row)) : Optional.<SandboxUser>empty())
        .optional()
        .flatMap(Function.identity());
  }

  /**
   * @param user the user to store, with its UPN's lower-case key
   * @param password the user's demo password
   */
  public void insertUser(SandboxUser user, String password) {
    jdbc.sql(
            """
            insert into sbx_user (user_principal_name, user_principal_name_key, tenant_id, display_name, roles,
                                  password)
            values (?, lower(?), ?, ?, ?, ?)""")
        .params(user.userPrincipalName(), user.userPrincipalName(), user.tenantId(), user.displayName(),
            json(user.roles()), password)
        .update();
  }

  private SandboxUser mapUser(ResultSet rs, int row) throws SQLException {
    try {
      return new SandboxUser(
          rs.getString("user_principal_name"),
          rs.getString("tenant_id"),
          rs.getString("display_name"),
          objectMapper.readValue(rs.getString("roles"), STRING_LIST));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable roles of sandbox user " + rs.getString(1), e);
    }
  }

  // ---------------------------------------------------------------- subscriptions

  /**
   * @param customerTenantId tenant
   * @return every subscription of the tenant, whoever sold it, ordered by id
   */
  public List<SandboxSubscription> subscriptionsOf(String customerTenantId) {
    return jdbc.sql("select * from sbx_subscription where customer_tenant_id = ? order by id")
        .param(customerTenantId)
        .query(
            (rs, row) ->
                new SandboxSubscription(
                    rs.getString("id"),
                    rs.getString("customer_tenant_id"),
                    rs.getString("seller_partner_id"),
                    rs.getString("channel"),
                    rs.getString("document")))
        .list();
  }

  /** @param subscription the subscription to store */
  public void insertSubscription(SandboxSubscription subscription) {
    jdbc.sql(
            """
            insert into sbx_subscription (id, customer_tenant_id, seller_partner_id, channel, document)
            values (?, ?, ?, ?, ?)""")
        .params(
            subscription.id(),
            subscription.customerTenantId(),
            subscription.sellerPartnerId(),
            subscription.channel(),
            subscription.document())
        .update();
  }

  // ---------------------------------------------------------------- customer relationships

  /**
   * @param partnerId partner
   * @return the partner's customer relationships
   */
  public List<CustomerRelationship> relationshipsOfPartner(String partnerId) {
    return jdbc.sql("select * from sbx_customer_relationship where partner_id = ?")
        .param(partnerId)
        .query(RELATIONSHIP)
        .list();
  }

  /**
   * @param partnerId partner
   * @return the tenants in a relationship with the partner, by tenant id, read in one query
   */
  public Map<String, SandboxTenant> tenantsRelatedTo(String partnerId) {
    Map<String, SandboxTenant> tenants = new LinkedHashMap<>();
    jdbc.sql("""
            select t.* from sbx_tenant t
              join sbx_customer_relationship r on r.customer_tenant_id = t.id
             where r.partner_id = ?""")
        .param(partnerId)
        .query(this::mapTenant)
        .list()
        .forEach(tenant -> tenants.put(tenant.id(), tenant));
    return tenants;
  }

  /**
   * @param customerTenantId customer
   * @return the customer's relationships with every partner
   */
  public List<CustomerRelationship> relationshipsOfCustomer(String customerTenantId) {
    return jdbc.sql("select * from sbx_customer_relationship where customer_tenant_id = ? order by partner_id")
        .param(customerTenantId)
        .query(RELATIONSHIP)
        .list();
  }

  /**
   * @param customerTenantId customer
   * @param partnerId partner
   * @return their relationship, or empty
   */
  public Optional<CustomerRelationship> relationship(String customerTenantId, String partnerId) {
    return jdbc.sql("select * from sbx_customer_relationship where customer_tenant_id = ? and partner_id = ?")
        .params(customerTenantId, partnerId)
        .query(RELATIONSHIP)
        .optional();
  }

  /** @param relationship the relationship to store */
  public void insertRelationship(CustomerRelationship relationship) {
    jdbc.sql(
            """
            insert into sbx_customer_relationship (customer_tenant_id, partner_id, relationship_to_partner,
                                                   allow_delegated_access, associated_partner_id, established_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(
            relationship.customerTenantId(),
            relationship.partnerId(),
            relationship.relationshipToPartner(),
            relationship.allowDelegatedAccess(),
            relationship.associatedPartnerId(),
            relationship.establishedAt())
        .update();
  }

  /**
   * Changes an existing relationship's type, DAP flag and associated indirect reseller.
   *
   * @param relationship the new state, identified by customer and partner
   */
  public void updateRelationship(CustomerRelationship relationship) {
    jdbc.sql(
            """
            update sbx_customer_relationship
               set relationship_to_partner = ?, allow_delegated_access = ?, associated_partner_id = ?,
                   established_at = ?
             where customer_tenant_id = ? and partner_id = ?""")
        .params(
            relationship.relationshipToPartner(),
            relationship.allowDelegatedAccess(),
            relationship.associatedPartnerId(),
            relationship.establishedAt(),
            relationship.customerTenantId(),
            relationship.partnerId())
        .update();
  }

  private static final RowMapper<CustomerRelationship> RELATIONSHIP =
      (rs, row) ->
          new CustomerRelationship(
              rs.getString("customer_tenant_id"),
              rs.getString("partner_id"),
              rs.getString("relationship_to_partner"),
              rs.getBoolean("allow_delegated_access"),
              rs.getString("associated_partner_id"),
              rs.getObject("established_at", OffsetDateTime.class));

  private String json(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
    }
  }
}
