package cn.yishi.application;

import cn.yishi.application.deliberation.Deliberations;
import cn.yishi.application.port.Decisions;
import cn.yishi.application.port.Meetings;
import cn.yishi.application.port.Votes;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.Electorate;
import cn.yishi.domain.deliberation.Household;
import cn.yishi.domain.deliberation.VoteRule;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一户一票 (通辽): a vote over the households of an electorate chosen from the register (a compound, a building or a
 * unit), one unguessable ballot token per household, cast online (/public/votes/{token}) or on paper (the printed
 * sheet carries the same token; staff enter it); a household votes once whatever the channel. Participation and
 * approval come from bpmn/voteRule.dmn (民法典 第二百七十八条), by headcount and by floor area; matters the law reserves
 * for a residents' (representatives') meeting go there instead (宜昌 民事民决). The public count shows how many
 * households have voted while the vote runs and the totals per option afterwards, never who voted what.
 *
 * <p>This service opens, counts and records votes and holds the transactions; casting ballots is
 * {@link ResidentBallots}, what is read (ballot page, public count, ballot sheets) {@link ResidentVoteViews}.
 */
@Service
public class ResidentVoteService {
  /** The vote types of bpmn/voteRule.dmn and their Chinese names. */
  public static final Map<String, String> VOTE_TYPES = vote_types();
  public static final List<String> CHOICES = List.of("YES", "NO", "ABSTAIN");
  public static final Map<String, String> CHOICE_LABELS = Map.of("YES", "同意", "NO", "不同意", "ABSTAIN", "弃权");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Cases cases;
  private final WorkingDayCalendar calendar;
  private final Votes votes;
  private final Decisions decisions;
  private final Deliberations deliberations;
  private final HouseholdRegisterService registers;
  private final DeliberationProperties properties;
  private final ResidentBallots ballots;
  private final ResidentVoteViews views;

  public ResidentVoteService(Cases cases, Votes votes, Decisions decisions, Deliberations deliberations,
      HouseholdRegisterService registers, DeliberationProperties properties, WorkingDayCalendar calendar) {
    this.calendar = calendar;
    this.cases = cases;
    this.votes = votes;
    this.decisions = decisions;
    this.deliberations = deliberations;
    this.registers = registers;
    this.properties = properties;
    this.ballots = new ResidentBallots(cases, votes);
    this.views = new ResidentVoteViews(cases, calendar, votes, decisions, registers);
  }

