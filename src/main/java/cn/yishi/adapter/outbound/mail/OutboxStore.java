package cn.yishi.adapter.outbound.mail;

import java.time.OffsetDateTime;
import java.util.List;

/** What the sender needs from the outbox table. */
public interface OutboxStore {
  record OutboxMail(long id, String dedupKey, String recipient, String subject, String body, int attempts) {}

  List<Long> due(OffsetDateTime now, int limit);

  /**
   * Takes a row for this node until {@code until}, in one atomic statement; false when another node
   * holds it, it is done, or it is not due at {@code now} (a failed row waits for its back-off, even
   * when this node listed it as due before another node's attempt failed).
   */
  boolean claim(long id, String node, OffsetDateTime now, OffsetDateTime until);

  OutboxMail load(long id);

  void markSent(long id, OffsetDateTime now);

  /** Without an SMTP server (embedded default): the mail went to the log and is kept, not lost. */
  void markLogged(long id, OffsetDateTime now);

  /** How many mails wait in each status (PENDING, SENT, FAILED, LOGGED), for operators. */
  java.util.Map<String, Long> countByStatus();

  void markFailed(long id, String error, OffsetDateTime retryAt, boolean giveUp);
}
