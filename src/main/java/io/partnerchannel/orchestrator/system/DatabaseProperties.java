package io.partnerchannel.orchestrator.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's database ({@code pco.database.*}; docs/operations.md "What to size").
 *
 * @param requestConnections connections of the application's pool beyond one per job thread, for REST requests,
 *     the event inbox and the scheduled work (default 10), unless
 *     {@code spring.datasource.hikari.maximum-pool-size} fixes the pool's size
 */
@ConfigurationProperties("pco.database")
record DatabaseProperties(@DefaultValue("10") int requestConnections) {}
