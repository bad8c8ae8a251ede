package cn.yishi.application.port;

/**
 * Mail that must be sent once. Written in the caller's transaction; a sender drains it. The
 * dedup key makes a retried job, a rolled-back attempt or a second node harmless.
 */
public interface MailOutbox {
  /** Returns false when a mail with this key was already queued. */
  boolean enqueue(String dedupKey, String recipient, String subject, String body, Long caseId);
}
