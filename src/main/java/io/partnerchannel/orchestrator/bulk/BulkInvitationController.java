package io.partnerchannel.orchestrator.bulk;

import io.partnerchannel.orchestrator.bulk.BulkInvitations.Receipt;
import io.partnerchannel.orchestrator.bulk.BulkUploadRepository.Upload;
import io.partnerchannel.orchestrator.security.EngineUser;
import io.partnerchannel.orchestrator.web.RequestBodyLimit;
import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * REST API of bulk onboarding (docs/bulk-onboarding.md):
 * <ul>
 *   <li>{@code POST /api/bulk-invitations[?startValidRows=true]} with a {@code text/csv} body ({@link BulkCsv}):
 *       every row valid, or {@code startValidRows=true} and some valid → {@code 202} with
 *       {@code Location: /api/bulk-invitations/{id}} and the {@link Receipt}; the same file again → {@code 200}
 *       with the same {@code Location} and {@code duplicate: true}, nothing started twice; invalid rows without
 *       {@code startValidRows}, or no valid row → {@code 400 application/problem+json} whose {@code errors} list
 *       {@code {row, field, message}}, nothing stored or started; a file that is not CSV with the header →
 *       {@code 400} naming the column; over {@code pco.bulk.max-file-size} → {@code 413}; a caller who may not
 *       start invitations → {@code 403}.</li>
 *   <li>{@code GET /api/bulk-invitations/{id}}: the progress ({@link BulkUploadView}); 404 when unknown or not
 *       visible to the caller.</li>
 *   <li>{@code GET /api/bulk-invitations}: the newest uploads the caller sees.</li>
 * </ul>
 */
@RestController
@RequestMapping(BulkInvitationController.PATH)
class BulkInvitationController {

  static final String PATH = "/api/bulk-invitations";

  private final BulkInvitations bulk;

  BulkInvitationController(BulkInvitations bulk) {
    this.bulk = bulk;
  }

  /**
   * @param properties {@code pco.bulk.max-file-size}
   * @return the body limit of {@code POST /api/bulk-invitations}, larger than the API's default
   */
  @Bean
  static RequestBodyLimit bulkInvitationsBodyLimit(BulkProperties properties) {
    return new RequestBodyLimit(PATH, properties.maxFileSize());
  }

  @PostMapping(consumes = "text/csv")
  ResponseEntity<Receipt> upload(@RequestBody byte[] csv,
      @RequestParam(defaultValue = "false") boolean startValidRows,
      @AuthenticationPrincipal EngineUser user) {
    Receipt receipt = bulk.upload(csv, null, startValidRows, false, user);
    URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path(PATH + "/{id}")
        .buildAndExpand(receipt.id()).toUri();
    return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).location(location)
        .body(receipt);
  }

  @GetMapping("/{id}")
  BulkUploadView get(@PathVariable String id, @AuthenticationPrincipal EngineUser user) {
    return bulk.find(id, user);
  }

  @GetMapping
  List<Upload> list(@AuthenticationPrincipal EngineUser user) {
    return bulk.newest(user);
  }
}
