package io.partnerchannel.orchestrator.gdap;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.AccessDetails;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.CustomerParticipant;
import io.partnerchannel.orchestrator.partnercenter.DelegatedAdminRelationship.UnifiedRole;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the GDAP lifecycle keeps of a relationship read from Graph: state, auto-extension (R30) and its dates. */
class RelationshipReadingTest {

  static final String GLOBAL_READER = "F2EF992C-3AFB-46B9-B7CF-A126EE74C451";
  static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  static final GdapProperties.Lifecycle LIFECYCLE = new GdapProperties.Lifecycle(
      Duration.ofDays(30), Duration.ofDays(7), Duration.ofMinutes(15), Duration.ofHours(1), null);

  static DelegatedAdminRelationship relationship(String status, OffsetDateTime end, String... roles) {
    return new DelegatedAdminRelationship("r1", "PCO adatum", "P730D",
        new CustomerParticipant("c0ffee00-0000-4000-8000-000000000001", "Adatum Corporation"),
        new AccessDetails(List.of(roles).stream().map(UnifiedRole::new).toList()), "PT0S", status, null, null, end);
  }

  @ParameterizedTest
  @CsvSource({
      "active, ACTIVE", "expiring, ACTIVE",
      "created, NOT_YET_ACTIVE", "approvalPending, NOT_YET_ACTIVE", "approved, NOT_YET_ACTIVE", "activating, NOT_YET_ACTIVE",
      "terminationRequested, ENDED", "terminating, ENDED", "terminated, ENDED", "expired, ENDED"})
  void mapsGraphsStatusToTheLifecyclesState(String status, String state) {
    assertThat(RelationshipReading.state(status)).isEqualTo(state);
  }

  @Test
  void remindsTheOwnerBeforeTheEndAndReadsAgainAtTheEnd() {
    OffsetDateTime end = OffsetDateTime.of(2030, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    RelationshipReading reading = RelationshipReading.of(relationship("active", end, GLOBAL_READER), NOW, LIFECYCLE);

    assertThat(reading.state()).isEqualTo(RelationshipReading.ACTIVE);
    assertThat(reading.roles()).containsExactly(GLOBAL_READER.toLowerCase());
    assertThat(reading.autoExtendAllowed()).isTrue();
    assertThat(reading.customerTenantId()).isEqualTo("c0ffee00-0000-4000-8000-000000000001");
    assertThat(reading.endDateTime()).isEqualTo(Date.from(end.toInstant()));
    assertThat(reading.endDateCheckAt()).isEqualTo(Date.from(end.toInstant()));
    assertThat(reading.firstReminderAt()).isEqualTo(Date.from(end.minusDays(30).toInstant()));
    assertThat(reading.finalReminderAt()).isEqualTo(Date.from(end.minusDays(7).toInstant()));
  }

  @Test
  void anEndMicrosoftHasNotMovedYetIsReadAgainOneIntervalFromNow() {
    OffsetDateTime passed = NOW.minusSeconds(60).atOffset(ZoneOffset.UTC);

    RelationshipReading reading = RelationshipReading.of(relationship("active", passed, GLOBAL_READER), NOW, LIFECYCLE);

    assertThat(reading.endDateCheckAt()).isEqualTo(Date.from(NOW.plus(Duration.ofHours(1))));
  }

  @Test
  void theGlobalAdministratorRoleCannotAutoExtend() {
    RelationshipReading reading = RelationshipReading.of(
        relationship("active", null, GLOBAL_READER, RelationshipReading.GLOBAL_ADMINISTRATOR), NOW, LIFECYCLE);

    assertThat(reading.autoExtendAllowed()).isFalse();
    assertThat(reading.endDateTime()).isNull();
    assertThat(reading.firstReminderAt()).isNull();
  }
}
