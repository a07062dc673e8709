package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationshipRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The sandbox's Microsoft Graph GDAP API ({@code /sandbox/graph/v1.0/tenantRelationships/delegatedAdminRelationships},
 * G1–G4) with Graph's JSON shapes ({@code @odata.type}, {@code value} collections) and error bodies. The
 * calling partner is identified from {@code Authorization: Bearer <partner tenant id>}.
 */
@RestController
@RequestMapping("/sandbox/graph/v1.0/tenantRelationships/delegatedAdminRelationships")
@SandboxConfiguration
class SandboxGraphController {

  private static final String METADATA = "https://graph.microsoft.com/v1.0/$metadata#";

  private final SandboxGdap gdap;
  private final SandboxCallers callers;
  private final ObjectMapper objectMapper;
  private final SandboxGraphJson json;

  /**
   * @param gdap GDAP rules
   * @param callers identifies the calling partner
   * @param objectMapper JSON mapper
   */
  public SandboxGraphController(SandboxGdap gdap, SandboxCallers callers, ObjectMapper objectMapper) {
    this.gdap = gdap;
    this.callers = callers;
    this.objectMapper = objectMapper;
    this.json = new SandboxGraphJson(objectMapper);
  }

  /**
   * Create a delegatedAdminRelationship (G2).
   *
   * @param authorization bearer token
   * @param relationship displayName, duration, customer, accessDetails, autoExtendDuration
   * @return 201 with {@code Location} and the relationship in status {@code created}; 400 when R29/R30 is broken
   */
  @PostMapping
  public ResponseEntity<ObjectNode> create(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestBody(required = false) JsonNode relationship) {
    SandboxPartner caller = callers.graphCaller(authorization);
    SandboxGdapRepository.StoredRelationship created = gdap.create(caller, json.relationship(relationship));
    URI location = ServletUriComponentsBuilder.fromCurrentRequest()
        .path("/{id}").buildAndExpand(created.relationship().id()).toUri();
    return ResponseEntity.created(location).body(relationship(created, "tenantRelationships/delegatedAdminRelationships/$entity"));
  }

  /**
   * List delegatedAdminRelationships.
   *
   * @param authorization bearer token
   * @param filter e.g. {@code displayName eq 'Adatum GDAP'} or {@code status eq 'active'}
   * @return {@code {"@odata.context", "value": [...]}}
   */
  @GetMapping
  public ObjectNode list(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestParam(name = "$filter", required = false) String filter) {
    SandboxPartner caller = callers.graphCaller(authorization);
    ObjectNode collection = objectMapper.createObjectNode();
    collection.put("@odata.context", METADATA + "tenantRelationships/delegatedAdminRelationships");
    collection.putArray("value").addAll(gdap.list(caller, filter).stream().map(r -> relationship(r, null)).toList());
    return collection;
  }

  /**
   * Get a delegatedAdminRelationship.
   *
   * @param authorization bearer token
   * @param id relationship id
   * @return the relationship; 404 when the partner has none with that id
   */
  @GetMapping("/{id}")
  public ObjectNode get(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String id) {
    SandboxPartner caller = callers.graphCaller(authorization);
    return relationship(gdap.get(caller, id), "tenantRelationships/delegatedAdminRelationships/$entity");
  }

  /**
   * Update a delegatedAdminRelationship (delegatedadminrelationship-update): the sandbox accepts
   * {@code autoExtendDuration} only, with the {@code If-Match} the page requires.
   *
   * @param authorization bearer token
   * @param ifMatch the relationship's {@code @odata.etag} as last read
   * @param id relationship id
   * @param update {@code {"autoExtendDuration": "P180D"}}
   * @return 200 with the updated relationship; 400 other properties, status or Global Administrator (R30),
   *     412 when {@code If-Match} is missing or not the current etag, 404 unknown relationship
   */
  @PatchMapping("/{id}")
  public ObjectNode update(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @PathVariable String id,
      @RequestBody(required = false) JsonNode update) {
    SandboxPartner caller = callers.graphCaller(authorization);
    SandboxGdapRepository.StoredRelationship current = gdap.get(caller, id);
    String etag = etag(id, current.lastModifiedDateTime().toString());
    if (!etag.equals(ifMatch)) {
      throw new GraphApiException(HttpStatus.PRECONDITION_FAILED, "PreconditionFailed",
          "If-Match must carry the relationship's current @odata.etag " + etag + ".");
    }
    if (update == null || !update.isObject() || update.size() != 1 || !update.path("autoExtendDuration").isTextual()) {
      throw new GraphApiException(HttpStatus.BAD_REQUEST, GraphApiException.BAD_REQUEST,
          "The sandbox updates autoExtendDuration only: send {\"autoExtendDuration\": \"P180D\"}.");
    }
    return relationship(gdap.updateAutoExtendDuration(caller, id, update.path("autoExtendDuration").asText()),
        "tenantRelationships/delegatedAdminRelationships/$entity");
  }

