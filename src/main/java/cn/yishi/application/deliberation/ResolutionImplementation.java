package cn.yishi.application.deliberation;

import cn.yishi.application.port.Meetings;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 决议落实: the resolution takes effect (决议生效): its items become OPEN, go to their responsible units, are
 * supervised (旬跟进) and completed with a note on what was done.
 */
@Service
public class ResolutionImplementation {
  private final Meetings meetings;
  private final Deliberations deliberations;

  public ResolutionImplementation(Meetings meetings, Deliberations deliberations) {
    this.meetings = meetings;
    this.deliberations = deliberations;
  }

  /** The resolution takes effect: its items become OPEN and are implemented and supervised; returns their ids. */
  @Transactional
  public List<Long> adopt(long meetingId) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    int n = meetings.adoptItems(meetingId, deliberations.now());
    deliberations.noteOnCase(m.caseId(), "system", TimelineAction.RESOLUTION_ADOPTED, "决议生效，" + n + " 项决议事项交责任单位落实");
    return openItemIds(meetingId);
  }

  @Transactional(readOnly = true)
  public List<Long> openItemIds(long meetingId) {
    return meetings.items(meetingId).stream().filter(i -> "OPEN".equals(i.status())).map(Meetings.Item::id).toList();
  }

  @Transactional(readOnly = true)
  public Meetings.Item item(long itemId) {
    return meetings.findItem(itemId).orElseThrow(() -> new ValidationException(
        List.of(new FieldError("itemId", "unknown", "决议事项不存在"))));
  }

  /** The unit reports the item done, with what it did; the note goes to the case's public timeline. */
  @Transactional
  public void completeItem(long itemId, String note, String actor) {
    Meetings.Item item = item(itemId);
    String n = deliberations.rules().completionNote(note);
    meetings.completeItem(itemId, n, deliberations.now());
    deliberations.noteOnCase(item.caseId(), actor, TimelineAction.ITEM_COMPLETED, item.measure() + "：" + n);
  }
}
