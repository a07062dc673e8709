package io.partnerchannel.orchestrator.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxAzureEntitlementsLoader;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxCommerce;
import io.partnerchannel.orchestrator.partnercenter.sandbox.SandboxDirectory;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * Base of the tests that drive the migration, routing and removal processes, or the sandbox behind them,
 * through a real port ({@link ProcessTest}): the engine's services, the {@link SandboxDriver}, and a sandbox put
 * back to the data set before and after each test, with no instance of {@link #processKeys()} left running and
 * the engine clock reset.
 */
@ProcessTest
public abstract class SandboxWorldTest {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected ManagementService managementService;
  @Autowired protected TaskService taskService;
  @Autowired protected HistoryService historyService;
  @Autowired protected SandboxDirectory directory;
  @Autowired protected SandboxCommerce commerce;
  @Autowired protected SandboxAzureEntitlementsLoader entitlements;
  @Autowired protected ObjectMapper objectMapper;
  @LocalServerPort protected int port;
  /** Drives the sandbox as customers and other partners would. */
  protected SandboxDriver sandbox;
  /** The application as the sales agent. */
  protected RestClient http;

  /** @return the processes whose running instances each test starts and ends without */
  protected abstract List<String> processKeys();

  @BeforeEach
  void enterTheDataSet() {
    BpmnAwareTests.init(processEngine);
    http = TestUsers.http(port);
    deleteRunning(processKeys().toArray(String[]::new));
    sandbox.reset();
    sandbox.deliverEvents();
  }

  @AfterEach
  void leaveTheDataSetAsFound() {
    ClockUtil.reset();
    deleteRunning(processKeys().toArray(String[]::new));
    sandbox.reset();
  }

  /**
   * Deletes every running instance of the given processes (called instances go with their callers).
   *
   * @param processDefinitionKeys the processes
   */
  protected void deleteRunning(String... processDefinitionKeys) {
    for (String key : processDefinitionKeys) {
      List<String> running = runtimeService.createProcessInstanceQuery().processDefinitionKey(key).list().stream()
          .filter(instance -> instance.getRootProcessInstanceId() == null
              || instance.getRootProcessInstanceId().equals(instance.getId()))
          .map(ProcessInstance::getId)
          .toList();
      if (!running.isEmpty()) {
        runtimeService.deleteProcessInstances(running, "test clean-up", true, true);
      }
    }
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
