package io.partnerchannel.orchestrator.partnercenter.sandbox;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminAccessAssignment;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.AccessDetails;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.CustomerParticipant;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationshipRequest;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The GDAP rules of the sandbox (Microsoft Graph {@code delegatedAdminRelationship}, G1–G6): creation
 * with validation (R29, R30), {@code lockForApproval}, approval by the customer's Global Administrator
 * (raising {@code granular-admin-relationship-approved}), access assignments once active (R32), auto-extension
 * (refused with Global Administrator, R30), termination and expiry (raising {@code granular-admin-relationship-terminated}
 * / {@code -expired}).
 */
@Service
@SandboxConfiguration
public class SandboxGdap {

  /** Entra role definition id of Global Administrator. */
  public static final String GLOBAL_ADMINISTRATOR_ROLE = "62e90394-69f5-4237-9190-012177145e10";
  private static final String STATUS_TERMINATED = "terminated";
  private static final String STATUS_EXPIRED = "expired";
  private static final List<String> ACCESS_ASSIGNMENT_STATUSES =
      List.of("pending", "active", "deleting", "deleted", "error");
  private static final int MAX_DISPLAY_NAME = 50;
  private static final int MAX_DURATION_DAYS = 730;
  private static final Set<String> AUTO_EXTEND_DURATIONS = Set.of("PT0S", "P0D", "P180D");
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern FILTER_CLAUSE =
      Pattern.compile("\\s*(displayName|status|customer/tenantId)\\s+eq\\s+'((?:[^']|'')*)'\\s*", Pattern.CASE_INSENSITIVE);

  private final SandboxGdapRepository repository;
  private final SandboxDirectory directory;
  private final SandboxEventQueue events;

  /**
   * @param repository GDAP tables
   * @param directory the sandbox world
   * @param events the webhook delivery queue
   */
  public SandboxGdap(SandboxGdapRepository repository, SandboxDirectory directory, SandboxEventQueue events) {
    this.repository = repository;
    this.directory = directory;
    this.events = events;
  }

  /**
   * {@code POST /tenantRelationships/delegatedAdminRelationships} (G2).
   *
   * @param partner the calling partner
   * @param request displayName (≤ 50, unique per partner), duration ({@code P1D}..{@code P2Y}), optional
   *     customer, roles, optional autoExtendDuration ({@code PT0S}, {@code P0D}, {@code P180D}; not with the
   *     Global Administrator role)
   * @return the stored relationship, status {@code created}
   * @throws GraphApiException 400 when a rule is broken
   */
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public SandboxGdapRepository.StoredRelationship create(SandboxPartner partner, DelegatedAdminRelationship request) {
    if (request == null) {
      throw badRequest("The request body must be a delegatedAdminRelationship.");
    }
    String displayName = request.displayName();
    if (displayName == null || displayName.isBlank()) {
      throw badRequest("displayName is required.");
    }
    if (displayName.length() > MAX_DISPLAY_NAME) {
      throw badRequest("displayName must be at most 50 characters long.");
    }
    if (repository.displayNameTaken(partner.id(), displayName)) {
      throw badRequest("displayName '" + displayName + "' is already used by another delegated admin relationship of the partner.");
    }
    duration(request.duration());
    List<String> roles = roleIds(request.accessDetails());
    String autoExtend = request.autoExtendDuration() == null ? "PT0S" : request.autoExtendDuration();
    if (!AUTO_EXTEND_DURATIONS.contains(autoExtend)) {
      throw badRequest("autoExtendDuration must be PT0S, P0D or P180D.");
    }
    if ("P180D".equals(autoExtend) && roles.contains(GLOBAL_ADMINISTRATOR_ROLE)) {
      throw badRequest("autoExtendDuration cannot be set for a relationship that includes the Global Administrator role.");
    }
    CustomerParticipant customer = null;
    if (request.customer() != null && request.customer().tenantId() != null) {
      SandboxTenant tenant = directory.tenant(request.customer().tenantId())
          .orElseThrow(() -> badRequest("customer.tenantId " + request.customer().tenantId() + " is not a known tenant."));
      if (tenant.id().equals(partner.id())) {
        throw badRequest("A partner cannot create a delegated admin relationship with its own tenant.");
      }
      String name = request.customer().displayName() == null ? tenant.companyName() : request.customer().displayName();
      customer = new CustomerParticipant(tenant.id(), name);
    }
    OffsetDateTime now = now();
    String id = (customer == null ? UUID.randomUUID().toString() : customer.tenantId()) + "-" + UUID.randomUUID();
    DelegatedAdminRelationship relationship = new DelegatedAdminRelationship(
        id, displayName, request.duration(),
        customer, new AccessDetails(roles.stream().map(UnifiedRole::new).toList()), autoExtend,
        DelegatedAdminRelationship.STATUS_CREATED, now, null, null);
    repository.insert(partner.id(), relationship, now);
    return new SandboxGdapRepository.StoredRelationship(partner.id(), relationship, now);
  }

