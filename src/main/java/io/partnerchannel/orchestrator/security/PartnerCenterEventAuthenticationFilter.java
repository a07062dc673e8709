package io.partnerchannel.orchestrator.security;

import io.partnerchannel.orchestrator.web.BufferedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security filter of {@code POST /api/partner-center/events}: reads the body once, has the
 * {@link PartnerCenterEventVerifier} check it, and on success authenticates the request as
 * {@value #PRINCIPAL} with the authority {@value #AUTHORITY} (the only authority that endpoint accepts),
 * passing the same bytes on to the controller. An event that fails verification gets the entry point's
 * 401 and never reaches the inbox, so nothing is stored. Bodies over 64 KiB are refused likewise.
 */
class PartnerCenterEventAuthenticationFilter extends OncePerRequestFilter {

  /** The authority of a verified Partner Center event. */
  public static final String AUTHORITY = "PARTNER_CENTER_EVENT";
  /** The principal name of a verified Partner Center event. */
  public static final String PRINCIPAL = "Partner Center";
  /** The event endpoint. */
  public static final String EVENTS_PATH = "/api/partner-center/events";

  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final RequestMatcher events = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, EVENTS_PATH);
  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
  private final PartnerCenterEventVerifier verifier;
  private final AuthenticationEntryPoint entryPoint;

  /**
   * @param verifier the shared secret (sandbox) or signature (Partner Center) check
   * @param entryPoint answers 401 when verification fails
   */
  public PartnerCenterEventAuthenticationFilter(PartnerCenterEventVerifier verifier, AuthenticationEntryPoint entryPoint) {
    this.verifier = verifier;
    this.entryPoint = entryPoint;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !events.matches(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    try {
      if (body.length > MAX_BODY_BYTES) {
        throw new BadCredentialsException("the event body is larger than " + MAX_BODY_BYTES + " bytes");
      }
      verifier.verify(headers(request), body);
    } catch (AuthenticationException e) {
      contexts.clearContext();
      logger.info("Refused a Partner Center event: " + e.getMessage());
      entryPoint.commence(request, response, e);
      return;
    }
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
        PRINCIPAL, null, List.of(new SimpleGrantedAuthority(AUTHORITY))));
    contexts.setContext(context);
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  private static HttpHeaders headers(HttpServletRequest request) {
    HttpHeaders headers = new HttpHeaders();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.addAll(name, Collections.list(request.getHeaders(name)));
    }
    return headers;
  }
}
