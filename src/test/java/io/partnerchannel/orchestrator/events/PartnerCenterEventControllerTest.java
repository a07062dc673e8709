package io.partnerchannel.orchestrator.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.partnerchannel.orchestrator.invitation.ResellerRelationshipAcceptedCorrelator;
import io.partnerchannel.orchestrator.invitation.GdapRelationshipApprovedCorrelator;
import com.jayway.jsonpath.JsonPath;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import io.partnerchannel.orchestrator.partnercenter.sandbox.EventSharedSecret;
import io.partnerchannel.orchestrator.support.TestUsers;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** {@code POST /api/partner-center/events} with the application's own correlators (process {@code ResellerRelationshipInvitation}). */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
@ExtendWith(OutputCaptureExtension.class)
class PartnerCenterEventControllerTest {

  @Autowired MockMvc mvc;
  @Autowired PartnerCenter partnerCenter;
  @Autowired EventInboxRepository inbox;
  @Autowired EventSharedSecret eventSecret;

  ResultActions deliver(String json) throws Exception {
    return mvc.perform(post("/api/partner-center/events").with(TestUsers.sandboxEvent(eventSecret)).contentType(MediaType.APPLICATION_JSON).content(json));
  }

  static String event(String eventName, String resourceUri, String changeDate) {
    return """
        {"EventName": "%s", "ResourceUri": "%s", "ResourceName": "customer",
         "AuditUri": "https://api.partnercenter.microsoft.com/v1/auditrecords/1", "ResourceChangeUtcDate": "%s"}"""
        .formatted(eventName, resourceUri, changeDate);
  }

  long storedWithResource(String resourceUri) {
    return inbox.findByResourceUri(resourceUri).size();
  }

  @Test
  void ignoresAndLogsAnAcceptanceForACustomerNoInvitationWaitsFor(CapturedOutput output) throws Exception {
    String tenantId = UUID.randomUUID().toString();

    deliver(event(ResellerRelationshipAcceptedCorrelator.EVENT_NAME, "/v1/customers/" + tenantId, "2025-06-02T10:15:30Z"))
        .andExpect(status().isAccepted())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.id").isString())
        .andExpect(jsonPath("$.status").value("IGNORED"))
        .andExpect(jsonPath("$.duplicate").value(false));

    assertThat(storedWithResource("/v1/customers/" + tenantId)).isEqualTo(1);
    assertThat(output.getOut()).containsPattern("WARN .*Ignored Partner Center event .*event for unknown customer " + tenantId
        + ": no running ResellerRelationshipInvitation or IndirectResellerInvitation or TrackInvitation instance has customerTenantId = " + tenantId);
  }

  @Test
  void acknowledgesARepeatedDeliveryOnce() throws Exception {
    String relationshipId = UUID.randomUUID().toString();
    String body = event(GdapRelationshipApprovedCorrelator.EVENT_NAME, "/granularAdminRelationships/" + relationshipId,
        "2025-06-02T11:00:00Z");

    String id = JsonPath.read(deliver(body).andExpect(status().isAccepted())
        .andReturn().getResponse().getContentAsString(), "$.id");
    deliver(body)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.status").value("IGNORED"))
        .andExpect(jsonPath("$.duplicate").value(true));

    assertThat(storedWithResource("/granularAdminRelationships/" + relationshipId)).isEqualTo(1);
    // a new change of the same resource is another event
    deliver(event(GdapRelationshipApprovedCorrelator.EVENT_NAME, "/granularAdminRelationships/" + relationshipId,
        "2025-06-02T11:00:01Z")).andExpect(status().isAccepted());
    assertThat(storedWithResource("/granularAdminRelationships/" + relationshipId)).isEqualTo(2);
  }

  @Test
  void storesAndIgnoresAnEventNoProcessWaitsFor() throws Exception {
    String resourceUri = "/v1/customers/" + UUID.randomUUID() + "/subscriptions/" + UUID.randomUUID();

    deliver(event("usagerecords-thresholdExceeded", resourceUri, "2025-06-02T12:00:00Z"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("IGNORED"));

    assertThat(inbox.findByResourceUri(resourceUri)).singleElement().extracting(InboxEvent::lastError).isEqualTo("no process waits for Partner Center event usagerecords-thresholdExceeded");
  }

  @Test
  void refusesAnEventWithoutARequiredFieldAndStoresNothing() throws Exception {
    String resourceUri = "/v1/customers/" + UUID.randomUUID();

    deliver("""
        {"ResourceUri": "%s", "ResourceName": "customer", "ResourceChangeUtcDate": " "}""".formatted(resourceUri))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.title").value("Invalid request"))
        .andExpect(jsonPath("$.detail").value("Invalid fields: EventName, ResourceChangeUtcDate"
            + " (EventName must not be blank; ResourceChangeUtcDate must not be blank)"))
        .andExpect(jsonPath("$.errors", hasSize(2)))
        .andExpect(jsonPath("$.errors[?(@.field == 'EventName')].message").value("must not be blank"));

    assertThat(storedWithResource(resourceUri)).isZero();
  }

  @Test
  void refusesABodyThatIsNoEvent() throws Exception {
    deliver("{\"EventName\": [\"reseller-relationship-accepted-by-customer\"]}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("EventName"));

    deliver("not json")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid request"));
  }
}
