package cn.yishi.application;

import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An in-memory timeline: keeps every appended entry with its case id, in order. */
public final class RecordingTimeline implements Timeline {
  public record Appended(long caseId, Entry entry) {}

  private final List<Appended> appended = new ArrayList<>();

  @Override
  public synchronized void append(long caseId, OffsetDateTime at, String actor, TimelineAction action, String note, boolean publicNote) {
    appended.add(new Appended(caseId, new Entry(at, actor, action, note, publicNote)));
  }

  @Override
  public synchronized List<Entry> entries(long caseId) {
    return appended.stream().filter(a -> a.caseId() == caseId).map(Appended::entry).toList();
  }

  @Override
  public Optional<Recent> recent(String caseNo, int limit) {
    throw new UnsupportedOperationException("the services under test do not read the recent entries");
  }

  /** Every entry appended, of any case, in order. */
  public synchronized List<Appended> all() {
    return List.copyOf(appended);
  }
}
