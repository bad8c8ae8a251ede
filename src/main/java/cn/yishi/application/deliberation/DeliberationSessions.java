package cn.yishi.application.deliberation;

import cn.yishi.application.DeliberationProperties;
import cn.yishi.application.ResidentVoteService;
import cn.yishi.application.port.Meetings;
import cn.yishi.application.port.Sessions;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.supervision.SupervisionOrders;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.Body;
import cn.yishi.domain.deliberation.MeetingMinutes;
import cn.yishi.domain.deliberation.SessionRules;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions (议事会): a deliberated topic joins the next session of the body at its tier (YELLOW/GREEN on the body's
 * fixed deliberation day, RED on an extraordinary session within one working day, the RED topics of a day
 * together); the convener closes the agenda (问题清单 per topic, moves with a reason, the N parties); one position per
 * party and topic (会前沟通); one record of the session (六步) with a part per topic, which resolves, pauses (to the
 * next session) or — the whole session paused — reschedules; the previous session's items open the agenda with
 * questions and a rating each (漩涡), a low rating reopening the item with a supervision order.
 */
@Service
public class DeliberationSessions {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

  private final Sessions sessions;
  private final Meetings meetings;
  private final Deliberations deliberations;
  private final Directory directory;
  private final DeliberationProperties properties;
  private final WorkingDayCalendar calendar;
  private final MeetingPreparation preparation;
  private final MeetingRecords records;
  private final ResidentVoteService votes;
  private final SupervisionOrders orders;
  /** The 院坝 (micro-grids): a station topic of a case with a 院坝 is deliberated by the 院坝 (tiers). */
  private cn.yishi.application.port.MicroGridStore microGrids;

  public DeliberationSessions(Sessions sessions, Meetings meetings, Deliberations deliberations, Directory directory,
      DeliberationProperties properties, WorkingDayCalendar calendar, MeetingPreparation preparation,
      MeetingRecords records, ResidentVoteService votes, SupervisionOrders orders) {
    this.sessions = sessions;
    this.meetings = meetings;
    this.deliberations = deliberations;
    this.directory = directory;
    this.properties = properties;
    this.calendar = calendar;
    this.preparation = preparation;
    this.records = records;
    this.votes = votes;
    this.orders = orders;
  }

  /** Where a topic landed: its session, the session's date and body, and whether the session is new. */
  public record Joined(long sessionId, LocalDate date, String bodyGroup, String bodyName, boolean newSession) {}

  /** What the session's tasks show and route by. */
  public record Facts(long sessionId, String bodyGroup, String bodyName, String title, String community, LocalDate date,
      String agenda, String status) {}

  /** One topic of the agenda task as the convener decides it: its problem list, or a move with a reason. */
  public record AgendaDecision(Long topic, String problemList, String moveToDate, String moveReason) {}

  public record AgendaClosed(int topics, List<Long> newSessions) {}

  public record TopicPosition(Long topic, String position) {}

  /** One topic's part of the record (六步: statement, discussion, responsibilities), or its pause with the reason. */
  public record TopicMinutes(Long topic, boolean paused, String pauseReason, String statement, String discussion,
      String responsibilities, boolean expertReview, boolean residentVote, String voteType, String voteCompound,
      String voteQuestion) {}

  public record ItemInput(Long topic, String unit, String measure, String deadline) {}

  public record FollowUpInput(Long item, String questions, Integer rating) {}

  /** The record of a held session, or the pause of the whole session with its reason. */
  public record SessionMinutes(boolean paused, String pauseReason, Boolean onSite, String attendees, Integer participants,
      String groundRules, List<TopicMinutes> topics, List<ItemInput> items, List<FollowUpInput> followUps) {}

  /** A topic the session resolved, with the routing facts of its further steps. */
  public record Resolved(long meetingId, boolean expertReview, boolean residentVote, String voteType, String voteCompound,
      String voteQuestion) {}

  public record Recorded(boolean paused, List<Resolved> resolved, List<Long> pausedTopics, List<Long> newSessions) {}

  // joining

