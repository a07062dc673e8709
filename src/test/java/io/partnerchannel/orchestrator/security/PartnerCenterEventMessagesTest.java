package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.invitation.InvitationMessages;
import io.partnerchannel.orchestrator.migration.AzurePartnerSwitchProcess;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The messages each feature publishes as a Partner Center event's are refused to an authenticated user. */
@SpringBootTest
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class PartnerCenterEventMessagesTest {

  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      InvitationMessages.INVITATION_ACCEPTED,
      InvitationMessages.GDAP_RELATIONSHIP_APPROVED,
      AzurePartnerSwitchProcess.MESSAGE_SUBSCRIPTION_UPDATED})
  void refusesAFeaturesEventMessageToAUser(String messageName) {
    identityService.setAuthenticatedUserId("camunda-admin");

    assertThatThrownBy(() -> runtimeService.createMessageCorrelation(messageName).correlateAllWithResult())
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining(messageName);
  }
}
