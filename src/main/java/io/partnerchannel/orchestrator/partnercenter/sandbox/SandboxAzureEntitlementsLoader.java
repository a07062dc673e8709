package io.partnerchannel.orchestrator.partnercenter.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads {@code classpath:sandbox/azure-entitlements.json} — the Azure subscriptions under the data set's
 * usage-based subscriptions (Advisor, Open, EA and another partner's Azure plan) — after the data set
 * itself, when no Azure entitlement is stored yet.
 */
@Component
@SandboxConfiguration
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class SandboxAzureEntitlementsLoader implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxAzureEntitlementsLoader.class);
  /** When the data set's Azure subscriptions were created. */
  private static final OffsetDateTime DATA_SET_DATE = OffsetDateTime.of(2025, 6, 1, 8, 0, 0, 0, ZoneOffset.UTC);
  private static final String FILE = "sandbox/azure-entitlements.json";

  private final SandboxCommerce commerce;
  private final ObjectMapper objectMapper;
  private final TransactionTemplate transaction;

  /**
   * @param commerce the commerce tables
   * @param objectMapper JSON mapper
   * @param transaction loads the file in one transaction
   */
  public SandboxAzureEntitlementsLoader(
      SandboxCommerce commerce, ObjectMapper objectMapper, @SandboxDatabase TransactionTemplate transaction) {
    this.commerce = commerce;
    this.objectMapper = objectMapper;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    transaction.executeWithoutResult(status -> {
      if (commerce.hasNoEntitlements()) {
        load();
      }
    });
  }

  /** Stores every Azure subscription of the file (the caller makes sure none is stored yet). */
  public void load() {
    JsonNode subscriptions;
    try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
      subscriptions = objectMapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read sandbox data set file " + FILE, e);
    }
    int count = 0;
    for (JsonNode subscription : subscriptions) {
      for (JsonNode entitlement : subscription.path("entitlements")) {
        commerce.insertEntitlement(new SandboxCommerce.Entitlement(
            entitlement.path("id").asText(),
            subscription.path("subscriptionId").asText(),
            entitlement.path("friendlyName").asText(),
            "active",
            null,
            DATA_SET_DATE));
        count++;
      }
    }
    LOG.info("Sandbox Azure subscriptions loaded: {}", count);
  }
}
