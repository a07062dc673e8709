package io.partnerchannel.orchestrator.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Partner Center webhook endpoint, {@code POST /api/partner-center/events} with
 * {@code {EventName, ResourceUri, ResourceName, AuditUri, ResourceChangeUtcDate}} (A16). Answers
 * {@code 202 Accepted} with {@code {id, status, duplicate: false}} once the event is stored (and tried
 * once), {@code 200 OK} with {@code duplicate: true} for a repeated delivery, and {@code 400}
 * {@code application/problem+json} naming the field for an invalid body (nothing stored).
 *
 * <p>Partner Center signs its callbacks ({@code Authorization: Signature ...}); verifying the signature
 * belongs in front of {@link #receive} and is not done yet.
 */
@RestController
@RequestMapping("/api/partner-center/events")
class PartnerCenterEventController {

  private final PartnerCenterEventInbox inbox;

  PartnerCenterEventController(PartnerCenterEventInbox inbox) {
    this.inbox = inbox;
  }

  @PostMapping
  ResponseEntity<PartnerCenterEventInbox.Receipt> receive(@Valid @RequestBody PartnerCenterEvent event) {
    PartnerCenterEventInbox.Receipt receipt = inbox.receive(event);
    return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(receipt);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidEvent(MethodArgumentNotValidException e) {
    List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(error -> Map.of("field", jsonName(error), "message", String.valueOf(error.getDefaultMessage())))
        .toList();
    String detail = errors.stream().map(error -> error.get("field") + " " + error.get("message"))
        .sorted().reduce((a, b) -> a + "; " + b).orElse("Invalid Partner Center event");
    return badRequest(detail, errors);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadableEvent(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
        && mapping.getPath().get(0).getFieldName() != null) {
      String field = mapping.getPath().get(0).getFieldName();
      return badRequest(field + " has an invalid value", List.of(Map.of("field", field, "message", "invalid value")));
    }
    return badRequest("The body must be a JSON Partner Center event {EventName, ResourceUri, ResourceName, AuditUri,"
        + " ResourceChangeUtcDate}", List.of());
  }

  private static ProblemDetail badRequest(String detail, List<Map<String, String>> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid Partner Center event");
    problem.setProperty("errors", errors);
    return problem;
  }

  /** The JSON (PascalCase) name of a {@link PartnerCenterEvent} field. */
  private static String jsonName(FieldError error) {
    try {
      JsonProperty property = PartnerCenterEvent.class.getDeclaredField(error.getField()).getAnnotation(JsonProperty.class);
      return property == null ? error.getField() : property.value();
    } catch (NoSuchFieldException e) {
      return error.getField();
    }
  }
}
