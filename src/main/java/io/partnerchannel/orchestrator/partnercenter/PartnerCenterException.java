package io.partnerchannel.orchestrator.partnercenter;

/**
 * A call to Partner Center (or Graph) failed. Carries the HTTP status and Partner Center's error body
 * ({@code {"code", "description"}}); thrown out of a delegate it makes the job retry and, once the
 * retries are spent, an incident in Cockpit.
 */
public class PartnerCenterException extends RuntimeException {

  private final int httpStatus;
  private final String errorCode;

  /**
   * @param httpStatus the HTTP status answered, 0 when no answer was received
   * @param errorCode Partner Center's error code ({@code code}), or null
   * @param message a description fit for an incident message
   * @param cause the underlying failure, or null
   */
  public PartnerCenterException(int httpStatus, String errorCode, String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** @return the HTTP status, 0 when no answer was received */
  public int getHttpStatus() {
    return httpStatus;
  }

  /** @return Partner Center's error code, or null */
  public String getErrorCode() {
    return errorCode;
  }
}
