package io.partnerchannel.orchestrator.partnercenter;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.partnerchannel.orchestrator.system.CacheProperties;
import java.util.List;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cache of the operating partner's own Partner Center reads ({@link #PARTNER_READS}): its legal business
 * profile, its partner relationships per type and its relationship-request link, which every invitation reads
 * and which do not change during one. Kept {@code pco.cache.partner-center-reads} (default 5 minutes), at most
 * {@value #MAXIMUM_SIZE} entries, in memory per node, with hit and miss counts (Micrometer {@code cache.*}); a
 * failed read is not cached.
 * {@link PartnerCenter#forgetPartnerReads()} empties it (e.g. when a reseller is not among the cached
 * relationships).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
public class PartnerReadsCacheConfiguration {

  /** The cache's name. */
  public static final String PARTNER_READS = "partnerCenterPartnerReads";
  private static final int MAXIMUM_SIZE = 100;

  /**
   * @param properties {@code pco.cache.partner-center-reads}
   * @return the application's cache manager, holding {@link #PARTNER_READS} only
   */
  @Bean
  CacheManager cacheManager(CacheProperties properties) {
    CaffeineCacheManager manager = new CaffeineCacheManager();
    manager.setCaffeine(Caffeine.newBuilder()
        .maximumSize(properties.partnerCenterReads().isZero() ? 0 : MAXIMUM_SIZE)
        .expireAfterWrite(properties.partnerCenterReads())
        .recordStats());
    manager.setCacheNames(List.of(PARTNER_READS));
    manager.setAllowNullValues(false);
    return manager;
  }
}
