package cn.yishi.adapter.outbound.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
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
 * after, so a second node or a second run never sends it again. A failure is retried with back-off
 * (retry-backoff doubled per attempt, at most retry-backoff-max) until max-attempts, then left as
 * FAILED for an operator to see. The claim holds only for a due row, so a node that listed a row
 * before another node's attempt failed leaves it to its back-off. Each mail carries a Message-ID made
 * from its outbox row, the same on every attempt, so that a receiver can recognise a repeat.
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
  private final Duration backoff;
  private final Duration backoffMax;
  private final String messageIdDomain;
  /** This sender, in the outbox's claimed_by: the JVM (pid@host) and the instance (two contexts in one JVM). */
  private final String node;
  private final boolean logOnly;

  public OutboxSender(
      OutboxStore store,
      JavaMailSender mail,
      Clock clock,
      @Value("${yishi.mail.from}") String from,
      @Value("${yishi.mail.outbox.batch-size}") int batchSize,
      @Value("${yishi.mail.outbox.max-attempts}") int maxAttempts,
      @Value("${yishi.mail.outbox.retry-backoff:PT1M}") Duration backoff,
      @Value("${yishi.mail.outbox.retry-backoff-max:PT1H}") Duration backoffMax,
      @Value("${spring.mail.host:}") String smtpHost) {
    if (backoff.isNegative() || backoff.isZero() || backoffMax.compareTo(backoff) < 0) {
      throw new IllegalStateException("yishi.mail.outbox.retry-backoff must be positive and retry-backoff-max at least as long; got "
          + backoff + " and " + backoffMax);
    }
    this.store = store;
    this.mail = mail;
    this.clock = clock;
    this.from = from;
    this.batchSize = batchSize;
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.backoffMax = backoffMax;
    this.messageIdDomain = domainOf(from);
    String jvm = ManagementFactory.getRuntimeMXBean().getName();
    String instance = UUID.randomUUID().toString().substring(0, 8);
    this.node = (jvm.length() > 90 ? jvm.substring(0, 90) : jvm) + "#" + instance;
    this.logOnly = smtpHost == null || smtpHost.isBlank();
    if (logOnly) {
      LOG.warn("No SMTP server is configured (YISHI_MAIL_HOST): outbox mail is written to the log and kept as LOGGED, not sent");
    }
  }

  @Scheduled(fixedDelayString = "${yishi.mail.outbox.poll-interval}", initialDelayString = "${yishi.mail.outbox.poll-interval}")
  public void scheduledDrain() {
    drain();
  }

  /** This sender's name in the outbox's claimed_by. */
  public String node() {
    return node;
  }

  /** Sends what is due; returns how many mails went out. */
  public int drain() {
    int sent = 0;
    for (long id : store.due(OffsetDateTime.now(clock), batchSize)) {
      // the time of the claim, not of the listing: a slow batch neither shortens a claim nor sees a back-off as over
      OffsetDateTime now = OffsetDateTime.now(clock);
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
        store.markFailed(id, String.valueOf(e.getMessage()), OffsetDateTime.now(clock).plus(backoff(attempts)), giveUp);
        LOG.warn("Mail {} to the outbox recipient failed (attempt {}{}): {}", id, attempts, giveUp ? ", giving up" : "", e.getMessage());
      }
    }
    return sent;
  }

  /** The wait after the {@code attempts}-th failure: retry-backoff × 2^attempts, at most retry-backoff-max. */
  Duration backoff(int attempts) {
    Duration wait = backoff;
    for (int i = 0; i < attempts && wait.compareTo(backoffMax) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
  }

  /**
   * The Message-ID of an outbox row: its id and a digest of its dedup key (unique per mail, also
   * across databases that reuse ids), so every attempt of one mail sends the same Message-ID.
   */
  public static String messageId(long id, String dedupKey, String domain) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(dedupKey.getBytes(StandardCharsets.UTF_8));
      return "<outbox." + id + "." + HexFormat.of().formatHex(digest, 0, 8) + "@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String domainOf(String from) {
    try {
      String address = new InternetAddress(from).getAddress();
      int at = address == null ? -1 : address.lastIndexOf('@');
      return at < 0 || at == address.length() - 1 ? "yishi.local" : address.substring(at + 1);
    } catch (AddressException e) {
      throw new IllegalStateException("yishi.mail.from is not a mail address: " + from, e);
    }
  }

  private MimeMessage toMime(OutboxStore.OutboxMail m) throws MessagingException {
    MimeMessage message = mail.createMimeMessage();
    // JavaMailSenderImpl keeps a Message-ID set before sending
    message.setHeader("Message-ID", messageId(m.id(), m.dedupKey(), messageIdDomain));
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(from);
    helper.setTo(m.recipient());
    helper.setSubject(m.subject());
    helper.setText(m.body(), false);
    return message;
  }
}
