package io.partnerchannel.orchestrator.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.partnerchannel.orchestrator.web.ApiExceptionHandler;
import io.partnerchannel.orchestrator.web.FieldError;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
 * <p>Only a verified event reaches {@link #receive}: Spring Security's
 * {@code PartnerCenterEventAuthenticationFilter} checks Partner Center's signature ({@code partner-center} mode) or
 * the sandbox's shared secret first and answers {@code 401} otherwise, storing nothing.
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

  /** Bean Validation errors, naming the fields as Partner Center does (PascalCase); other errors: {@link ApiExceptionHandler}. */
  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalidEvent(MethodArgumentNotValidException e) {
    return InvalidFieldsException.problem(e.getBindingResult().getFieldErrors().stream()
        .map(error -> new FieldError(jsonName(error), error.getDefaultMessage()))
        .toList());
  }

  /** The JSON (PascalCase) name of a {@link PartnerCenterEvent} field. */
  private static String jsonName(org.springframework.validation.FieldError error) {
    try {
      JsonProperty property = PartnerCenterEvent.class.getDeclaredField(error.getField()).getAnnotation(JsonProperty.class);
      return property == null ? error.getField() : property.value();
    } catch (NoSuchFieldException e) {
      return error.getField();
    }
  }
}
