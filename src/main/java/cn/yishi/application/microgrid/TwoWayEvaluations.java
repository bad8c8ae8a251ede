package cn.yishi.application.microgrid;

import cn.yishi.application.HouseholdRegisterService;
import cn.yishi.application.MicroGrids;
import cn.yishi.application.port.EvaluationProcesses;
import cn.yishi.application.port.EvaluationStore;
import cn.yishi.application.port.MicroGridStore;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.Electorate;
import cn.yishi.domain.deliberation.Household;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.microgrid.ChangeReason;
import cn.yishi.domain.microgrid.EvaluationRules;
import cn.yishi.domain.microgrid.EvaluationSubject;
import cn.yishi.domain.microgrid.EvaluationTally;
import cn.yishi.domain.microgrid.ReviewDecision;
import cn.yishi.domain.microgrid.RoleHolder;
import cn.yishi.domain.microgrid.Satisfaction;
import cn.yishi.domain.microgrid.Yuanba;
import cn.yishi.domain.microgrid.YuanbaRole;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双向评价在院坝 (开州 院坝汇): "由院坝长牵头、在家群众参与，对'院坝汇'工作开展自治评价，对干部服务情况开展满意度测评". Twice a
 * year (or when the township or the community starts one in Tasklist) a round opens per 院坝: one unguessable token per
 * household of the 院坝's electorate in the register, the persons rated (its current 一长三员 and the cadres who serve
 * it), a window in working days. When it closes the answers are counted ({@link EvaluationTally}); each 不及格 goes to
 * the township, which replaces the person (MicroGrids, 评价不及格调整) or keeps them with its reasons.
 */