  private static Map<String, String> vote_types() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("GENERAL", "一般事项");
    m.put("MAINTENANCE_FUND", "使用维修资金");
    m.put("RAISE_MAINTENANCE_FUND", "筹集维修资金");
    m.put("ELEVATOR_RETROFIT", "加装电梯");
    m.put("RENOVATION", "改建、重建建筑物及附属设施");
    m.put("CHANGE_COMMON_USE", "改变共有部分用途或利用共有部分经营");
    m.put("RESIDENTS_CONVENTION", "居民公约");
    m.put("RESIDENTS_MAJOR_MATTER", "涉及全体居民利益的重要问题");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** How a proposed vote is held: its electorate (null for a residents' meeting) and households. */
  public record Plan(String voteType, Electorate electorate, String question, VoteRule rule, List<Household> households) {}

  public record Opened(long voteId, OffsetDateTime closesAt, int households) {}

  public record Tally(String outcome, boolean passed, int households, int yes, int no, int abstain) {}

  /** What a household sees after voting online: its choice, the time, and a receipt number. */
  public record Receipt(String question, String choice, OffsetDateTime castAt, String receiptNo) {}

  /** One option's total: households and their floor area. */
  public record OptionTotal(String choice, String label, int households, BigDecimal area) {}

  /**
   * The ballot page of a token (公开计票: totals only, never who voted how). {@code state} is OPEN, USED (this household
   * has voted), COUNTING (closed, not yet counted) or CLOSED (counted: totals and outcome).
   */
  public record PublicVote(String question, String electorate, String voteType, String rule,
      OffsetDateTime closesAt, String state, boolean open, boolean alreadyVoted, int households, BigDecimal totalArea,
      Integer cast, List<OptionTotal> totals, String outcome) {}

  /** The public count of one vote on the community's page. */
  public record PublicCount(long id, String question, String electorate, String voteType, OffsetDateTime closesAt,
      String state, int households, BigDecimal totalArea, int cast, List<OptionTotal> totals, String outcome) {}

  /** The printable ballot sheets of a vote (staff only): one per household, each with its token. */
  public record BallotSheets(long voteId, String question, String electorate, String voteType, String rule,
      OffsetDateTime closesAt, String community, List<Votes.Sheet> sheets) {}

  /**
   * Checks a vote proposed in the meeting record. A ballot vote needs an electorate with households in the register:
   * {@code compound}, {@code compound/building} or {@code compound/building/unit}.
   */
  public Plan plan(String voteType, String electorate, String question) {
    List<FieldError> errors = new ArrayList<>();
    VoteRule rule = voteType == null || !VOTE_TYPES.containsKey(voteType) ? null : decisions.voteRule(voteType).orElse(null);
    if (rule == null) {
      errors.add(new FieldError("voteType", "unknown", "请选择表决类型"));
    }
    String q = question == null ? "" : question.strip();
    if (q.isEmpty() || q.length() > 500) {
      errors.add(new FieldError("voteQuestion", "required", "请填写表决事项（不超过500字）"));
    }
    Electorate e = null;
    List<Household> households = List.of();
    if (rule != null && !rule.assembly()) {
      e = Electorate.parse(electorate).orElse(null);
      households = e == null ? List.of() : registers.households(e);
      if (households.isEmpty()) {
        errors.add(new FieldError("voteCompound", "no_register", "表决范围“" + (electorate == null ? "" : electorate.strip())
            + "”在住户名册中没有住户，无法发起一户一票表决；请选择小区、楼栋或单元，或先导入住户名册"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new Plan(voteType, e, q, rule, households);
  }

  /** Opens a ballot vote: one token per household of the electorate; closes after the configured working days. */
  @Transactional
  public Opened open(long meetingId, String voteType, String electorate, String question) {
    Plan plan = plan(voteType, electorate, question);
    if (plan.rule().assembly()) {
      throw refused("voteType", "assembly", "该事项须由居民（代表）会议决定，不进行一户一票表决");
    }
    Meetings.Meeting m = deliberations.meeting(meetingId);
    if (!registers.communityOf(plan.electorate().compound()).map(m.community()::equals).orElse(false)) {
      throw refused("voteCompound", "other_community", "表决范围不属于本社区，请选择本社区的小区、楼栋或单元");
    }
    OffsetDateTime now = cases.now();
    LocalDate last = calendar.plusWorkingDays(now.atZoneSameInstant(calendar.zone()).toLocalDate(), properties.voteDays());
    OffsetDateTime closesAt = last.atTime(calendar.endOfDay()).atZone(calendar.zone()).toOffsetDateTime();
    VoteRule.Totals totals = plan.households().stream().map(h -> new VoteRule.Totals(1, h.area()))
        .reduce(VoteRule.Totals.NONE, VoteRule.Totals::plus);
    long voteId = votes.insertVote(meetingId, m.community(), plan.electorate(), voteType, plan.question(), totals, now,
        closesAt, "OPEN");
    for (Household household : plan.households()) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      votes.insertBallot(voteId, household.household(), household.area(),
          Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    if (m.caseId() != null) {
      cases.note(cases.loadById(m.caseId()), "system", TimelineAction.VOTE_OPENED,
          VOTE_TYPES.get(voteType) + "：" + plan.question() + "，" + views.label(plan.electorate()) + " " + totals.households()
              + " 户、面积 " + totals.area().toPlainString() + " 平方米，截止 " + last, true);
    }
    return new Opened(voteId, closesAt, totals.households());
  }

  /** An online ballot. Unknown, used or expired tokens are refused and nothing changes. */
  @Transactional
  public Receipt castOnline(String token, String choice) {
    return ballots.castOnline(token, choice);
  }

  /** Paper ballots entered by staff (token printed on the ballot, and the choice); all or nothing. */
  @Transactional
  public int enterPaper(long voteId, List<String[]> tokenAndChoice, String actor) {
    return ballots.enterPaper(voteId, tokenAndChoice, actor);
  }

  /** Counts a closed vote with the rule of its type, by headcount and by floor area. */
  @Transactional
  public Tally tally(long voteId) {
    Votes.Vote v = votes.findVote(voteId).orElseThrow(() -> refused("voteId", "unknown", "表决不存在"));
    VoteRule rule = decisions.voteRule(v.voteType()).orElseThrow();
    Votes.Counts c = votes.counts(voteId);
    VoteRule.Outcome o = rule.outcome(new VoteRule.Totals(v.households(), v.totalArea()), c.yes(), c.no(), c.abstain());
    votes.close(voteId, c, o.name());
    note(v.meetingId(), "system", "一户一票计票（" + views.label(v.electorate()) + "）：应投 " + v.households() + " 户"
        + area(v.totalArea()) + "，投票 " + c.cast().households() + " 户" + area(c.cast().area()) + "；同意 "
        + c.yes().households() + " 户" + area(c.yes().area()) + "，不同意 " + c.no().households() + " 户" + area(c.no().area())
        + "，弃权 " + c.abstain().households() + " 户" + area(c.abstain().area()) + "；" + o.label());
    return new Tally(o.name(), o == VoteRule.Outcome.PASSED, v.households(), c.yes().households(), c.no().households(),
        c.abstain().households());
  }

  private static String area(BigDecimal area) {
    return area == null || area.signum() == 0 ? "" : "（" + area.toPlainString() + " 平方米）";
  }

  /**
   * A matter reserved for the residents' (representatives') meeting: the meeting's totals as the
   * staff record them (members, and the yes, no and abstain votes of those present).
   */
  @Transactional
  public Tally recordAssembly(long meetingId, String voteType, String question, Integer members, Integer yes, Integer no,
      Integer abstain, String actor) {
    Plan plan = plan(voteType, null, question);
    List<FieldError> errors = new ArrayList<>();
    if (members == null || members < 1 || members > 100_000) {
      errors.add(new FieldError("assemblyMembers", "out_of_range", "请填写应到人数（1到100000）"));
    }
    for (Object[] f : new Object[][] {{"assemblyYes", yes}, {"assemblyNo", no}, {"assemblyAbstain", abstain}}) {
      if (f[1] == null || (Integer) f[1] < 0) {
        errors.add(new FieldError((String) f[0], "required", "请填写票数（不小于0）"));
      }
    }
    if (errors.isEmpty() && yes + no + abstain > members) {
      errors.add(new FieldError("assemblyYes", "too_many", "票数合计不能超过应到人数"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Meetings.Meeting m = deliberations.meeting(meetingId);
    VoteRule.Outcome o = plan.rule().outcome(members, yes, no, abstain);
    OffsetDateTime now = cases.now();
    long id = votes.insertVote(meetingId, m.community(), new Electorate("ASSEMBLY", null, null), voteType, plan.question(),
        new VoteRule.Totals(members, BigDecimal.ZERO), now, now, "OPEN");
    votes.close(id, new Votes.Counts(new VoteRule.Totals(yes, BigDecimal.ZERO), new VoteRule.Totals(no, BigDecimal.ZERO),
        new VoteRule.Totals(abstain, BigDecimal.ZERO)), o.name());
    note(meetingId, actor, "居民（代表）会议表决：应到 " + members + " 人，同意 " + yes + "，不同意 " + no + "，弃权 " + abstain + "；" + o.label());
    return new Tally(o.name(), o == VoteRule.Outcome.PASSED, members, yes, no, abstain);
  }

  private void note(long meetingId, String actor, String text) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    if (m.caseId() != null) {
      cases.note(cases.loadById(m.caseId()), actor, TimelineAction.VOTE_COUNTED, text, true);
    }
  }

  /** The ballot page of a token: the matter, the options and the rule; while open, nothing of the count but the turnout. */
  @Transactional(readOnly = true)
  public PublicVote publicView(String token) {
    return views.publicView(token);
  }

  /** 公开计票: the ballot votes of a community, newest first: the turnout while open, the totals per option once counted. */
  @Transactional(readOnly = true)
  public List<PublicCount> publicCounts(String community) {
    return views.publicCounts(community);
  }

  /**
   * The ballot tokens of a vote, for the staff who print the paper ballots or send the links: only the
   * vote's own community (社区两委, its 会客室) and the dispatch centre — a token is a household's vote.
   */
  @Transactional(readOnly = true)
  public BallotSheets sheets(long voteId, Collection<String> callerGroups) {
    return views.sheets(voteId, callerGroups);
  }

  static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }

  /** The caller does not belong to the vote's community or the dispatch centre. */
  public static final class BallotsForbidden extends RuntimeException {
    public BallotsForbidden() {
      super("只有本社区两委、党群会客室和调度中心可以取得本次表决的选票");
    }
  }
}