  /**
   * {@code GET /tenantRelationships/delegatedAdminRelationships[?$filter=...]}.
   *
   * @param partner the calling partner
   * @param filter OData filter of {@code displayName}, {@code status} and {@code customer/tenantId}
   *     {@code eq '...'} clauses joined by {@code and}; null for all
   * @return the partner's matching relationships
   * @throws GraphApiException 400 for an unsupported filter
   */
  @Transactional(transactionManager = SandboxDatabase.TRANSACTION_MANAGER, readOnly = true)
  public List<SandboxGdapRepository.StoredRelationship> list(SandboxPartner partner, String filter) {
    Predicate<DelegatedAdminRelationship> matches = filter(filter);
    return repository.relationshipsOf(partner.id()).stream()
        .filter(stored -> matches.test(stored.relationship()))
        .toList();
  }

  /**
   * @param partner the calling partner
   * @param id relationship id
   * @return the partner's relationship
   * @throws GraphApiException 404 when the partner has no relationship with that id
   */
  @Transactional(transactionManager = SandboxDatabase.TRANSACTION_MANAGER, readOnly = true)
  public SandboxGdapRepository.StoredRelationship get(SandboxPartner partner, String id) {
    return repository.relationship(id)
        .filter(stored -> stored.partnerId().equals(partner.id()))
        .orElseThrow(() -> new GraphApiException(HttpStatus.NOT_FOUND, GraphApiException.NOT_FOUND,
            "Delegated admin relationship " + id + " was not found."));
  }

  /**
   * {@code POST .../delegatedAdminRelationships/{id}/requests} (G3): {@code lockForApproval} moves a
   * {@code created} relationship to {@code approvalPending}; {@code terminate} ends an active one.
   *
   * @param partner the calling partner
   * @param id relationship id
   * @param action the action
   * @return the request as created ({@code status: created}); the sandbox carries it out at once
   * @throws GraphApiException 404 for an unknown relationship, 400 when the action does not fit its status
   */
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public DelegatedAdminRelationshipRequest request(
      SandboxPartner partner, String id, DelegatedAdminRelationshipRequest.Action action) {
    if (action == null) {
      throw badRequest("action is required: lockForApproval or terminate.");
    }
    DelegatedAdminRelationship relationship = get(partner, id).relationship();
    String next = switch (action) {
      case lockForApproval -> {
        if (!DelegatedAdminRelationship.STATUS_CREATED.equals(relationship.status())) {
          throw badRequest("lockForApproval needs a relationship in status created; it is " + relationship.status() + ".");
        }
        yield DelegatedAdminRelationship.STATUS_APPROVAL_PENDING;
      }
      case terminate -> {
        if (!Set.of(DelegatedAdminRelationship.STATUS_ACTIVE, DelegatedAdminRelationship.STATUS_APPROVED)
            .contains(relationship.status())) {
          throw badRequest("terminate needs an approved or active relationship; it is " + relationship.status() + ".");
        }
        yield STATUS_TERMINATED;
      }
      case approve, reject -> throw badRequest("The partner can only request lockForApproval or terminate.");
    };
    OffsetDateTime now = now();
    repository.update(withStatus(relationship, next, relationship.customer(), relationship.activatedDateTime(),
        relationship.endDateTime()), now);
    DelegatedAdminRelationshipRequest request =
        new DelegatedAdminRelationshipRequest(UUID.randomUUID().toString(), action, "created", now);
    repository.insertRequest(id, request, "succeeded");
    if (action == DelegatedAdminRelationshipRequest.Action.terminate) {
      events.enqueue(SandboxEvent.GRANULAR_ADMIN_RELATIONSHIP_TERMINATED,
          SandboxEvent.granularAdminRelationshipUri(id), SandboxEvent.GRANULAR_ADMIN_RELATIONSHIP);
    }
    return request;
  }

