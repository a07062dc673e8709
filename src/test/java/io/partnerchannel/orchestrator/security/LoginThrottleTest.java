package io.partnerchannel.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@link LoginThrottle} on each kind of login: the Camunda webapps' login, the login form and HTTP Basic;
 * failures are counted, successes and other requests are not, and a throttled attempt never reaches the
 * password check.
 */
@Tag("security")
class LoginThrottleTest {

  final LoginThrottle throttle = new LoginThrottle(new ObjectMapper());
  final AtomicInteger checked = new AtomicInteger();

  MockHttpServletResponse attempt(MockHttpServletRequest request, int status, String location) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
      @Override
      protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res) {
        checked.incrementAndGet();
        res.setStatus(status);
        if (location != null) {
          res.setHeader(HttpHeaders.LOCATION, location);
        }
      }
    }));
    return response;
  }

  static MockHttpServletRequest webappLogin(String user, String address) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/login/tasklist");
    request.setParameter("username", user);
    request.setParameter("password", "wrong");
    request.setRemoteAddr(address);
    return request;
  }

  @Test
  void theWebappLoginIsThrottledAfterTenFailuresFromOneAddress() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(attempt(webappLogin("someone", "203.0.113.50"), 401, null).getStatus()).isEqualTo(401);
    }
    MockHttpServletResponse throttled = attempt(webappLogin("someone", "203.0.113.50"), 200, null);

    assertThat(throttled.getStatus()).isEqualTo(429);
    assertThat(Long.parseLong(throttled.getHeader(HttpHeaders.RETRY_AFTER))).as("one try per 6 s").isBetween(1L, 6L);
    assertThat(throttled.getContentType()).isEqualTo("application/problem+json");
    assertThat(checked).as("the throttled attempt never reached the password check").hasValue(10);
    assertThat(attempt(webappLogin("someone", "198.51.100.50"), 200, null).getStatus())
        .as("the user from another address").isEqualTo(200);
  }

  @Test
  void theLoginFormCountsTheRedirectToTheErrorPageAndSuccessesCostNothing() throws Exception {
    for (int i = 0; i < 20; i++) {
      MockHttpServletRequest success = new MockHttpServletRequest("POST", "/login");
      success.setParameter("username", "form.user");
      success.setRemoteAddr("203.0.113.60");
      assertThat(attempt(success, 302, "/outbox").getStatus()).isEqualTo(302);
    }
    for (int i = 0; i < 10; i++) {
      MockHttpServletRequest failure = new MockHttpServletRequest("POST", "/login");
      failure.setParameter("username", "form.user");
      failure.setRemoteAddr("203.0.113.60");
      assertThat(attempt(failure, 302, "/login?error").getStatus()).isEqualTo(302);
    }
    MockHttpServletRequest next = new MockHttpServletRequest("POST", "/login");
    next.setParameter("username", "form.user");
    next.setRemoteAddr("203.0.113.60");
    assertThat(attempt(next, 302, "/outbox").getStatus()).isEqualTo(429);
  }

  @Test
  void basicCredentialsAreLoginsAndOtherRequestsAreNot() throws Exception {
    for (int i = 0; i < 12; i++) {
      MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/api/outbox");
      anonymous.setRemoteAddr("203.0.113.70");
      assertThat(attempt(anonymous, 401, null).getStatus()).as("no credentials: not a login").isEqualTo(401);
    }
    for (int i = 0; i < 12; i++) {
      MockHttpServletRequest event = basic("basic.user", "203.0.113.70");
      event.setMethod("POST");
      event.setRequestURI(PartnerCenterEventAuthenticationFilter.EVENTS_PATH);
      assertThat(attempt(event, 401, null).getStatus()).as("the event endpoint verifies events, not logins").isEqualTo(401);
    }
    for (int i = 0; i < 10; i++) {
      assertThat(attempt(basic("basic.user", "203.0.113.70"), 401, null).getStatus()).isEqualTo(401);
    }
    assertThat(attempt(basic("basic.user", "203.0.113.70"), 200, null).getStatus()).isEqualTo(429);
  }

  static MockHttpServletRequest basic(String user, String address) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
    request.addHeader(HttpHeaders.AUTHORIZATION,
        "Basic " + Base64.getEncoder().encodeToString((user + ":guess").getBytes(StandardCharsets.UTF_8)));
    request.setRemoteAddr(address);
    return request;
  }
}
