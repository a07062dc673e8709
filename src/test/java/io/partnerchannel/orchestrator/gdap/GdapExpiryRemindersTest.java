package io.partnerchannel.orchestrator.gdap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailRecipients;
import io.partnerchannel.orchestrator.notification.MailRecipients.Recipient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link GdapExpiryReminders}: the owner, else the configured address, else nobody. */
class GdapExpiryRemindersTest {

  private static final Recipient OWNER = new Recipient("olivia", "olivia@partner.example", "Olivia Owner", Locale.ENGLISH);

  private final MailRecipients recipients = mock(MailRecipients.class);
  private final MailOutbox outbox = mock(MailOutbox.class);
  private final List<String> greeted = new ArrayList<>();

  @Test
  void theOwnerIsRemindedByName() {
    when(recipients.user("olivia")).thenReturn(Optional.of(OWNER));
    when(outbox.enqueue(eq("job-1"), eq(OWNER.email()), eq(Locale.ENGLISH), any())).thenReturn("entry-1");

    assertThat(reminders("ops@partner.example").send("job-1", "olivia", this::greet)).contains("entry-1");
    assertThat(greeted).containsExactly("Olivia Owner");
  }

  @Test
  void withoutAnOwnerAddressTheConfiguredOneIsReminded() {
    when(recipients.user(null)).thenReturn(Optional.empty());
    when(outbox.enqueue(eq("job-1"), eq("ops@partner.example"), eq(Locale.ENGLISH), any())).thenReturn("entry-2");

    assertThat(reminders("ops@partner.example").send("job-1", null, this::greet)).contains("entry-2");
  }

  @Test
  void withNeitherNobodyIsReminded() {
    when(recipients.user(null)).thenReturn(Optional.empty());

    assertThat(reminders(null).send("job-1", null, this::greet)).isEmpty();
    verify(outbox, never()).enqueue(anyString(), any(), any(), any());
  }

  private GdapExpiryReminders reminders(String ownerEmail) {
    return new GdapExpiryReminders(recipients, outbox, new GdapProperties(null, new GdapProperties.Lifecycle(
        Duration.ofDays(30), Duration.ofDays(7), Duration.ofMinutes(15), Duration.ofHours(1), ownerEmail)));
  }

  private GdapExpiryReminderEmail greet(String ownerName) {
    greeted.add(ownerName);
    return null;
  }
}
