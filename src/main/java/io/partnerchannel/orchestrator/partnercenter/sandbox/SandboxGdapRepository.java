package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.AccessDetails;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.CustomerParticipant;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationshipRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sandbox's Microsoft Graph GDAP resources: {@code delegatedAdminRelationship}s, their requests and
 * access assignments ({@code sbx_gdap_*}).
 */
@Repository
@SandboxConfiguration
class SandboxGdapRepository {

  private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper objectMapper;

  /**
   * @param jdbc JDBC access
   * @param objectMapper JSON mapper for the stored role lists
   */
  public SandboxGdapRepository(@SandboxDatabase JdbcClient jdbc, ObjectMapper objectMapper) {
    this.jdbc = jdbc;
    this.objectMapper = objectMapper;
  }

  /**
   * @param id relationship id
   * @return the relationship with its owning partner, or empty
   */
  public Optional<StoredRelationship> relationship(String id) {
    return jdbc.sql("select * from sbx_gdap_relationship where id = ?").param(id).query(this::stored).optional();
  }

  /**
   * @param partnerId partner
   * @return the partner's relationships, oldest first
   */
  public List<StoredRelationship> relationshipsOf(String partnerId) {
    return jdbc.sql("select * from sbx_gdap_relationship where partner_id = ? order by created_date_time, id")
        .param(partnerId)
        .query(this::stored)
        .list();
  }

  /**
   * @param partnerId partner
   * @param displayName display name, compared exactly
   * @return whether the partner already has a relationship with that name
   */
  public boolean displayNameTaken(String partnerId, String displayName) {
    return jdbc.sql("select count(*) from sbx_gdap_relationship where partner_id = ? and display_name = ?")
        .params(partnerId, displayName)
        .query(Long.class)
        .single() > 0;
  }

  /**
   * @param partnerId the owning partner
   * @param relationship the relationship to store, all fields set
   * @param lastModified last modification time
   */
  public void insert(String partnerId, DelegatedAdminRelationship relationship, OffsetDateTime lastModified) {
    jdbc.sql(
            """
            insert into sbx_gdap_relationship (id, partner_id, display_name, duration, customer_tenant_id,
                customer_display_name, unified_roles, auto_extend_duration, status, created_date_time,
                last_modified_date_time, activated_date_time, end_date_time)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            relationship.id(),
            partnerId,
            relationship.displayName(),
            relationship.duration(),
            relationship.customer() == null ? null : relationship.customer().tenantId(),
            relationship.customer() == null ? null : relationship.customer().displayName(),
            json(roleIds(relationship.accessDetails())),
            relationship.autoExtendDuration(),
            relationship.status(),
            relationship.createdDateTime(),
            lastModified,
            relationship.activatedDateTime(),
            relationship.endDateTime())
        .update();
  }

  /**
   * Stores a relationship's new status, customer and activation dates.
   *
   * @param relationship the relationship's new state
   * @param lastModified last modification time
   */
  public void update(DelegatedAdminRelationship relationship, OffsetDateTime lastModified) {
    jdbc.sql(
            """
            update sbx_gdap_relationship
               set status = ?, customer_tenant_id = ?, customer_display_name = ?, activated_date_time = ?,
                   end_date_time = ?, last_modified_date_time = ?
             where id = ?""")
        .params(
            relationship.status(),
            relationship.customer() == null ? null : relationship.customer().tenantId(),
            relationship.customer() == null ? null : relationship.customer().displayName(),
            relationship.activatedDateTime(),
            relationship.endDateTime(),
            lastModified,
            relationship.id())
        .update();
  }

  /**
   * Stores a relationship's new {@code autoExtendDuration}.
   *
   * @param relationshipId the relationship
   * @param autoExtendDuration {@code PT0S}, {@code P0D} or {@code P180D}
   * @param lastModified last modification time
   */
  public void updateAutoExtendDuration(String relationshipId, String autoExtendDuration, OffsetDateTime lastModified) {
    jdbc.sql("update sbx_gdap_relationship set auto_extend_duration = ?, last_modified_date_time = ? where id = ?")
        .params(autoExtendDuration, lastModified, relationshipId)
        .update();
  }

  /**
   * @param relationshipId the relationship
   * @param request the request to store
   * @param status the stored status
   */
  public void insertRequest(String relationshipId, DelegatedAdminRelationshipRequest request, String status) {
    jdbc.sql(
            """
            insert into sbx_gdap_request (id, relationship_id, action, status, created_date_time,
                                          last_modified_date_time)
            values (?, ?, ?, ?, ?, ?)""")
        .params(
            request.id(),
            relationshipId,
            request.action().name(),
            status,
            request.createdDateTime(),
            request.createdDateTime())
        .update();
  }

  /**
   * @param relationshipId the relationship
   * @return its access assignments, oldest first
   */
  public List<DelegatedAdminAccessAssignment> accessAssignments(String relationshipId) {
    return jdbc.sql(
            "select * from sbx_gdap_access_assignment where relationship_id = ? order by created_date_time, id")
        .param(relationshipId)
        .query(this::assignment)
        .list();
  }

  /**
   * @param relationshipId the relationship
   * @param assignment the assignment to store, all fields set
   */
  public void insertAccessAssignment(String relationshipId, DelegatedAdminAccessAssignment assignment) {
    jdbc.sql(
            """
            insert into sbx_gdap_access_assignment (id, relationship_id, access_container_id,
                access_container_type, unified_roles, status, created_date_time, last_modified_date_time)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            assignment.id(),
            relationshipId,
            assignment.accessContainer().accessContainerId(),
            assignment.accessContainer().accessContainerType(),
            json(roleIds(assignment.accessDetails())),
            assignment.status(),
            assignment.createdDateTime(),
            assignment.createdDateTime())
        .update();
  }

