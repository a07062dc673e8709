package io.partnerchannel.orchestrator.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests only where Chromium and its driver are installed ({@link Chromium#find()}). Outside CI a
 * missing browser skips them with a message saying what to install; under {@code CI=true} they run anyway
 * and fail, because CI ({@code .ci/run}) installs the browser and a skipped browser test there would hide that
 * the forms were never checked.
 */
public class ChromiumAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Chromium.Installation installation = Chromium.find();
    if (installation.present()) {
      return ConditionEvaluationResult.enabled("Chromium found: " + installation);
    }
    if (Chromium.onCi()) {
      return ConditionEvaluationResult.enabled(
          "CI=true and no Chromium (" + installation.missing() + "): the browser tests run and fail");
    }
    return ConditionEvaluationResult.disabled(
        "Browser tests skipped: " + installation.missing() + ". Install Chromium and its driver "
            + "(Debian/Ubuntu: apt-get install chromium chromium-driver) or point "
            + Chromium.BINARY_ENV + " and " + Chromium.DRIVER_ENV + " at them.");
  }
}
