package io.partnerchannel.orchestrator.indirect;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recorded {@link DelegatedAdminGrant}s ({@code pco_delegated_admin_grant}), one per customer and reseller. */
@Repository
class DelegatedAdminGrants {

  private static final RowMapper<DelegatedAdminGrant> GRANT = (rs, row) -> new DelegatedAdminGrant(
      rs.getString("invitation_id"),
      rs.getString("customer_tenant_id"),
      rs.getString("reseller_tenant_id"),
      rs.getString("reseller_name"),
      rs.getString("recorded_by"),
      rs.getObject("recorded_at", OffsetDateTime.class).toInstant());

  private final JdbcClient jdbc;

  /** @param jdbc JDBC access to the table */
  public DelegatedAdminGrants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a grant unless the same customer's grant to the same reseller is recorded already.
   *
   * @param grant the grant ({@code recordedAt} is set now)
   * @return the grant as stored and whether this call stored it
   */
  public Recorded record(DelegatedAdminGrant grant) {
    Optional<DelegatedAdminGrant> existing = find(grant.customerTenantId(), grant.resellerTenantId());
    if (existing.isPresent()) {
      return new Recorded(existing.get(), false);
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    try {
      jdbc.sql("""
              insert into pco_delegated_admin_grant (id, invitation_id, customer_tenant_id, reseller_tenant_id,
                                                     reseller_name, recorded_by, recorded_at)
              values (?, ?, ?, ?, ?, ?, ?)""")
          .params(UUID.randomUUID().toString(), grant.invitationId(), grant.customerTenantId(), grant.resellerTenantId(),
              grant.resellerName(), grant.recordedBy(), now)
          .update();
    } catch (DuplicateKeyException e) {
      return new Recorded(find(grant.customerTenantId(), grant.resellerTenantId()).orElseThrow(() -> e), false);
    }
    return new Recorded(find(grant.customerTenantId(), grant.resellerTenantId()).orElseThrow(), true);
  }

  /**
   * @param invitationId an indirect invitation
   * @return the grants recorded for it, oldest first
   */
  public List<DelegatedAdminGrant> ofInvitation(String invitationId) {
    return jdbc.sql("select * from pco_delegated_admin_grant where invitation_id = ? order by recorded_at, reseller_tenant_id")
        .param(invitationId)
        .query(GRANT)
        .list();
  }

  private Optional<DelegatedAdminGrant> find(String customerTenantId, String resellerTenantId) {
    return jdbc.sql("select * from pco_delegated_admin_grant where customer_tenant_id = ? and reseller_tenant_id = ?")
        .params(customerTenantId, resellerTenantId)
        .query(GRANT)
        .optional();
  }

  /**
   * @param grant the grant as stored
   * @param created whether this call stored it (false: it was recorded before)
   */
  public record Recorded(DelegatedAdminGrant grant, boolean created) {}
}
