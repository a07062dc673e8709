package io.partnerchannel.orchestrator.bulk;

import io.partnerchannel.orchestrator.security.EngineUser;
import io.partnerchannel.orchestrator.web.InvalidFieldsException;
import io.partnerchannel.orchestrator.web.OwnPages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.ErrorResponseException;
import org.camunda.bpm.engine.AuthorizationException;

/**
 * The bulk onboarding pages (signed in like {@code /outbox}: the Camunda webapp login of the same browser, else the
 * login form; Spring's CSRF protection): {@code GET /bulk-invitations} (upload form and the newest uploads),
 * {@code POST /bulk-invitations} (multipart {@code file}, optional {@code startValidRows}): a file with invalid
 * rows is held and its report shown with "Start the valid rows"; {@code GET /bulk-invitations/{id}} (progress),
 * {@code POST /bulk-invitations/{id}/start} ("Start the valid rows"). The rules are {@link BulkInvitations}'.
 */
@Controller
@OwnPages
class BulkInvitationPageController {

  private final BulkInvitations bulk;

  BulkInvitationPageController(BulkInvitations bulk) {
    this.bulk = bulk;
  }

  @GetMapping("/bulk-invitations")
  String list(@AuthenticationPrincipal EngineUser user, Model model) {
    mayUpload(user);
    model.addAttribute("uploads", bulk.newest(user));
    return "bulk/list";
  }

  @PostMapping("/bulk-invitations")
  String upload(@RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean startValidRows,
      @AuthenticationPrincipal EngineUser user, Model model) throws IOException {
    try {
      BulkInvitations.Receipt receipt = bulk.upload(file.getBytes(), file.getOriginalFilename(), startValidRows, true, user);
      return "redirect:/bulk-invitations/" + receipt.id();
    } catch (ErrorResponseException | InvalidFieldsException refused) {
      model.addAttribute("uploads", bulk.newest(user));
      model.addAttribute("problem", refused.getBody().getDetail());
      model.addAttribute("errors", refused instanceof InvalidRowsException rows ? rows.errors() : java.util.List.of());
      return "bulk/list";
    }
  }

  @GetMapping("/bulk-invitations/{id}")
  String progress(@PathVariable String id, @AuthenticationPrincipal EngineUser user, Model model) {
    model.addAttribute("upload", bulk.find(id, user));
    return "bulk/progress";
  }

  @PostMapping("/bulk-invitations/{id}/start")
  String start(@PathVariable String id, @AuthenticationPrincipal EngineUser user) {
    bulk.startValidRows(id, user);
    return "redirect:/bulk-invitations/" + id;
  }

  @ExceptionHandler(AuthorizationException.class)
  void forbidden(HttpServletResponse response, AuthorizationException e) throws IOException {
    response.sendError(HttpStatus.FORBIDDEN.value(), "Only the partner roles may upload bulk onboarding files");
  }

  private void mayUpload(EngineUser user) {
    if (!bulk.maySee(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the partner roles may upload bulk onboarding files");
    }
  }
}