  /**
   * {@code PATCH /tenantRelationships/delegatedAdminRelationships/{id}} with {@code autoExtendDuration}
   * (delegatedadminrelationship-update): allowed while the relationship is {@code created} or {@code active};
   * {@code P180D} is refused when the relationship includes the Global Administrator role (R30).
   *
   * @param partner the calling partner
   * @param id relationship id
   * @param autoExtendDuration {@code PT0S}, {@code P0D} or {@code P180D}
   * @return the updated relationship
   * @throws GraphApiException 404 unknown relationship, 400 other status, value or Global Administrator
   */
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public SandboxGdapRepository.StoredRelationship updateAutoExtendDuration(
      SandboxPartner partner, String id, String autoExtendDuration) {
    DelegatedAdminRelationship relationship = get(partner, id).relationship();
    if (autoExtendDuration == null || !AUTO_EXTEND_DURATIONS.contains(autoExtendDuration)) {
      throw badRequest("autoExtendDuration must be PT0S, P0D or P180D.");
    }
    if (!Set.of(DelegatedAdminRelationship.STATUS_CREATED, DelegatedAdminRelationship.STATUS_ACTIVE)
        .contains(relationship.status())) {
      throw badRequest("autoExtendDuration can be updated only while the relationship is created or active; it is "
          + relationship.status() + ".");
    }
    if ("P180D".equals(autoExtendDuration) && roleIds(relationship.accessDetails()).contains(GLOBAL_ADMINISTRATOR_ROLE)) {
      throw badRequest("autoExtendDuration cannot be set for a relationship that includes the Global Administrator role.");
    }
    OffsetDateTime now = now();
    repository.updateAutoExtendDuration(id, autoExtendDuration, now);
    return get(partner, id);
  }

  /**
   * The customer's Global Administrator terminates an active relationship in the admin center ("Terminate
   * relationship", G8): it becomes {@code terminated} and {@code granular-admin-relationship-terminated} is queued.
   * Terminating a terminated relationship again changes nothing and raises no second event.
   *
   * @param relationshipId relationship id
   * @param userPrincipalName the terminating user
   * @return the relationship after termination
   * @throws AdminCenterRefusal 404 unknown relationship or user, 403 not a Global Administrator of the
   *     customer, 409 relationship not active
   */
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public SandboxGdapRepository.StoredRelationship terminateByCustomer(String relationshipId, String userPrincipalName) {
    SandboxGdapRepository.StoredRelationship stored = existing(relationshipId);
    SandboxUser user = directory.user(userPrincipalName)
        .orElseThrow(() -> new AdminCenterRefusal(HttpStatus.NOT_FOUND, "Unknown user",
            "There is no user " + userPrincipalName + "."));
    DelegatedAdminRelationship relationship = stored.relationship();
    if (relationship.customer() == null || !relationship.customer().tenantId().equals(user.tenantId())
        || !user.isGlobalAdministrator()) {
      throw new AdminCenterRefusal(HttpStatus.FORBIDDEN, "Not a Global Administrator of the customer",
          "Only a Global Administrator of the relationship's customer can terminate it.");
    }
    if (STATUS_TERMINATED.equals(relationship.status())) {
      return stored;
    }
    if (!DelegatedAdminRelationship.STATUS_ACTIVE.equals(relationship.status())) {
      throw new AdminCenterRefusal(HttpStatus.CONFLICT, "Not active",
          "This admin relationship is " + relationship.status() + " and cannot be terminated.");
    }
    OffsetDateTime now = now();
    DelegatedAdminRelationship terminated = withStatus(relationship, STATUS_TERMINATED, relationship.customer(),
        relationship.activatedDateTime(), relationship.endDateTime());
    repository.update(terminated, now);
    events.enqueue(SandboxEvent.GRANULAR_ADMIN_RELATIONSHIP_TERMINATED,
        SandboxEvent.granularAdminRelationshipUri(relationshipId), SandboxEvent.GRANULAR_ADMIN_RELATIONSHIP);
    return new SandboxGdapRepository.StoredRelationship(stored.partnerId(), terminated, now);
  }

