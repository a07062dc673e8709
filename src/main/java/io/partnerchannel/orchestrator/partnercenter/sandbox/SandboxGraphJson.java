package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationshipRequest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The sandbox's own JSON of the Graph GDAP resources, property by property as the Graph pages document them
 * (delegatedAdminRelationship, delegatedAdminRelationshipRequest, delegatedAdminAccessAssignment): the
 * client's data classes are only the sandbox's in-memory model, never its wire format, so a wrong property
 * name in the client cannot pass both sides. Unset properties are written as {@code null}, as Graph does.
 */
final class SandboxGraphJson {

  private final ObjectMapper objectMapper;

  SandboxGraphJson(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  /**
   * @param body a create-relationship body ({@code displayName, duration, customer?, accessDetails,
   *     autoExtendDuration?}), may be null
   * @return the requested relationship, or null without a body
   * @throws GraphApiException 400 when a property has the wrong JSON type
   */
  DelegatedAdminRelationship relationship(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      return null;
    }
    object(body, "the request body");
    JsonNode customer = body.get("customer");
    DelegatedAdminRelationship.CustomerParticipant participant = customer == null || customer.isNull() ? null
        : new DelegatedAdminRelationship.CustomerParticipant(
            text(object(customer, "customer"), "tenantId"), text(customer, "displayName"));
    return new DelegatedAdminRelationship(null, text(body, "displayName"), text(body, "duration"), participant,
        accessDetails(body.get("accessDetails")), text(body, "autoExtendDuration"), null, null, null, null);
  }

  /**
   * @param body {@code {"action": "lockForApproval" | ...}}, may be null
   * @return the action, or null when none is given
   * @throws GraphApiException 400 for an action Graph does not define
   */
  DelegatedAdminRelationshipRequest.Action action(JsonNode body) {
    String action = body == null || body.isNull() ? null : text(object(body, "the request body"), "action");
    if (action == null) {
      return null;
    }
    try {
      return DelegatedAdminRelationshipRequest.Action.valueOf(action);
    } catch (IllegalArgumentException e) {
      throw badRequest("action must be lockForApproval, approve, terminate or reject, not " + action + ".");
    }
  }

  /**
   * @param body {@code {"accessContainer": {"accessContainerId", "accessContainerType"}, "accessDetails"}}
   * @return the requested assignment, or null without a body
   */
  DelegatedAdminAccessAssignment assignment(JsonNode body) {
    if (body == null || body.isNull()) {
      return null;
    }
    object(body, "the request body");
    JsonNode container = body.get("accessContainer");
    DelegatedAdminAccessAssignment.AccessContainer accessContainer = container == null || container.isNull() ? null
        : new DelegatedAdminAccessAssignment.AccessContainer(
            text(object(container, "accessContainer"), "accessContainerId"), text(container, "accessContainerType"));
    return new DelegatedAdminAccessAssignment(null, accessContainer, accessDetails(body.get("accessDetails")), null, null);
  }

  /** A {@code delegatedAdminRelationship}'s properties, unset ones {@code null}. */
  ObjectNode write(DelegatedAdminRelationship relationship, OffsetDateTime lastModifiedDateTime) {
    ObjectNode node = objectMapper.createObjectNode();
    node.put("id", relationship.id());
    node.put("displayName", relationship.displayName());
    node.put("duration", relationship.duration());
    if (relationship.customer() == null) {
      node.putNull("customer");
    } else {
      node.putObject("customer")
          .put("tenantId", relationship.customer().tenantId())
          .put("displayName", relationship.customer().displayName());
    }
    node.set("accessDetails", write(relationship.accessDetails()));
    node.put("status", relationship.status());
    node.put("autoExtendDuration", relationship.autoExtendDuration());
    node.put("createdDateTime", text(relationship.createdDateTime()));
    node.put("lastModifiedDateTime", text(lastModifiedDateTime));
    node.put("activatedDateTime", text(relationship.activatedDateTime()));
    node.put("endDateTime", text(relationship.endDateTime()));
    return node;
  }

  /** A {@code delegatedAdminRelationshipRequest}'s properties. */
  ObjectNode write(DelegatedAdminRelationshipRequest request) {
    ObjectNode node = objectMapper.createObjectNode();
    node.put("id", request.id());
    node.put("action", request.action() == null ? null : request.action().name());
    node.put("status", request.status());
    node.put("createdDateTime", text(request.createdDateTime()));
    node.put("lastModifiedDateTime", text(request.createdDateTime()));
    return node;
  }

  /** A {@code delegatedAdminAccessAssignment}'s properties. */
  ObjectNode write(DelegatedAdminAccessAssignment assignment) {
    ObjectNode node = objectMapper.createObjectNode();
    node.put("id", assignment.id());
    node.put("status", assignment.status());
    node.put("createdDateTime", text(assignment.createdDateTime()));
    node.put("lastModifiedDateTime", text(assignment.createdDateTime()));
    if (assignment.accessContainer() == null) {
      node.putNull("accessContainer");
    } else {
      node.putObject("accessContainer")
          .put("accessContainerId", assignment.accessContainer().accessContainerId())
          .put("accessContainerType", assignment.accessContainer().accessContainerType());
    }
    node.set("accessDetails", write(assignment.accessDetails()));
    return node;
  }

  private ObjectNode write(DelegatedAdminRelationship.AccessDetails details) {
    ObjectNode node = objectMapper.createObjectNode();
    ArrayNode roles = node.putArray("unifiedRoles");
    if (details != null && details.unifiedRoles() != null) {
      details.unifiedRoles().forEach(role -> roles.addObject().put("roleDefinitionId", role.roleDefinitionId()));
    }
    return node;
  }

  private static DelegatedAdminRelationship.AccessDetails accessDetails(JsonNode details) {
    if (details == null || details.isNull()) {
      return null;
    }
    JsonNode roles = object(details, "accessDetails").get("unifiedRoles");
    if (roles == null || roles.isNull()) {
      return new DelegatedAdminRelationship.AccessDetails(null);
    }
    if (!roles.isArray()) {
      throw badRequest("accessDetails.unifiedRoles must be an array.");
    }
    List<DelegatedAdminRelationship.UnifiedRole> unifiedRoles = new ArrayList<>();
    for (JsonNode role : roles) {
      unifiedRoles.add(new DelegatedAdminRelationship.UnifiedRole(
          text(object(role, "accessDetails.unifiedRoles[]"), "roleDefinitionId")));
    }
    return new DelegatedAdminRelationship.AccessDetails(unifiedRoles);
  }

  private static JsonNode object(JsonNode node, String what) {
    if (!node.isObject()) {
      throw badRequest(what + " must be a JSON object.");
    }
    return node;
  }

  private static String text(JsonNode node, String property) {
    JsonNode value = node.get(property);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw badRequest(property + " must be a string.");
    }
    return value.asText();
  }

  private static String text(OffsetDateTime time) {
    return time == null ? null : time.toString();
  }

  private static GraphApiException badRequest(String message) {
    return new GraphApiException(HttpStatus.BAD_REQUEST, GraphApiException.BAD_REQUEST, message);
  }
}
