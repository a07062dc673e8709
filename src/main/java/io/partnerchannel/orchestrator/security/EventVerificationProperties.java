package io.partnerchannel.orchestrator.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code POST /api/partner-center/events} verifies that an event comes from Partner Center
 * ({@code pco.events.*}).
 *
 * @param sharedSecret sandbox mode: the secret the sandbox sends in {@value EventSharedSecret#HEADER};
 *     when unset, a random one is generated at start (the sandbox reads the same bean, so its deliveries
 *     pass). Unused in {@code partner-center} mode.
 * @param certificateHosts {@code partner-center} mode: the hosts the signing certificate may be downloaded
 *     from ({@code x-ms-certificate-url}, https only); an entry {@code *.example.com} allows every subdomain
 *     of {@code example.com}. Default: Partner Center's domain ({@code *.partnercenter.microsoft.com}) and
 *     the storage host Microsoft's webhook documentation shows in its sample callback
 *     ({@code 3psostorageacct.blob.core.windows.net}, A16).
 */
@ConfigurationProperties("pco.events")
public record EventVerificationProperties(
    String sharedSecret,
    @DefaultValue({"*.partnercenter.microsoft.com", "3psostorageacct.blob.core.windows.net"})
        List<String> certificateHosts) {}
