package io.partnerchannel.orchestrator.removal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The DAP terminations recorded on customers, table {@code pco_dap_termination} (Flyway {@code V6_16}). */
@Repository
class DapTerminations {

  private final JdbcClient jdbc;

  DapTerminations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a termination unless the same customer's termination at the same time is recorded already.
   *
   * @param termination the termination
   * @return whether it was new
   */
  boolean insertIfNew(DapTermination termination) {
    if (jdbc.sql("select count(*) from pco_dap_termination where customer_tenant_id = ? and terminated_at = ?")
        .params(termination.customerTenantId(), termination.terminatedAt())
        .query(Integer.class).single() > 0) {
      return false;
    }
    jdbc.sql("""
            insert into pco_dap_termination (id, customer_tenant_id, customer_name, terminated_at, inbox_event_id,
                                             process_instance_id, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(termination.id(), termination.customerTenantId(), termination.customerName(), termination.terminatedAt(),
            termination.inboxEventId(), termination.processInstanceId(), termination.recordedAt())
        .update();
    return true;
  }

  /**
   * @param id a recorded termination
   * @param processInstanceId the follow-up instance started for it
   */
  void setProcessInstance(String id, String processInstanceId) {
    jdbc.sql("update pco_dap_termination set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
  }

  /**
   * @param customerTenantId a customer
   * @return its recorded DAP terminations, newest first
   */
  public List<DapTermination> findByCustomer(String customerTenantId) {
    return jdbc.sql("select * from pco_dap_termination where customer_tenant_id = ? order by terminated_at desc")
        .param(customerTenantId)
        .query(DapTerminations::termination)
        .list();
  }

  private static DapTermination termination(ResultSet rs, int row) throws SQLException {
    return new DapTermination(
        rs.getString("id"),
        rs.getString("customer_tenant_id"),
        rs.getString("customer_name"),
        rs.getObject("terminated_at", OffsetDateTime.class),
        rs.getString("inbox_event_id"),
        rs.getString("process_instance_id"),
        rs.getObject("recorded_at", OffsetDateTime.class));
  }
}
