package io.partnerchannel.orchestrator.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.PartnerChannelOrchestratorApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The application refuses to start unless the Partner Center is chosen explicitly, before it touches a database,
 * with one line saying how to choose (the way {@code java -jar} reports it).
 */
@ExtendWith(OutputCaptureExtension.class)
class PartnerCenterModeCheckTest {

  /** Starts as {@code java -jar app.jar --spring.profiles.active=<profiles> --<property>...} would. */
  static void start(String profiles, String... properties) {
    String[] arguments = new String[properties.length + 1];
    arguments[0] = "--spring.profiles.active=" + profiles;
    for (int i = 0; i < properties.length; i++) {
      arguments[i + 1] = "--" + properties[i];
    }
    new SpringApplicationBuilder(PartnerChannelOrchestratorApplication.class).run(arguments);
  }

  @Test
  void thePostgresProfileWithoutAModeFailsFastSayingHowToChoose(CapturedOutput output) {
    assertThatThrownBy(() -> start("postgres"))
        .isInstanceOf(PartnerCenterModeException.class)
        .hasMessage("No Partner Center chosen: start the built-in sandbox with --spring.profiles.active=sandbox"
            + " (demo users, published passwords), or set pco.partner-center.mode=partner-center and its settings"
            + " (docs/going-live.md).");
    assertThat(output).contains("APPLICATION FAILED TO START")
        .contains("No Partner Center chosen: start the built-in sandbox with --spring.profiles.active=sandbox")
        .doesNotContain("HikariPool");
  }

  @Test
  void partnerCenterModeNamesTheSettingsItLacks() {
    assertThatThrownBy(() -> start("postgres", "pco.partner-center.mode=partner-center",
        "pco.partner.tenant-id=0a7e57ed-0000-4000-8000-00000000beef", "pco.partner-center.client-id=app"))
        .isInstanceOf(PartnerCenterModeException.class)
        .hasMessage("pco.partner-center.mode=partner-center needs pco.partner-center.client-secret,"
            + " pco.partner-center.token-encryption-key, pco.public-base-url, pco.gdap.security-group-id"
            + " (docs/going-live.md); or start the built-in sandbox with --spring.profiles.active=sandbox.");
  }

  @Test
  void theSandboxProfileAndPartnerCenterModeTogetherAreRefused() {
    assertThatThrownBy(() -> start("sandbox", "pco.partner-center.mode=partner-center"))
        .isInstanceOf(PartnerCenterModeException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void sandboxModeWithoutTheSandboxProfileIsRefused() {
    assertThatThrownBy(() -> start("postgres", "pco.partner-center.mode=sandbox"))
        .isInstanceOf(PartnerCenterModeException.class)
        .hasMessageStartingWith("No Partner Center chosen");
  }
}
