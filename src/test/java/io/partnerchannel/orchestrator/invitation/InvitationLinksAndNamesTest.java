package io.partnerchannel.orchestrator.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pure helpers of the invitation delegates: the DAP flag of the request link, GDAP display names, CSP regions. */
class InvitationLinksAndNamesTest {

  private static final String LINK =
      "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=a1b2c3d4-0000-4000-8000-000000000001"
          + "&msppId=0&DAP=false#/BillingAccounts/partner-invitation";

  @Test
  void requestLinkAsksForDapOnlyWhenDapIsRequestedAndKeepsTheFragment() {
    assertThat(InvitationLinks.withDap(LINK, true))
        .isEqualTo(LINK.replace("DAP=false", "DAP=true"));
    assertThat(InvitationLinks.withDap(LINK.replace("DAP=false", "DAP=true"), false))
        .isEqualTo(LINK);
    assertThat(InvitationLinks.withDap(LINK.replace("&DAP=false", ""), true))
        .endsWith("&DAP=true#/BillingAccounts/partner-invitation");
  }

  @Test
  void gdapDisplayNameIsStablePerInvitationAndFitsFiftyCharacters() {
    String name = GdapRelationshipRequest.displayName("adatum.onmicrosoft.com", "invitation-1");
    assertThat(name).matches("PCO adatum\\.onmicrosoft\\.com [0-9a-f]{8}");
    assertThat(GdapRelationshipRequest.displayName("adatum.onmicrosoft.com", "invitation-1")).isEqualTo(name);
    assertThat(GdapRelationshipRequest.displayName("adatum.onmicrosoft.com", "invitation-2")).isNotEqualTo(name);

    String longName = GdapRelationshipRequest.displayName(
        "a-very-long-subsidiary-name-of-the-customer.onmicrosoft.com", "invitation-1");
    assertThat(longName).hasSize(50).startsWith("PCO a-very-long-subsidiary").matches(".* [0-9a-f]{8}");
  }
}
