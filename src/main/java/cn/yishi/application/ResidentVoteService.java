package cn.yishi.application;

import cn.yishi.application.deliberation.Deliberations;
import cn.yishi.application.port.Decisions;
import cn.yishi.application.port.Meetings;
import cn.yishi.application.port.Votes;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.HouseholdRegister;
import cn.yishi.domain.deliberation.VoteRule;
import cn.yishi.domain.directory.GroupIds;
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
 * 一户一票 (通辽): a vote over the household register of a compound, one unguessable ballot token
 * per household, cast online (/public/votes/{token}) or on paper (entered by staff); a household
 * votes once whatever the channel. Quorum and majority come from bpmn/voteRule.dmn; matters the
 * law reserves for a residents' (representatives') meeting go there instead (宜昌 民事民决).
 */
@Service
public class ResidentVoteService {
  /** The vote types of bpmn/voteRule.dmn and their Chinese names. */
  public static final Map<String, String> VOTE_TYPES = vote_types();
  public static final List<String> CHOICES = List.of("YES", "NO", "ABSTAIN");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Cases cases;
  private final WorkingDayCalendar calendar;
  private final Votes votes;
  private final Decisions decisions;
  private final Deliberations deliberations;
  private final HouseholdRegister householdRegister;
  private final DeliberationProperties properties;

  public ResidentVoteService(Cases cases, Votes votes, Decisions decisions, Deliberations deliberations,
      HouseholdRegister householdRegister, DeliberationProperties properties, WorkingDayCalendar calendar) {
    this.calendar = calendar;
    this.cases = cases;
    this.votes = votes;
    this.decisions = decisions;
    this.deliberations = deliberations;
    this.householdRegister = householdRegister;
    this.properties = properties;
  }

  private static Map<String, String> vote_types() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("GENERAL", "一般事项");
    m.put("ELEVATOR_RETROFIT", "加装电梯");
    m.put("MAINTENANCE_FUND", "使用维修资金");
    m.put("RENOVATION", "改建、重建建筑物及附属设施");
    m.put("RESIDENTS_CONVENTION", "居民公约");
    m.put("RESIDENTS_MAJOR_MATTER", "涉及全体居民利益的重要问题");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** How a proposed vote is held. */
  public record Plan(String voteType, String compound, String question, VoteRule rule) {}

  public record Opened(long voteId, OffsetDateTime closesAt, int households) {}

  public record Tally(String outcome, boolean passed, int households, int yes, int no, int abstain) {}

  /** The public count (公开计票): totals only, never who voted how. */
  public record PublicVote(String question, String compound, String voteType, OffsetDateTime closesAt, boolean open,
      boolean alreadyVoted, Integer households, Integer cast, Integer yes, Integer no, Integer abstain, String outcome) {}

