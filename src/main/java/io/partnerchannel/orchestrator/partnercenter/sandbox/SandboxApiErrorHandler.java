package io.partnerchannel.orchestrator.partnercenter.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Writes the emulator's failures in the error bodies of the emulated services: Partner Center REST
 * ({@code {"code", "description", "data", "source": "PartnerFD"}}, {@code code} a JSON number as in
 * error-codes and every documented failure example) and Microsoft Graph
 * ({@code {"error": {"code", "message", "innerError"}}}), including Spring MVC's own request failures
 * (missing parameter, wrong method or media type), so a Graph SDK reads every sandbox error. Ordered first,
 * so application-wide problem+json handlers do not answer for the emulator.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {SandboxPartnerCenterController.class, SandboxGraphController.class})
@SandboxConfiguration
class SandboxApiErrorHandler {

  /**
   * @param e the failure
   * @return the Partner Center error answer
   */
  @ExceptionHandler(PartnerCenterApiException.class)
  public ResponseEntity<Map<String, Object>> partnerCenterError(PartnerCenterApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", numeric(e.getCode()));
    body.put("description", e.getMessage());
    body.put("data", e.getData());
    body.put("source", "PartnerFD");
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(e.getStatus()).contentType(MediaType.APPLICATION_JSON);
    if (e.getStatus().value() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sandbox\"");
    }
    return response.body(body);
  }

  /**
   * A request body the emulator cannot read (malformed JSON, unknown enum value), answered in the error
   * body of the service that was called.
   *
   * @param e the failure
   * @param request the request
   * @return 400 with the Partner Center or Graph error body
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    String message = "The request body is not valid JSON for this resource: " + e.getMostSpecificCause().getMessage();
    if (request.getRequestURI().contains("/sandbox/graph/")) {
      return graphError(new GraphApiException(HttpStatus.BAD_REQUEST, GraphApiException.BAD_REQUEST, message));
    }
    return partnerCenterError(new PartnerCenterApiException(
        HttpStatus.BAD_REQUEST, PartnerCenterApiException.INVALID_INPUT, message));
  }

  /**
   * Spring MVC's request failures (missing or mistyped parameter, unsupported method or media type) in the
   * called service's error body, with their HTTP status.
   *
   * @param e the failure
   * @param request the request
   * @return the Partner Center ({@code 800002}) or Graph ({@code BadRequest}-like) error answer
   */
  @ExceptionHandler({ServletRequestBindingException.class, HttpRequestMethodNotSupportedException.class,
      HttpMediaTypeException.class, TypeMismatchException.class})
  public ResponseEntity<Map<String, Object>> requestFailure(Exception e, HttpServletRequest request) {
    HttpStatus status = e instanceof ErrorResponse response
        ? HttpStatus.valueOf(response.getStatusCode().value()) : HttpStatus.BAD_REQUEST;
    if (request.getRequestURI().contains("/sandbox/graph/")) {
      String code = switch (status) {
        case METHOD_NOT_ALLOWED -> "MethodNotAllowed";
        case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "UnsupportedMediaType";
        default -> GraphApiException.BAD_REQUEST;
      };
      return graphError(new GraphApiException(status, code, e.getMessage()));
    }
    return partnerCenterError(new PartnerCenterApiException(status, PartnerCenterApiException.INVALID_INPUT, e.getMessage()));
  }

  /** A documented numeric code as a JSON number; any other code as written. */
  private static Object numeric(String code) {
    return code != null && code.matches("\\d{1,9}") ? (Object) Integer.valueOf(code) : code;
  }

  /**
   * @param e the failure
   * @return the Graph error answer
   */
  @ExceptionHandler(GraphApiException.class)
  public ResponseEntity<Map<String, Object>> graphError(GraphApiException e) {
    String requestId = UUID.randomUUID().toString();
    Map<String, Object> innerError = new LinkedHashMap<>();
    innerError.put("date", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
    innerError.put("request-id", requestId);
    innerError.put("client-request-id", requestId);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.getCode());
    error.put("message", e.getMessage());
    error.put("innerError", innerError);
    return ResponseEntity.status(e.getStatus())
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", error));
  }
}
