package io.partnerchannel.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@link JdbcMailOutbox} marks new e-mails {@link MailStatus#PENDING} when a {@link MailDispatcher} exists and
 * {@link MailStatus#STORED} when none does, and asks the bean factory only at the first e-mail.
 */
class JdbcMailOutboxStatusTest {

  final MailOutboxRepository repository = mock(MailOutboxRepository.class);
  final MailRenderer renderer = mock(MailRenderer.class);
  @SuppressWarnings("unchecked")
  final ObjectProvider<MailDispatcher> dispatcher = mock(ObjectProvider.class);

  @Test
  void pendingWithADispatcherLookedUpOnce() {
    when(dispatcher.getIfAvailable()).thenReturn(mock(MailDispatcher.class));
    assertThat(statusesOfTwoEmails()).containsExactly(MailStatus.PENDING, MailStatus.PENDING);
    verify(dispatcher, times(1)).getIfAvailable();
  }

  @Test
  void storedWithoutADispatcherLookedUpOnce() {
    when(dispatcher.getIfAvailable()).thenReturn(null);
    assertThat(statusesOfTwoEmails()).containsExactly(MailStatus.STORED, MailStatus.STORED);
    verify(dispatcher, times(1)).getIfAvailable();
  }

  List<MailStatus> statusesOfTwoEmails() {
    when(renderer.render(any(), any())).thenReturn(new RenderedMail("Subject", "<p>Body</p>", Locale.ENGLISH));
    when(repository.insertIfAbsent(any())).thenReturn(true);
    JdbcMailOutbox outbox = new JdbcMailOutbox(repository, renderer, dispatcher);
    outbox.enqueue("pi-1:Task_A", "admin@adatum.onmicrosoft.com", Locale.ENGLISH, SampleInvitationMail.of("pi-1"));
    outbox.enqueue("pi-2:Task_A", "admin@adatum.onmicrosoft.com", Locale.ENGLISH, SampleInvitationMail.of("pi-2"));
    ArgumentCaptor<OutboxEntry> entries = ArgumentCaptor.forClass(OutboxEntry.class);
    verify(repository, times(2)).insertIfAbsent(entries.capture());
    return entries.getAllValues().stream().map(OutboxEntry::status).toList();
  }
}
