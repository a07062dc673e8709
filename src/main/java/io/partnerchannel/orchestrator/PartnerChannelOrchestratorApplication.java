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
    useJdkDatatypeFactory();
    SpringApplication.run(PartnerChannelOrchestratorApplication.class, args);
  }

  /** The JDK's own {@link javax.xml.datatype.DatatypeFactory}, the one the classpath would resolve to anyway. */
  static final String JDK_DATATYPE_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl";

  /**
   * Names the JDK's {@link javax.xml.datatype.DatatypeFactory} in the system property
   * {@value javax.xml.datatype.DatatypeFactory#DATATYPEFACTORY_PROPERTY}, unless set already. The engine creates a
   * factory for every timer it schedules (an ISO 8601 duration or date); without the property each creation searches
   * every jar of the application for a {@code META-INF/services} provider (none of ours ships one), which was about 1 %
   * of an invitation's CPU (docs/performance.md).
   */
  static void useJdkDatatypeFactory() {
    if (System.getProperty(javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(javax.xml.datatype.DatatypeFactory.DATATYPEFACTORY_PROPERTY, JDK_DATATYPE_FACTORY);
    }
  }
}
