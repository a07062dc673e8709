package io.partnerchannel.orchestrator.partnercenter;

/** The application was started without an explicit Partner Center mode ({@link PartnerCenterModeCheck}). */
class PartnerCenterModeException extends IllegalStateException {

  /** @param message the one line saying how to choose */
  public PartnerCenterModeException(String message) {
    super(message);
  }
}
