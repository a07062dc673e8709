package io.partnerchannel.orchestrator.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles failed logins by source address and by user, with a delay that grows with the failures and
 * never becomes a lock (docs/security.md "Who may call what"). Replaces Camunda's own login lockout
 * ({@link NoLockoutIdentityProvider}), which any anonymous caller could turn into a permanent lock.
 *
 * <p>A login attempt is a request with HTTP Basic credentials (any path: {@code /api/**},
 * {@code /engine-rest/**}, the pages), the login form ({@code POST /login}) or the Camunda webapps' login
 * ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}); not the Partner Center event endpoint,
 * which verifies events instead of logins. It fails when answered 401 (the form:
 * redirected to {@code /login?error}). Each failure takes a token from two Bucket4j buckets, one of the
 * source address and one of the user name; while either is empty, attempts from that address or for that
 * user are answered {@code 429 Too Many Requests} with {@code Retry-After} (seconds) in
 * {@code application/problem+json}, and the password is not checked. Buckets refill by themselves:
 * <ul>
 *   <li>per source address: 10 failures a minute, 50 an hour, 200 a day;</li>
 *   <li>per user: 30 failures an hour, 100 a day (more than any one address may spend, so a stranger at one
 *       address never delays the user; many addresses together delay the user by at most minutes).</li>
 * </ul>
 * The first failures cost nothing, then one attempt per 6 s, per 72 s, per 7 min: a progressive delay.
 * Successful logins take nothing. The source address is the request's remote address (behind a reverse
 * proxy set {@code server.forward-headers-strategy=native} so that it is the client's). Buckets live in
 * memory, per node, at most 100,000 of each kind, forgotten a day after their last use.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
class LoginThrottle extends OncePerRequestFilter {

  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
  private static final List<Bandwidth> PER_ADDRESS = List.of(
      limit(10, Duration.ofMinutes(1)), limit(50, Duration.ofHours(1)), limit(200, Duration.ofDays(1)));
  private static final List<Bandwidth> PER_USER = List.of(limit(30, Duration.ofHours(1)), limit(100, Duration.ofDays(1)));

  private final Cache<String, Bucket> addresses = cache();
  private final Cache<String, Bucket> users = cache();
  private final ObjectMapper objectMapper;

  /** @param objectMapper writes the 429 problem */
  public LoginThrottle(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String userId = attemptedUser(request);
    if (userId == null) {
      chain.doFilter(request, response);
      return;
    }
    Bucket address = addresses.get(request.getRemoteAddr(), key -> bucket(PER_ADDRESS));
    Bucket user = users.get(userId.toLowerCase(Locale.ROOT), key -> bucket(PER_USER));
    long waitNanos = Math.max(wait(address), wait(user));
    if (waitNanos > 0) {
      tooManyRequests(request, response, waitNanos);
      return;
    }
    chain.doFilter(request, response);
    if (failed(request, response)) {
      address.tryConsume(1);
      user.tryConsume(1);
    }
  }

  /** @return the user name of a login attempt, "" when it cannot be read, null when the request is none */
  private static String attemptedUser(HttpServletRequest request) {
    if (PartnerCenterEventAuthenticationFilter.EVENTS_PATH.equals(path(request))) {
      return null; // events are verified, not logged in: a 401 there says nothing about a password
    }
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? "" : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    if ("POST".equals(request.getMethod()) && isLoginForm(request)) {
      String username = request.getParameter("username");
      return username == null ? "" : username;
    }
    return null;
  }

  private static boolean isLoginForm(HttpServletRequest request) {
    String path = path(request);
    return "/login".equals(path) || WEBAPP_LOGIN.matcher(path).matches();
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  private static boolean failed(HttpServletRequest request, HttpServletResponse response) {
    if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
      return true;
    }
    String location = response.getHeader(HttpHeaders.LOCATION);
    return "POST".equals(request.getMethod()) && location != null && location.contains("/login?error");
  }

  private static long wait(Bucket bucket) {
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill();
  }

  private void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long waitNanos)
      throws IOException {
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
        "Too many failed logins from this address or for this user; try again in " + seconds + " s");
    problem.setInstance(URI.create(request.getRequestURI()));
    problem.setProperty("retryAfterSeconds", seconds);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), problem);
  }

  private static Bandwidth limit(int failures, Duration period) {
    return Bandwidth.builder().capacity(failures).refillGreedy(failures, period).build();
  }

  private static Bucket bucket(List<Bandwidth> limits) {
    var builder = Bucket.builder();
    limits.forEach(builder::addLimit);
    return builder.build();
  }

  private static Cache<String, Bucket> cache() {
    return Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofDays(1)).build();
  }
}
