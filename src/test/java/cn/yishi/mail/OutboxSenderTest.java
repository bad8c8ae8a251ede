package cn.yishi.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.adapter.outbound.mail.OutboxSender;
import cn.yishi.adapter.outbound.mail.OutboxStore;
import cn.yishi.application.port.MailOutbox;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail): outage and recovery, rollback, duplicates, and two
 * nodes (two senders) during an outage: a failed mail waits for its back-off on both.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-outbox-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "spring.mail.host=127.0.0.1",
    "spring.mail.port=3025",
    "spring.mail.properties.mail.smtp.connectiontimeout=1000",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class OutboxSenderTest {
  @Autowired MailOutbox outbox;
  @Autowired OutboxSender sender;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired OutboxStore store;
  @Autowired JavaMailSender mailSender;
  @Autowired Clock clock;

  private GreenMail smtp;

  @AfterEach
  void stop() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  private long count(String recipient) {
    return smtp.getReceivedMessages().length == 0 ? 0
        : java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
          try {
            return m.getAllRecipients()[0].toString().equals(recipient);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }).count();
  }

  /** A second node's sender: the same table and SMTP server, another claimed_by. */
  private OutboxSender secondNode() {
    return new OutboxSender(store, mailSender, clock, "议事平台 <noreply@yishi.local>", 50, 8, Duration.ofMinutes(1),
        Duration.ofHours(1), "127.0.0.1");
  }

  private int attempts(String key) {
    return jdbc.sql("select attempts from yishi_mail_outbox where dedup_key = ?").param(key).query(Integer.class).single();
  }

  private long id(String key) {
    return jdbc.sql("select id from yishi_mail_outbox where dedup_key = ?").param(key).query(Long.class).single();
  }

  private String status(String key) {
    return jdbc.sql("select status from yishi_mail_outbox where dedup_key = ?").param(key).query(String.class).single();
  }

  @Test
  void whileSmtpIsDownMailWaitsAndAfterRecoveryEveryMailArrivesExactlyOnce() throws Exception {
    String key = "test:" + UUID.randomUUID();
    String to = "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    transactions.executeWithoutResult(tx -> outbox.enqueue(key, to, "测试邮件", "正文", null));
    assertThat(outbox.enqueue(key, to, "测试邮件", "正文", null)).as("the same key twice").isFalse();

    assertThat(sender.drain()).isZero(); // no server listening
    assertThat(status(key)).isEqualTo("PENDING");
    assertThat(jdbc.sql("select attempts from yishi_mail_outbox where dedup_key = ?").param(key).query(Integer.class).single()).isOne();
    assertThat(jdbc.sql("select last_error from yishi_mail_outbox where dedup_key = ?").param(key).query(String.class).single()).isNotBlank();

    smtp = new GreenMail(ServerSetupTest.SMTP);
    smtp.start();
    assertThat(sender.drain()).as("the retry waits for its backoff").isZero();
    jdbc.sql("update yishi_mail_outbox set next_attempt_at = current_timestamp - interval '1' minute where dedup_key = ?").param(key).update();
    assertThat(sender.drain()).isEqualTo(1);
    assertThat(sender.drain()).isZero();

    assertThat(status(key)).isEqualTo("SENT");
    assertThat(count(to)).isOne();
    assertThat(smtp.getReceivedMessages()[smtp.getReceivedMessages().length - 1].getMessageID())
        .as("the Message-ID names the outbox row, the same on every attempt")
        .isEqualTo(OutboxSender.messageId(id(key), key, "yishi.local"));
  }

  @Test
  void aMailThatFailedOnOneNodeWaitsForItsBackoffOnTheOther() {
    String key = "backoff:" + UUID.randomUUID();
    outbox.enqueue(key, "backoff@example.org", "退避测试", "正文", null);
    OffsetDateTime listedAt = OffsetDateTime.now(clock);
    assertThat(store.due(listedAt, 1000)).as("the other node lists the mail as due").contains(id(key));

    assertThat(sender.drain()).isZero(); // this node attempts it while no SMTP server listens
    assertThat(attempts(key)).isOne();
    OffsetDateTime retryAt = jdbc.sql("select next_attempt_at from yishi_mail_outbox where dedup_key = ?").param(key)
        .query(OffsetDateTime.class).single();
    assertThat(Duration.between(listedAt, retryAt)).as("2 minutes after the first failure")
        .isBetween(Duration.ofSeconds(115), Duration.ofSeconds(125));

    assertThat(store.claim(id(key), "other-node", listedAt, listedAt.plusMinutes(5)))
        .as("the other node's claim from its earlier listing is refused: the mail waits for its back-off").isFalse();
    assertThat(store.claim(id(key), "other-node", OffsetDateTime.now(clock), OffsetDateTime.now(clock).plusMinutes(5)))
        .as("nor is it claimable now").isFalse();
    assertThat(secondNode().drain()).isZero();
    assertThat(attempts(key)).as("one attempt, one back-off").isOne();
    assertThat(status(key)).isEqualTo("PENDING");
  }

  @Test
  void twoNodesDrainingDuringAnOutageAttemptEachMailOnce() throws Exception {
    String prefix = "outage:" + UUID.randomUUID() + ":";
    for (int i = 0; i < 30; i++) {
      outbox.enqueue(prefix + i, "outage" + i + "@example.org", "停机测试 " + i, "正文", null);
    }
    List<OutboxSender> nodes = List.of(sender, secondNode());
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> runs = new ArrayList<>();
    for (OutboxSender node : nodes) {
      runs.add(pool.submit(() -> {
        int sent = 0;
        for (int round = 0; round < 15; round++) {
          together.await();
          sent += node.drain();
        }
        return sent;
      }));
    }
    for (Future<Integer> run : runs) {
      assertThat(run.get()).isZero();
    }
    pool.shutdown();
    assertThat(jdbc.sql("select attempts from yishi_mail_outbox where dedup_key like ?").param(prefix + "%")
        .query(Integer.class).list())
        .as("30 rounds of two nodes within the back-off: every mail attempted once").hasSize(30).containsOnly(1);
  }

  @Test
  void aRolledBackTransactionSendsNothing() {
    smtp = new GreenMail(ServerSetupTest.SMTP);
    smtp.start();
    String key = "rollback:" + UUID.randomUUID();
    assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
      outbox.enqueue(key, "rollback@example.org", "不应发送", "正文", null);
      throw new IllegalStateException("the deciding change failed");
    })).isInstanceOf(IllegalStateException.class);

    sender.drain();
    assertThat(jdbc.sql("select count(*) from yishi_mail_outbox where dedup_key = ?").param(key).query(Long.class).single()).isZero();
    assertThat(count("rollback@example.org")).isZero();
  }

  @Test
  void twoSendersAtOnceSendEachMailOnce() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP);
    smtp.start();
    String to = "twice" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    for (int i = 0; i < 20; i++) {
      outbox.enqueue("pair:" + to + ":" + i, to, "并发测试 " + i, "正文", null);
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    var a = pool.submit(sender::drain);
    var b = pool.submit(sender::drain);
    int sent = a.get() + b.get();
    pool.shutdown();

    assertThat(sent).isEqualTo(20);
    assertThat(count(to)).isEqualTo(20);
  }
}
