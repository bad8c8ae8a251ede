package cn.yishi.application;

import cn.yishi.application.port.Meetings;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.Urgency;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.GroupIds;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A first, minimal deliberation (协商议事): RED convenes within one working day, YELLOW and GREEN on
 * the community's next fixed deliberation day (固定议事日); the meeting records its resolution list
 * (决议清单), each item with a unit, a measure and a deadline; the units implement the items.
 */
@Service
public class DeliberationService {
  private static final int MAX_ITEMS = 30;

  private final Cases cases;
  private final Meetings meetings;
  private final int defaultFixedDay;
  private final Map<String, Integer> fixedDays;

  public DeliberationService(Cases cases, Meetings meetings, DeliberationProperties properties) {
    this.cases = cases;
    this.meetings = meetings;
    this.defaultFixedDay = properties.fixedDay();
    this.fixedDays = properties.fixedDays();
  }

  public record Scheduled(long meetingId, LocalDate dueDate, String roomGroup) {}

  public record ItemInput(String unit, String measure, String deadline) {}

  @Transactional
  public Scheduled schedule(String caseNo) {
    CaseFile c = cases.load(caseNo);
    LocalDate today = cases.now().atZoneSameInstant(cases.calendar().zone()).toLocalDate();
    LocalDate due = c.urgency() == Urgency.RED
        ? cases.calendar().plusWorkingDays(today, 1)
        : nextFixedDay(c.community(), today);
    long id = meetings.insertMeeting(c.id(), c.community(), c.urgency() == null ? null : c.urgency().name(), due, cases.now());
    cases.note(c, "system", TimelineAction.MEETING_SCHEDULED,
        (c.urgency() == Urgency.RED ? "红色事项，即时召开协商议事会，" : "列入固定议事日议程，") + "会期不晚于 " + due, true);
    return new Scheduled(id, due, GroupIds.room(c.community()));
  }

  /** The next fixed deliberation day after today (the same day counts if it is still ahead). */
  LocalDate nextFixedDay(String community, LocalDate today) {
    int day = fixedDays.getOrDefault(community, defaultFixedDay);
    LocalDate candidate = today.withDayOfMonth(Math.min(day, today.lengthOfMonth()));
    if (!candidate.isAfter(today)) {
      LocalDate next = today.plusMonths(1);
      candidate = next.withDayOfMonth(Math.min(day, next.lengthOfMonth()));
    }
    return cases.calendar().plusWorkingDays(candidate, 0);
  }

  /** Records the meeting and its resolution list; returns the item ids for implementation. */
  @Transactional
  public List<Long> record(long meetingId, Integer participants, String summary, List<ItemInput> items, String actor) {
    Meetings.Meeting m = meetings.findMeeting(meetingId)
        .orElseThrow(() -> refused("meetingId", "unknown", "会议不存在"));
    List<FieldError> errors = new ArrayList<>();
    if (participants == null || participants < 1 || participants > 10_000) {
      errors.add(new FieldError("participants", "out_of_range", "请填写参会人数（1到10000）"));
    }
    String s = summary == null ? "" : summary.strip();
    if (s.isEmpty() || s.length() > 4000) {
      errors.add(new FieldError("summary", s.isEmpty() ? "required" : "too_long", "请填写议事纪要（不超过4000字）"));
    }
    if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
      errors.add(new FieldError("resolutionItems", "required", "决议清单至少一项，至多" + MAX_ITEMS + "项"));
    }
    LocalDate today = cases.now().atZoneSameInstant(cases.calendar().zone()).toLocalDate();
    List<LocalDate> deadlines = new ArrayList<>();
    for (int i = 0; items != null && i < items.size(); i++) {
      ItemInput it = items.get(i);
      String prefix = "resolutionItems[" + i + "].";
      if (it.unit() == null || cases.directory().unit(it.unit()).isEmpty()) {
        errors.add(new FieldError(prefix + "unit", "unknown", "第" + (i + 1) + "项：请选择责任单位"));
      }
      if (it.measure() == null || it.measure().isBlank() || it.measure().length() > 1000) {
        errors.add(new FieldError(prefix + "measure", "required", "第" + (i + 1) + "项：请填写措施（不超过1000字）"));
      }
      LocalDate d = null;
      try {
        d = it.deadline() == null ? null : LocalDate.parse(it.deadline().length() > 10 ? it.deadline().substring(0, 10) : it.deadline());
      } catch (java.time.format.DateTimeParseException ignored) {
        // reported below
      }
      if (d == null || d.isBefore(today)) {
        errors.add(new FieldError(prefix + "deadline", "invalid", "第" + (i + 1) + "项：请填写不早于今天的完成期限（yyyy-MM-dd）"));
      }
      deadlines.add(d);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    OffsetDateTime now = cases.now();
    meetings.recordMeeting(meetingId, now, participants, s, actor);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      OffsetDateTime deadline = cases.calendar().deadline(
          deadlines.get(i).atStartOfDay(cases.calendar().zone()).toOffsetDateTime(), 0);
      ids.add(meetings.insertItem(meetingId, m.caseId(), items.get(i).unit(), items.get(i).measure().strip(), deadline));
    }
    if (m.caseId() != null) {
      CaseFile c = cases.loadById(m.caseId());
      cases.note(c, actor, TimelineAction.MEETING_HELD, "参会 " + participants + " 人，形成决议 " + items.size() + " 项：" + s, true);
    }
    return ids;
  }

  @Transactional(readOnly = true)
  public List<Long> openItemIds(long meetingId) {
    return meetings.items(meetingId).stream().filter(i -> "OPEN".equals(i.status())).map(Meetings.Item::id).toList();
  }

  @Transactional(readOnly = true)
  public Meetings.Item item(long itemId) {
    return meetings.findItem(itemId).orElseThrow(() -> refused("itemId", "unknown", "决议事项不存在"));
  }

  @Transactional
  public void completeItem(long itemId, String note, String actor) {
    Meetings.Item item = item(itemId);
    String n = note == null ? "" : note.strip();
    if (n.isEmpty() || n.length() > 2000) {
      throw refused("progressNote", "required", "请填写落实情况（不超过2000字）");
    }
    meetings.completeItem(itemId, n, cases.now());
    if (item.caseId() != null) {
      cases.note(cases.loadById(item.caseId()), actor, TimelineAction.ITEM_COMPLETED, item.measure() + "：" + n, true);
    }
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
