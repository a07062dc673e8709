package io.partnerchannel.orchestrator.partnercenter.sandbox;

import org.springframework.http.HttpStatus;

/**
 * A failure the sandbox answers the way Microsoft Graph does: an HTTP status and the error body
 * {@code {"error": {"code", "message", "innerError": {...}}}}.
 */
class GraphApiException extends RuntimeException {

  /** Graph error code of invalid requests. */
  public static final String BAD_REQUEST = "BadRequest";
  /** Graph error code of unknown resources. */
  public static final String NOT_FOUND = "ResourceNotFound";
  /** Graph error code of a missing or invalid bearer token. */
  public static final String INVALID_TOKEN = "InvalidAuthenticationToken";
  /** Graph error code of a conflict with an existing resource. */
  public static final String CONFLICT = "Conflict";

  private final HttpStatus status;
  private final String code;

  /**
   * @param status HTTP status to answer
   * @param code Graph error code
   * @param message human-readable message
   */
  public GraphApiException(HttpStatus status, String code, String message) {
    super(message, null, false, false); // an answer, not a fault: no stack trace to fill
    this.status = status;
    this.code = code;
  }

  /** @return the HTTP status */
  public HttpStatus getStatus() {
    return status;
  }

  /** @return the Graph error code */
  public String getCode() {
    return code;
  }
}