  /**
   * Microsoft's clock reaches an active relationship's {@code endDateTime} (expiring-gdap-relationships-and-auto-extend-gdap):
   * with {@code autoExtendDuration} {@code P180D} it stays {@code active} and its end moves by 180 days; otherwise
   * it becomes {@code expired} and {@code granular-admin-relationship-expired} is queued.
   *
   * @param relationshipId relationship id
   * @return the relationship afterwards
   * @throws AdminCenterRefusal 404 unknown relationship, 409 relationship not active
   */
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public SandboxGdapRepository.StoredRelationship reachEndDate(String relationshipId) {
    SandboxGdapRepository.StoredRelationship stored = existing(relationshipId);
    DelegatedAdminRelationship relationship = stored.relationship();
    if (!DelegatedAdminRelationship.STATUS_ACTIVE.equals(relationship.status())) {
      throw new AdminCenterRefusal(HttpStatus.CONFLICT, "Not active",
          "This admin relationship is " + relationship.status() + "; only an active one reaches its end date.");
    }
    OffsetDateTime now = now();
    boolean extends180 = "P180D".equals(relationship.autoExtendDuration());
    DelegatedAdminRelationship next = extends180
        ? withStatus(relationship, relationship.status(), relationship.customer(), relationship.activatedDateTime(),
            relationship.endDateTime().plusDays(180))
        : withStatus(relationship, STATUS_EXPIRED, relationship.customer(), relationship.activatedDateTime(),
            relationship.endDateTime());
    repository.update(next, now);
    if (!extends180) {
      events.enqueue(SandboxEvent.GRANULAR_ADMIN_RELATIONSHIP_EXPIRED,
          SandboxEvent.granularAdminRelationshipUri(relationshipId), SandboxEvent.GRANULAR_ADMIN_RELATIONSHIP);
    }
    return new SandboxGdapRepository.StoredRelationship(stored.partnerId(), next, now);
  }

  /**
   * Microsoft's provisioning of an access assignment ends with a status other than {@code active}
   * (delegatedadminaccessassignment: {@code pending}, {@code active}, {@code deleting}, {@code deleted},
   * {@code error}), e.g. {@code error} for a security group Microsoft cannot grant roles to.
   *
   * @param relationshipId relationship id
   * @param assignmentId access assignment id
   * @param status the status the assignment now has
   * @return the assignment afterwards
   * @throws AdminCenterRefusal 404 unknown relationship or assignment, 400 unknown status
   */
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public DelegatedAdminAccessAssignment setAccessAssignmentStatus(String relationshipId, String assignmentId, String status) {
    existing(relationshipId);
    if (!ACCESS_ASSIGNMENT_STATUSES.contains(status)) {
      throw new AdminCenterRefusal(HttpStatus.BAD_REQUEST, "Unknown status",
          "status must be one of " + ACCESS_ASSIGNMENT_STATUSES + ".");
    }
    DelegatedAdminAccessAssignment assignment = repository.accessAssignments(relationshipId).stream()
        .filter(a -> a.id().equals(assignmentId))
        .findFirst()
        .orElseThrow(() -> new AdminCenterRefusal(HttpStatus.NOT_FOUND, "Unknown access assignment",
            "There is no access assignment " + assignmentId + " in admin relationship " + relationshipId + "."));
    repository.updateAccessAssignmentStatus(assignmentId, status, now());
    return new DelegatedAdminAccessAssignment(assignment.id(), assignment.accessContainer(), assignment.accessDetails(),
        status, assignment.createdDateTime());
  }

  private SandboxGdapRepository.StoredRelationship existing(String relationshipId) {
    return repository.relationship(relationshipId)
        .orElseThrow(() -> new AdminCenterRefusal(HttpStatus.NOT_FOUND, "Unknown relationship",
            "There is no admin relationship " + relationshipId + "."));
  }

  /**
   * @param partner the calling partner
   * @param id relationship id
   * @return the relationship's access assignments
   */
  @Transactional(transactionManager = SandboxDatabase.TRANSACTION_MANAGER, readOnly = true)
  public List<DelegatedAdminAccessAssignment> accessAssignments(SandboxPartner partner, String id) {
    get(partner, id);
    return repository.accessAssignments(id);
  }