  /** Puts a new topic on the agenda of the next session of the body at its tier. */
  @Transactional
  public Joined join(long meetingId) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    return joinAfter(m, deliberations.today(), "列入");
  }

  /** The topic goes back to its body's next session (expert rejection, failed vote, objections: 重新议事). */
  @Transactional
  public Joined rejoin(long meetingId) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    Sessions.TopicPlace place = sessions.topicPlace(meetingId);
    LocalDate after = deliberations.today();
    if (place.sessionId() != null) {
      LocalDate current = sessions.find(place.sessionId()).map(Sessions.Session::date).orElse(after);
      after = current.isAfter(after) ? current : after;
    }
    return joinAfter(m, after, "重新列入");
  }

  private Joined joinAfter(Meetings.Meeting m, LocalDate after, String verb) {
    Sessions.TopicPlace place = sessions.topicPlace(m.id());
    Body body = bodyOf(m, place);
    boolean red = "RED".equals(m.urgency());
    LocalDate date;
    Optional<Sessions.Session> open;
    if (red) {
      date = calendar.plusWorkingDays(deliberations.today(), 1);
      open = sessions.openOn(body.kind().name(), body.code(), date, true);
    } else {
      date = nextFixedDay(body, after);
      while (sessions.closedOn(body.kind().name(), body.code(), date)) {
        date = nextFixedDay(body, date);
      }
      open = sessions.openOn(body.kind().name(), body.code(), date, false);
    }
    boolean created = open.isEmpty();
    LocalDate day = date;
    long sessionId = open.map(Sessions.Session::id)
        .orElseGet(() -> sessions.insert(body.kind().name(), body.code(), day, red, placeOf(body), deliberations.now()));
    sessions.addTopic(sessionId, m.id(), deliberations.now());
    deliberations.noteOnCase(m.caseId(), "system", TimelineAction.MEETING_SCHEDULED,
        (red ? "红色事项，" : "") + verb + body.name() + DAY.format(date) + (red ? "临时议事会" : "议事会") + "议程");
    return new Joined(sessionId, date, body.group(), body.name(), created);
  }

  /** The body of a topic: its tier (a community matter without one: the room) and its compound's station. */
  Body bodyOf(Meetings.Meeting m, Sessions.TopicPlace place) {
    Tier tier = place.tier() == null ? Tier.ROOM : Tier.valueOf(place.tier());
    return directory.bodyFor(m.community(), tier, place.station(), yuanba(place.station()));
  }

  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void useMicroGrids(cn.yishi.application.port.MicroGridStore store) {
    this.microGrids = store;
  }

  private java.util.Optional<cn.yishi.domain.microgrid.Yuanba> yuanba(String code) {
    return microGrids == null || code == null ? java.util.Optional.empty() : microGrids.find(code);
  }

  /** The next fixed deliberation day of a body after {@code after} (the room's per community, else the default). */
  LocalDate nextFixedDay(Body body, LocalDate after) {
    Integer configured = properties.bodies().containsKey(body.group()) ? properties.bodies().get(body.group()).fixedDay() : null;
    int day = configured != null ? configured
        : body.community() != null ? properties.fixedDays().getOrDefault(body.community(), properties.fixedDay())
        : properties.fixedDay();
    LocalDate candidate = after.withDayOfMonth(Math.min(day, after.lengthOfMonth()));
    if (!candidate.isAfter(after)) {
      LocalDate next = after.plusMonths(1);
      candidate = next.withDayOfMonth(Math.min(day, next.lengthOfMonth()));
    }
    return calendar.plusWorkingDays(candidate, 0);
  }

  private String placeOf(Body body) {
    DeliberationProperties.BodySettings s = properties.bodies().get(body.group());
    return s != null && s.place() != null ? s.place() : body.name();
  }

  // facts and agenda

  private Sessions.Session session(long sessionId) {
    return sessions.find(sessionId).orElseThrow(() -> new ValidationException(
        List.of(new FieldError("sessionId", "unknown", "议事会不存在"))));
  }

  public Body body(Sessions.Session s) {
    return directory.body(Tier.valueOf(s.bodyKind()), s.bodyCode(), this::yuanba).orElseThrow(() -> new ValidationException(
        List.of(new FieldError("sessionId", "unknown", "议事主体不存在"))));
  }

  @Transactional(readOnly = true)
  public Facts facts(long sessionId) {
    Sessions.Session s = session(sessionId);
    Body b = body(s);
    String title = b.name() + DAY.format(s.date()) + (s.extraordinary() ? "临时议事会" : "议事会");
    return new Facts(s.id(), b.group(), b.name(), title, b.community(), s.date(), agendaText(s), s.status());
  }

  /** The topics on the session's agenda now. */
  @Transactional(readOnly = true)
  public List<Sessions.Topic> topics(long sessionId) {
    return sessions.topics(sessionId, false);
  }

  /** The previous session's items that open this session's agenda (漩涡). */
  @Transactional(readOnly = true)
  public List<Sessions.FollowUp> followUpItems(long sessionId) {
    Sessions.Session s = session(sessionId);
    return sessions.previousHeld(s.bodyKind(), s.bodyCode(), s.id())
        .map(p -> sessions.itemsResolvedAt(p.id())).orElse(List.of()).stream()
        .filter(i -> !"WITHDRAWN".equals(i.status())).toList();
  }

  /** The agenda as text: first the follow-up of the previous session's items, then the topics. */
  String agendaText(Sessions.Session s) {
    StringBuilder b = new StringBuilder();
    Optional<Sessions.Session> previous = sessions.previousHeld(s.bodyKind(), s.bodyCode(), s.id());
    if (previous.isEmpty()) {
      b.append("议程第一项：上次议事会决议事项跟进——此前没有议事会决议事项。");
    } else {
      b.append("议程第一项：上次议事会（").append(DAY.format(previous.get().date())).append("）决议事项跟进：");
      List<Sessions.FollowUp> items = followUpItems(s.id());
      if (items.isEmpty()) {
        b.append("无决议事项。");
      }
      for (int i = 0; i < items.size(); i++) {
        Sessions.FollowUp it = items.get(i);
        b.append("\n").append(i + 1).append(". ").append(deliberations.unitName(it.unit())).append("：").append(it.measure())
            .append("（期限 ").append(deliberations.dateOf(it.deadline())).append("，").append(Deliberations.statusLabel(it.status()))
            .append("）");
      }
    }
    List<Sessions.Topic> topics = sessions.topics(s.id(), false);
    b.append("\n议题：");
    if (topics.isEmpty()) {
      b.append("暂无。");
    }
    for (int i = 0; i < topics.size(); i++) {
      Sessions.Topic t = topics.get(i);
      b.append("\n").append(i + 2).append(". 〔议题").append(t.meetingId()).append("〕")
          .append(t.caseNo() == null ? "" : t.caseNo() + " ").append(t.title())
          .append("RED".equals(t.urgency()) ? "（红色）" : "");
      if (t.resourceMatches() != null) {
        b.append("\n   ").append(t.resourceMatches().replace("\n", "；"));
      }
    }
    String text = b.toString();
    return text.length() > 4000 ? text.substring(0, 3999) + "…" : text;
  }

  /**
   * When the agenda closes (议程截止): two days before a regular session at 9:00; an extraordinary session's at once.
   */
  @Transactional(readOnly = true)
  public java.time.OffsetDateTime agendaClosesAt(long sessionId) {
    Sessions.Session s = session(sessionId);
    java.time.OffsetDateTime at = s.date().minusDays(2).atTime(9, 0).atZone(calendar.zone()).toOffsetDateTime();
    return s.extraordinary() || at.isBefore(deliberations.now()) ? deliberations.now() : at;
  }

  /** 议程截止: the session takes no further topics (they go to the body's next session). */
  @Transactional
  public void stopJoining(long sessionId) {
    Sessions.Session s = session(sessionId);
    if (Sessions.OPEN.equals(s.status())) {
      sessions.setStatus(sessionId, Sessions.AGENDA);
    }
  }

  // the convener closes the agenda

  /**
   * 确定议程: each topic on the agenda gets its problem list (matched to the resource list) or is moved to another
   * session of the same body on a date not before today, with a reason; the N parties of this session are added.
   * Everything is checked before anything is stored.
   */
  @Transactional
  public AgendaClosed closeAgenda(long sessionId, List<AgendaDecision> decisions, List<String> extraParties, String actor) {
    Sessions.Session s = session(sessionId);
    if (!Sessions.OPEN.equals(s.status()) && !Sessions.AGENDA.equals(s.status())) {
      throw refused("sessionId", "closed", "本次议事会议程已确定");
    }
    Body body = body(s);
    Map<Long, Sessions.Topic> agenda = sessions.topics(sessionId, false).stream()
        .collect(Collectors.toMap(Sessions.Topic::meetingId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    List<Long> named = decisions.stream().map(AgendaDecision::topic).toList();
    SessionRules.coversAgenda(agenda.keySet(), named, t -> agenda.get(t).title());
    List<String> n = checkParties(extraParties);
    LocalDate today = deliberations.today();
    List<Runnable> writes = new ArrayList<>();
    List<Long> created = new ArrayList<>();
    int staying = 0;
    for (AgendaDecision d : decisions) {
      Sessions.Topic t = agenda.get(d.topic());
      boolean moving = d.moveToDate() != null && !d.moveToDate().isBlank();
      if (moving) {
        LocalDate target = parseDate(d.moveToDate());
        boolean open = target != null && !sessions.closedOn(s.bodyKind(), s.bodyCode(), target) && !target.equals(s.date());
        String reason = prefixed(t, () -> SessionRules.move(body, body, target, open, today, d.moveReason()));
        writes.add(() -> created.addAll(moveTopic(s, body, t, target, reason, actor)));
      } else {
        String problems = prefixed(t, () -> deliberations.rules().problemList(d.problemList()));
        staying++;
        writes.add(() -> preparation.draftProblemList(t.meetingId(), problems));
      }
    }
    writes.forEach(Runnable::run);
    sessions.setExtraParties(sessionId, String.join(",", n));
    sessions.setStatus(sessionId, staying == 0 ? Sessions.CANCELLED : Sessions.CONVENED);
    return new AgendaClosed(staying, created);
  }

  /** Moves a topic to a session of the same body (checked already); returns the id of a session created for it. */
  private List<Long> moveTopic(Sessions.Session from, Body body, Sessions.Topic t, LocalDate target, String reason, String actor) {
    sessions.topicOutcome(from.id(), t.meetingId(), Sessions.MOVED, reason, null, null, null);
    Optional<Sessions.Session> open = sessions.openOn(from.bodyKind(), from.bodyCode(), target, false);
    long id = open.map(Sessions.Session::id)
        .orElseGet(() -> sessions.insert(from.bodyKind(), from.bodyCode(), target, false, placeOf(body), deliberations.now()));
    sessions.addTopic(id, t.meetingId(), deliberations.now());
    deliberations.noteOnCase(t.caseId(), actor, TimelineAction.MEETING_PAUSED,
        "议题改至" + body.name() + DAY.format(target) + "议事会（" + reason + "）");
    return open.isEmpty() ? List.of(id) : List.of();
  }

  /** Moves a topic of an OPEN session to another session of the same body (staff: 改期), with a reason. */
  @Transactional
  public Joined move(long sessionId, long meetingId, long targetSessionId, String reason, String actor) {
    Sessions.Session s = session(sessionId);
    Sessions.Topic t = sessions.topics(sessionId, false).stream().filter(x -> x.meetingId() == meetingId).findFirst()
        .orElseThrow(() -> refused("topic", "unknown", "该议题不在本次议事会议程中"));
    Sessions.Session target = session(targetSessionId);
    Body from = body(s);
    Body to = body(target);
    String r = SessionRules.move(from, to, target.date(), Sessions.OPEN.equals(target.status()) && target.id() != s.id(),
        deliberations.today(), reason);
    sessions.topicOutcome(s.id(), meetingId, Sessions.MOVED, r, null, null, null);
    sessions.addTopic(target.id(), meetingId, deliberations.now());
    deliberations.noteOnCase(t.caseId(), actor, TimelineAction.MEETING_PAUSED,
        "议题改至" + to.name() + DAY.format(target.date()) + "议事会（" + r + "）");
    return new Joined(target.id(), target.date(), to.group(), to.name(), false);
  }

  private List<String> checkParties(List<String> extra) {
    List<String> out = new ArrayList<>();
    Set<String> known = directory.groups().keySet();
    for (String g : extra == null ? List.<String>of() : extra) {
      if (g == null || !known.contains(g)) {
        throw refused("extraParties", "unknown", "相关利益方须从组织目录中选择");
      }
      if (!out.contains(g)) {
        out.add(g);
      }
    }
    return out;
  }

  // 会前沟通

  /**
   * The parties of a session: the standing parties (五方/4+N) of each community its topics come from, the
   * departments responsible for its cases, and the N the convener added.
   */
  @Transactional(readOnly = true)
  public List<String> parties(long sessionId) {
    Sessions.Session s = session(sessionId);
    Set<String> groups = new LinkedHashSet<>();
    for (Sessions.Topic t : sessions.topics(sessionId, false)) {
      groups.addAll(preparation.parties(t.meetingId()));
    }
    if (s.extraParties() != null && !s.extraParties().isBlank()) {
      groups.addAll(List.of(s.extraParties().split(",")));
    }
    return new ArrayList<>(groups);
  }

  /** One party's positions, one per topic on the agenda. */
  @Transactional
  public void recordPositions(long sessionId, String party, List<TopicPosition> positions, String actor) {
    Sessions.Session s = session(sessionId);
    List<String> parties = parties(sessionId);
    Map<Long, Sessions.Topic> agenda = sessions.topics(sessionId, false).stream()
        .collect(Collectors.toMap(Sessions.Topic::meetingId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    SessionRules.coversAgenda(agenda.keySet(), positions.stream().map(TopicPosition::topic).toList(),
        t -> agenda.get(t).title());
    List<String> checked = new ArrayList<>();
    for (TopicPosition p : positions) {
      checked.add(prefixed(agenda.get(p.topic()), () -> deliberations.rules().position(p.position(), party, parties)));
    }
    for (int i = 0; i < positions.size(); i++) {
      sessions.savePosition(s.id(), positions.get(i).topic(), party, checked.get(i), actor, deliberations.now());
    }
  }

  // the record

  /**
   * The record of the session (六步): attendance and ground rules once; per topic its statement, discussion,
   * resolution items and responsibilities, or its pause (to the next session, with the reason); the follow-up of the
   * previous session's items (questions, rating 1–5; 2 or less reopens the item with a supervision order). Or the
   * pause of the whole session (then {@link #reschedule}). All is checked before anything is stored.
   */
  @Transactional
  public Recorded record(long sessionId, SessionMinutes in, String actor) {
    Sessions.Session s = session(sessionId);
    if (!Sessions.CONVENED.equals(s.status())) {
      throw refused("sessionId", "state", Sessions.HELD.equals(s.status()) ? "本次议事会已记录" : "请先确定议程");
    }
    if (in.paused()) {
      deliberations.rules().pauseReason(in.pauseReason());
      return new Recorded(true, List.of(), List.of(), List.of());
    }
    Map<Long, Sessions.Topic> agenda = sessions.topics(sessionId, false).stream()
        .collect(Collectors.toMap(Sessions.Topic::meetingId, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    List<TopicMinutes> parts = in.topics() == null ? List.of() : in.topics();
    SessionRules.coversAgenda(agenda.keySet(), parts.stream().map(TopicMinutes::topic).toList(), t -> agenda.get(t).title());
    List<ItemInput> items = in.items() == null ? List.of() : in.items();
    for (int i = 0; i < items.size(); i++) {
      ItemInput it = items.get(i);
      TopicMinutes part = parts.stream().filter(p -> p.topic().equals(it.topic())).findFirst().orElse(null);
      if (part == null || part.paused()) {
        throw refused("resolutionItems[" + i + "].topic", "unknown", "第" + (i + 1) + "项决议：请填写本次讨论（未暂停）的议题编号");
      }
    }
    // follow-up of the previous session's items: each rated 1 to 5
    List<Sessions.FollowUp> expected = followUpItems(sessionId);
    List<FollowUpInput> follow = in.followUps() == null ? List.of() : in.followUps();
    List<Long> expectedIds = expected.stream().map(Sessions.FollowUp::itemId).toList();
    Map<Long, Sessions.FollowUp> byId = expected.stream().collect(Collectors.toMap(Sessions.FollowUp::itemId, Function.identity()));
    List<Long> namedItems = follow.stream().map(FollowUpInput::item).toList();
    if (!new LinkedHashSet<>(namedItems).equals(new LinkedHashSet<>(expectedIds)) || namedItems.size() != expectedIds.size()) {
      throw refused("followUps", "missing", "请对上次议事会的每一项决议事项记录质询情况和满意度测评");
    }
    List<Integer> ratings = new ArrayList<>();
    List<String> questions = new ArrayList<>();
    for (int i = 0; i < follow.size(); i++) {
      ratings.add(SessionRules.rating(follow.get(i).rating(), i));
      questions.add(SessionRules.questions(follow.get(i).questions(), i));
    }
    // each topic's part, checked with the rules of a meeting record (MeetingRules) and its vote plan
    List<Runnable> writes = new ArrayList<>();
    List<Resolved> resolved = new ArrayList<>();
    List<Long> pausedTopics = new ArrayList<>();
    for (TopicMinutes p : parts) {
      Sessions.Topic t = agenda.get(p.topic());
      if (p.paused()) {
        String reason = prefixed(t, () -> deliberations.rules().pauseReason(p.pauseReason()));
        pausedTopics.add(t.meetingId());
        writes.add(() -> sessions.topicOutcome(sessionId, t.meetingId(), Sessions.PAUSED, reason, null, null, null));
        continue;
      }
      List<MeetingMinutes.Item> topicItems = items.stream().filter(i -> p.topic().equals(i.topic()))
          .map(i -> new MeetingMinutes.Item(i.unit(), i.measure(), i.deadline())).toList();
      MeetingMinutes minutes = new MeetingMinutes(false, null, in.onSite(), in.attendees(), in.participants(),
          in.groundRules(), p.statement(), p.discussion(), topicItems, p.responsibilities());
      prefixed(t, () -> deliberations.rules().resolutionList(minutes, deliberations.today()));
      if (p.residentVote()) {
        prefixed(t, () -> votes.plan(p.voteType(), p.voteCompound(), p.voteQuestion()));
      }
      resolved.add(new Resolved(t.meetingId(), p.expertReview(), p.residentVote(), p.voteType(), p.voteCompound(),
          p.voteQuestion()));
      writes.add(() -> {
        List<Long> ids = records.record(t.meetingId(), minutes, actor);
        sessions.resolvedItemsAt(sessionId, ids);
        sessions.topicOutcome(sessionId, t.meetingId(), Sessions.RESOLVED, null, p.statement().strip(),
            p.discussion().strip(), p.responsibilities().strip());
        if (p.expertReview()) {
          records.putToExperts(t.meetingId(), actor);
        }
      });
    }
    writes.forEach(Runnable::run);
    sessions.record(sessionId, in.attendees().strip(), in.participants(), in.groundRules().strip(),
        Boolean.TRUE.equals(in.onSite()), actor, deliberations.now());
    for (int i = 0; i < follow.size(); i++) {
      Sessions.FollowUp item = byId.get(follow.get(i).item());
      sessions.saveFollowUp(sessionId, item.itemId(), questions.get(i), ratings.get(i), actor, deliberations.now());
      if (ratings.get(i) <= SessionRules.LOW_RATING) {
        sendBack(sessionId, item, ratings.get(i));
      }
    }
    List<Long> created = new ArrayList<>();
    for (Long topic : pausedTopics) {
      Sessions.Topic t = agenda.get(topic);
      Joined j = rejoin(topic);
      deliberations.noteOnCase(t.caseId(), actor, TimelineAction.MEETING_PAUSED,
          "议题暂停（" + sessions.topics(sessionId, true).stream().filter(x -> x.meetingId() == topic)
              .map(Sessions.Topic::reason).findFirst().orElse("") + "），列入" + DAY.format(j.date()) + "议事会");
      if (j.newSession()) {
        created.add(j.sessionId());
      }
    }
    return new Recorded(false, resolved, pausedTopics, created);
  }

  /** A low rating sends the item back to its unit: open again, with a supervision order (督办). */
  private void sendBack(long sessionId, Sessions.FollowUp item, int rating) {
    sessions.reopenItem(item.itemId());
    sessions.supervisableItem(item.itemId()).ifPresent(open -> orders.raise(open, "session-" + sessionId,
        "SESSION_RATING", null, false, "议事会满意度测评" + rating + "分，退回责任单位整改"));
  }

  /** The whole session paused: it is rescheduled (extraordinary: the next working day; else the next fixed day). */
  @Transactional
  public LocalDate reschedule(long sessionId, String reason, String actor) {
    Sessions.Session s = session(sessionId);
    String r = deliberations.rules().pauseReason(reason);
    Body body = body(s);
    LocalDate today = deliberations.today();
    LocalDate date = s.extraordinary() ? calendar.plusWorkingDays(today, 1)
        : nextFixedDay(body, s.date().isAfter(today) ? s.date() : today);
    sessions.reschedule(sessionId, date, r);
    for (Sessions.Topic t : sessions.topics(sessionId, false)) {
      deliberations.noteOnCase(t.caseId(), actor, TimelineAction.MEETING_PAUSED,
          "议事会整场暂停（" + r + "），改期至" + DAY.format(date));
    }
    return date;
  }

  // the public notice of sessions

  /** A topic as the public sees it: its case number (none for a community matter), title, and what became of it. */
  public record PublicTopic(String caseNo, String title, String outcome) {}

  public record PublicItem(String unit, String measure, LocalDate deadline, String status) {}

  /** A session on the public notice: date, body, place, its agenda; once held, its resolutions. */
  public record PublicSession(LocalDate date, String body, String place, boolean extraordinary, String status,
      List<PublicTopic> agenda, List<PublicItem> resolutions) {}

  public record Notice(String community, String communityName, List<PublicSession> upcoming, List<PublicSession> past) {}

  /**
   * The public notice of the sessions serving a community (/public/meetings): upcoming sessions of its stations, its
   * room, its street's hall and the county mechanism, with their agendas (case numbers and titles, never personal
   * data); then the last held sessions with their resolutions.
   */
  @Transactional(readOnly = true)
  public Notice notice(String community) {
    Directory.Community c = directory.community(community == null ? "" : community.strip()).orElseThrow(() ->
        refused("community", "unknown", "找不到该社区"));
    List<Body> bodies = new ArrayList<>();
    c.stations().forEach(st -> bodies.add(directory.bodyFor(c.code(), Tier.STATION, st.code())));
    if (microGrids != null) {
      microGrids.inCommunity(c.code()).forEach(y -> bodies.add(directory.yuanbaBody(y)));
    }
    bodies.add(directory.bodyFor(c.code(), Tier.ROOM, null));
    if (c.street() != null) {
      bodies.add(directory.bodyFor(c.code(), Tier.HALL, null));
    }
    bodies.add(directory.bodyFor(c.code(), Tier.COUNTY, null));
    List<String> keys = bodies.stream().map(Body::key).distinct().toList();
    LocalDate today = deliberations.today();
    List<PublicSession> upcoming = sessions.ofBodies(keys, today, true, 20).stream().map(s -> publicSession(s, false)).toList();
    List<PublicSession> past = sessions.ofBodies(keys, today, false, 10).stream().map(s -> publicSession(s, true)).toList();
    return new Notice(c.code(), c.name(), upcoming, past);
  }

  private PublicSession publicSession(Sessions.Session s, boolean held) {
    Body b = body(s);
    List<PublicTopic> agenda = sessions.topics(s.id(), held).stream()
        .map(t -> new PublicTopic(t.caseNo(), t.title(), outcomeLabel(t.outcome()))).toList();
    List<PublicItem> items = held ? sessions.itemsResolvedAt(s.id()).stream().filter(i -> !"WITHDRAWN".equals(i.status()))
        .map(i -> new PublicItem(deliberations.unitName(i.unit()), i.measure(), deliberations.dateOf(i.deadline()),
            Deliberations.statusLabel(i.status())))
        .toList() : List.of();
    return new PublicSession(s.date(), b.name(), s.place() == null ? b.name() : s.place(), s.extraordinary(),
        held ? "已召开" : s.extraordinary() ? "临时议事会" : "固定议事日", agenda, items);
  }

  private static String outcomeLabel(String outcome) {
    return switch (outcome) {
      case Sessions.RESOLVED -> "形成决议";
      case Sessions.PAUSED -> "暂停，列入下次议事会";
      case Sessions.MOVED -> "改期";
      default -> "待议";
    };
  }

  /** A unit's Chinese name. */
  public String unitName(String code) {
    return deliberations.unitName(code);
  }

  // helpers

  private static LocalDate parseDate(String value) {
    try {
      return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** Runs a check; a refusal names the topic in each message. */
  private static <T> T prefixed(Sessions.Topic t, java.util.function.Supplier<T> check) {
    try {
      return check.get();
    } catch (ValidationException e) {
      throw new ValidationException(e.errors().stream()
          .map(f -> new FieldError(f.field(), f.code(), "议题「" + t.title() + "」：" + f.message())).toList());
    }
  }

  private static void prefixed(Sessions.Topic t, Runnable check) {
    prefixed(t, () -> {
      check.run();
      return null;
    });
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }

  /** The N a convener may add: units (共建单位, departments), the expert panel and the community groups. */
  public static boolean isPartyGroup(String group) {
    return group.startsWith("unit-") || group.equals(GroupIds.EXPERT_PANEL) || group.endsWith("-residents")
        || group.endsWith("-owners") || group.endsWith("-community");
  }
}
