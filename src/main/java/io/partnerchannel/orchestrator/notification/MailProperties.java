package io.partnerchannel.orchestrator.notification;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The e-mails the application writes ({@code pco.mail.*}, docs/notifications.md). They are sent only when
 * {@code spring.mail.host} is set; otherwise they stay on {@code /outbox}.
 *
 * @param from the sender, an RFC 822 address (default {@code partner-channel-orchestrator@localhost})
 * @param dispatchInterval time between two runs of the {@link MailDispatcher} (default 10 s)
 * @param defaultLanguage language of a user without the user info {@value AgentLanguage#USER_INFO_KEY}
 *     (default English, {@link AgentLanguage})
 */
@ConfigurationProperties("pco.mail")
record MailProperties(
    @DefaultValue("partner-channel-orchestrator@localhost") String from,
    @DefaultValue("PT10S") Duration dispatchInterval,
    @DefaultValue("en") Locale defaultLanguage) {}
