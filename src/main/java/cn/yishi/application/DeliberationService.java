package cn.yishi.application;

import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.application.port.Meetings;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliberation (协商议事), after 奉新's 六步法, 金溪's 五方议事厅, 通辽's 评审团 and 梁山's 三单:
 * RED convenes within one working day, YELLOW and GREEN on the community's next fixed deliberation
 * day (固定议事日); the agenda starts with the follow-up of the previous meeting's items (漩涡镇);
 * the parties record their positions (会前沟通); the problem list is matched against the resource
 * list; the meeting records its six steps and its resolution list (决议清单), or pauses; the plan is
 * publicised (张榜公示) and objections are decided; then the items are adopted and implemented.
 * A meeting may concern a community matter without a case (公约, 院落 plan).
 */
@Service
public class DeliberationService {
  static final int MAX_ITEMS = 30;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

  private final Cases cases;
  private final WorkingDayCalendar calendar;
  private final Directory directory;
  private final Meetings meetings;
  private final DeliberationProperties properties;
  private final cn.yishi.domain.deliberation.HouseholdRegister register;

  public DeliberationService(Cases cases, Meetings meetings, DeliberationProperties properties,
      cn.yishi.domain.deliberation.HouseholdRegister register, Directory directory, WorkingDayCalendar calendar) {
    this.calendar = calendar;
    this.directory = directory;
    this.cases = cases;
    this.meetings = meetings;
    this.properties = properties;
    this.register = register;
  }

  public record Scheduled(long meetingId, LocalDate dueDate, String roomGroup, String agendaFollowUp) {}

  public record ItemInput(String unit, String measure, String deadline) {}

  /** What the meeting task submits (六步). */
  public record MeetingInput(boolean paused, String pauseReason, Boolean onSite, String attendees, Integer participants,
      String groundRules, String topic, String summary, List<ItemInput> items, String responsibilities) {}

  public record Publicity(String token, OffsetDateTime endsAt) {}

  /** The public view of a publicised resolution: no personal data, no positions of persons. */
  public record PublicResolution(String token, String community, String title, String summary,
      List<PublicItem> items, OffsetDateTime publicityEndsAt, boolean open) {}

  public record PublicItem(String unit, String measure, LocalDate deadline, String status) {}

