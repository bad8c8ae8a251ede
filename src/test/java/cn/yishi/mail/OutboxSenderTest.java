package cn.yishi.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.adapter.outbound.mail.OutboxSender;
import cn.yishi.application.port.MailOutbox;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server (GreenMail): outage and recovery, rollback, duplicates. */
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

  private String status(String key) {
    return jdbc.sql("select status from yishi_mail_outbox where dedup_key = ?").param(key).query(String.class).single();
  }

  @Test
  void whileSmtpIsDownMailWaitsAndAfterRecoveryEveryMailArrivesExactlyOnce() {
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
