package io.partnerchannel.orchestrator.partnercenter.sandbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Writes the emulator's failures in the error bodies of the emulated services: Partner Center REST
 * ({@code {"code", "description", "data", "source": "PartnerFD"}}) and Microsoft Graph
 * ({@code {"error": {"code", "message", "innerError"}}}).
 */
@RestControllerAdvice(assignableTypes = {SandboxPartnerCenterController.class, SandboxGraphController.class})
@SandboxConfiguration
public class SandboxApiErrorHandler {

  /**
   * @param e the failure
   * @return the Partner Center error answer
   */
  @ExceptionHandler(PartnerCenterApiException.class)
  public ResponseEntity<Map<String, Object>> partnerCenterError(PartnerCenterApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", e.getCode());
    body.put("description", e.getMessage());
    body.put("data", List.of());
    body.put("source", "PartnerFD");
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(e.getStatus()).contentType(MediaType.APPLICATION_JSON);
    if (e.getStatus().value() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sandbox\"");
    }
    return response.body(body);
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
