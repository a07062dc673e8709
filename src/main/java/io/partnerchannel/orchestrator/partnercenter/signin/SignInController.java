package io.partnerchannel.orchestrator.partnercenter.signin;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenterException;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterModeCheck;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenterProperties;
import io.partnerchannel.orchestrator.partnercenter.webhook.WebhookRegistration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * partner-center mode: the page where a partner Global admin (Admin agent in Partner Center, member of
 * {@code global-admins} here) signs the application in to Partner Center, and sees the sign-in's state.
 */
@Controller
@Profile("!" + PartnerCenterModeCheck.SANDBOX_PROFILE)
class SignInController {

  /** The page. */
  public static final String PAGE = "/partner-center/sign-in";
  /** The page's button: to Entra ID's sign-in. */
  public static final String START = PAGE + "/start";

  /** The page's webhook button: register again and send Partner Center's test event. */
  public static final String WEBHOOK_TEST = PAGE + "/webhook-test";

  private final StoredSignIn signIn;
  private final OAuth2AuthorizationRequestResolver authorizationRequests;
  private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> pendingSignIns;
  private final WebhookRegistration webhook;
  private final PartnerCenterProperties partnerCenter;

  /**
   * @param signIn the stored consent
   * @param authorizationRequests builds the authorization request (PKCE)
   * @param pendingSignIns keeps it in the admin's session until Entra ID redirects back
   * @param webhook the webhook registration, done again after a sign-in
   * @param partnerCenter whether the webhook is registered by the application
   */
  public SignInController(StoredSignIn signIn, OAuth2AuthorizationRequestResolver authorizationRequests,
      AuthorizationRequestRepository<OAuth2AuthorizationRequest> pendingSignIns, WebhookRegistration webhook,
      PartnerCenterProperties partnerCenter) {
    this.signIn = signIn;
    this.authorizationRequests = authorizationRequests;
    this.pendingSignIns = pendingSignIns;
    this.webhook = webhook;
    this.partnerCenter = partnerCenter;
  }

  /**
   * @param model the page's model
   * @return the page: state, who signed in when, the problem if any, and the sign-in button
   */
  @GetMapping(PAGE)
  public String page(Model model) {
    model.addAttribute("signIn", signIn.state(SignInConfiguration.PARTNER_CENTER));
    model.addAttribute("start", START);
    model.addAttribute("webhook", webhook.state());
    model.addAttribute("webhookTest", WEBHOOK_TEST);
    return "partner-center/sign-in";
  }

  /**
   * Sends the Global admin to Entra ID's sign-in (authorization code with PKCE); Spring Security redeems the code
   * when Entra ID redirects back to {@value SignInConfiguration#REDIRECT_PATH}.
   *
   * @param request the admin's request
   * @param response the redirect
   * @throws IOException when the redirect cannot be sent
   */
  @GetMapping(START)
  public void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
    OAuth2AuthorizationRequest authorization = authorizationRequests.resolve(request, SignInConfiguration.PARTNER_CENTER);
    pendingSignIns.saveAuthorizationRequest(authorization, request, response);
    response.sendRedirect(authorization.getAuthorizationRequestUri());
  }

  /**
   * Where Entra ID's redirect lands once Spring Security has redeemed the code: registers the webhook now that
   * there is a token (unless {@code pco.partner-center.webhook.register} is false).
   *
   * @return back to the page
   */
  @GetMapping(SignInConfiguration.REDIRECT_PATH)
  public String done() {
    if (partnerCenter.webhook().register()) {
      webhook.registerQuietly();
    }
    return "redirect:" + PAGE;
  }

  /**
   * Registers the webhook (idempotent) and asks Partner Center for its test event {@code test-created}.
   *
   * @param redirect carries the outcome to the page
   * @return back to the page
   */
  @PostMapping(WEBHOOK_TEST)
  public String testWebhook(RedirectAttributes redirect) {
    try {
      WebhookRegistration.Outcome outcome = webhook.register();
      redirect.addFlashAttribute("message", "Webhook registration " + outcome + "; test event requested, correlation id "
          + webhook.sendTestEvent() + " (it arrives as test-created on " + webhook.callbackUrl() + ")");
    } catch (PartnerCenterException e) {
      redirect.addFlashAttribute("message", "Webhook test failed: " + e.getMessage());
    }
    return "redirect:" + PAGE;
  }
}
