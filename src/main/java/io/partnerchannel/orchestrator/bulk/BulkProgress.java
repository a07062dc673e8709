package io.partnerchannel.orchestrator.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.bulk.BulkUploadRepository.StoredRow;
import io.partnerchannel.orchestrator.bulk.BulkUploadRepository.Upload;
import io.partnerchannel.orchestrator.invitation.InvitationRequest;
import io.partnerchannel.orchestrator.invitation.InvitationStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * Derives each started row's status from its invitation in the engine ({@link InvitationStatus}, the same
 * derivation as {@code GET /api/invitations/{id}}), reading the instances of an upload together: their history
 * in one query, then the activities of the running ones and their incidents. Nothing about an invitation's
 * progress is stored by the upload, so it cannot drift from the process.
 */
@Component
class BulkProgress {

  private static final TypeReference<List<BulkRowError>> ERRORS = new TypeReference<>() {};

  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final ObjectMapper objectMapper;

  BulkProgress(HistoryService historyService, RuntimeService runtimeService, ObjectMapper objectMapper) {
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.objectMapper = objectMapper;
  }

  BulkUploadView of(Upload upload, List<StoredRow> rows) {
    Set<String> instanceIds = rows.stream().map(StoredRow::processInstanceId).filter(id -> id != null)
        .collect(Collectors.toCollection(HashSet::new));
    Map<String, HistoricProcessInstance> instances = instanceIds.isEmpty() ? new HashMap<>()
        : historyService.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
            .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (BulkRowStatus status : BulkRowStatus.values()) {
      counts.put(status.name(), 0);
    }
    List<BulkUploadView.Item> items = new ArrayList<>(rows.size());
    for (StoredRow row : rows) {
      BulkUploadView.Item item =
          item(row, row.processInstanceId() == null ? null : instances.get(row.processInstanceId()));
      counts.merge(item.status().name(), 1, Integer::sum);
      items.add(item);
    }
    return new BulkUploadView(upload.id(), upload.fileName(), upload.uploadedBy(), upload.uploadedAt(),
        upload.confirmedAt(), upload.rowCount(), counts, items);
  }

  private BulkUploadView.Item item(StoredRow row, HistoricProcessInstance instance) {
    return switch (row.state()) {
      case INVALID -> item(row, BulkRowStatus.INVALID, null, null, errors(row));
      case HELD -> item(row, BulkRowStatus.HELD, null, null, List.of());
      case QUEUED -> item(row, BulkRowStatus.QUEUED, null, row.failure(), List.of());
      case FAILED -> item(row, BulkRowStatus.FAILED, null, row.failure(), List.of());
      case STARTED -> started(row, instance);
    };
  }

  private BulkUploadView.Item started(StoredRow row, HistoricProcessInstance instance) {
    if (instance == null) {
      // started in a transaction not yet committed, or its history is no longer there (cleanup)
      return item(row, BulkRowStatus.STARTED, null, null, List.of());
    }
    InvitationStatus status;
    if (instance.getEndTime() == null) {
      List<String> active;
      try {
        active = runtimeService.getActiveActivityIds(instance.getId());
      } catch (ProcessEngineException endedMeanwhile) {
        active = List.of();
      }
      status = InvitationStatus.ofRunning(active, request(row).adminAccess());
      List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).list();
      if (!incidents.isEmpty()) {
        return item(row, BulkRowStatus.FAILED, status, "Incident at " + incidents.get(0).getActivityId() + ": "
            + incidents.get(0).getIncidentMessage(), List.of());
      }
    } else {
      status = InvitationStatus.ofEnded(instance.getEndActivityId());
    }
    return item(row, BulkRowStatus.of(status), status, null, List.of());
  }

  private static BulkUploadView.Item item(StoredRow row, BulkRowStatus status, InvitationStatus invitationStatus,
      String detail, List<BulkRowError> errors) {
    return new BulkUploadView.Item(row.row(), row.companyName(), row.customerDomain(), status, row.processInstanceId(),
        invitationStatus == null ? null : invitationStatus.name(), detail, errors, row.onboardingId(),
        row.onboardingFailure());
  }

  private InvitationRequest request(StoredRow row) {
    try {
      return objectMapper.readValue(row.requestJson(), InvitationRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored bulk row " + row.uploadId() + "/" + row.row() + " unreadable", e);
    }
  }

  private List<BulkRowError> errors(StoredRow row) {
    try {
      return row.errorsJson() == null ? List.of() : objectMapper.readValue(row.errorsJson(), ERRORS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored errors of bulk row " + row.uploadId() + "/" + row.row() + " unreadable", e);
    }
  }
}
