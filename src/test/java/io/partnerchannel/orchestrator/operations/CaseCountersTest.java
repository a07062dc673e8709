package io.partnerchannel.orchestrator.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@link CaseCounters} counts starts and ends (outside a command: at once) and resolves the meter registry once,
 * at the first start or end, not for each of the hundreds of other history events of a case.
 */
class CaseCountersTest {

  @SuppressWarnings("unchecked")
  final ObjectProvider<MeterRegistry> provider = mock(ObjectProvider.class);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final CaseCounters counters = new CaseCounters(provider);

  @Test
  void countsStartsAndEndsAndResolvesTheRegistryOnceAtTheFirstOfThem() {
    when(provider.getIfAvailable()).thenReturn(meters);

    counters.count(other());
    counters.count(variableUpdate());
    verify(provider, times(0)).getIfAvailable();

    counters.count(instance(HistoryEventTypes.PROCESS_INSTANCE_START, "Invite", null, null));
    counters.count(instance(HistoryEventTypes.PROCESS_INSTANCE_START, "Invite", null, null));
    counters.count(instance(HistoryEventTypes.PROCESS_INSTANCE_UPDATE, "Invite", null, null));
    counters.count(instance(HistoryEventTypes.PROCESS_INSTANCE_END, "Invite",
        HistoricProcessInstance.STATE_COMPLETED, "EndEvent_Refused"));
    counters.count(instance(HistoryEventTypes.PROCESS_INSTANCE_END, "Invite",
        HistoricProcessInstance.STATE_EXTERNALLY_TERMINATED, null));
    counters.count(other());

    assertThat(meters.get(CaseCounters.STARTED).tag("process", "Invite").counter().count()).isEqualTo(2);
    assertThat(meters.get(CaseCounters.ENDED).tags("process", "Invite", "outcome", "EndEvent_Refused").counter()
        .count()).isEqualTo(1);
    assertThat(meters.get(CaseCounters.ENDED).tags("process", "Invite", "outcome", CaseOutcomes.CANCELLED).counter()
        .count()).isEqualTo(1);
    verify(provider, times(1)).getIfAvailable();
  }

  @Test
  void countsNothingUntilTheRegistryExistsThenCountsFromThere() {
    when(provider.getIfAvailable()).thenReturn(null, meters);

    counters.count(instance(HistoryEventTypes.PROCESS_INSTANCE_START, "Onboard", null, null));
    assertThat(meters.find(CaseCounters.STARTED).counter()).isNull();

    counters.count(instance(HistoryEventTypes.PROCESS_INSTANCE_START, "Onboard", null, null));
    counters.count(instance(HistoryEventTypes.PROCESS_INSTANCE_START, "Onboard", null, null));
    assertThat(meters.get(CaseCounters.STARTED).tag("process", "Onboard").counter().count()).isEqualTo(2);
    verify(provider, times(2)).getIfAvailable();
  }

  static HistoryEvent instance(HistoryEventTypes type, String process, String state, String endActivityId) {
    HistoricProcessInstanceEventEntity event = new HistoricProcessInstanceEventEntity();
    event.setEventType(type.getEventName());
    event.setProcessDefinitionKey(process);
    event.setProcessDefinitionId(process + ":1:1");
    event.setState(state);
    event.setEndActivityId(endActivityId);
    return event;
  }

  static HistoryEvent other() {
    HistoricActivityInstanceEventEntity event = new HistoricActivityInstanceEventEntity();
    event.setEventType(HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName());
    return event;
  }

  static HistoryEvent variableUpdate() {
    HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
    event.setEventType(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE.getEventName());
    return event;
  }
}
