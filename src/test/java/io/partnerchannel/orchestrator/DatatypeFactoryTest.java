package io.partnerchannel.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timer date parsing's factory is named, not searched for, and it is the one the search finds. */
class DatatypeFactoryTest {

  private String before;

  @BeforeEach
  void remember() {
    before = System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    } else {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
    }
  }

  @Test
  void namesTheFactoryTheClasspathSearchFinds() throws Exception {
    String searched = DatatypeFactory.newInstance().getClass().getName();

    PartnerChannelOrchestratorApplication.useJdkDatatypeFactory();

    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo(searched);
    assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(searched);
    // the engine's timer durations parse as before
    ClockUtil.setCurrentTime(new Date(0));
    try {
      assertThat(new DurationHelper("PT10M", null).getDateAfter()).isEqualTo(new Date(600_000));
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void keepsAFactoryTheOperatorChose() {
    System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.OwnFactory");

    PartnerChannelOrchestratorApplication.useJdkDatatypeFactory();

    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo("org.example.OwnFactory");
  }
}
