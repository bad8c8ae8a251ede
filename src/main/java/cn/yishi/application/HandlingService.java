package cn.yishi.application;

import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.supervision.SupervisionOrders;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.directory.TierRouting;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handling: dispatch (点将) or the claim pool (揭榜), progress notes, the handler's result or
 * escalation, and overdue supervision (督办) with automatic escalation at the second miss.
 */
@Service
public class HandlingService {
  public enum DispatchMode { ASSIGN, POOL }

  public enum Outcome { RESOLVED, ESCALATE }

  private static final int NOTE_MAX = 2000;

  private final Cases cases;
  private final TierRouting tiers;
  private final Directory directory;
  private final HandlingProperties properties;
  private final ReporterNotices notices;
  private final SupervisionOrders supervision;
  private final SupervisionStore supervisionStore;
  private final CoHandlingService coHandling;

  public HandlingService(Cases cases, HandlingProperties properties, ReporterNotices notices,
      SupervisionOrders supervision, SupervisionStore supervisionStore, Directory directory, CoHandlingService coHandling) {
    this.coHandling = coHandling;
    this.tiers = new TierRouting(directory);
    this.directory = directory;
    this.cases = cases;
    this.properties = properties;
    this.notices = notices;
    this.supervision = supervision;
    this.supervisionStore = supervisionStore;
  }

  /** Where the case's handling task goes now. */
  @Transactional(readOnly = true)
  public Routing routing(String caseNo) {
    return cases.routing(cases.load(caseNo), false);
  }

  /** The claim pool (揭榜) of a case is offered to the units that serve its community (see {@link Directory.Unit#serves}). */
  @Transactional(readOnly = true)
  public List<String> claimGroups(String caseNo) {
    return tiers.claimGroups(cases.load(caseNo).community());
  }

  /** The dispatch centre assigns a unit, or publishes the case to the claim pool. */
  @Transactional
  public DispatchMode dispatch(String caseNo, String mode, String unit, String actor) {
    DispatchMode m = parse(DispatchMode.class, "assignMode", mode, "请选择派单方式：ASSIGN（点将）或 POOL（揭榜）");
    if (m == DispatchMode.POOL) {
      cases.change(caseNo, actor, TimelineAction.PUBLISHED_TO_POOL, "发布至项目池，等待责任单位认领", true, c -> { });
      return m;
    }
    Directory.Unit u = unit(unit);
    cases.change(caseNo, actor, TimelineAction.ASSIGNED, "责任单位：" + u.name(), true, c -> c.assignUnit(u.code()));
    return m;
  }

  /** A unit claims a case from the pool; the claimant must belong to that unit. */
  @Transactional
  public void claim(String caseNo, String unit, String actor, Collection<String> actorGroups) {
    Directory.Unit u = unit(unit);
    if (actorGroups == null || !actorGroups.contains(GroupIds.unit(u.code()))) {
      throw refused("responsibleUnit", "not_member", "只能以本单位名义认领：您不属于" + u.name());
    }
    cases.change(caseNo, actor, TimelineAction.CLAIMED, "认领单位：" + u.name(), true, c -> c.assignUnit(u.code()));
  }

  /** A progress note from the handler; it goes into the timeline and the public view. */
  @Transactional
  public void progress(String caseNo, String note, String actor) {
    progress(caseNo, note, true, actor);
  }

  /** A progress note from the handler into the timeline: public (shown on the public case page) or internal (staff only). */
  @Transactional
  public void progress(String caseNo, String note, boolean publicNote, String actor) {
    String n = note == null ? "" : note.strip();
    Text.requireStorable("note", n);
    if (n.isEmpty()) {
      throw refused("note", "required", "请填写办理进展");
    }
    if (n.length() > NOTE_MAX) {
      throw refused("note", "too_long", "办理进展不能超过" + NOTE_MAX + "个字");
    }
    CaseFile c = cases.load(caseNo);
    if (!c.status().isOpen()) {
      throw refused("caseNo", "closed", "办件已结束，不能再填写进展");
    }
    cases.note(c, actor, TimelineAction.PROGRESS, n, publicNote);
    supervisionStore.touchCaseProgress(c.id(), cases.now());
  }

