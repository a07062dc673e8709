package io.partnerchannel.orchestrator.notification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mail outbox as JSON, so scripts (and tests) can follow the links the customer would receive:
 * {@code GET /api/outbox[?recipient=]} (newest first, without the HTML) and {@code GET /api/outbox/{id}}
 * (with the HTML; 404 {@code application/problem+json} for an unknown id). Each reader sees only the e-mails
 * of the instances they need to know ({@link OutboxReader}); another's e-mail is 404 as an unknown one.
 */
@RestController
@RequestMapping("/api/outbox")
class OutboxApiController {

  static final int LIST_LIMIT = 200;

  private final MailOutboxRepository repository;

  OutboxApiController(MailOutboxRepository repository) {
    this.repository = repository;
  }

  @GetMapping
  List<OutboxEntryJson> list(@RequestParam(required = false) String recipient) {
    return repository.findNewest(recipient == null || recipient.isBlank() ? null : recipient.trim(), LIST_LIMIT,
            OutboxReader.current()).stream()
        .map(entry -> OutboxEntryJson.of(entry, false))
        .toList();
  }

  @GetMapping("/{id}")
  OutboxEntryJson get(@PathVariable String id) {
    return repository.findById(id, OutboxReader.current())
        .map(entry -> OutboxEntryJson.of(entry, true))
        .orElseThrow(() -> notFound(id));
  }

  static ErrorResponseException notFound(String id) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No outbox entry with id " + id);
    problem.setTitle("Outbox entry not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }

  /**
   * An outbox entry as JSON.
   *
   * @param links the e-mail's http(s) links in order, e.g. the invitation link
   * @param html the rendered e-mail; only on {@code GET /api/outbox/{id}}
   */
  record OutboxEntryJson(
      String id,
      String idempotencyKey,
      String template,
      String recipient,
      String subject,
      String language,
      MailStatus status,
      int attempts,
      String lastError,
      String businessReference,
      OffsetDateTime createdAt,
      OffsetDateTime sentAt,
      List<String> links,
      @JsonInclude(JsonInclude.Include.NON_NULL) String html) {

    static OutboxEntryJson of(OutboxEntry entry, boolean withHtml) {
      return new OutboxEntryJson(entry.id(), entry.idempotencyKey(), entry.template(), entry.recipient(), entry.subject(),
          entry.language(), entry.status(), entry.attempts(), entry.lastError(), entry.businessReference(),
          entry.createdAt(), entry.sentAt(), entry.links(), withHtml ? entry.html() : null);
    }
  }
}
