package io.partnerchannel.orchestrator.notification;

import java.util.Locale;

/**
 * An e-mail rendered from a {@link MailModel}.
 *
 * @param subject the subject line, plain text
 * @param html the HTML document
 * @param locale the language it was rendered in (one of {@link MailRenderer#LANGUAGES})
 */
public record RenderedMail(String subject, String html, Locale locale) {}