  /**
   * The handler's answer: resolved with a result, or escalated one tier with a reason. A case with co-units (组团) is
   * resolved only once every co-unit has reported its result: the lead reports the joint result.
   */
  @Transactional
  public Routing handle(String caseNo, String outcome, String resultNote, String escalationReason, String actor) {
    Outcome o = parse(Outcome.class, "outcome", outcome, "办理结果应为 RESOLVED（已办结）或 ESCALATE（上报）");
    if (o == Outcome.RESOLVED) {
      String note = required("resultNote", resultNote, "请填写办理结果");
      coHandling.requireFinished(caseNo);
      CaseFile c = cases.change(caseNo, actor, TimelineAction.RESOLVED, note, true, k -> k.resolve(note, cases.now()));
      return cases.routing(c, true);
    }
    String reason = required("escalationReason", escalationReason, "上报时请填写理由");
    return escalate(caseNo, reason, actor);
  }

  /** The deliberation's resolution items are all implemented: the case is resolved. */
  @Transactional
  public void resolveAfterDeliberation(String caseNo) {
    String note = "协商议事决议事项已全部落实";
    cases.change(caseNo, "system", TimelineAction.RESOLVED, note, true, k -> k.resolve(note, cases.now()));
  }

  /** Moves the case up one tier with a fresh deadline. */
  @Transactional
  public Routing escalate(String caseNo, String reason, String actor) {
    CaseFile before = cases.load(caseNo);
    int days = resolutionDaysOf(before);
    CaseFile c = cases.change(caseNo, actor, TimelineAction.ESCALATED,
        reason + "（" + before.tier().label() + " → " + before.tier().up().map(t -> t.label()).orElse("-") + "）", true,
        k -> k.escalate(cases.deadlineIn(days)));
    notices.escalated(c);
    return cases.routing(c, true);
  }

  public record Overdue(Routing routing, boolean escalated) {}

  /**
   * The handling deadline passed: a supervision order for the tier's supervisor with a mail to the
   * responsible unit (see {@link SupervisionOrders}), a new deadline; the second miss in a row moves
   * the case up one tier.
   */
  @Transactional
  public Overdue overdue(String caseNo) {
    CaseFile before = cases.load(caseNo);
    OffsetDateTime missed = before.deadline();
    if (missed != null && missed.isAfter(cases.now())) {
      // the deadline moved after the timer was set (listed supervision moved the case up a tier):
      // nothing was missed; the handling task starts again with the case as it stands
      return new Overdue(cases.routing(before, true), false);
    }
    boolean[] second = new boolean[1];
    int miss = before.overdueCount() + 1;
    CaseFile c = cases.change(caseNo, "system", TimelineAction.OVERDUE,
        "超过办理期限（第" + miss + "次），已督办", true,
        k -> second[0] = k.markOverdue(cases.deadlineIn(properties.supervisionDays())));
    supervision.raise(new SupervisionStore.OpenItem(SupervisionStore.ItemType.CASE, c.id(), c.id(), c.caseNo(),
            c.title(), c.community(), c.tier() == null ? null : c.tier().name(), c.responsibleUnit(), null, missed,
            c.processInstanceId(), null),
        "DL:" + (missed == null ? "none:" + miss : missed.toInstant().toString()), SupervisionOrders.SOURCE_DEADLINE, null,
        false, "已超过办理期限（第" + miss + "次）");
    if (second[0]) {
      return new Overdue(escalate(caseNo, "连续两次逾期，自动上报", "system"), true);
    }
    return new Overdue(cases.routing(c, true), false);
  }

  /** Working days the case gets at the tier above its current one. */
  private int resolutionDaysOf(CaseFile c) {
    return properties.escalationDays().get(c.tier().up().orElse(c.tier()));
  }

  private Directory.Unit unit(String code) {
    if (code == null || code.isBlank()) {
      throw refused("responsibleUnit", "required", "请选择责任单位");
    }
    return directory.unit(code.strip()).orElseThrow(
        () -> refused("responsibleUnit", "unknown", "未知的责任单位：" + code));
  }

  private static String required(String field, String value, String message) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw refused(field, "required", message);
    }
    if (v.length() > NOTE_MAX) {
      throw refused(field, "too_long", "不能超过" + NOTE_MAX + "个字");
    }
    return v;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, String message) {
    try {
      return Enum.valueOf(type, value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      throw refused(field, value == null || value.isBlank() ? "required" : "invalid", message);
    }
  }

  static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
