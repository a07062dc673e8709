package io.partnerchannel.orchestrator.indirect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.partnerchannel.orchestrator.notification.MailOutbox;
import io.partnerchannel.orchestrator.notification.MailRecipients;
import io.partnerchannel.orchestrator.notification.MailRecipients.Recipient;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ResellerNotices}: the forwarding staff member, else the reseller's group, one outbox entry each. */
class ResellerNoticesTest {

  private static final String FABRIKAM = "6b0c5f8e-0000-4000-8000-00000000fab1";
  private static final Recipient ANA = new Recipient("ana", "ana@fabrikam.example", "Ana Reis", Locale.ENGLISH);
  private static final Recipient BO = new Recipient("bo", "bo@fabrikam.example", "Bo Lind", Locale.ENGLISH);

  private final MailRecipients recipients = mock(MailRecipients.class);
  private final MailOutbox outbox = mock(MailOutbox.class);
  private final ResellerNotices notices = new ResellerNotices(recipients, outbox);

  @Test
  void theStaffMemberWhoForwardedTheInvitationIsTheOneNotified() {
    when(recipients.user("ana")).thenReturn(Optional.of(ANA));

    assertThat(notices.staff("ana", FABRIKAM)).containsExactly(ANA);
    verify(recipients, never()).members(any());
  }

  @Test
  void withoutAForwarderEveryMemberOfTheResellerGroupGetsAnEntryOfTheirOwn() {
    when(recipients.user(null)).thenReturn(Optional.empty());
    when(recipients.members(IndirectResellerInvitationProcess.resellerGroup(FABRIKAM))).thenReturn(List.of(ANA, BO));
    when(outbox.enqueue(eq("job-1:ana"), eq(ANA.email()), eq(Locale.ENGLISH), any())).thenReturn("entry-ana");
    when(outbox.enqueue(eq("job-1:bo"), eq(BO.email()), eq(Locale.ENGLISH), any())).thenReturn("entry-bo");

    List<String> entries = notices.send("job-1", null, FABRIKAM, name -> new ResellerNotificationEmail(
        "Contoso", "contoso.example", "Northwind", "Fabrikam", "tenant-1", name, "pi-1"));

    assertThat(entries).containsExactly("entry-ana", "entry-bo");
  }
}
