package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sandbox's commerce tables ({@code V5_1__sandbox_commerce.sql}): agreement confirmations, carts, Azure
 * subscriptions under subscriptions (Azure entitlements) and transfers, plus the subscription writes that
 * checkout, cancellation, suspension and transfers make to {@code sbx_subscription}.
 */
@Repository
@SandboxConfiguration
public class SandboxCommerce {

  private final JdbcClient jdbc;

  /** @param jdbc JDBC access to the sandbox tables */
  public SandboxCommerce(@SandboxDatabase JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------- subscriptions

  /**
   * @param customerTenantId the customer
   * @param subscriptionId the subscription
   * @return the customer's subscription, whoever sold it, or empty
   */
  public Optional<SandboxSubscription> subscription(String customerTenantId, String subscriptionId) {
    return jdbc.sql("select * from sbx_subscription where id = ? and customer_tenant_id = ?")
        .params(subscriptionId, customerTenantId)
        .query(SUBSCRIPTION)
        .optional();
  }

  /**
   * @param subscriptionId the subscription
   * @param sellerPartnerId the partner that provides it from now on
   * @param channel where the customer bought it from now on
   * @param document the new Partner Center {@code Subscription} resource
   */
  public void updateSubscription(String subscriptionId, String sellerPartnerId, String channel, String document) {
    jdbc.sql("update sbx_subscription set seller_partner_id = ?, channel = ?, document = ? where id = ?")
        .params(sellerPartnerId, channel, document, subscriptionId)
        .update();
  }

  private static final RowMapper<SandboxSubscription> SUBSCRIPTION = (rs, row) -> new SandboxSubscription(
      rs.getString("id"),
      rs.getString("customer_tenant_id"),
      rs.getString("seller_partner_id"),
      rs.getString("channel"),
      rs.getString("document"));

  // ---------------------------------------------------------------- Azure entitlements

  /**
   * An Azure subscription under a subscription.
   *
   * @param id Azure subscription id
   * @param subscriptionId the subscription it belongs to
   * @param friendlyName its name
   * @param status {@code active} or {@code cancelled}
   * @param cancellationReason why it was cancelled, null while active
   * @param createdAt when it was created
   */
  public record Entitlement(
      String id, String subscriptionId, String friendlyName, String status, String cancellationReason,
      OffsetDateTime createdAt) {}

  /** Deletes every Azure entitlement, customer agreement, cart and transfer (the data set puts them back). */
  void deleteAll() {
    for (String table : List.of("sbx_azure_entitlement", "sbx_customer_agreement", "sbx_cart", "sbx_transfer")) {
      jdbc.sql("delete from " + table).update();
    }
  }

  /** @return whether no Azure entitlement is stored yet */
  public boolean hasNoEntitlements() {
    return jdbc.sql("select count(*) from sbx_azure_entitlement").query(Long.class).single() == 0;
  }

  /**
   * @param subscriptionId the subscription
   * @return its Azure subscriptions ordered by name
   */
  public List<Entitlement> entitlements(String subscriptionId) {
    return jdbc.sql("select * from sbx_azure_entitlement where subscription_id = ? order by friendly_name, id")
        .param(subscriptionId)
        .query(ENTITLEMENT)
        .list();
  }

  /** @param entitlement the Azure subscription to store */
  public void insertEntitlement(Entitlement entitlement) {
    jdbc.sql(
            """
            insert into sbx_azure_entitlement (id, subscription_id, friendly_name, status, cancellation_reason, created_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(entitlement.id(), entitlement.subscriptionId(), entitlement.friendlyName(), entitlement.status(),
            entitlement.cancellationReason(), entitlement.createdAt())
        .update();
  }

  /**
   * @param id the Azure subscription
   * @param reason the cancellation reason
   * @param at when
   */
  public void cancelEntitlement(String id, String reason, OffsetDateTime at) {
    jdbc.sql("update sbx_azure_entitlement set status = 'cancelled', cancellation_reason = ?, cancelled_at = ? where id = ?")
        .params(reason, at, id)
        .update();
  }

  private static final RowMapper<Entitlement> ENTITLEMENT = (rs, row) -> new Entitlement(
      rs.getString("id"),
      rs.getString("subscription_id"),
      rs.getString("friendly_name"),
      rs.getString("status"),
      rs.getString("cancellation_reason"),
      rs.getObject("created_at", OffsetDateTime.class));

  // ---------------------------------------------------------------- agreements

  /**
   * @param customerTenantId the customer
   * @param partnerId the confirming partner
   * @param agreementType e.g. {@code MicrosoftCustomerAgreement}
   * @return the stored {@code Agreement} documents, oldest first
   */
  public List<String> agreements(String customerTenantId, String partnerId, String agreementType) {
    return jdbc.sql(
            """
            select document from sbx_customer_agreement
             where customer_tenant_id = ? and partner_id = ? and lower(agreement_type) = lower(?) order by id""")
        .params(customerTenantId, partnerId, agreementType)
        .query(String.class)
        .list();
  }

  /**
   * @param customerTenantId the customer
   * @param partnerId the confirming partner
   * @param agreementType the type
   * @param document the {@code Agreement} resource
   * @param at when
   */
  public void insertAgreement(
      String customerTenantId, String partnerId, String agreementType, String document, OffsetDateTime at) {
    jdbc.sql(
            """
            insert into sbx_customer_agreement (customer_tenant_id, partner_id, agreement_type, document, created_at)
            values (?, ?, ?, ?, ?)""")
        .params(customerTenantId, partnerId, agreementType, document, at)
        .update();
  }

  // ---------------------------------------------------------------- carts

  /**
   * A stored cart.
   *
   * @param id cart id
   * @param customerTenantId the customer
   * @param partnerId the partner that created it
   * @param status {@code Active} or {@code Ordered}
   * @param document the {@code Cart} resource
   * @param checkoutResult the {@code CartCheckoutResult} once ordered
   */
  public record StoredCart(
      String id, String customerTenantId, String partnerId, String status, String document, String checkoutResult) {}

  /**
   * @param cart the cart to store
   * @param at when
   */
  public void insertCart(StoredCart cart, OffsetDateTime at) {
    jdbc.sql(
            """
            insert into sbx_cart (id, customer_tenant_id, partner_id, status, document, checkout_result, created_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(cart.id(), cart.customerTenantId(), cart.partnerId(), cart.status(), cart.document(),
            cart.checkoutResult(), at)
        .update();
  }

  /**
   * @param id cart id
   * @return the cart, or empty
   */
  public Optional<StoredCart> cart(String id) {
    return jdbc.sql("select * from sbx_cart where id = ?")
        .param(id)
        .query((rs, row) -> new StoredCart(
            rs.getString("id"),
            rs.getString("customer_tenant_id"),
            rs.getString("partner_id"),
            rs.getString("status"),
            rs.getString("document"),
            rs.getString("checkout_result")))
        .optional();
  }

  /**
   * @param id cart id
   * @param document the cart, now {@code Ordered}
   * @param checkoutResult the checkout's answer
   */
  public void markOrdered(String id, String document, String checkoutResult) {
    jdbc.sql("update sbx_cart set status = 'Ordered', document = ?, checkout_result = ? where id = ?")
        .params(document, checkoutResult, id)
        .update();
  }

  // ---------------------------------------------------------------- transfers

  /**
   * A stored transfer.
   *
   * @param id transfer id
   * @param customerTenantId the customer
   * @param sourcePartnerId the current partner
   * @param targetPartnerId the future partner
   * @param status {@code Active}, {@code Completed}, {@code Rejected} or {@code Expired}
   * @param document the {@code TransferEntity} resource
   * @param createdAt when it was created
   */
  public record StoredTransfer(
      String id, String customerTenantId, String sourcePartnerId, String targetPartnerId, String status,
      String document, OffsetDateTime createdAt) {}

  /** @param transfer the transfer to store */
  public void insertTransfer(StoredTransfer transfer) {
    jdbc.sql(
            """
            insert into sbx_transfer (id, customer_tenant_id, source_partner_id, target_partner_id, status, document, created_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(transfer.id(), transfer.customerTenantId(), transfer.sourcePartnerId(), transfer.targetPartnerId(),
            transfer.status(), transfer.document(), transfer.createdAt())
        .update();
  }

  /**
   * @param id transfer id
   * @param status the new status
   * @param document the new {@code TransferEntity}
   */
  public void updateTransfer(String id, String status, String document) {
    jdbc.sql("update sbx_transfer set status = ?, document = ? where id = ?").params(status, document, id).update();
  }

  /**
   * @param customerTenantId the customer
   * @return its transfers, newest first
   */
  public List<StoredTransfer> transfers(String customerTenantId) {
    return jdbc.sql("select * from sbx_transfer where customer_tenant_id = ? order by created_at desc, id")
        .param(customerTenantId)
        .query(TRANSFER)
        .list();
  }

  /**
   * @param customerTenantId the customer
   * @param id transfer id
   * @return the transfer, or empty
   */
  public Optional<StoredTransfer> transfer(String customerTenantId, String id) {
    return jdbc.sql("select * from sbx_transfer where customer_tenant_id = ? and id = ?")
        .params(customerTenantId, id)
        .query(TRANSFER)
        .optional();
  }

  private static final RowMapper<StoredTransfer> TRANSFER = (rs, row) -> new StoredTransfer(
      rs.getString("id"),
      rs.getString("customer_tenant_id"),
      rs.getString("source_partner_id"),
      rs.getString("target_partner_id"),
      rs.getString("status"),
      rs.getString("document"),
      rs.getObject("created_at", OffsetDateTime.class));
}
