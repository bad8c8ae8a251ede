package cn.yishi.adapter.outbound.db;

import cn.yishi.adapter.outbound.mail.OutboxStore;
import cn.yishi.application.port.MailOutbox;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mail outbox table. Enqueueing joins the caller's transaction and never fails on a repeated
 * key; the sender claims a row with one conditional update (its own statement, committed at once),
 * which holds only while the row is pending, due and unclaimed: two nodes never attempt the same row
 * at once, and a failed row waits out its back-off on every node.
 */
@Repository
class JdbcMailOutbox implements MailOutbox, OutboxStore {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final String insertIfAbsent;

  JdbcMailOutbox(JdbcClient jdbc, Clock clock, Dialect dialect) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.insertIfAbsent = dialect.insertIfAbsent("yishi_mail_outbox",
        "dedup_key, recipient, subject, body, case_id, status, attempts, next_attempt_at, created_at",
        ":key, :recipient, :subject, :body, :caseId, 'PENDING', 0, :now, :now", "dedup_key", ":key");
  }

  @Override
  public boolean enqueue(String dedupKey, String recipient, String subject, String body, Long caseId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    try {
      return jdbc.sql(insertIfAbsent)
          .param("key", dedupKey)
          .param("recipient", recipient)
          .param("subject", subject)
          .param("body", body)
          .param("caseId", caseId)
          .param("now", now)
          .update() == 1;
    } catch (org.springframework.dao.DuplicateKeyException raced) {
      // H2 only: a concurrent transaction queued the same key after the "not exists" check
      return false;
    }
  }

  @Override
  public List<Long> due(OffsetDateTime now, int limit) {
    return jdbc.sql("""
            select id from yishi_mail_outbox
            where status = 'PENDING' and next_attempt_at <= :now
              and (claimed_until is null or claimed_until < :now)
            order by id
            fetch first :limit rows only""")
        .param("now", now)
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  @Override
  public boolean claim(long id, String node, OffsetDateTime now, OffsetDateTime until) {
    return jdbc.sql("""
            update yishi_mail_outbox set claimed_by = :node, claimed_until = :until
            where id = :id and status = 'PENDING' and next_attempt_at <= :now
              and (claimed_until is null or claimed_until < :now)""")
        .param("node", node)
        .param("until", until)
        .param("id", id)
        .param("now", now)
        .update() == 1;
  }

  @Override
  public OutboxMail load(long id) {
    return jdbc.sql("select id, dedup_key, recipient, subject, body, attempts from yishi_mail_outbox where id = :id")
        .param("id", id)
        .query((rs, n) -> new OutboxMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getInt(6)))
        .single();
  }

  @Override
  public void markSent(long id, OffsetDateTime now) {
    jdbc.sql("""
            update yishi_mail_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1,
              claimed_by = null, claimed_until = null, last_error = null
            where id = :id""")
        .param("now", now).param("id", id).update();
  }

  @Override
  public void markLogged(long id, OffsetDateTime now) {
    jdbc.sql("""
            update yishi_mail_outbox set status = 'LOGGED', sent_at = :now, claimed_by = null, claimed_until = null,
              last_error = 'no SMTP server configured: written to the log'
            where id = :id""")
        .param("now", now).param("id", id).update();
  }

  @Override
  public java.util.Map<String, Long> countByStatus() {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.sql("select status, count(*) from yishi_mail_outbox group by status")
        .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  @Override
  public void markFailed(long id, String error, OffsetDateTime retryAt, boolean giveUp) {
    jdbc.sql("""
            update yishi_mail_outbox set status = :status, attempts = attempts + 1, last_error = :error,
              next_attempt_at = :retryAt, claimed_by = null, claimed_until = null
            where id = :id""")
        .param("status", giveUp ? "FAILED" : "PENDING")
        .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
        .param("retryAt", retryAt)
        .param("id", id)
        .update();
  }
}
