package io.partnerchannel.orchestrator.partnercenter;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints why the application refused to start without a Partner Center mode, and how to choose one. */
public class PartnerCenterModeFailureAnalyzer extends AbstractFailureAnalyzer<PartnerCenterModeException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PartnerCenterModeException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Choose the Partner Center: --spring.profiles.active=sandbox, or pco.partner-center.mode=partner-center"
            + " with its settings (docs/going-live.md).",
        cause);
  }
}
