package cn.yishi.application;

import cn.yishi.application.port.MailOutbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An in-memory outbox that, like the real one, queues a dedup key once. */
public final class RecordingOutbox implements MailOutbox {
  public record Mail(String dedupKey, String recipient, String subject, String body, Long caseId) {}

  private final List<Mail> queued = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();

  @Override
  public synchronized boolean enqueue(String dedupKey, String recipient, String subject, String body, Long caseId) {
    if (!keys.add(dedupKey)) {
      return false;
    }
    queued.add(new Mail(dedupKey, recipient, subject, body, caseId));
    return true;
  }

  public synchronized List<Mail> queued() {
    return List.copyOf(queued);
  }
}
