package io.partnerchannel.orchestrator.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerchannel.orchestrator.bench.BenchProfile;
import io.partnerchannel.orchestrator.bench.PartnerCenterCallCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The operating partner's own reads (legal business profile, partner relationships per type, relationship-request
 * link) go to Partner Center once per {@code pco.cache.partner-center-reads}, and again after
 * {@link PartnerCenter#forgetPartnerReads()}; counted at the sandbox's side by the benchmark's call counter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", BenchProfile.NAME})
class PartnerReadsCacheTest {

  static final String PROFILE = "GET /sandbox/v1/profiles/legalbusiness";
  static final String LINK = "GET /sandbox/v1/customers/relationshiprequests";
  static final String RESELLERS = "GET /sandbox/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf";
  static final String PROVIDERS = "GET /sandbox/v1/relationships?relationship_type=IsIndirectResellerOf";

  @Autowired PartnerCenter partnerCenter;
  @Autowired PartnerCenterCallCounter calls;

  @BeforeEach
  void forget() {
    partnerCenter.forgetPartnerReads();
  }

  @Test
  void eachPartnerReadGoesToPartnerCenterOnceUntilForgotten() {
    long profile = count(PROFILE);
    long link = count(LINK);
    long resellers = count(RESELLERS);
    long providers = count(PROVIDERS);

    for (int i = 0; i < 3; i++) {
      assertThat(partnerCenter.getLegalBusinessProfile()).isNotNull();
      assertThat(partnerCenter.getRelationshipRequest().url()).isNotBlank();
      partnerCenter.getPartnerRelationships(PartnerRelationshipType.IsIndirectCloudSolutionProviderOf);
      partnerCenter.getPartnerRelationships(PartnerRelationshipType.IsIndirectResellerOf);
    }

    assertThat(count(PROFILE)).isEqualTo(profile + 1);
    assertThat(count(LINK)).isEqualTo(link + 1);
    assertThat(count(RESELLERS)).isEqualTo(resellers + 1);
    assertThat(count(PROVIDERS)).isEqualTo(providers + 1);

    partnerCenter.forgetPartnerReads();
    partnerCenter.getLegalBusinessProfile();
    partnerCenter.getPartnerRelationships(PartnerRelationshipType.IsIndirectCloudSolutionProviderOf);

    assertThat(count(PROFILE)).isEqualTo(profile + 2);
    assertThat(count(RESELLERS)).isEqualTo(resellers + 2);
  }

  @Test
  void customerReadsAreNotCached() {
    String customer = "c0ffee00-0000-4000-8000-000000000004";
    long before = calls.calls().entrySet().stream().filter(call -> call.getKey().endsWith("/customers/" + customer))
        .mapToLong(call -> call.getValue()).sum();

    partnerCenter.getCustomer(customer);
    partnerCenter.getCustomer(customer);

    assertThat(calls.calls().entrySet().stream().filter(call -> call.getKey().endsWith("/customers/" + customer))
        .mapToLong(call -> call.getValue()).sum()).isEqualTo(before + 2);
  }

  private long count(String call) {
    return calls.calls().getOrDefault(call, 0L);
  }
}
