package io.partnerchannel.orchestrator.indirect;

import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;

import io.partnerchannel.orchestrator.invitation.InvitationTestSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * Helpers of the indirect invitation tests, next to {@link InvitationTestSupport}: requests, the resellers'
 * staff as Camunda users in their {@code reseller-<tenant id>} groups.
 */
final class IndirectTestSupport {

  static final String TAILSPIN = InvitationTestSupport.TAILSPIN;
  static final String FOURTH_COFFEE = InvitationTestSupport.FOURTH_COFFEE;
  static final String WINGTIP = InvitationTestSupport.WINGTIP;
  static final String PROVIDER_AGENT = "tailspinagent";
  static final String PROVIDER_AGENT_EMAIL = "agent@tailspin.example";
  static final String FOURTH_COFFEE_AGENT = "fourthcoffeeagent";
  static final String FOURTH_COFFEE_AGENT_EMAIL = "sales@fourthcoffee.example";
  static final String WINGTIP_AGENT = "wingtipagent";
  static final String WINGTIP_AGENT_EMAIL = "sales@wingtip.example";

  private IndirectTestSupport() {}

  /**
   * @param company company name
   * @param domain domain
   * @param country ISO country
   * @param language ISO language
   * @param route the route
   * @param resellerTenantId the reseller, null for DIRECT
   * @return a request without admin access, e-mails to {@code admin@<domain>}
   */
  static IndirectInvitationRequest request(
      String company, String domain, String country, String language, IndirectRoute route, String resellerTenantId) {
    return new IndirectInvitationRequest(
        InvitationTestSupport.request(company, domain, country, language), route, resellerTenantId);
  }

  /** Creates, once, the provider's agent and one staff member per reseller in the reseller's group. */
  static void createUsers(IdentityService identityService) {
    user(identityService, PROVIDER_AGENT, "Tove", "Tailspin", PROVIDER_AGENT_EMAIL,
        ResellerRelationshipInvitationProcess.GROUP_SALES_AGENTS);
    user(identityService, FOURTH_COFFEE_AGENT, "Rui", "Fourth", FOURTH_COFFEE_AGENT_EMAIL,
        IndirectResellerInvitationProcess.resellerGroup(FOURTH_COFFEE));
    user(identityService, WINGTIP_AGENT, "Wanda", "Wingtip", WINGTIP_AGENT_EMAIL,
        IndirectResellerInvitationProcess.resellerGroup(WINGTIP));
  }

  private static void user(IdentityService identityService, String id, String first, String last, String email,
      String groupId) {
    if (identityService.createUserQuery().userId(id).singleResult() != null) {
      return;
    }
    User user = identityService.newUser(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(email);
    identityService.saveUser(user);
    if (groupId != null) {
      if (identityService.createGroupQuery().groupId(groupId).singleResult() == null) {
        Group group = identityService.newGroup(groupId);
        group.setName("Indirect reseller " + groupId);
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
      identityService.createMembership(id, groupId);
    }
  }
}
