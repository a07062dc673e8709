package io.partnerchannel.orchestrator.migration;

import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.deleteRunning;
import static io.partnerchannel.orchestrator.migration.MigrationTestWorld.resetSandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.support.TestUsers;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxAzureEntitlementsLoader;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxCommerce;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDatabase;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDirectory;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxEventDelivery;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Base of the tests that drive the migration and routing processes, or the sandbox behind them, through a
 * real port: the engine's services, the sandbox's tables, and a sandbox put back to the data set before and
 * after each test, with no instance of {@link #processKeys()} left running and the engine clock reset.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class SandboxWorldTest {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected ManagementService managementService;
  @Autowired protected TaskService taskService;
  @Autowired protected HistoryService historyService;
  @Autowired protected SandboxDirectory directory;
  @Autowired protected SandboxCommerce commerce;
  @Autowired protected SandboxAzureEntitlementsLoader entitlements;
  @Autowired protected SandboxEventDelivery sandboxEvents;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected ObjectMapper objectMapper;
  /** The sandbox's own transactions and JDBC access (its tables are reset with them). */
  @Autowired @SandboxDatabase protected TransactionTemplate transaction;
  @Autowired @SandboxDatabase protected JdbcClient sandboxJdbc;
  @LocalServerPort protected int port;
  protected RestClient http;

  /** @return the processes whose running instances each test starts and ends without */
  protected abstract List<String> processKeys();

  @BeforeEach
  void enterTheDataSet() {
    BpmnAwareTests.init(processEngine);
    http = TestUsers.http(port);
    deleteRunning(runtimeService, processKeys().toArray(String[]::new));
    resetSandbox(sandboxJdbc, directory, entitlements, objectMapper, transaction);
    sandboxEvents.deliverDue();
  }

  @AfterEach
  void leaveTheDataSetAsFound() {
    ClockUtil.reset();
    deleteRunning(runtimeService, processKeys().toArray(String[]::new));
    resetSandbox(sandboxJdbc, directory, entitlements, objectMapper, transaction);
  }

  /**
   * @param instance a process instance, running or ended
   * @param name a process-level variable
   * @return its last value as text, from history
   */
  protected String historicVariable(ProcessInstance instance, String name) {
    return String.valueOf(historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).list().stream()
        .filter(variable -> instance.getId().equals(variable.getActivityInstanceId()))
        .findFirst().orElseThrow().getValue());
  }
}
