package io.partnerchannel.orchestrator.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * {@link JobAcquisitionIndex}: after the start the engine's job table has the index on {@code DUEDATE_} that the job
 * acquisition reads the due jobs by (on H2 and, with {@code -Dpco.test.database=postgres}, on PostgreSQL), and a
 * second creation is a no-op.
 */
@SpringBootTest
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class JobAcquisitionIndexTest {

  @Autowired DataSource dataSource;
  @Autowired ProcessEngine processEngine;

  @Test
  void theJobTableHasTheDueDateIndexAfterTheStart() throws SQLException {
    assertThat(indexedColumns(JobAcquisitionIndex.INDEX)).containsExactly("DUEDATE_");
  }

  @Test
  void creatingItAgainAtTheNextStartChangesNothing() throws SQLException {
    new JobAcquisitionIndex().postProcessEngineBuild(processEngine);

    assertThat(indexedColumns(JobAcquisitionIndex.INDEX)).containsExactly("DUEDATE_");
  }

  @Test
  void onPostgresqlItIsBuiltConcurrentlySoTheJobTableStaysWritable() {
    assertThat(JobAcquisitionIndex.statement("postgres", ""))
        .isEqualTo("create index concurrently if not exists PCO_IDX_JOB_DUEDATE on ACT_RU_JOB (DUEDATE_)");
    assertThat(JobAcquisitionIndex.statement("h2", "ENGINE."))
        .isEqualTo("create index if not exists PCO_IDX_JOB_DUEDATE on ENGINE.ACT_RU_JOB (DUEDATE_)");
  }

  private List<String> indexedColumns(String index) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      for (String table : List.of("ACT_RU_JOB", "act_ru_job")) {
        try (ResultSet indexes = metaData.getIndexInfo(null, null, table, false, false)) {
          while (indexes.next()) {
            if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
              columns.add(indexes.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return columns;
  }
}