  /**
   * @param id assignment id
   * @param status new status
   * @param at modification time
   */
  public void updateAccessAssignmentStatus(String id, String status, OffsetDateTime at) {
    jdbc.sql("update sbx_gdap_access_assignment set status = ?, last_modified_date_time = ? where id = ?")
        .params(status, at, id)
        .update();
  }

  private StoredRelationship stored(ResultSet rs, int row) throws SQLException {
    String customerTenantId = rs.getString("customer_tenant_id");
    DelegatedAdminRelationship relationship =
        new DelegatedAdminRelationship(
            rs.getString("id"),
            rs.getString("display_name"),
            rs.getString("duration"),
            customerTenantId == null
                ? null
                : new CustomerParticipant(customerTenantId, rs.getString("customer_display_name")),
            accessDetails(rs.getString("unified_roles")),
            rs.getString("auto_extend_duration"),
            rs.getString("status"),
            rs.getObject("created_date_time", OffsetDateTime.class),
            rs.getObject("activated_date_time", OffsetDateTime.class),
            rs.getObject("end_date_time", OffsetDateTime.class));
    return new StoredRelationship(
        rs.getString("partner_id"), relationship, rs.getObject("last_modified_date_time", OffsetDateTime.class));
  }

  private DelegatedAdminAccessAssignment assignment(ResultSet rs, int row) throws SQLException {
    return new DelegatedAdminAccessAssignment(
        rs.getString("id"),
        new DelegatedAdminAccessAssignment.AccessContainer(
            rs.getString("access_container_id"), rs.getString("access_container_type")),
        accessDetails(rs.getString("unified_roles")),
        rs.getString("status"),
        rs.getObject("created_date_time", OffsetDateTime.class));
  }

  private AccessDetails accessDetails(String roleIdsJson) {
    try {
      return new AccessDetails(
          objectMapper.readValue(roleIdsJson, STRING_LIST).stream().map(UnifiedRole::new).toList());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable GDAP roles " + roleIdsJson, e);
    }
  }

  private static List<String> roleIds(AccessDetails accessDetails) {
    return accessDetails.unifiedRoles().stream().map(UnifiedRole::roleDefinitionId).toList();
  }

  private String json(Object value) {
    try {
      return objectMapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
    }
  }

  /**
   * A stored relationship.
   *
   * @param partnerId the partner that created it
   * @param relationship the Graph resource
   * @param lastModifiedDateTime last modification time
   */
  public record StoredRelationship(
      String partnerId, DelegatedAdminRelationship relationship, OffsetDateTime lastModifiedDateTime) {}
}