  /**
   * {@code POST .../delegatedAdminRelationships/{id}/accessAssignments} (G4): grants a partner security
   * group some of the relationship's roles. Only on an approved or active relationship (R32). The
   * sandbox provisions at once: the answer says {@code pending} as Graph's does, later reads {@code active}.
   *
   * @param partner the calling partner
   * @param id relationship id
   * @param assignment security group and roles (a subset of the relationship's roles)
   * @return the created assignment, status {@code pending}
   * @throws GraphApiException 400 for invalid input or a relationship not yet approved, 409 when the
   *     security group already has an assignment
   */
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public DelegatedAdminAccessAssignment createAccessAssignment(
      SandboxPartner partner, String id, DelegatedAdminAccessAssignment assignment) {
    DelegatedAdminRelationship relationship = get(partner, id).relationship();
    if (!Set.of(DelegatedAdminRelationship.STATUS_APPROVED, DelegatedAdminRelationship.STATUS_ACTIVE)
        .contains(relationship.status())) {
      throw badRequest("Access assignments need an approved or active relationship; it is " + relationship.status() + ".");
    }
    if (assignment == null || assignment.accessContainer() == null
        || assignment.accessContainer().accessContainerId() == null
        || !GUID.matcher(assignment.accessContainer().accessContainerId()).matches()) {
      throw badRequest("accessContainer.accessContainerId must be the object id (GUID) of a security group.");
    }
    String type = assignment.accessContainer().accessContainerType();
    if (type != null && !"securityGroup".equals(type)) {
      throw badRequest("accessContainer.accessContainerType must be securityGroup.");
    }
    List<String> roles = roleIds(assignment.accessDetails());
    List<String> granted = roleIds(relationship.accessDetails());
    if (!new HashSet<>(granted).containsAll(roles)) {
      throw badRequest("accessDetails.unifiedRoles must be roles of the relationship.");
    }
    String containerId = assignment.accessContainer().accessContainerId();
    boolean exists = repository.accessAssignments(id).stream()
        .anyMatch(existing -> existing.accessContainer().accessContainerId().equalsIgnoreCase(containerId)
            && !"deleted".equals(existing.status()));
    if (exists) {
      throw new GraphApiException(HttpStatus.CONFLICT, GraphApiException.CONFLICT,
          "The access container " + containerId + " already has an access assignment in this relationship.");
    }
    OffsetDateTime now = now();
    DelegatedAdminAccessAssignment created = new DelegatedAdminAccessAssignment(
        UUID.randomUUID().toString(),
        new DelegatedAdminAccessAssignment.AccessContainer(containerId, "securityGroup"),
        new AccessDetails(roles.stream().map(UnifiedRole::new).toList()),
        "pending",
        now);
    repository.insertAccessAssignment(id, created);
    repository.updateAccessAssignmentStatus(created.id(), "active", now);
    return created;
  }

  /**
   * The customer's Global Administrator approves a relationship locked for approval ("Approve all", G8):
   * it becomes {@code active} ({@code activatedDateTime} now, {@code endDateTime} = now + duration) and
   * {@code granular-admin-relationship-approved} is queued. Approving an active relationship again
   * changes nothing and raises no second event.
   *
   * @param relationshipId relationship id
   * @param userPrincipalName the approving user
   * @return the relationship after approval
   * @throws AdminCenterRefusal 404 unknown relationship or user, 403 not a Global Administrator of the
   *     customer, 409 relationship not waiting for approval
   */
  @Transactional(SandboxDatabase.TRANSACTION_MANAGER)
  public SandboxGdapRepository.StoredRelationship approve(String relationshipId, String userPrincipalName) {
    SandboxGdapRepository.StoredRelationship stored = repository.relationship(relationshipId)
        .orElseThrow(() -> new AdminCenterRefusal(HttpStatus.NOT_FOUND, "Unknown relationship",
            "There is no admin relationship " + relationshipId + "."));
    SandboxUser user = directory.user(userPrincipalName)
        .orElseThrow(() -> new AdminCenterRefusal(HttpStatus.NOT_FOUND, "Unknown user",
            "There is no user " + userPrincipalName + "."));
    DelegatedAdminRelationship relationship = stored.relationship();
    CustomerParticipant customer = relationship.customer();
    if (customer != null && !customer.tenantId().equals(user.tenantId())) {
      throw new AdminCenterRefusal(HttpStatus.FORBIDDEN, "Wrong organization",
          user.userPrincipalName() + " does not belong to " + customer.displayName()
              + ", the customer of this admin relationship.");
    }
    if (!user.isGlobalAdministrator()) {
      throw new AdminCenterRefusal(HttpStatus.FORBIDDEN, "Not a Global Administrator",
          "Only a Global Administrator can approve admin relationships; " + user.userPrincipalName()
              + " is not one. Ask a Global Administrator of your organization to approve.");
    }
    String status = relationship.status();
    if (DelegatedAdminRelationship.STATUS_ACTIVE.equals(status)
        || DelegatedAdminRelationship.STATUS_APPROVED.equals(status)) {
      return stored;
    }
    if (!DelegatedAdminRelationship.STATUS_APPROVAL_PENDING.equals(status)) {
      throw new AdminCenterRefusal(HttpStatus.CONFLICT, "Not waiting for approval",
          "This admin relationship is " + status + " and cannot be approved.");
    }
    if (customer == null) {
      SandboxTenant tenant = directory.tenant(user.tenantId()).orElseThrow();
      customer = new CustomerParticipant(tenant.id(), tenant.companyName());
    }
    OffsetDateTime now = now();
    DelegatedAdminRelationship approved = withStatus(relationship, DelegatedAdminRelationship.STATUS_ACTIVE,
        customer, now, now.plus(Period.parse(relationship.duration())));
    repository.update(approved, now);
    events.enqueue(SandboxEvent.GRANULAR_ADMIN_RELATIONSHIP_APPROVED,
        SandboxEvent.granularAdminRelationshipUri(relationship.id()), SandboxEvent.GRANULAR_ADMIN_RELATIONSHIP);
    return new SandboxGdapRepository.StoredRelationship(stored.partnerId(), approved, now);
  }

