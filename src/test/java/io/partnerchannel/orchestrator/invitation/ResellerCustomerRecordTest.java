package io.partnerchannel.orchestrator.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.partnerchannel.orchestrator.partnercenter.Customer;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ResellerCustomerRecord}: the customer counts once Partner Center shows it as a reseller customer. */
class ResellerCustomerRecordTest {

  private static final String TENANT = "0b1c2d3e-0000-4000-8000-00000000c0de";

  private final PartnerCenter partnerCenter = mock(PartnerCenter.class);
  private final ResellerCustomerRecord record = new ResellerCustomerRecord(partnerCenter);

  @Test
  void aResellerCustomerIsRecorded() {
    when(partnerCenter.getCustomer(TENANT)).thenReturn(Optional.of(customer(Customer.RESELLER)));

    assertThat(record.of(TENANT, "contoso.example").associatedPartnerId()).isEqualTo("partner-1");
  }

  @Test
  void aCustomerNotYetShownAsResellerCustomerFailsAsA404ToBeRetried() {
    when(partnerCenter.getCustomer(TENANT)).thenReturn(Optional.of(customer(Customer.NONE)));

    assertThatThrownBy(() -> record.of(TENANT, "contoso.example"))
        .isInstanceOfSatisfying(PartnerCenterException.class, e -> assertThat(e.getHttpStatus()).isEqualTo(404))
        .hasMessageContaining("contoso.example");
  }

  private static Customer customer(String relationshipToPartner) {
    return new Customer(TENANT, null, null, null, relationshipToPartner, true, "partner-1", Map.of());
  }
}