  /** Schedules a meeting for a case, or (caseNo null) for a community matter with its title and urgency. */
  @Transactional
  public Scheduled schedule(String caseNo, String community, String title, String urgency) {
    CaseFile c = caseNo == null ? null : cases.load(caseNo);
    String comm = c != null ? c.community() : community;
    String t = c != null ? c.title() : title == null ? "" : title.strip();
    String u = c != null ? (c.urgency() == null ? null : c.urgency().name()) : urgency;
    List<FieldError> errors = new ArrayList<>();
    if (comm == null || directory.community(comm).isEmpty()) {
      errors.add(new FieldError("community", "unknown", "请选择所在社区"));
    }
    if (t.isEmpty() || t.length() > 200) {
      errors.add(new FieldError("title", "required", "请填写议题（不超过200字）"));
    }
    if (u != null && !List.of("RED", "YELLOW", "GREEN").contains(u)) {
      errors.add(new FieldError("urgency", "unknown", "紧急程度应为红、黄或绿"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    LocalDate due = dueDate(comm, u);
    String agenda = agendaFollowUp(comm, -1);
    long id = meetings.insertMeeting(c == null ? null : c.id(), comm, u, t, due, agenda, cases.now());
    if (c != null) {
      cases.note(c, "system", TimelineAction.MEETING_SCHEDULED,
          ("RED".equals(u) ? "红色事项，即时召开协商议事会，" : "列入固定议事日议程，") + "会期不晚于 " + due, true);
    }
    return new Scheduled(id, due, GroupIds.room(comm), agenda);
  }

  private LocalDate dueDate(String community, String urgency) {
    LocalDate today = today();
    return "RED".equals(urgency) ? calendar.plusWorkingDays(today, 1) : nextFixedDay(community, today);
  }

  /** The next fixed deliberation day after today (the same day counts if it is still ahead). */
  LocalDate nextFixedDay(String community, LocalDate today) {
    int day = properties.fixedDays().getOrDefault(community, properties.fixedDay());
    LocalDate candidate = today.withDayOfMonth(Math.min(day, today.lengthOfMonth()));
    if (!candidate.isAfter(today)) {
      LocalDate next = today.plusMonths(1);
      candidate = next.withDayOfMonth(Math.min(day, next.lengthOfMonth()));
    }
    return calendar.plusWorkingDays(candidate, 0);
  }

  /** 漩涡镇: the first point of the agenda is the follow-up of the previous meeting's items. */
  String agendaFollowUp(String community, long meetingId) {
    Optional<Meetings.Meeting> previous = meetings.previousHeldMeeting(community, meetingId);
    if (previous.isEmpty()) {
      return "议程第一项：上次议事会决议事项跟进——本社区此前没有议事会决议事项。";
    }
    Meetings.Meeting p = previous.get();
    StringBuilder b = new StringBuilder("议程第一项：上次议事会（")
        .append(p.heldAt().atZoneSameInstant(calendar.zone()).format(DAY)).append("，")
        .append(p.title() == null ? "" : p.title()).append("）决议事项跟进：");
    List<Meetings.Item> items = meetings.items(p.id()).stream().filter(i -> !"WITHDRAWN".equals(i.status())).toList();
    if (items.isEmpty()) {
      b.append("无决议事项。");
    }
    for (int i = 0; i < items.size(); i++) {
      Meetings.Item it = items.get(i);
      b.append("\n").append(i + 1).append(". ").append(unitName(it.unit())).append("：").append(it.measure())
          .append("（期限 ").append(it.deadline().atZoneSameInstant(calendar.zone()).toLocalDate()).append("，")
          .append(statusLabel(it.status())).append("）");
    }
    String s = b.toString();
    return s.length() > 4000 ? s.substring(0, 3999) + "…" : s;
  }

  private static String statusLabel(String status) {
    return switch (status) {
      case "OPEN" -> "落实中";
      case "DONE" -> "已落实";
      case "PROPOSED" -> "待生效";
      default -> status;
    };
  }

  private String unitName(String code) {
    return directory.unit(code).map(Directory.Unit::name).orElse(code);
  }

  /** The parties asked for their positions before the meeting (五方/4+N), plus the case's department. */
  @Transactional(readOnly = true)
  public List<String> parties(long meetingId) {
    Meetings.Meeting m = meeting(meetingId);
    List<String> groups = new ArrayList<>(directory.deliberationParties(m.community()));
    if (m.caseId() != null) {
      String unit = cases.loadById(m.caseId()).responsibleUnit();
      directory.unit(unit == null ? "" : unit)
          .filter(u -> u.type() == Directory.UnitType.DEPARTMENT)
          .ifPresent(u -> groups.add(GroupIds.unit(u.code())));
    }
    return groups;
  }

  /** 会前沟通: one party's position. */
  @Transactional
  public void recordOpinion(long meetingId, String party, String position, String actor) {
    Meetings.Meeting m = meeting(meetingId);
    String p = position == null ? "" : position.strip();
    if (p.isEmpty() || p.length() > 2000) {
      throw refused("position", "required", "请填写本方意见（不超过2000字）");
    }
    if (party == null || !parties(meetingId).contains(party)) {
      throw refused("partyGroup", "unknown", "不是本次议事的参与方");
    }
    meetings.saveOpinion(m.id(), party, p, actor, cases.now());
  }

  /** 问题清单 matched against the 资源清单; returns the matches as text for the meeting. */
  @Transactional
  public String draftProblemList(long meetingId, String problemList) {
    meeting(meetingId);
    String p = problemList == null ? "" : problemList.strip();
    if (p.isEmpty() || p.length() > 4000) {
      throw refused("problemList", "required", "请填写问题清单（不超过4000字）");
    }
    List<String> lines = new ArrayList<>();
    for (DeliberationProperties.Resource r : properties.resources()) {
      List<String> hits = r.keywords().stream().filter(p::contains).toList();
      if (!hits.isEmpty()) {
        lines.add(r.kind() + "：" + r.name() + "（匹配：" + String.join("、", hits) + "）");
      }
    }
    String matches = lines.isEmpty() ? "资源清单中没有匹配的资源，请在议事会上商定。" : "可调用资源：\n" + String.join("\n", lines);
    meetings.saveProblemList(meetingId, p, matches);
    return matches;
  }

  /**
   * Records the meeting (六步) and its resolution list, whose items stay PROPOSED until the
   * resolution is adopted; or, when paused, only checks the reason (see {@link #reschedule}).
   */
  @Transactional
  public List<Long> record(long meetingId, MeetingInput in, String actor) {
    Meetings.Meeting m = meeting(meetingId);
    if (in.paused()) {
      if (blank(in.pauseReason()) || in.pauseReason().strip().length() > 1000) {
        throw refused("pauseReason", "required", "暂停议事须填写理由（不超过1000字）");
      }
      return List.of();
    }
    List<FieldError> errors = new ArrayList<>();
    Integer participants = in.participants();
    if (participants == null || participants < 1 || participants > 10_000) {
      errors.add(new FieldError("participants", "out_of_range", "请填写参会人数（1到10000）"));
    }
    text(errors, "attendees", in.attendees(), 2000, "请填写参会人员（各方代表，不超过2000字）");
    text(errors, "groundRules", in.groundRules(), 2000, "请填写议事规则（不超过2000字）");
    text(errors, "topic", in.topic(), 2000, "请填写议题阐述（不超过2000字）");
    text(errors, "summary", in.summary(), 4000, "请填写讨论纪要（不超过4000字）");
    text(errors, "responsibilities", in.responsibilities(), 2000, "请填写责任确认（不超过2000字）");
    List<ItemInput> items = in.items();
    if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
      errors.add(new FieldError("resolutionItems", "required", "决议清单至少一项，至多" + MAX_ITEMS + "项（未形成决议请选择暂停）"));
    }
    LocalDate today = today();
    List<LocalDate> deadlines = new ArrayList<>();
    for (int i = 0; items != null && i < items.size(); i++) {
      ItemInput it = items.get(i);
      String prefix = "resolutionItems[" + i + "].";
      if (it.unit() == null || directory.unit(it.unit()).isEmpty()) {
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
    meetings.withdrawProposedItems(meetingId);
    meetings.recordMeeting(meetingId, new Meetings.Record(now, Boolean.TRUE.equals(in.onSite()), in.attendees().strip(),
        participants, in.groundRules().strip(), in.topic().strip(), in.summary().strip(), in.responsibilities().strip(), actor));
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      OffsetDateTime deadline = calendar.deadline(
          deadlines.get(i).atStartOfDay(calendar.zone()).toOffsetDateTime(), 0);
      ids.add(meetings.insertItem(meetingId, m.caseId(), items.get(i).unit(), items.get(i).measure().strip(), deadline, "PROPOSED"));
    }
    if (m.caseId() != null) {
      cases.note(cases.loadById(m.caseId()), actor, TimelineAction.MEETING_HELD,
          (Boolean.TRUE.equals(in.onSite()) ? "现场议事，" : "") + "参会 " + participants + " 人，形成决议 " + items.size()
              + " 项：" + in.summary().strip(), true);
    }
    return ids;
  }

  /** 暂停: the meeting is rescheduled (RED again within one working day), with the reason. */
  @Transactional
  public LocalDate reschedule(long meetingId, String reason, String actor) {
    Meetings.Meeting m = meeting(meetingId);
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty() || r.length() > 1000) {
      throw refused("pauseReason", "required", "暂停议事须填写理由（不超过1000字）");
    }
    LocalDate due = dueDate(m.community(), m.urgency());
    meetings.reschedule(meetingId, due, r);
    if (m.caseId() != null) {
      cases.note(cases.loadById(m.caseId()), actor, TimelineAction.MEETING_PAUSED, "议事会暂停（" + r + "），改期至不晚于 " + due, true);
    }
    return due;
  }

  /** 评审团: legality and reasonableness of the plan; a rejection needs the reasons. */
  @Transactional
  public void recordExpertReview(long meetingId, Boolean approved, String opinion, String actor) {
    Meetings.Meeting m = meeting(meetingId);
    String o = opinion == null ? "" : opinion.strip();
    if (approved == null) {
      throw refused("expertApproved", "required", "请选择评审结论");
    }
    if (o.isEmpty() || o.length() > 2000) {
      throw refused("expertOpinion", "required", "请填写评审意见（合法性、合理性，不超过2000字）");
    }
    if (m.caseId() != null) {
      cases.note(cases.loadById(m.caseId()), actor, TimelineAction.EXPERT_REVIEWED,
          (approved ? "评审通过：" : "评审未通过，退回议事会：") + o, true);
    }
  }

  /** 张榜公示: the plan goes onto the public board with a feedback window of working days. */
  @Transactional
  public Publicity startPublicity(long meetingId) {
    Meetings.Meeting m = meeting(meetingId);
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    LocalDate last = calendar.plusWorkingDays(today(), properties.publicityDays());
    OffsetDateTime endsAt = last.atTime(calendar.endOfDay()).atZone(calendar.zone()).toOffsetDateTime();
    meetings.startPublicity(meetingId, token, cases.now(), endsAt);
    if (m.caseId() != null) {
      cases.note(cases.loadById(m.caseId()), "system", TimelineAction.PUBLICITY_STARTED,
          "议事决议张榜公示，" + properties.publicityDays() + " 个工作日内（至 " + last + "）可提出意见", true);
    }
    return new Publicity(token, endsAt);
  }

  /** An objection from a resident during the publicity window (no login, no personal data asked). */
  @Transactional
  public void object(String token, String content) {
    Meetings.Meeting m = meetings.findByPublicityToken(token == null ? "" : token)
        .orElseThrow(() -> refused("token", "unknown", "公示不存在"));
    if (m.publicityEndsAt() == null || !cases.now().isBefore(m.publicityEndsAt())) {
      throw refused("token", "expired", "公示期已结束，不再受理意见");
    }
    String c = content == null ? "" : content.strip();
    Text.requireStorable("content", c);
    if (c.isEmpty() || c.length() > 1000) {
      throw refused("content", "required", "请填写意见（不超过1000字）");
    }
    meetings.insertObjection(m.id(), c, cases.now());
  }

  /** The objections' texts for the chair (staff only: residents may have written about themselves). */
  @Transactional(readOnly = true)
  public List<Meetings.Objection> objectionTexts(long meetingId) {
    meeting(meetingId);
    return meetings.objections(meetingId);
  }

  @Transactional(readOnly = true)
  public int objections(long meetingId) {
    return meetings.countObjections(meetingId);
  }

  /** With objections the chair reconvenes or confirms, with a reason; returns true to reconvene. */
  @Transactional
  public boolean decideObjections(long meetingId, String decision, String reason, String actor) {
    Meetings.Meeting m = meeting(meetingId);
    List<FieldError> errors = new ArrayList<>();
    if (!"RECONVENE".equals(decision) && !"CONFIRM".equals(decision)) {
      errors.add(new FieldError("objectionDecision", "required", "请选择重新议事或维持决议"));
    }
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty() || r.length() > 2000) {
      errors.add(new FieldError("decisionReason", "required", "请填写处理理由（不超过2000字）"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    boolean reconvene = "RECONVENE".equals(decision);
    if (m.caseId() != null) {
      cases.note(cases.loadById(m.caseId()), actor, TimelineAction.OBJECTIONS_DECIDED,
          "公示期收到异议 " + meetings.countObjections(meetingId) + " 条，" + (reconvene ? "重新议事：" : "维持决议：") + r, true);
    }
    return reconvene;
  }

  /** The resolution takes effect: its items become OPEN and are implemented and supervised. */
  @Transactional
  public List<Long> adopt(long meetingId) {
    Meetings.Meeting m = meeting(meetingId);
    int n = meetings.adoptItems(meetingId, cases.now());
    if (m.caseId() != null) {
      cases.note(cases.loadById(m.caseId()), "system", TimelineAction.RESOLUTION_ADOPTED, "决议生效，" + n + " 项决议事项交责任单位落实", true);
    }
    return openItemIds(meetingId);
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

  /** The resolutions publicised now (张榜公示), of one community or all. */
  @Transactional(readOnly = true)
  public List<PublicResolution> publicResolutions(String community) {
    if (community != null && directory.community(community).isEmpty()) {
      throw refused("community", "unknown", "社区不存在");
    }
    return meetings.inPublicity(community, cases.now()).stream().map(this::publicResolution).toList();
  }

  /** The public board's view of a publicised resolution. */
  @Transactional(readOnly = true)
  public Optional<PublicResolution> publicResolution(String token) {
    return meetings.findByPublicityToken(token == null ? "" : token).map(this::publicResolution);
  }

  private PublicResolution publicResolution(Meetings.Meeting m) {
    return new PublicResolution(
        m.publicityToken(),
        directory.community(m.community()).map(Directory.Community::name).orElse(m.community()),
        m.title(), m.summary(),
        meetings.items(m.id()).stream().filter(i -> !"WITHDRAWN".equals(i.status()))
            .map(i -> new PublicItem(unitName(i.unit()), i.measure(),
                i.deadline().atZoneSameInstant(calendar.zone()).toLocalDate(), statusLabel(i.status())))
            .toList(),
        m.publicityEndsAt(), cases.now().isBefore(m.publicityEndsAt()));
  }

  /** Meetings, on-site meetings, participants and settled matters per community and month. */
  @Transactional(readOnly = true)
  public List<Meetings.MonthFigures> statistics(String community, YearMonth from, YearMonth to) {
    if (to.isBefore(from) || from.plusMonths(36).isBefore(to)) {
      throw refused("to", "invalid", "统计区间应为1到36个月");
    }
    if (community != null && directory.community(community).isEmpty()) {
      throw refused("community", "unknown", "社区不存在");
    }
    var zone = calendar.zone();
    return meetings.statistics(community, from.atDay(1).atStartOfDay(zone).toOffsetDateTime(),
        to.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime(), zone);
  }

  @Transactional(readOnly = true)
  public Meetings.Meeting meeting(long meetingId) {
    return meetings.findMeeting(meetingId).orElseThrow(() -> refused("meetingId", "unknown", "会议不存在"));
  }

  /** The household register of a compound (一户一票), empty when there is none. */
  public List<String> register(String compound) {
    return register.of(compound);
  }

  public int voteDays() {
    return properties.voteDays();
  }

  public YearMonth currentMonth() {
    return YearMonth.from(today());
  }

  private LocalDate today() {
    return cases.now().atZoneSameInstant(calendar.zone()).toLocalDate();
  }

  private static void text(List<FieldError> errors, String field, String value, int max, String message) {
    if (blank(value) || value.strip().length() > max) {
      errors.add(new FieldError(field, blank(value) ? "required" : "too_long", message));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
