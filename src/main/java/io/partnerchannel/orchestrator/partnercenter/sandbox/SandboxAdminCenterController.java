package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The sandbox admin center's pages, where a customer's user signs in with a sandbox user and password
 * and accepts a reseller relationship invitation or approves a GDAP relationship. The invitation URL has
 * Partner Center's shape ({@code .../Adminportal/Home?invType=ResellerRelationship&partnerId=...&msppId=0&DAP=...
 * #/BillingAccounts/partner-invitation}), or for an indirect provider's invitation forwarded by its indirect
 * reseller {@code invType=IndirectResellerRelationship} with {@code indirectCSPId} = the reseller; the GDAP approval link
 * ({@code .../AdminPortal/Home#/partners/invitation/granularAdminRelationships/{id}}) carries the id in the
 * URL fragment, which the home page forwards to the approval page with a small inline script.
 */
@Controller
@RequestMapping("/sandbox/admin-center")
@SandboxConfiguration
class SandboxAdminCenterController {

  private static final String INVITATION = "sandbox/admin-center/invitation";
  private static final String GDAP_APPROVAL = "sandbox/admin-center/gdap-approval";
  private static final String INDIRECT_RESELLER_RELATIONSHIP = "IndirectResellerRelationship";
  private static final String SIGN_IN_FAILED = "The user name or password is incorrect.";

  private final SandboxAdminCenter adminCenter;
  private final SandboxGdap gdap;
  private final SandboxGdapRepository gdapRelationships;
  private final SandboxDirectory directory;

  /**
   * @param adminCenter reseller relationship acceptance
   * @param gdap GDAP approval
   * @param gdapRelationships GDAP relationships to show
   * @param directory sandbox users and partners
   */
  public SandboxAdminCenterController(SandboxAdminCenter adminCenter, SandboxGdap gdap,
      SandboxGdapRepository gdapRelationships, SandboxDirectory directory) {
    this.adminCenter = adminCenter;
    this.gdap = gdap;
    this.gdapRelationships = gdapRelationships;
    this.directory = directory;
  }

  /**
   * The admin center's home: the reseller relationship invitation page when {@code invType} is
   * {@code ResellerRelationship} or {@code IndirectResellerRelationship}, otherwise a page that follows a
   * GDAP approval fragment.
   *
   * @param invType invitation type, {@code ResellerRelationship} or {@code IndirectResellerRelationship}
   * @param partnerId the inviting partner's tenant id (the indirect provider for an indirect invitation)
   * @param indirectCspId the indirect reseller's tenant id, required for {@code IndirectResellerRelationship}
   * @param dap {@code true} when the partner asks for delegated admin privileges
   * @param model view model
   * @return the view
   */
  @GetMapping({"/Adminportal/Home", "/AdminPortal/Home"})
  public String home(
      @RequestParam(required = false) String invType,
      @RequestParam(required = false) String partnerId,
      @RequestParam(name = "indirectCSPId", required = false) String indirectCspId,
      @RequestParam(name = "DAP", required = false) String dap,
      Model model) {
    if (invType == null) {
      return "sandbox/admin-center/home";
    }
    SandboxPartner partner = adminCenter.partner(partnerId);
    if (INDIRECT_RESELLER_RELATIONSHIP.equalsIgnoreCase(invType)) {
      if (indirectCspId == null || indirectCspId.isBlank()) {
        throw new AdminCenterRefusal(HttpStatus.BAD_REQUEST, "Incomplete invitation",
            "An IndirectResellerRelationship invitation names the indirect reseller in indirectCSPId; this link has none.");
      }
      model.addAttribute("reseller", adminCenter.indirectReseller(partner.id(), indirectCspId.trim()));
    } else if (!"ResellerRelationship".equalsIgnoreCase(invType)) {
      throw new AdminCenterRefusal(HttpStatus.BAD_REQUEST, "Unsupported invitation",
          "The sandbox admin center handles invitations of type ResellerRelationship and "
              + INDIRECT_RESELLER_RELATIONSHIP + ", not " + invType + ".");
    }
    invitation(model, partner, Boolean.parseBoolean(dap));
    return INVITATION;
  }

  /**
   * Sign-in and acceptance of a reseller relationship invitation.
   *
   * @param partnerId the inviting partner
   * @param indirectResellerId the indirect reseller of an indirect invitation, empty otherwise
   * @param dap whether the link asked for delegated admin privileges
   * @param userPrincipalName the user signing in
   * @param password the user's password
   * @param model view model
   * @return the acceptance page; the sign-in page again with HTTP 401 when the credentials are wrong
   */
  @PostMapping("/partner-invitations")
  public ModelAndView accept(
      @RequestParam String partnerId,
      @RequestParam(defaultValue = "") String indirectResellerId,
      @RequestParam(defaultValue = "false") boolean dap,
      @RequestParam(defaultValue = "") String userPrincipalName,
      @RequestParam(defaultValue = "") String password,
      Model model) {
    SandboxPartner partner = adminCenter.partner(partnerId);
    String resellerId = indirectResellerId.isBlank() ? null : indirectResellerId.trim();
    SandboxPartner reseller = resellerId == null ? null : adminCenter.indirectReseller(partner.id(), resellerId);
    Optional<SandboxUser> user = directory.signIn(userPrincipalName, password);
    if (user.isEmpty()) {
      invitation(model, partner, dap);
      model.addAttribute("reseller", reseller);
      model.addAttribute("userPrincipalName", userPrincipalName);
      model.addAttribute("error", SIGN_IN_FAILED);
      return new ModelAndView(INVITATION, model.asMap(), HttpStatus.UNAUTHORIZED);
    }
    SandboxAdminCenter.Acceptance acceptance = adminCenter.acceptResellerInvitation(
        partnerId, resellerId, user.get().tenantId(), user.get().userPrincipalName(), dap);
    model.addAttribute("title", "Reseller relationship accepted");
    model.addAttribute("message", acceptance.established()
        ? acceptance.tenant().companyName() + " accepted " + partner.name() + " as its reseller"
            + (reseller == null ? "." : ", through its indirect reseller " + reseller.name() + ".")
        : acceptance.tenant().companyName() + " already has " + partner.name() + " as its reseller; nothing changed.");
    model.addAttribute("detail", acceptance.relationship().allowDelegatedAccess()
        ? partner.name() + " holds delegated admin privileges." : "No delegated admin privileges were granted.");
    return new ModelAndView("sandbox/admin-center/done", model.asMap(), HttpStatus.OK);
  }

  /**
   * The GDAP approval page of a relationship locked for approval.
   *
   * @param id relationship id
   * @param model view model
   * @return the view
   */
  @GetMapping("/granular-admin-relationships/{id}")
  public String gdapApproval(@PathVariable String id, Model model) {
    gdapRelationship(model, id);
    return GDAP_APPROVAL;
  }

  /**
   * Sign-in and "Approve all" of a GDAP relationship.
   *
   * @param id relationship id
   * @param userPrincipalName the user signing in
   * @param password the user's password
   * @param model view model
   * @return the approval page; the sign-in page again with HTTP 401 when the credentials are wrong
   */
  @PostMapping("/granular-admin-relationships/{id}")
  public ModelAndView approveGdap(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String userPrincipalName,
      @RequestParam(defaultValue = "") String password,
      Model model) {
    SandboxGdapRepository.StoredRelationship stored = gdapRelationship(model, id);
    Optional<SandboxUser> user = directory.signIn(userPrincipalName, password);
    if (user.isEmpty()) {
      model.addAttribute("userPrincipalName", userPrincipalName);
      model.addAttribute("error", SIGN_IN_FAILED);
      return new ModelAndView(GDAP_APPROVAL, model.asMap(), HttpStatus.UNAUTHORIZED);
    }
    SandboxGdapRepository.StoredRelationship approved = gdap.approve(id, user.get().userPrincipalName());
    model.addAttribute("title", "Admin relationship approved");
    model.addAttribute("message", partnerName(stored) + " now has the requested admin roles in "
        + approved.relationship().customer().displayName() + " until " + approved.relationship().endDateTime().toLocalDate() + ".");
    model.addAttribute("detail", "Relationship \"" + approved.relationship().displayName() + "\" is " + approved.relationship().status() + ".");
    return new ModelAndView("sandbox/admin-center/done", model.asMap(), HttpStatus.OK);
  }

  /**
   * @param refusal why the admin center refuses
   * @return the refusal page with the refusal's HTTP status
   */
  @ExceptionHandler(AdminCenterRefusal.class)
  public ModelAndView refused(AdminCenterRefusal refusal) {
    ModelAndView page = new ModelAndView("sandbox/admin-center/refused");
    page.setStatus(HttpStatus.valueOf(refusal.getStatusCode().value()));
    page.addObject("title", refusal.getTitle());
    page.addObject("detail", refusal.getDetail());
    return page;
  }

  private void invitation(Model model, SandboxPartner partner, boolean dap) {
    model.addAttribute("partner", partner);
    model.addAttribute("dap", dap);
  }

  private SandboxGdapRepository.StoredRelationship gdapRelationship(Model model, String id) {
    SandboxGdapRepository.StoredRelationship stored = gdapRelationships.relationship(id)
        .orElseThrow(() -> new AdminCenterRefusal(HttpStatus.NOT_FOUND, "Unknown relationship",
            "There is no admin relationship " + id + ". Ask the partner for a new approval link."));
    DelegatedAdminRelationship relationship = stored.relationship();
    model.addAttribute("relationship", relationship);
    model.addAttribute("partnerName", partnerName(stored));
    model.addAttribute("roles", relationship.accessDetails().unifiedRoles().stream()
        .map(UnifiedRole::roleDefinitionId).map(EntraRoles::name).toList());
    model.addAttribute("awaitingApproval", DelegatedAdminRelationship.STATUS_APPROVAL_PENDING.equals(relationship.status()));
    return stored;
  }

  private String partnerName(SandboxGdapRepository.StoredRelationship stored) {
    return directory.partner(stored.partnerId()).map(SandboxPartner::name).orElse(stored.partnerId());
  }
}
