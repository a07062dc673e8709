package io.partnerchannel.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.TestSocketUtils;

/** With {@code spring.mail.host} pointing to GreenMail, queued e-mails are sent, once. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class MailDispatcherTest {

  static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(true);

  @DynamicPropertySource
  static void mailHost(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
    registry.add("pco.mail.from", () -> "invitations@northwind.example");
  }

  @Autowired MailOutbox outbox;
  @Autowired MailDispatcher dispatcher;
  @Autowired MailOutboxRepository repository;

  static String uniqueRecipient() {
    return "admin+" + UUID.randomUUID().toString().substring(0, 8) + "@adatum.onmicrosoft.com";
  }

  static List<MimeMessage> receivedBy(String recipient) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
      try {
        return Arrays.stream(message.getAllRecipients()).map(Address::toString).anyMatch(recipient::equals);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void sendsAQueuedEmailExactlyOnce() throws Exception {
    String recipient = uniqueRecipient();
    String key = "pi-" + UUID.randomUUID() + ":Task_SendInvitationEmail";
    String id = outbox.enqueue(key, recipient, Locale.ITALIAN, JdbcMailOutboxTest.model("pi-mail"));
    assertThat(repository.findById(id).orElseThrow().status()).isEqualTo(MailStatus.PENDING);

    dispatcher.dispatchPending();
    dispatcher.dispatchPending();

    List<MimeMessage> received = receivedBy(recipient);
    assertThat(received).hasSize(1);
    MimeMessage message = received.get(0);
    assertThat(message.getSubject()).isEqualTo("Northwind Cloud Solutions invita Adatum Corporation a una relazione di rivenditore");
    assertThat(message.getFrom()[0].toString()).isEqualTo("invitations@northwind.example");
    assertThat(message.getContentType()).startsWith("text/html").containsIgnoringCase("UTF-8");
    assertThat(message.getHeader("Content-Language")[0]).isEqualTo("it");
    assertThat(message.getMessageID()).isEqualTo(dispatcher.messageId(key)).endsWith("@northwind.example>");
    assertThat(GreenMailUtil.getBody(message)).contains("Esamina e accetta");

    OutboxEntry entry = repository.findById(id).orElseThrow();
    assertThat(entry.status()).isEqualTo(MailStatus.SENT);
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(entry.sentAt()).isNotNull();
  }

  @Test
  void twoDispatchersAtOnceStillSendOnce() {
    String recipient = uniqueRecipient();
    outbox.enqueue("pi-" + UUID.randomUUID() + ":Task_SendGdapApprovalEmail", recipient,
        Locale.ENGLISH, JdbcMailOutboxTest.model("pi-race"));

    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(dispatcher::dispatchPending);
    CompletableFuture<Integer> second = CompletableFuture.supplyAsync(dispatcher::dispatchPending);
    CompletableFuture.allOf(first, second).join();

    assertThat(receivedBy(recipient)).hasSize(1);
  }

  @Test
  void retriesAFailedSendAndGivesUpAfterTheLastAttempt() {
    String recipient = uniqueRecipient();
    String id = outbox.enqueue("pi-" + UUID.randomUUID() + ":Task_NotifyRequester",
        recipient, Locale.ENGLISH, JdbcMailOutboxTest.model("pi-retry"));
    greenMail.stop(); // the mail host is down

    dispatcher.dispatchPending();

    OutboxEntry afterFirst = repository.findById(id).orElseThrow();
    assertThat(afterFirst.status()).isEqualTo(MailStatus.PENDING);
    assertThat(afterFirst.attempts()).isEqualTo(1);
    assertThat(afterFirst.lastError()).contains("MailSendException");

    for (int attempt = 2; attempt <= MailDispatcher.MAX_ATTEMPTS; attempt++) {
      dispatcher.dispatchPending();
    }

    OutboxEntry given = repository.findById(id).orElseThrow();
    assertThat(given.status()).isEqualTo(MailStatus.FAILED);
    assertThat(given.attempts()).isEqualTo(MailDispatcher.MAX_ATTEMPTS);
    assertThat(given.sentAt()).isNull();
  }
}
