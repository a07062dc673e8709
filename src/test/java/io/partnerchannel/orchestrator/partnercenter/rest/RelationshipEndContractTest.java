package io.partnerchannel.orchestrator.partnercenter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.AuditRecord;
import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.Entitlement;
import io.partnerchannel.orchestrator.partnercenter.contract.ContractFixture;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The calls of ending a relationship (R17–R20, R33) against Microsoft's documented examples: WireMock answers the
 * documented response, the test checks the request {@link RestPartnerCenter} sent (method, path, query, body, standard
 * headers) and that the documented answer parses into the port's types.
 */
class RelationshipEndContractTest extends ContractTestSupport {

  @Test
  void removeResellerRelationshipSendsTheDocumentedBodyAndReadsThePascalCaseCustomer() {
    ContractFixture fixture = serve("partner-center/remove-a-reseller-relationship-with-a-customer");

    Customer customer = partnerCenter.removeResellerRelationship("dfd8cc0a-c592-468c-8461-869a38d24738");

    assertThat(customer.relationshipToPartner()).isEqualTo("none");
    assertThat(customer.isReseller()).isFalse();
    assertThat(customer.attributes()).containsEntry("ObjectType", "Customer");
    verifyDocumentedRequest(fixture);
  }

  @Test
  void entitlementsAreReadWithTheirTypesAndOrders() {
    ContractFixture fixture = serve("partner-center/get-a-collection-of-entitlements");

    List<Entitlement> entitlements = partnerCenter.getEntitlements("18ac2950-8ea9-4dfc-92a4-ff4d4cd57796");

    assertThat(entitlements).hasSize(2);
    assertThat(entitlements.get(0).isReservation()).isTrue();
    assertThat(entitlements.get(0).productId()).isEqualTo("DZH318Z0BQ3W");
    assertThat(entitlements.get(0).referenceOrder().id()).isEqualTo("KaJ8XvkKc_GoNZOUyjVaRJalTBN5MWdV1");
    assertThat(entitlements.get(1).isSoftware()).isTrue();
    assertThat(entitlements.get(1).includedEntitlements()).extracting(Entitlement::productId)
        .containsExactly("DG7GMGF0DWTJ", "DG7GMGF0DWLG");
    assertThat(entitlements).allMatch(entitlement -> entitlement.isCurrent(OffsetDateTime.now()));
    verifyDocumentedRequest(fixture);
    assertThat(ContractTestSupport.MICROSOFT.getAllServeEvents().get(0).getRequest().queryParameter("showExpiry").firstValue())
        .isEqualTo("true");
  }

  @Test
  void theCustomerListIsReadWithEachCustomersRelationshipToThePartner() {
    ContractFixture fixture = serve("partner-center/get-a-list-of-customers");

    List<Customer> customers = partnerCenter.getCustomers();

    assertThat(customers).extracting(Customer::id)
        .containsExactly("b44bb1fb-c595-45b0-9e09-d657365580bf", "45c44870-ef77-4fdd-b6fe-3dacb075cff2");
    assertThat(customers).allMatch(Customer::isReseller);
    assertThat(customers.get(0).companyProfile().companyName()).isEqualTo("companyName");
    verifyDocumentedRequest(fixture);
    assertThat(ContractTestSupport.MICROSOFT.getAllServeEvents()).hasSize(1);
    assertThat(ContractTestSupport.MICROSOFT.getAllServeEvents().get(0).getRequest().queryParameter("size").firstValue())
        .as("size is required").matches("[1-9][0-9]*");
  }

  @Test
  void activityRecordsAreQueriedByResourceTypeAndDates() {
    ContractFixture fixture = serve("partner-center/get-a-record-of-partner-center-activity-by-user");

    List<AuditRecord> records = partnerCenter.getAuditRecords(
        LocalDate.parse("2017-06-01"), LocalDate.parse("2017-06-15"), AuditRecord.PARTNER_CUSTOMER_DAP);

    assertThat(records).extracting(AuditRecord::customerId).containsOnly("0c39d6d5-c70d-4c55-bc02-f620844f3fd1");
    assertThat(records.get(0).resourceType()).isEqualTo("order");
    assertThat(records.get(0).operationDate()).isEqualTo(OffsetDateTime.parse("2017-06-15T22:56:05.0589308Z"));
    assertThat(records.get(0).customerName()).isEqualTo("Relecloud");
    verifyDocumentedRequest(fixture);
  }
}
