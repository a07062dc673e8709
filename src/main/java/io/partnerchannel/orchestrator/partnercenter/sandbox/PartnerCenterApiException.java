package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A failure the sandbox answers the way Partner Center REST does: an HTTP status and the error body
 * {@code {"code", "description", "data": [], "source": "PartnerFD"}} (Partner Center REST error codes).
 */
class PartnerCenterApiException extends RuntimeException {

  /** {@code 401}, code 800001: no partner token in the request. */
  public static final String PARTNER_TOKEN_MISSING = "800001";
  /** {@code 401}, code 400: the token does not grant access. */
  public static final String ACCESS_DENIED = "400";
  /** {@code 404}, code 1000: resource not found. */
  public static final String NOT_FOUND = "1000";
  /** {@code 400}, code 800002: invalid request input. */
  public static final String INVALID_INPUT = "800002";

  private final HttpStatus status;
  private final String code;
  private final List<String> data;

  /**
   * @param status HTTP status to answer
   * @param code Partner Center error code
   * @param description human-readable description (≤ 1024 characters)
   */
  public PartnerCenterApiException(HttpStatus status, String code, String description) {
    this(status, code, description, List.of());
  }

  /**
   * @param status HTTP status to answer
   * @param code Partner Center error code
   * @param description human-readable description (≤ 1024 characters)
   * @param data the error body's {@code data}, e.g. a link to the documentation of the error
   */
  public PartnerCenterApiException(HttpStatus status, String code, String description, List<String> data) {
    super(description, null, false, false); // an answer, not a fault: no stack trace to fill
    this.status = status;
    this.code = code;
    this.data = List.copyOf(data);
  }

  /** @return the error body's {@code data} */
  public List<String> getData() {
    return data;
  }

  /** @return the HTTP status */
  public HttpStatus getStatus() {
    return status;
  }

  /** @return the Partner Center error code */
  public String getCode() {
    return code;
  }
}
