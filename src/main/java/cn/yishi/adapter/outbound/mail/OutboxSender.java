package cn.yishi.adapter.outbound.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the mail outbox over SMTP. Each row is claimed before it is sent, and marked sent right
 * after, so a second node or a second run never sends it again. A failure is retried with backoff
 * until max-attempts, then left as FAILED for an operator to see.
 */
@Component
public class OutboxSender {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration CLAIM = Duration.ofMinutes(5);

  private final OutboxStore store;
  private final JavaMailSender mail;
  private final Clock clock;
  private final String from;
  private final int batchSize;
  private final int maxAttempts;
  private final String node = ManagementFactory.getRuntimeMXBean().getName();
  private final boolean logOnly;

  public OutboxSender(
      OutboxStore store,
      JavaMailSender mail,
      Clock clock,
      @Value("${yishi.mail.from}") String from,
      @Value("${yishi.mail.outbox.batch-size}") int batchSize,
      @Value("${yishi.mail.outbox.max-attempts}") int maxAttempts,
      @Value("${spring.mail.host:}") String smtpHost) {
    this.store = store;
    this.mail = mail;
    this.clock = clock;
    this.from = from;
    this.batchSize = batchSize;
    this.maxAttempts = maxAttempts;
    this.logOnly = smtpHost == null || smtpHost.isBlank();
    if (logOnly) {
      LOG.warn("No SMTP server is configured (YISHI_MAIL_HOST): outbox mail is written to the log and kept as LOGGED, not sent");
    }
  }

  @Scheduled(fixedDelayString = "${yishi.mail.outbox.poll-interval}", initialDelayString = "${yishi.mail.outbox.poll-interval}")
  public void scheduledDrain() {
    drain();
  }

  /** Sends what is due; returns how many mails went out. */
  public int drain() {
    int sent = 0;
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (long id : store.due(now, batchSize)) {
      if (!store.claim(id, node, now, now.plus(CLAIM))) {
        continue;
      }
      OutboxStore.OutboxMail m = store.load(id);
      if (logOnly) {
        LOG.info("Mail not sent (no SMTP configured) to {}: {}\n{}", m.recipient(), m.subject(), m.body());
        store.markLogged(id, OffsetDateTime.now(clock));
        continue;
      }
      try {
        mail.send(toMime(m));
        store.markSent(id, OffsetDateTime.now(clock));
        sent++;
      } catch (MailException | MessagingException e) {
        int attempts = m.attempts() + 1;
        boolean giveUp = attempts >= maxAttempts;
        Duration backoff = Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts, 6)));
        store.markFailed(id, String.valueOf(e.getMessage()), OffsetDateTime.now(clock).plus(backoff), giveUp);
        LOG.warn("Mail {} to the outbox recipient failed (attempt {}{}): {}", id, attempts, giveUp ? ", giving up" : "", e.getMessage());
      }
    }
    return sent;
  }

  private MimeMessage toMime(OutboxStore.OutboxMail m) throws MessagingException {
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(from);
    helper.setTo(m.recipient());
    helper.setSubject(m.subject());
    helper.setText(m.body(), false);
    return message;
  }
}