  private static DelegatedAdminRelationship withStatus(DelegatedAdminRelationship r, String status,
      CustomerParticipant customer, OffsetDateTime activated, OffsetDateTime end) {
    return new DelegatedAdminRelationship(r.id(), r.displayName(), r.duration(), customer, r.accessDetails(),
        r.autoExtendDuration(), status, r.createdDateTime(), activated, end);
  }

  /** Parses an ISO-8601 duration between P1D and P2Y inclusive (R29), counting a year as 365 days. */
  private static Period duration(String value) {
    if (value == null) {
      throw badRequest("duration is required, e.g. P730D.");
    }
    Period period;
    try {
      period = Period.parse(value);
    } catch (DateTimeParseException e) {
      throw badRequest("duration must be an ISO 8601 duration in days, months or years, e.g. P730D.");
    }
    long days = period.getYears() * 365L + period.getMonths() * 30L + period.getDays();
    if (period.isNegative() || days < 1 || days > MAX_DURATION_DAYS) {
      throw badRequest("duration must be between P1D and P2Y inclusive; it is " + value + ".");
    }
    return period;
  }

  private static List<String> roleIds(AccessDetails accessDetails) {
    if (accessDetails == null || accessDetails.unifiedRoles() == null || accessDetails.unifiedRoles().isEmpty()) {
      throw badRequest("accessDetails.unifiedRoles must name at least one role.");
    }
    List<String> ids = accessDetails.unifiedRoles().stream()
        .map(role -> role == null ? null : role.roleDefinitionId())
        .toList();
    for (String id : ids) {
      if (id == null || !GUID.matcher(id).matches()) {
        throw badRequest("accessDetails.unifiedRoles[].roleDefinitionId must be a role definition id (GUID).");
      }
    }
    return ids.stream().map(id -> id.toLowerCase(Locale.ROOT)).distinct().toList();
  }

  private static Predicate<DelegatedAdminRelationship> filter(String filter) {
    Predicate<DelegatedAdminRelationship> matches = r -> true;
    if (filter == null || filter.isBlank()) {
      return matches;
    }
    for (String clause : filter.split("(?i)\\s+and\\s+")) {
      Matcher m = FILTER_CLAUSE.matcher(clause);
      if (!m.matches()) {
        throw badRequest("Unsupported $filter: " + filter
            + ". Use displayName, status or customer/tenantId eq '...' joined by and.");
      }
      String value = m.group(2).replace("''", "'");
      Predicate<DelegatedAdminRelationship> clauseMatches = switch (m.group(1).toLowerCase(Locale.ROOT)) {
        case "displayname" -> r -> value.equals(r.displayName());
        case "status" -> r -> value.equalsIgnoreCase(r.status());
        default -> r -> r.customer() != null && value.equalsIgnoreCase(r.customer().tenantId());
      };
      matches = matches.and(clauseMatches);
    }
    return matches;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  private static GraphApiException badRequest(String message) {
    return new GraphApiException(HttpStatus.BAD_REQUEST, GraphApiException.BAD_REQUEST, message);
  }
}
