package io.partnerchannel.orchestrator.notification;

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
 * the invitation link without a mail server.
 */
@Controller
class OutboxController {

  private final MailOutboxRepository repository;

  OutboxController(MailOutboxRepository repository) {
    this.repository = repository;
  }

  @GetMapping("/outbox")
  String list(@RequestParam(required = false) String recipient, Model model) {
    String filter = recipient == null || recipient.isBlank() ? null : recipient.trim();
    model.addAttribute("recipient", filter);
    model.addAttribute("entries", repository.findNewest(filter, OutboxApiController.LIST_LIMIT));
    return "outbox/list";
  }

  @GetMapping("/outbox/{id}")
  String entry(@PathVariable String id, Model model) {
    model.addAttribute("entry", repository.findById(id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No outbox entry with id " + id)));
    return "outbox/entry";
  }
}
