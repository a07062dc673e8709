package io.partnerchannel.orchestrator.partnercenter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start unless the Partner Center is chosen explicitly: the Spring profile {@code sandbox} (the
 * built-in emulator with published demo passwords) or {@code pco.partner-center.mode=partner-center} with the
 * settings it needs (docs/going-live.md). Runs once the configuration files are read, before any bean exists;
 * {@link PartnerCenterModeFailureAnalyzer} prints the one line saying how to choose.
 */
public class PartnerCenterModeCheck implements EnvironmentPostProcessor, Ordered {

  /** The Spring profile of the built-in sandbox. */
  public static final String SANDBOX_PROFILE = "sandbox";
  /** The property naming the mode. */
  public static final String MODE = "pco.partner-center.mode";
  /** The settings partner-center mode cannot run without. */
  static final List<String> PARTNER_CENTER_SETTINGS = List.of(
      "pco.partner.tenant-id",
      "pco.partner-center.client-id",
      "pco.partner-center.client-secret",
      "pco.partner-center.token-encryption-key",
      "pco.public-base-url",
      "pco.gdap.security-group-id");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean sandboxProfile = Arrays.asList(environment.getActiveProfiles()).contains(SANDBOX_PROFILE);
    String mode = environment.getProperty(MODE, "").trim().toLowerCase();
    if (sandboxProfile) {
      if (!mode.equals("sandbox")) {
        throw new PartnerCenterModeException("The Spring profile sandbox runs the built-in sandbox, but " + MODE + " is "
            + mode + ": start either with --spring.profiles.active=sandbox or with " + MODE + "=partner-center, not both.");
      }
      return;
    }
    if (mode.equals("partner-center")) {
      List<String> missing = new ArrayList<>();
      for (String setting : PARTNER_CENTER_SETTINGS) {
        String value = environment.getProperty(setting);
        if (value == null || value.isBlank()) {
          missing.add(setting);
        }
      }
      if (!missing.isEmpty()) {
        throw new PartnerCenterModeException(MODE + "=partner-center needs " + String.join(", ", missing)
            + " (docs/going-live.md); or start the built-in sandbox with --spring.profiles.active=sandbox.");
      }
      return;
    }
    throw new PartnerCenterModeException("No Partner Center chosen: start the built-in sandbox with"
        + " --spring.profiles.active=sandbox (demo users, published passwords), or set " + MODE
        + "=partner-center and its settings (docs/going-live.md).");
  }

  /** After Spring Boot has read the configuration files and profiles. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