  /**
   * Create a delegatedAdminRelationshipRequest (G3), e.g. {@code {"action": "lockForApproval"}}.
   *
   * @param authorization bearer token
   * @param id relationship id
   * @param request the action
   * @return 201 with the request
   */
  @PostMapping("/{id}/requests")
  public ResponseEntity<ObjectNode> request(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String id,
      @RequestBody(required = false) JsonNode request) {
    SandboxPartner caller = callers.graphCaller(authorization);
    DelegatedAdminRelationshipRequest created = gdap.request(caller, id, json.action(request));
    ObjectNode body = entity("#microsoft.graph.delegatedAdminRelationshipRequest",
        "tenantRelationships/delegatedAdminRelationships('" + id + "')/requests/$entity", json.write(created));
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{rid}").buildAndExpand(created.id()).toUri();
    return ResponseEntity.created(location).body(body);
  }

  /**
   * List access assignments (G4).
   *
   * @param authorization bearer token
   * @param id relationship id
   * @return {@code {"@odata.context", "value": [...]}}
   */
  @GetMapping("/{id}/accessAssignments")
  public ObjectNode accessAssignments(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String id) {
    SandboxPartner caller = callers.graphCaller(authorization);
    List<DelegatedAdminAccessAssignment> assignments = gdap.accessAssignments(caller, id);
    ObjectNode collection = objectMapper.createObjectNode();
    collection.put("@odata.context", METADATA + "tenantRelationships/delegatedAdminRelationships('" + id + "')/accessAssignments");
    collection.putArray("value").addAll(assignments.stream()
        .map(a -> {
          ObjectNode node = entity("#microsoft.graph.delegatedAdminAccessAssignment", null, json.write(a));
          node.put("@odata.etag", etag(a.id(), String.valueOf(a.createdDateTime())));
          return node;
        }).toList());
    return collection;
  }

  /**
   * Create an access assignment (G4) on an approved or active relationship.
   *
   * @param authorization bearer token
   * @param id relationship id
   * @param assignment security group and roles
   * @return 201 with the assignment, status {@code pending}
   */
  @PostMapping("/{id}/accessAssignments")
  public ResponseEntity<ObjectNode> createAccessAssignment(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      @PathVariable String id,
      @RequestBody(required = false) JsonNode assignment) {
    SandboxPartner caller = callers.graphCaller(authorization);
    DelegatedAdminAccessAssignment created = gdap.createAccessAssignment(caller, id, json.assignment(assignment));
    ObjectNode body = entity("#microsoft.graph.delegatedAdminAccessAssignment",
        "tenantRelationships/delegatedAdminRelationships('" + id + "')/accessAssignments/$entity", json.write(created));
    body.put("@odata.etag", etag(created.id(), created.createdDateTime().toString()));
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{aid}").buildAndExpand(created.id()).toUri();
    return ResponseEntity.created(location).body(body);
  }

  /**
   * A {@code delegatedAdminRelationship} as Graph writes it (tenantrelationship-post-delegatedadminrelationships,
   * delegatedadminrelationship-get): {@code @odata.etag}, and every property present, {@code null} when unset.
   */
  private ObjectNode relationship(SandboxGdapRepository.StoredRelationship stored, String context) {
    ObjectNode node = entity("#microsoft.graph.delegatedAdminRelationship", context,
        json.write(stored.relationship(), stored.lastModifiedDateTime()));
    node.put("@odata.etag", etag(stored.relationship().id(), stored.lastModifiedDateTime().toString()));
    return node;
  }

  /** A weak entity tag of one version of a resource, {@code W/"..."} as Graph writes it. */
  private static String etag(String id, String version) {
    return "W/\"" + Base64.getEncoder().encodeToString((id + "@" + version).getBytes(StandardCharsets.UTF_8)) + "\"";
  }

  /** A Graph entity: {@code @odata.type} (and {@code @odata.context} at top level) before its properties. */
  private ObjectNode entity(String odataType, String context, ObjectNode properties) {
    ObjectNode node = objectMapper.createObjectNode();
    node.put("@odata.type", odataType);
    if (context != null) {
      node.put("@odata.context", METADATA + context);
    }
    node.setAll(properties);
    return node;
  }
}
