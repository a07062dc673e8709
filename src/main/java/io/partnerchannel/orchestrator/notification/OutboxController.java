package io.partnerchannel.orchestrator.notification;

import io.partnerchannel.orchestrator.web.OwnPages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox pages: {@code GET /outbox} lists the queued e-mails newest first, {@code GET /outbox/{id}}
 * shows one as the recipient would see it, its links clickable, so a new user of the sandbox can follow
 * the invitation link without a mail server. Each reader sees only the e-mails they need to know
 * ({@link OutboxReader}).
 *
 * <p>An e-mail's HTML carries values others typed (company names, messages), so the pages treat it as
 * untrusted: it is shown in an {@code iframe srcdoc} with {@code sandbox} (no scripts, no same origin, no
 * forms; only its links may open a new tab), and both pages send the {@code Content-Security-Policy} of
 * {@link OwnPages}, which the frame inherits: no script runs, nothing loads from elsewhere.
 */
@Controller
@OwnPages
class OutboxController {

  private final MailOutboxRepository repository;

  OutboxController(MailOutboxRepository repository) {
    this.repository = repository;
  }

  @GetMapping("/outbox")
  String list(@RequestParam(required = false) String recipient, Model model) {
    String filter = recipient == null || recipient.isBlank() ? null : recipient.trim();
    model.addAttribute("recipient", filter);
    model.addAttribute("entries", repository.findNewest(filter, OutboxApiController.LIST_LIMIT, OutboxReader.current()));
    return "outbox/list";
  }

  @GetMapping("/outbox/{id}")
  String entry(@PathVariable String id, Model model) {
    model.addAttribute("entry", repository.findById(id, OutboxReader.current())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No outbox entry with id " + id)));
    return "outbox/entry";
  }
}
