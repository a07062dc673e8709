package io.partnerchannel.orchestrator.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link CspRegionCache} keeps a country's region for its configured time, read on a clock the test moves: a
 * deployment made on another node (which this node does not see) takes effect when the entry expires.
 */
class CspRegionCacheTest {

  final AtomicLong nanos = new AtomicLong();
  final List<String> evaluated = new ArrayList<>();

  Function<String, String> decision(String region) {
    return country -> {
      evaluated.add(country);
      return region;
    };
  }

  @Test
  void keepsARegionForTheConfiguredTimeThenEvaluatesAgain() {
    CspRegionCache cache = new CspRegionCache(Duration.ofMinutes(1), nanos::get);

    assertThat(cache.region("FR", decision("Europe"))).isEqualTo("Europe");
    nanos.addAndGet(Duration.ofSeconds(59).toNanos());
    assertThat(cache.region("FR", decision("changed on another node"))).isEqualTo("Europe");
    assertThat(evaluated).containsExactly("FR");

    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(cache.region("FR", decision("changed on another node"))).isEqualTo("changed on another node");
    assertThat(evaluated).containsExactly("FR", "FR");
  }

  @Test
  void keepsEachCountryApartAndForgetsAllWhenCleared() {
    CspRegionCache cache = new CspRegionCache(Duration.ofMinutes(1), nanos::get);
    cache.region("FR", decision("Europe"));
    cache.region("US", decision("NorthAmerica"));
    cache.region("FR", decision("unused"));
    assertThat(evaluated).containsExactly("FR", "US");

    cache.clear();
    assertThat(cache.region("FR", decision("Europe 2"))).isEqualTo("Europe 2");
    assertThat(evaluated).containsExactly("FR", "US", "FR");
  }

  @Test
  void zeroKeepsNothing() {
    CspRegionCache cache = new CspRegionCache(Duration.ZERO, nanos::get);
    cache.region("FR", decision("Europe"));
    cache.region("FR", decision("Europe"));
    assertThat(evaluated).containsExactly("FR", "FR");
  }

  @Test
  void aFailedEvaluationIsNotKept() {
    CspRegionCache cache = new CspRegionCache(Duration.ofMinutes(1), nanos::get);
    assertThatThrownBy(() -> cache.region("FR", country -> {
      throw new IllegalStateException("no decision deployed");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(cache.region("FR", decision("Europe"))).isEqualTo("Europe");
  }
}
