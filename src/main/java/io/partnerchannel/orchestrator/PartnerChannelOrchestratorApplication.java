package io.partnerchannel.orchestrator;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Partner Channel Orchestrator: Microsoft Partner Center multi-channel and multi-partner workflows as
 * Camunda 7 processes. The models in {@code bpmn/} and the forms in {@code forms/} are deployed as one
 * process archive ({@code META-INF/processes.xml}), so Tasklist resolves {@code camunda:formRef}.
 */
@SpringBootApplication
@EnableProcessApplication("partner-channel-orchestrator")
@ConfigurationPropertiesScan
public class PartnerChannelOrchestratorApplication {

  /**
   * Starts the application.
   *
   * @param args Spring Boot command line arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(PartnerChannelOrchestratorApplication.class, args);
  }
}
