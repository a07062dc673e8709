package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sandbox's records about ending relationships: a partner's entitlements per customer (Azure reservations and
 * software purchases, which block a removal, R17), Partner Center's activity records of removals and DAP
 * terminations, and the removal of a customer relationship itself (tables {@code sbx_entitlement},
 * {@code sbx_audit_record}, {@code sbx_customer_relationship}).
 */
@Component
@SandboxConfiguration
public class SandboxRelationshipEnds {

  private final JdbcClient jdbc;
  private final SandboxDocuments documents;

  /**
   * @param jdbc the sandbox's database
   * @param documents reads and writes the JSON documents
   */
  public SandboxRelationshipEnds(@SandboxDatabase JdbcClient jdbc, SandboxDocuments documents) {
    this.jdbc = jdbc;
    this.documents = documents;
  }

  /**
   * Stores an entitlement of a customer from one of the partner's orders.
   *
   * @param customerTenantId the customer
   * @param sellerPartnerId the partner whose order it comes from
   * @param entitlement the Partner Center {@code Entitlement} resource ({@code entitlementType}, {@code productId},
   *     {@code skuId}, {@code quantity}, {@code referenceOrder}, {@code expiryDate} when it has one)
   * @return the stored entitlement's id
   */
  public String insertEntitlement(String customerTenantId, String sellerPartnerId, JsonNode entitlement) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("insert into sbx_entitlement (id, customer_tenant_id, seller_partner_id, document) values (?, ?, ?, ?)")
        .params(id, customerTenantId, sellerPartnerId, entitlement.toString())
        .update();
    return id;
  }

  /**
   * Removes a customer's entitlements, e.g. once its reservations are cancelled through Azure support.
   *
   * @param customerTenantId the customer
   * @return how many were removed
   */
  public int deleteEntitlements(String customerTenantId) {
    return jdbc.sql("delete from sbx_entitlement where customer_tenant_id = ?").param(customerTenantId).update();
  }

  /**
   * @param customerTenantId the customer
   * @param sellerPartnerId the partner
   * @return the customer's entitlements from the partner's orders, as stored
   */
  public List<ObjectNode> entitlements(String customerTenantId, String sellerPartnerId) {
    return jdbc.sql("select document from sbx_entitlement where customer_tenant_id = ? and seller_partner_id = ? order by id")
        .params(customerTenantId, sellerPartnerId)
        .query(String.class)
        .list()
        .stream()
        .map(document -> (ObjectNode) documents.read(document))
        .toList();
  }

  /**
   * Removes a customer's relationship with one partner (and with it that partner's DAP, R18).
   *
   * @param customerTenantId the customer
   * @param partnerId the partner
   * @return whether a relationship was removed
   */
  public boolean deleteRelationship(String customerTenantId, String partnerId) {
    return jdbc.sql("delete from sbx_customer_relationship where customer_tenant_id = ? and partner_id = ?")
        .params(customerTenantId, partnerId)
        .update() == 1;
  }

  /**
   * Ends the DAP of a partner with a customer, keeping the reseller relationship (R20, R33).
   *
   * @param customerTenantId the customer
   * @param partnerId the partner
   * @return whether the partner held DAP
   */
  public boolean endDelegatedAccess(String customerTenantId, String partnerId) {
    return jdbc.sql("""
            update sbx_customer_relationship set allow_delegated_access = false
             where customer_tenant_id = ? and partner_id = ? and allow_delegated_access = true""")
        .params(customerTenantId, partnerId)
        .update() == 1;
  }

  /**
   * Records an operation in the partner's activity log, in the shape of auditing-resources' {@code AuditRecord}.
   *
   * @param partnerId the partner whose log it is
   * @param customerTenantId the customer the operation was about
   * @param customerName the customer's name
   * @param resourceType e.g. {@code partner_customer_dap}, {@code partner_customer_relationship}
   * @param operationType e.g. {@code remove_partner_customer_dap}
   * @param newValue the resource's new value as JSON text, as {@code resourceNewValue} carries it
   * @param at when the operation happened
   * @return the record
   */
  public ObjectNode recordActivity(String partnerId, String customerTenantId, String customerName, String resourceType,
      String operationType, String newValue, OffsetDateTime at) {
    ObjectNode record = SandboxJson.object();
    record.put("partnerId", partnerId)
        .put("customerId", customerTenantId)
        .put("customerName", customerName)
        .put("userPrincipalName", (String) null)
        .put("resourceType", resourceType)
        .put("resourceNewValue", newValue)
        .put("operationType", operationType)
        .put("operationDate", at.toString())
        .put("operationStatus", "succeeded");
    record.putArray("customizedData");
    record.putObject("attributes").put("objectType", "AuditRecord");
    jdbc.sql("""
            insert into sbx_audit_record (id, partner_id, customer_tenant_id, resource_type, operation_date, document)
            values (?, ?, ?, ?, ?, ?)""")
        .params(UUID.randomUUID().toString(), partnerId, customerTenantId, resourceType, at, record.toString())
        .update();
    return record;
  }

  /**
   * @param partnerId the partner whose log is read
   * @param from first instant included
   * @param until first instant excluded
   * @return the partner's activity records in the period, oldest first
   */
  public List<ObjectNode> activity(String partnerId, OffsetDateTime from, OffsetDateTime until) {
    return jdbc.sql("""
            select document from sbx_audit_record
             where partner_id = ? and operation_date >= ? and operation_date < ? order by operation_date, id""")
        .params(partnerId, from, until)
        .query(String.class)
        .list()
        .stream()
        .map(document -> (ObjectNode) documents.read(document))
        .toList();
  }
}
