package io.partnerchannel.orchestrator.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the application keeps what it read before reading it again ({@code pco.cache.*}; docs/performance.md).
 *
 * @param partnerCenterReads how long the operating partner's own Partner Center data (legal business profile,
 *     partner relationships, the relationship-request link) are reused (default 5 minutes; {@code PT0S} = never)
 * @param authentication how long a successful HTTP Basic sign-in of an API user (password check, groups,
 *     tenants) is reused for the same user and password (default 10 seconds; {@code PT0S} = never). Failures are
 *     never cached; a changed password or membership takes effect within this time.
 * @param authorization how long the engine's grant of a status read (READ_HISTORY, READ_INSTANCE) to a user is
 *     reused for the same user, groups and instance (default 10 seconds; {@code PT0S} = never). Refusals are never
 *     cached; a change to authorizations, users, groups or memberships made on this node takes effect at once, on
 *     another node within this time.
 * @param cspRegions how long the CSP region of a country, as the latest deployed decision {@code CspRegion} says, is
 *     reused (default 1 minute; {@code PT0S} = never). A deployment made on this node empties it at once; one made
 *     on another node takes effect here within this time.
 */
@ConfigurationProperties("pco.cache")
public record CacheProperties(
    @DefaultValue("PT5M") Duration partnerCenterReads,
    @DefaultValue("PT10S") Duration authentication,
    @DefaultValue("PT10S") Duration authorization,
    @DefaultValue("PT1M") Duration cspRegions) {}
