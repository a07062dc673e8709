package io.partnerchannel.orchestrator.notification;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * One row of the mail outbox ({@code pco_mail_outbox}).
 *
 * @param id entry id (UUID)
 * @param idempotencyKey the caller's key; unique, a repeat enqueue returns this entry
 * @param template the template name, e.g. {@code invitation}
 * @param recipient the recipient's e-mail address
 * @param subject the subject line
 * @param html the rendered HTML document
 * @param language the language it was rendered in ({@code en}, {@code it}, {@code pt}, {@code sv})
 * @param businessReference what the e-mail belongs to, e.g. a process instance id; may be null
 * @param status where the entry stands
 * @param attempts send attempts so far
 * @param lastError why the last send attempt failed, or null
 * @param createdAt when it was queued (UTC)
 * @param sentAt when it was handed to the mail host (UTC), or null
 */
record OutboxEntry(
    String id,
    String idempotencyKey,
    String template,
    String recipient,
    String subject,
    String html,
    String language,
    String businessReference,
    MailStatus status,
    int attempts,
    String lastError,
    OffsetDateTime createdAt,
    OffsetDateTime sentAt) {

  private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

  /**
   * The http(s) links of the e-mail in document order, each once; what a reader (or a script) follows,
   * e.g. the invitation link.
   *
   * @return absolute URLs, HTML entities decoded
   */
  public List<String> links() {
    Set<String> links = new LinkedHashSet<>();
    Matcher matcher = HREF.matcher(html);
    while (matcher.find()) {
      String link = HtmlUtils.htmlUnescape(matcher.group(1));
      if (link.startsWith("http://") || link.startsWith("https://")) {
        links.add(link);
      }
    }
    return List.copyOf(links);
  }
}
