package io.partnerchannel.orchestrator.invitation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.partnerchannel.orchestrator.system.CacheProperties;
import io.partnerchannel.orchestrator.system.CommandHooks;
import java.time.Duration;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The CSP region per country code that {@link CspRegions} found in the latest deployed decision
 * {@value CspRegions#DECISION_KEY}, kept {@code pco.cache.csp-regions} (default 1 minute; {@code PT0S} = never),
 * at most {@value #MAXIMUM_SIZE} countries, in memory per node. An engine plugin: every deployment and every
 * deletion of a deployment on this node (Camunda Modeler, Cockpit, {@code /engine-rest/deployment}, the
 * application's own start) empties it once its transaction commits, so the next look-up evaluates the decision
 * version the engine then finds latest; a deployment on another node takes effect here when the entry expires.
 * Micrometer {@code cache.gets{cache="cspRegions"}} counts hits and misses.
 */
@Component
class CspRegionCache extends AbstractProcessEnginePlugin {

  /** The cache's name in the metrics. */
  static final String NAME = "cspRegions";
  private static final int MAXIMUM_SIZE = 300;

  private final Cache<String, String> regions;

  /** @param properties {@code pco.cache.csp-regions} */
  @Autowired
  CspRegionCache(CacheProperties properties) {
    this(properties.cspRegions(), Ticker.systemTicker());
  }

  /**
   * @param keptFor how long an entry is reused; zero = never
   * @param ticker the clock the expiry reads (tests move it)
   */
  CspRegionCache(Duration keptFor, Ticker ticker) {
    regions = Caffeine.newBuilder()
        .maximumSize(keptFor.isZero() ? 0 : MAXIMUM_SIZE)
        .expireAfterWrite(keptFor)
        .ticker(ticker)
        .recordStats()
        .build();
  }

  /**
   * @param country a country code, upper case
   * @param evaluate reads the region of a country not kept (or no longer kept); its failure is not kept
   * @return the region
   */
  String region(String country, Function<String, String> evaluate) {
    return regions.get(country, evaluate);
  }

  /** Forgets every region: the next look-up of each country evaluates the decision again. */
  void clear() {
    regions.invalidateAll();
  }

  /**
   * @param meters where the cache's hits, misses and size are reported as {@code cache.*{cache="cspRegions"}}, with
   *     the tag keys Spring Boot gives the caches of a {@code CacheManager} ({@code cache.manager}, {@code name}):
   *     Prometheus refuses a second meter of one name with other tag keys, which would hide the other caches
   */
  void monitor(MeterRegistry meters) {
    CaffeineCacheMetrics.monitor(meters, regions, NAME, Tags.of("cache.manager", "cspRegionCache", "name", NAME));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // After the commit: a look-up between the deployment and its commit may still have read the old version.
    CommandHooks.beforeCommands(configuration, commandContext -> commandContext.getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, committed -> clear()), DeployCmd.class, DeleteDeploymentCmd.class);
  }
}