  /** Checks a vote proposed in the meeting record; a ballot vote needs a household register. */
  public Plan plan(String voteType, String compound, String question) {
    List<FieldError> errors = new ArrayList<>();
    VoteRule rule = voteType == null || !VOTE_TYPES.containsKey(voteType) ? null : decisions.voteRule(voteType).orElse(null);
    if (rule == null) {
      errors.add(new FieldError("voteType", "unknown", "请选择表决类型"));
    }
    String q = question == null ? "" : question.strip();
    if (q.isEmpty() || q.length() > 500) {
      errors.add(new FieldError("voteQuestion", "required", "请填写表决事项（不超过500字）"));
    }
    if (rule != null && !rule.assembly() && householdRegister.of(compound).isEmpty()) {
      errors.add(new FieldError("voteCompound", "no_register",
          "小区“" + (compound == null ? "" : compound) + "”没有住户名册，无法发起一户一票表决；请先导入住户名册"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new Plan(voteType, compound, q, rule);
  }

  /** Opens a ballot vote: one token per household of the register; closes after the configured working days. */
  @Transactional
  public Opened open(long meetingId, String voteType, String compound, String question) {
    Plan plan = plan(voteType, compound, question);
    if (plan.rule().assembly()) {
      throw refused("voteType", "assembly", "该事项须由居民（代表）会议决定，不进行一户一票表决");
    }
    Meetings.Meeting m = deliberations.meeting(meetingId);
    List<String> register = householdRegister.of(compound);
    OffsetDateTime now = cases.now();
    LocalDate last = calendar.plusWorkingDays(now.atZoneSameInstant(calendar.zone()).toLocalDate(), properties.voteDays());
    OffsetDateTime closesAt = last.atTime(calendar.endOfDay()).atZone(calendar.zone()).toOffsetDateTime();
    long voteId = votes.insertVote(meetingId, m.community(), compound, voteType, plan.question(), register.size(), now, closesAt, "OPEN");
    for (String household : register) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      votes.insertBallot(voteId, household, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    if (m.caseId() != null) {
      cases.note(cases.loadById(m.caseId()), "system", TimelineAction.VOTE_OPENED,
          VOTE_TYPES.get(voteType) + "：" + plan.question() + "，名册 " + register.size() + " 户，截止 " + last, true);
    }
    return new Opened(voteId, closesAt, register.size());
  }

  /** An online ballot. Unknown, used or expired tokens are refused and nothing changes. */
  @Transactional
  public void castOnline(String token, String choice) {
    cast(token, choice, "ONLINE", "resident");
  }

  /** Paper ballots entered by staff (token printed on the ballot, and the choice); all or nothing. */
  @Transactional
  public int enterPaper(long voteId, List<String[]> tokenAndChoice, String actor) {
    Votes.Vote v = votes.findVote(voteId).orElseThrow(() -> refused("voteId", "unknown", "表决不存在"));
    if (tokenAndChoice == null || tokenAndChoice.isEmpty()) {
      throw refused("paperBallots", "required", "请录入至少一张纸质选票");
    }
    int n = 0;
    for (String[] tc : tokenAndChoice) {
      Votes.Ballot b = votes.findBallot(tc[0] == null ? "" : tc[0].strip()).orElse(null);
      if (b == null || b.voteId() != v.id()) {
        throw refused("paperBallots[" + n + "].token", "unknown", "第" + (n + 1) + "张：选票编码无效，或不属于本次表决");
      }
      try {
        cast(tc[0].strip(), tc[1], "PAPER", actor);
      } catch (ValidationException e) {
        throw refused("paperBallots[" + n + "]", e.errors().get(0).code(), "第" + (n + 1) + "张：" + e.errors().get(0).message());
      }
      n++;
    }
    return n;
  }

  private void cast(String token, String choice, String channel, String actor) {
    if (choice == null || !CHOICES.contains(choice)) {
      throw refused("choice", "invalid", "请选择同意、不同意或弃权");
    }
    String t = token == null ? "" : token.strip();
    OffsetDateTime now = cases.now();
    if (t.isEmpty() || t.length() > 64 || !votes.cast(t, choice, channel, actor, now)) {
      Votes.Ballot b = t.isEmpty() || t.length() > 64 ? null : votes.findBallot(t).orElse(null);
      if (b == null) {
        throw refused("token", "unknown", "选票无效");
      }
      if (b.choice() != null) {
        throw refused("token", "used", "本户已投票，每户只能投一票");
      }
      throw refused("token", "expired", "表决已截止");
    }
  }

  /** Counts a closed vote with the rule of its type. */
  @Transactional
  public Tally tally(long voteId) {
    Votes.Vote v = votes.findVote(voteId).orElseThrow(() -> refused("voteId", "unknown", "表决不存在"));
    VoteRule rule = decisions.voteRule(v.voteType()).orElseThrow();
    Votes.Counts c = votes.counts(voteId);
    VoteRule.Outcome o = rule.outcome(v.households(), c.yes(), c.no(), c.abstain());
    votes.close(voteId, c, o.name());
    note(v.meetingId(), "system", "一户一票计票：名册 " + v.households() + " 户，投票 " + (c.yes() + c.no() + c.abstain())
        + " 户，同意 " + c.yes() + "，不同意 " + c.no() + "，弃权 " + c.abstain() + "；" + o.label());
    return new Tally(o.name(), o == VoteRule.Outcome.PASSED, v.households(), c.yes(), c.no(), c.abstain());
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
    long id = votes.insertVote(meetingId, m.community(), "ASSEMBLY", voteType, plan.question(), members, now, now, "OPEN");
    votes.close(id, new Votes.Counts(yes, no, abstain), o.name());
    note(meetingId, actor, "居民（代表）会议表决：应到 " + members + " 人，同意 " + yes + "，不同意 " + no + "，弃权 " + abstain + "；" + o.label());
    return new Tally(o.name(), o == VoteRule.Outcome.PASSED, members, yes, no, abstain);
  }

  private void note(long meetingId, String actor, String text) {
    Meetings.Meeting m = deliberations.meeting(meetingId);
    if (m.caseId() != null) {
      cases.note(cases.loadById(m.caseId()), actor, TimelineAction.VOTE_COUNTED, text, true);
    }
  }

  /** The public page of a ballot token: the question, and totals only once the vote is closed. */
  @Transactional(readOnly = true)
  public PublicVote publicView(String token) {
    String t = token == null ? "" : token.strip();
    Votes.Vote v = votes.findVoteByToken(t).orElseThrow(() -> refused("token", "unknown", "选票无效"));
    boolean voted = votes.findBallot(t).map(b -> b.choice() != null).orElse(false);
    boolean open = "OPEN".equals(v.status()) && cases.now().isBefore(v.closesAt());
    boolean closed = "CLOSED".equals(v.status());
    return new PublicVote(v.question(), v.compound(), VOTE_TYPES.get(v.voteType()), v.closesAt(), open, voted,
        v.households(), closed ? v.yes() + v.no() + v.abstain() : null, closed ? v.yes() : null, closed ? v.no() : null,
        closed ? v.abstain() : null, closed ? VoteRule.Outcome.valueOf(v.outcome()).label() : null);
  }

  /**
   * The ballot tokens of a vote, for the staff who print the paper ballots or send the links: only the
   * vote's own community (社区两委, its 会客室) and the dispatch centre — a token is a household's vote.
   */
  @Transactional(readOnly = true)
  public List<String[]> ballots(long voteId, Collection<String> callerGroups) {
    Votes.Vote v = votes.findVote(voteId).orElseThrow(() -> refused("voteId", "unknown", "表决不存在"));
    List<String> allowed = List.of(GroupIds.community(v.community()),
        GroupIds.room(v.community()), GroupIds.DISPATCH_CENTRE,
        GroupIds.ADMIN);
    if (callerGroups.stream().noneMatch(allowed::contains)) {
      throw new BallotsForbidden();
    }
    return votes.tokens(voteId);
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }

  /** The caller does not belong to the vote's community or the dispatch centre. */
  public static final class BallotsForbidden extends RuntimeException {
    public BallotsForbidden() {
      super("只有本社区两委、党群会客室和调度中心可以取得本次表决的选票");
    }
  }
}
