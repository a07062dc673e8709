package io.partnerchannel.orchestrator.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.partnerchannel.orchestrator.partnercenter.PartnerCenter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@MockitoBean(types = PartnerCenter.class)
class JdbcMailOutboxTest {

  @Autowired MailOutbox outbox;
  @Autowired MailOutboxRepository repository;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired DataSource dataSource;

  private static final OutboxReader EVERYTHING = new OutboxReader(true, true, List.of());

  static MailModel model(String processInstanceId) {
    return SampleInvitationMail.of(processInstanceId);
  }

  /** @return whether the outbox holds an e-mail with the key (unique: at most one) */
  boolean stored(String key) {
    return repository.findIdByIdempotencyKey(key).isPresent();
  }

  @Test
  void storesTheRenderedEmailWithoutMailHost() {
    String key = "pi-" + UUID.randomUUID() + ":Task_SendInvitationEmail";

    String id = outbox.enqueue(key, "admin@adatum.onmicrosoft.com", Locale.ITALIAN, model("pi-1"));

    OutboxEntry entry = repository.findById(id).orElseThrow();
    assertThat(entry.idempotencyKey()).isEqualTo(key);
    assertThat(entry.template()).isEqualTo("invitation");
    assertThat(entry.recipient()).isEqualTo("admin@adatum.onmicrosoft.com");
    assertThat(entry.subject()).isEqualTo("Northwind Cloud Solutions invita Adatum Corporation a una relazione di rivenditore");
    assertThat(entry.language()).isEqualTo("it");
    assertThat(entry.businessReference()).isEqualTo("pi-1");
    assertThat(entry.status()).isEqualTo(MailStatus.STORED);
    assertThat(entry.attempts()).isZero();
    assertThat(entry.createdAt()).isNotNull();
    assertThat(entry.sentAt()).isNull();
    assertThat(entry.links()).containsExactly(SampleInvitationMail.INVITATION_URL);
  }

  @Test
  void queuesAnEmailOnlyOncePerIdempotencyKey() {
    String key = "pi-" + UUID.randomUUID() + ":Task_SendInvitationEmail";

    String first = outbox.enqueue(key, "admin@adatum.onmicrosoft.com", Locale.ENGLISH, model("pi-2"));
    String second = outbox.enqueue(key, "admin@adatum.onmicrosoft.com", Locale.ENGLISH, model("pi-2"));

    assertThat(second).isEqualTo(first);
    assertThat(stored(key)).isTrue();
  }

  @Test
  void returnsTheConcurrentEntryAndKeepsTheCallersTransactionUsable() throws Exception {
    String key = "pi-" + UUID.randomUUID() + ":Task_SendInvitationEmail";
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    CountDownLatch firstInserted = new CountDownLatch(1);
    CountDownLatch commitFirst = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = threads.submit(() -> transaction.execute(tx -> {
        String id = outbox.enqueue(key, "admin@adatum.onmicrosoft.com", Locale.ENGLISH, model("pi-3"));
        firstInserted.countDown();
        await(commitFirst);
        return id;
      }));
      assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();
      // the second job does not see the uncommitted entry, inserts, and waits on the unique key
      Future<String> second = threads.submit(() -> transaction.execute(tx -> {
        String id = outbox.enqueue(key, "admin@adatum.onmicrosoft.com", Locale.ENGLISH, model("pi-3"));
        assertThat(stored(key)).isTrue(); // the transaction is still usable after the duplicate key
        return id;
      }));
      Thread.sleep(300);
      commitFirst.countDown();

      assertThat(second.get(20, TimeUnit.SECONDS)).isEqualTo(first.get(20, TimeUnit.SECONDS));
      assertThat(stored(key)).isTrue();
    } finally {
      commitFirst.countDown();
      threads.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void writesNothingWhenTheCallersTransactionRollsBack() {
    String key = "pi-" + UUID.randomUUID() + ":Task_SendInvitationEmail";

    new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
      outbox.enqueue(key, "admin@adatum.onmicrosoft.com", Locale.ENGLISH, model("pi-4"));
      assertThat(stored(key)).isTrue();
      tx.setRollbackOnly(); // as when the job's delegate fails after queuing the e-mail
    });

    assertThat(stored(key)).isFalse();
  }

  @Test
  void listsARecipientsEmailsIgnoringTheAddressesCase() {
    String mailbox = "Admin." + UUID.randomUUID().toString().substring(0, 8);
    String first = outbox.enqueue("k-" + UUID.randomUUID(), mailbox + "@Adatum.onmicrosoft.com", Locale.ENGLISH,
        model("pi-6"));
    String second = outbox.enqueue("k-" + UUID.randomUUID(), mailbox.toLowerCase() + "@adatum.onmicrosoft.com",
        Locale.ENGLISH, model("pi-6"));
    outbox.enqueue("k-" + UUID.randomUUID(), "other." + mailbox + "@adatum.onmicrosoft.com", Locale.ENGLISH,
        model("pi-6"));

    assertThat(repository.findNewest(mailbox.toUpperCase() + "@ADATUM.ONMICROSOFT.COM", 10, EVERYTHING))
        .extracting(OutboxEntry::id).containsExactly(second, first);
  }

  @Test
  void listingARecipientsEmailsReadsTheIndexOfTheirKey() {
    MapSqlParameterSource parameters = new MapSqlParameterSource()
        .addValue("recipient", "Admin@Adatum.onmicrosoft.com")
        .addValue("everything", false).addValue("partner", true).addValue("tenants", List.of("tenant-a"));
    // the repository's own statement, bound as it runs; on PostgreSQL with sequential scans off for this
    // transaction, as the test's outbox is small
    String plan = new TransactionTemplate(transactionManager).execute(tx -> {
      NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
      String database = jdbc.getJdbcTemplate()
          .execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
      if ("PostgreSQL".equals(database)) {
        jdbc.getJdbcTemplate().execute("set local enable_seqscan = off");
      }
      return String.join("\n", jdbc.queryForList(
          "explain " + MailOutboxRepository.newest(true, 100), parameters, String.class));
    });

    assertThat(plan).containsIgnoringCase("ix_pco_mail_outbox_recipient_key");
  }

  @Test
  void refusesARecipientThatIsNoEmailAddress() {
    assertThatThrownBy(() -> outbox.enqueue("k-" + UUID.randomUUID(), "adatum corporation",
            Locale.ENGLISH, model("pi-5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recipient");
  }
}
