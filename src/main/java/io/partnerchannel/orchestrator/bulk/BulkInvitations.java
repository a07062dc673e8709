package io.partnerchannel.orchestrator.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.bulk.BulkUploadRepository.StoredRow;
import io.partnerchannel.orchestrator.bulk.BulkUploadRepository.Upload;
import io.partnerchannel.orchestrator.invitation.InvitationRequest;
import io.partnerchannel.orchestrator.invitation.OpenInvitations;
import io.partnerchannel.orchestrator.invitation.ResellerRelationshipInvitationProcess;
import io.partnerchannel.orchestrator.partnercenter.PartnerProperties;
import io.partnerchannel.orchestrator.routing.OnboardingRequest;
import io.partnerchannel.orchestrator.security.EngineUser;
import io.partnerchannel.orchestrator.web.ResourceNotFoundException;
import io.partnerchannel.orchestrator.web.ValidationGate;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk onboarding (docs/bulk-onboarding.md): a CSV file of invitation requests ({@link BulkCsv}) is validated
 * row by row at the gate of the single start ({@link ValidationGate} on {@link InvitationRequest}, fields named as
 * the columns), plus what a file adds: a domain listed twice, or one whose invitation
 * is already open (the single start's 409); a row's subscriptions are checked with the rules of
 * {@code POST /api/onboardings} ({@link OnboardingRequest}, the same gate). A file with invalid rows starts nothing unless the uploader chooses
 * "start the valid rows"; the valid rows are then queued and {@link BulkStarter} starts them as separate
 * {@code ResellerRelationshipInvitation} instances at a bounded rate. The same file (same bytes, SHA-256) uploaded
 * again is the same upload: nothing is stored or started a second time.
 *
 * <p>Who may upload: whoever may start the invitation process (its candidate starter groups: the three partner
 * roles) and {@code camunda-admin}; the same users see every upload and its progress (as they see every
 * invitation). Anyone else — a reseller's staff — may neither upload nor see uploads (403 / 404).
 */
@Service
class BulkInvitations {

  private static final Logger log = LoggerFactory.getLogger(BulkInvitations.class);
  private static final TypeReference<List<BulkRowError>> ERRORS = new TypeReference<>() {};
  /** Rule set of a row's onboarding when its {@code ruleSet} cell is empty: as Partner Center works today. */
  static final String DEFAULT_RULE_SET = "NEW_COMMERCE";
  private static final String CUSTOMER_TENANT_ID = "customerTenantId";

  private final BulkUploadRepository repository;
  private final ValidationGate gate;
  private final OpenInvitations openInvitations;
  private final AuthorizationService authorizationService;
  private final ObjectMapper objectMapper;
  private final BulkProperties properties;
  private final BulkProgress progress;
  private final TransactionTemplate transaction;
  private final String partnerCloud;

  BulkInvitations(BulkUploadRepository repository, ValidationGate gate,
      OpenInvitations openInvitations, AuthorizationService authorizationService, ObjectMapper objectMapper,
      BulkProperties properties, BulkProgress progress, PlatformTransactionManager transactionManager,
      PartnerProperties partner) {
    this.repository = repository;
    this.gate = gate;
    this.openInvitations = openInvitations;
    this.authorizationService = authorizationService;
    this.objectMapper = objectMapper;
    this.properties = properties;
    this.progress = progress;
    this.transaction = new TransactionTemplate(transactionManager);
    this.partnerCloud = partner.cloud();
  }

  /**
   * What an upload did.
   *
   * @param id the upload's id (also when it is the earlier upload of the same file)
   * @param rows data rows of the file
   * @param invalidRows rows with errors (never started)
   * @param queued whether its valid rows are queued for their start (false: it waits for "start the valid rows")
   * @param duplicate whether the same file was uploaded before; then nothing new was stored or started
   * @param errors each invalid cell
   */
  public record Receipt(String id, int rows, int invalidRows, boolean queued, boolean duplicate,
      List<BulkRowError> errors) {}

  /**
   * Validates and stores an uploaded file.
   *
   * @param content the file's bytes (UTF-8)
   * @param fileName its name, may be null
   * @param startValidRows whether the valid rows start although others are invalid
   * @param holdInvalidFile whether a file with invalid rows and without {@code startValidRows} is stored, its valid
   *     rows held until {@link #startValidRows} (the page); otherwise (REST) nothing is stored
   * @param uploader the caller
   * @return the receipt
   * @throws AuthorizationException when the caller may not start invitations (403)
   * @throws InvalidCsvException when the file cannot be read (400)
   * @throws InvalidRowsException when rows are invalid, {@code startValidRows} is false and the file is not held,
   *     or when no row is valid (400; nothing stored)
   */
  public Receipt upload(byte[] content, String fileName, boolean startValidRows, boolean holdInvalidFile,
      EngineUser uploader) {
    checkMayUpload(uploader);
    if (content.length > properties.maxFileSize().toBytes()) {
      throw new InvalidCsvException(null, "is larger than " + properties.maxFileSize() + " (pco.bulk.max-file-size)");
    }
    String hash = sha256(content);
    Optional<Upload> earlier = repository.findByContentHash(hash);
    if (earlier.isPresent()) {
      return again(earlier.get(), startValidRows, holdInvalidFile);
    }
    List<BulkCsv.Row> rows = BulkCsv.read(utf8(content), properties.maxRows());
    Map<Integer, List<BulkRowError>> errors = validate(rows);
    List<BulkRowError> all = errors.values().stream().flatMap(List::stream).toList();
    boolean queue = all.isEmpty() || startValidRows;
    if (errors.size() == rows.size() || (!queue && !holdInvalidFile)) {
      throw new InvalidRowsException(rows.size(), errors.size(), all, errors.size() < rows.size());
    }
    String id = UUID.randomUUID().toString();
    Upload upload = new Upload(id, hash, fileName, uploader.userId(), BulkUploadRepository.now(),
        queue ? BulkUploadRepository.now() : null, rows.size(), errors.size());
    try {
      transaction.executeWithoutResult(status -> {
        repository.insert(upload);
        for (BulkCsv.Row row : rows) {
          List<BulkRowError> rowErrors = errors.get(row.row());
          BulkRowState state = rowErrors != null ? BulkRowState.INVALID : queue ? BulkRowState.QUEUED : BulkRowState.HELD;
          repository.insert(new StoredRow(id, row.row(), row.request().domain(), row.request().companyName(),
              json(row.request()), state, rowErrors == null ? null : json(rowErrors), null, null, 0, null,
              onboarding(row).map(this::json).orElse(null), null, null));
        }
      });
    } catch (DuplicateKeyException concurrent) {
      return again(repository.findByContentHash(hash).orElseThrow(() -> concurrent), startValidRows, holdInvalidFile);
    }
    log.info("Bulk upload {} ({}) by {}: {} rows, {} invalid, {}", id, fileName, uploader.userId(), rows.size(),
        errors.size(), queue ? "valid rows queued" : "held until the valid rows are started");
    return new Receipt(id, rows.size(), errors.size(), queue, false, all);
  }

  /**
   * "Start the valid rows" of an upload that waits for it.
   *
   * @param id the upload
   * @param user the caller
   * @return the receipt; {@code duplicate} when its rows were queued before
   * @throws ResourceNotFoundException when the caller does not see an upload with that id
   */
  public Receipt startValidRows(String id, EngineUser user) {
    checkMayUpload(user);
    Upload upload = repository.findById(id).orElseThrow(() -> notFound(id));
    boolean confirmed = transaction.execute(status -> repository.confirm(id));
    if (confirmed) {
      log.info("Bulk upload {}: {} started its valid rows", id, user.userId());
    }
    return new Receipt(id, upload.rowCount(), upload.invalidCount(), true, !confirmed, storedErrors(id));
  }

  /**
   * @param id an upload
   * @param reader the caller
   * @return its progress, each row with its invitation's status
   * @throws ResourceNotFoundException when the caller does not see an upload with that id
   */
  public BulkUploadView find(String id, EngineUser reader) {
    if (!maySee(reader)) {
      throw notFound(id);
    }
    Upload upload = repository.findById(id).orElseThrow(() -> notFound(id));
    return progress.of(upload, repository.rows(id));
  }

  /**
   * @param reader the caller
   * @return the newest 50 uploads the caller sees, without their rows' statuses
   */
  public List<Upload> newest(EngineUser reader) {
    return maySee(reader) ? repository.findNewest(50) : List.of();
  }

  /** @return whether the user may upload (and so see uploads): may start the invitation process, or is admin */
  boolean maySee(EngineUser user) {
    return user != null && (user.groupIds().contains(Groups.CAMUNDA_ADMIN)
        || authorizationService.isUserAuthorized(user.userId(), user.groupIds(), Permissions.CREATE_INSTANCE,
            Resources.PROCESS_DEFINITION, ResellerRelationshipInvitationProcess.PROCESS_KEY));
  }

  private void checkMayUpload(EngineUser user) {
    if (!maySee(user)) {
      throw new AuthorizationException((user == null ? "An anonymous caller" : "User " + user.userId())
          + " may not upload a bulk onboarding file: only the groups that may start "
          + ResellerRelationshipInvitationProcess.PROCESS_KEY + " may");
    }
  }

  /** The same file again: its earlier upload, confirmed now when asked; its errors again when it is not. */
  private Receipt again(Upload earlier, boolean startValidRows, boolean holdInvalidFile) {
    List<BulkRowError> errors = storedErrors(earlier.id());
    if (earlier.confirmedAt() == null) {
      if (startValidRows) {
        transaction.execute(status -> repository.confirm(earlier.id()));
        return new Receipt(earlier.id(), earlier.rowCount(), earlier.invalidCount(), true, true, errors);
      }
      if (!holdInvalidFile) {
        throw new InvalidRowsException(earlier.rowCount(), earlier.invalidCount(), errors, true);
      }
    }
    return new Receipt(earlier.id(), earlier.rowCount(), earlier.invalidCount(), earlier.confirmedAt() != null,
        true, errors);
  }

  /** @return errors by row number, only rows with errors */
  private Map<Integer, List<BulkRowError>> validate(List<BulkCsv.Row> rows) {
    Map<Integer, List<BulkRowError>> errors = new java.util.TreeMap<>();
    Map<String, Integer> rowOfDomain = new HashMap<>();
    for (BulkCsv.Row row : rows) {
      List<BulkRowError> rowErrors = new ArrayList<>(row.errors());
      boolean accessUnreadable = rowErrors.stream().anyMatch(error -> BulkCsv.ADMIN_ACCESS.equals(error.field()));
      gate.errors(row.request()).stream()
          .filter(problem -> !(accessUnreadable && BulkCsv.ADMIN_ACCESS.equals(problem.field())))
          .forEach(problem -> rowErrors.add(new BulkRowError(row.row(), problem.field(), problem.message())));
      String domain = row.request().domain() == null ? null : row.request().domain().toLowerCase(Locale.ROOT);
      if (domain != null && rowErrors.stream().noneMatch(error -> BulkCsv.DOMAIN.equals(error.field()))) {
        Integer first = rowOfDomain.putIfAbsent(domain, row.row());
        if (first != null) {
          rowErrors.add(new BulkRowError(row.row(), BulkCsv.DOMAIN, "is listed twice in this file (first in row " + first + ")"));
        } else {
          openInvitations.findByDomain(domain).ifPresent(open -> rowErrors.add(new BulkRowError(row.row(),
              BulkCsv.DOMAIN, "has an open invitation already: " + open)));
        }
      }
      onboarding(row).ifPresent(onboarding -> {
        gate.errors(onboarding).stream()
            .filter(error -> !CUSTOMER_TENANT_ID.equals(error.field()))
            .forEach(error -> rowErrors.add(new BulkRowError(row.row(), error.field(), error.message())));
      });
      if (!rowErrors.isEmpty()) {
        errors.put(row.row(), rowErrors);
      }
    }
    return errors;
  }

  /**
   * The row's "Onboard customer subscriptions" request, without its customer tenant id (known once the relationship
   * exists): the same {@link OnboardingRequest} the onboarding's start checks.
   *
   * @return empty when the row names no subscriptions
   */
  private Optional<OnboardingRequest> onboarding(BulkCsv.Row row) {
    if (row.subscriptions().isEmpty() && row.ruleSet() == null) {
      return Optional.empty();
    }
    return Optional.of(new OnboardingRequest(null, partnerCloud,
        row.ruleSet() == null ? DEFAULT_RULE_SET : row.ruleSet(), row.subscriptions()));
  }

  private List<BulkRowError> storedErrors(String uploadId) {
    List<BulkRowError> errors = new ArrayList<>();
    for (StoredRow row : repository.rows(uploadId)) {
      if (row.errorsJson() != null) {
        try {
          errors.addAll(objectMapper.readValue(row.errorsJson(), ERRORS));
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("Stored errors of bulk row " + uploadId + "/" + row.row() + " unreadable", e);
        }
      }
    }
    return errors;
  }

  private String json(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot store a bulk row", e);
    }
  }

  private static String utf8(byte[] content) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidCsvException(null, "is not UTF-8 text");
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ResourceNotFoundException notFound(String id) {
    return new ResourceNotFoundException("No bulk upload with id " + id);
  }
}