@Service
public class TwoWayEvaluations {
  private static final Logger LOG = LoggerFactory.getLogger(TwoWayEvaluations.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  static final String SYSTEM = "system";

  private final EvaluationStore store;
  private final MicroGridStore grids;
  private final MicroGrids microGrids;
  private final HouseholdRegisterService registers;
  private final Directory directory;
  private final WorkingDayCalendar calendar;
  private final EvaluationProperties properties;
  private final EvaluationProcesses processes;
  private final Clock clock;

  public TwoWayEvaluations(EvaluationStore store, MicroGridStore grids, MicroGrids microGrids,
      HouseholdRegisterService registers, Directory directory, WorkingDayCalendar calendar,
      EvaluationProperties properties, EvaluationProcesses processes, Clock clock) {
    this.store = store;
    this.grids = grids;
    this.microGrids = microGrids;
    this.registers = registers;
    this.directory = directory;
    this.calendar = calendar;
    this.properties = properties;
    this.processes = processes;
    this.clock = clock;
  }

  public record Opened(long roundId, String yuanba, String yuanbaName, int households, OffsetDateTime closesAt) {}

  /** What the process and its tasks show of a round. */
  public record RoundFacts(long roundId, String yuanba, String yuanbaName, String community, String communityName,
      String streetGroup, String communityGroup, String headGroup, String period, OffsetDateTime closesAt,
      int households, String subjects) {}

  /** A 不及格 person as the township's task shows it. */
  public record Review(long subjectId, String yuanbaName, String label, boolean cadre, String result) {}

  /**
   * Staff start a round in Tasklist (院坝管理) for one 院坝 or for every 院坝 of a community. {@code electorate}
   * (compound[/building[/unit]]) is who the households are; given, it is kept on the 院坝 for the next rounds. All or
   * nothing: one 院坝 refused refuses them all.
   */
  @Transactional
  public List<Opened> start(String yuanba, String community, String electorate, List<String> cadreLines,
      MicroGrids.Maintainer who) {
    List<FieldError> errors = new ArrayList<>();
    List<EvaluationRules.Cadre> cadres = EvaluationRules.parseCadres(cadreLines, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    List<Yuanba> targets;
    if (yuanba != null && !yuanba.isBlank()) {
      targets = List.of(grids.find(yuanba.strip()).orElseThrow(() -> refused("yuanba", "unknown", "院坝不存在")));
    } else if (community != null && !community.isBlank()) {
      targets = grids.inCommunity(community.strip());
      if (targets.isEmpty()) {
        throw refused("community", "no_yuanba", "该村（社区）还没有院坝");
      }
    } else {
      throw refused("yuanba", "required", "请选择院坝或村（社区）");
    }
    List<Opened> opened = new ArrayList<>();
    for (Yuanba y : targets) {
      Directory.Community c = directory.community(y.community()).orElseThrow();
      if (!MicroGrids.maintains(who, c)) {
        throw new MicroGrids.Refused(MicroGrids.Refused.Reason.FORBIDDEN,
            "只有所属乡镇（街道）和村（社区）两委可以发起" + c.name() + "的双向评价");
      }
      String e = targets.size() == 1 && electorate != null && !electorate.isBlank() ? electorate.strip() : null;
      opened.add(open(y, c, e, cadres, who.userId(), targets.size() > 1 ? y.name() + "：" : ""));
    }
    return opened;
  }

  /**
   * The scheduled rounds (the configured months): every 院坝 with an electorate and no round in this half-year. A 院坝
   * that cannot open (no electorate, no households, no one to rate) is logged and left out.
   */
  @Transactional
  public List<Opened> openDue() {
    List<Opened> opened = new ArrayList<>();
    String period = EvaluationRules.period(today());
    for (Yuanba y : grids.all()) {
      Directory.Community c = directory.community(y.community()).orElse(null);
      if (c == null || store.rounds(y.code()).stream().anyMatch(r -> r.period().equals(period))) {
        continue;
      }
      List<FieldError> errors = new ArrayList<>();
      List<EvaluationRules.Cadre> cadres = EvaluationRules.parseCadres(properties.cadresOf(c.code()), errors);
      Optional<String> e = store.electorate(y.code());
      List<Household> households = e.flatMap(Electorate::parse).map(registers::households).orElse(List.of());
      if (!errors.isEmpty() || households.isEmpty() || subjects(y, cadres).isEmpty()) {
        LOG.warn("双向评价：{}（{}）本期未开启：{}", y.name(), y.code(), !errors.isEmpty() ? errors.get(0).message()
            : households.isEmpty() ? "没有评价范围或范围内没有住户（在院坝管理中设置评价范围）" : "没有可评价的人员");
        continue;
      }
      opened.add(open(y, c, null, cadres, SYSTEM, ""));
    }
    return opened;
  }

  private Opened open(Yuanba y, Directory.Community c, String electorate, List<EvaluationRules.Cadre> cadres, String by,
      String prefix) {
    String code = electorate != null ? electorate : store.electorate(y.code()).orElse(null);
    if (code == null) {
      throw refused("electorate", "required", prefix + "请填写评价范围（住户名册中的小区、楼栋或单元）");
    }
    Electorate e = Electorate.parse(code)
        .orElseThrow(() -> refused("electorate", "invalid", prefix + "评价范围应写作 小区编码[/楼栋[/单元]]"));
    if (!registers.communityOf(e.compound()).map(c.code()::equals).orElse(false)) {
      throw refused("electorate", "other_community", prefix + "评价范围不属于" + c.name());
    }
    List<Household> households = registers.households(e);
    if (households.isEmpty()) {
      throw refused("electorate", "no_register", prefix + "评价范围“" + code + "”在住户名册中没有住户，请先导入住户名册");
    }
    List<EvaluationSubject> subjects = subjects(y, cadres);
    if (subjects.isEmpty()) {
      throw refused("yuanba", "no_subjects", prefix + y.name() + "没有在任的一长三员，也没有填写服务本院坝的干部");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate last = calendar.plusWorkingDays(today(), properties.windowDays());
    OffsetDateTime closesAt = last.atTime(calendar.endOfDay()).atZone(calendar.zone()).toOffsetDateTime();
    String period = EvaluationRules.period(today());
    long roundId = store.insertRound(y.code(), c.code(), period, e.code(), households.size(), now, closesAt, by)
        .orElseThrow(() -> refused("yuanba", "duplicate", prefix + y.name() + EvaluationRules.periodLabel(period)
            + "已经开展过双向评价，每半年一次"));
    subjects.forEach(s -> store.insertSubject(roundId, s));
    for (Household h : households) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      store.insertToken(roundId, h.household(), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    if (electorate != null) {
      store.setElectorate(y.code(), e.code());
    }
    processes.start(roundId, y.code());
    return new Opened(roundId, y.code(), y.name(), households.size(), closesAt);
  }

  private List<EvaluationSubject> subjects(Yuanba y, List<EvaluationRules.Cadre> cadres) {
    List<RoleHolder> holders = grids.holders(y.code());
    List<EvaluationSubject> subjects = new ArrayList<>();
    for (YuanbaRole r : YuanbaRole.values()) {
      holders.stream().filter(h -> h.role() == r && h.current()).findFirst().ifPresent(h ->
          subjects.add(new EvaluationSubject(0, subjects.size() + 1, r, r.label(), h.name())));
    }
    for (EvaluationRules.Cadre cadre : cadres) {
      subjects.add(new EvaluationSubject(0, subjects.size() + 1, null, cadre.title(), cadre.name()));
    }
    return subjects;
  }

  @Transactional(readOnly = true)
  public RoundFacts facts(long roundId) {
    EvaluationStore.Round r = store.round(roundId).orElseThrow(() -> refused("roundId", "unknown", "评价轮次不存在"));
    Yuanba y = grids.find(r.yuanba()).orElseThrow();
    Directory.Community c = directory.community(r.community()).orElseThrow();
    StringBuilder list = new StringBuilder();
    for (EvaluationSubject s : store.subjects(roundId)) {
      list.append(list.isEmpty() ? "" : "；").append("第").append(s.position()).append("位 ").append(s.label());
    }
    return new RoundFacts(roundId, y.code(), y.name(), c.code(), c.name(), GroupIds.street(c.street()),
        GroupIds.community(c.code()), GroupIds.yuanbaRole(y.code(), YuanbaRole.HEAD.suffix()),
        EvaluationRules.periodLabel(r.period()), r.closesAt(), r.households(), list.toString());
  }

  /** 院坝自评: the grade and the 院坝长's text; while the round is open. */
  @Transactional
  public void selfEvaluate(long roundId, String grade, String text, String actor) {
    EvaluationStore.Round r = store.lockRound(roundId).orElseThrow(() -> refused("roundId", "unknown", "评价轮次不存在"));
    List<FieldError> errors = EvaluationRules.checkSelfEvaluation(grade, text);
    if (!"OPEN".equals(r.status())) {
      errors.add(new FieldError("selfGrade", "closed", "评价已截止，不能再提交自评"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    store.saveSelfEvaluation(roundId, grade, text.strip(), actor, OffsetDateTime.now(clock));
  }

  /** Closes the round: counts the answers, stores each person's result; the ids of the 不及格. */
  @Transactional
  public List<Long> close(long roundId) {
    EvaluationStore.Round r = store.lockRound(roundId).orElseThrow(() -> refused("roundId", "unknown", "评价轮次不存在"));
    List<EvaluationSubject> subjects = store.subjects(roundId);
    if (!"OPEN".equals(r.status())) {
      return store.results(roundId).stream().filter(x -> "FAIL".equals(x.verdict()))
          .map(x -> x.subject().id()).toList();
    }
    Map<Long, List<Satisfaction>> answers = store.answers(roundId);
    List<Map<String, Satisfaction>> single = new ArrayList<>();
    answers.forEach((id, list) -> list.forEach(a -> single.add(Map.of(String.valueOf(id), a))));
    List<String> keys = subjects.stream().map(s -> String.valueOf(s.id())).toList();
    EvaluationTally.Result counted = EvaluationTally.tally(keys, single);
    EvaluationTally.Result result = new EvaluationTally.Result(counted.persons(), store.usedTokens(roundId),
        counted.overallScore());
    Map<String, Long> ids = new HashMap<>();
    subjects.forEach(s -> ids.put(String.valueOf(s.id()), s.id()));
    store.close(roundId, result, ids);
    return result.failing().stream().map(p -> ids.get(p.subject())).toList();
  }

  @Transactional(readOnly = true)
  public Review review(long subjectId) {
    EvaluationStore.SubjectResult s = store.result(subjectId)
        .orElseThrow(() -> refused("subjectId", "unknown", "评价对象不存在"));
    long roundId = store.roundOfSubject(subjectId).orElseThrow();
    EvaluationStore.Round r = store.round(roundId).orElseThrow();
    String yuanbaName = grids.find(r.yuanba()).map(Yuanba::name).orElse(r.yuanba());
    String result = "得分 " + s.score() + "，满意率 " + s.satisfactionRate() + "%（满意 " + s.satisfied() + "、基本满意 "
        + s.basically() + "、不满意 " + s.dissatisfied() + "），" + EvaluationTally.Verdict.FAIL.label();
    return new Review(subjectId, yuanbaName, s.subject().label(), s.subject().cadre(), result);
  }

  /**
   * 研究调整（不及格人员）: replace (one of the 一长三员: a new holder through MicroGrids with 评价不及格调整; a cadre:
   * recorded, the township re-assigns its cadres itself) or keep with the reasons.
   */
  @Transactional
  public void decide(long subjectId, String decision, String reason, String newName, String newPhone, LocalDate from,
      MicroGrids.Maintainer who) {
    EvaluationStore.SubjectResult s = store.result(subjectId)
        .orElseThrow(() -> refused("subjectId", "unknown", "评价对象不存在"));
    List<FieldError> errors = EvaluationRules.checkDecision(decision, reason);
    if (s.decision() != null) {
      errors.add(new FieldError("reviewDecision", "decided", "该人员的研究结果已经记录"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    ReviewDecision d = ReviewDecision.parse(decision).orElseThrow();
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (d == ReviewDecision.REPLACE && !s.subject().cadre()) {
      long roundId = store.roundOfSubject(subjectId).orElseThrow();
      String yuanba = store.round(roundId).orElseThrow().yuanba();
      try {
        microGrids.assign(yuanba, s.subject().role().name(), newName, newPhone, null, from,
            ChangeReason.FAILED_EVALUATION.name(), why, who);
      } catch (ValidationException e) {
        throw new ValidationException(e.errors().stream().map(f -> new FieldError(switch (f.field()) {
          case "name" -> "newHolderName";
          case "phone" -> "newHolderPhone";
          case "from" -> "newHolderFrom";
          default -> "reviewReason";
        }, f.code(), f.message())).toList());
      } catch (MicroGrids.Refused e) {
        throw refused("reviewDecision", "forbidden", e.getMessage());
      }
    }
    store.decide(subjectId, d.name(), why, who.userId(), OffsetDateTime.now(clock));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(calendar.zone()));
  }

  static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
