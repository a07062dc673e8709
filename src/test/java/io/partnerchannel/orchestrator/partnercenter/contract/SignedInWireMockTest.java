package io.partnerchannel.orchestrator.partnercenter.contract;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.partnerchannel.orchestrator.partnercenter.AccessTokenProvider;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the {@code partner-center} mode tests against a WireMock Partner Center and Graph ({@link #MICROSOFT},
 * Graph under {@code /graph/v1.0}), with a partner already signed in: every audience gets the token
 * {@code token-for-<audience>} (the sign-in itself is tested on its own, {@code PartnerCenterSignInTest}). WireMock
 * forgets its stubs and requests before each test; it runs until the test JVM ends, as the subclasses share it.
 */
@ActiveProfiles("partner-center-test")
@Import(SignedInWireMockTest.SignedIn.class)
public abstract class SignedInWireMockTest {

  /** Microsoft's Partner Center ({@code /v1/...}) and Graph ({@code /graph/v1.0/...}). */
  protected static final WireMockServer MICROSOFT = new WireMockServer(options().dynamicPort());

  static {
    MICROSOFT.start();
  }

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    registry.add("pco.partner-center.api-base-url", MICROSOFT::baseUrl);
    registry.add("pco.partner-center.graph-base-url", () -> MICROSOFT.baseUrl() + "/graph/v1.0");
  }

  @BeforeEach
  void resetMicrosoft() {
    MICROSOFT.resetAll();
  }

  /** A partner signed in: the token provider answers at once. */
  @TestConfiguration
  static class SignedIn {
    @Bean
    @Primary
    AccessTokenProvider signedIn() {
      return audience -> "token-for-" + audience;
    }
  }
}
