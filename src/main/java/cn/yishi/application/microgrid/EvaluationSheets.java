package cn.yishi.application.microgrid;

import static cn.yishi.application.microgrid.TwoWayEvaluations.refused;

import cn.yishi.application.MicroGrids;
import cn.yishi.application.port.EvaluationStore;
import cn.yishi.application.port.MicroGridStore;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.microgrid.EvaluationRules;
import cn.yishi.domain.microgrid.EvaluationSubject;
import cn.yishi.domain.microgrid.EvaluationTally;
import cn.yishi.domain.microgrid.Satisfaction;
import cn.yishi.domain.microgrid.SelfGrade;
import cn.yishi.domain.microgrid.Yuanba;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The households' side of a 双向评价 round: the phone page of a token, one submission per token whatever the channel
 * (phone or a paper sheet entered by staff), the printable sheets, and the public results per 院坝 — counts and scores,
 * never who rated whom (the answers are stored without the token).
 */
@Service
public class EvaluationSheets {
  private final EvaluationStore store;
  private final MicroGridStore grids;
  private final Directory directory;
  private final Clock clock;

  public EvaluationSheets(EvaluationStore store, MicroGridStore grids, Directory directory, Clock clock) {
    this.store = store;
    this.grids = grids;
    this.directory = directory;
    this.clock = clock;
  }

  public record Person(int position, String title, String name) {}

  /** A token's page. {@code state}: OPEN, USED (this household has answered) or CLOSED (the window has ended). */
  public record SheetView(String yuanba, String community, String period, OffsetDateTime closesAt, String state,
      List<Person> persons) {}

  /** What the household sees after answering: its answers, the time and a receipt number. */
  public record Receipt(String yuanba, List<String> answers, OffsetDateTime at, String receiptNo) {}

  /** One paper sheet as staff enter it: the token printed on it and the answer per position. */
  public record PaperSheet(String token, Map<Integer, String> answers) {}

  public record Printable(long roundId, String yuanba, String community, String period, OffsetDateTime closesAt,
      List<Person> persons, List<EvaluationStore.Token> tokens) {}

  public record PersonResult(String title, String name, int satisfied, int basically, int dissatisfied, Integer score,
      Integer satisfactionRate, String verdict) {}

  /** One 院坝 on the public results: its latest round (open: only the turnout; closed: the results). */
  public record YuanbaResult(String code, String name, String period, String state, OffsetDateTime closesAt,
      int households, int answered, Integer overallScore, String selfGrade, String selfText, List<PersonResult> persons) {}

  public record CommunityResults(String community, String name, List<YuanbaResult> yuanba) {}

  @Transactional(readOnly = true)
  public SheetView view(String token) {
    EvaluationStore.Token t = token(token);
    EvaluationStore.Round r = store.round(t.roundId()).orElseThrow();
    String state = t.used() ? "USED" : open(r) ? "OPEN" : "CLOSED";
    return new SheetView(yuanbaName(r), communityName(r), EvaluationRules.periodLabel(r.period()), r.closesAt(), state,
        persons(store.subjects(r.id())));
  }

  /** The phone submission. Unknown, used or expired tokens and incomplete answers are refused; nothing is stored. */
  @Transactional
  public Receipt submitOnline(String token, Map<Integer, String> answers) {
    EvaluationStore.Token t = token(token);
    EvaluationStore.Round r = store.round(t.roundId()).orElseThrow();
    List<EvaluationSubject> subjects = store.subjects(r.id());
    OffsetDateTime at = submit(t, r, subjects, answers, "answers", "", "ONLINE", "resident");
    List<String> labels = subjects.stream()
        .map(s -> s.label() + "：" + Satisfaction.parse(answers.get(s.position()).strip()).orElseThrow().label()).toList();
    return new Receipt(yuanbaName(r), labels, at, receiptNo(t.token()));
  }

  /** Paper sheets entered by staff in 录入纸质评价表 (token and the answers); all or nothing. */
  @Transactional
  public int enterPaper(long roundId, List<PaperSheet> sheets, String actor) {
    EvaluationStore.Round r = store.round(roundId).orElseThrow(() -> refused("roundId", "unknown", "评价轮次不存在"));
    if (sheets == null || sheets.isEmpty()) {
      throw refused("paperSheets", "required", "请录入至少一张纸质评价表");
    }
    List<EvaluationSubject> subjects = store.subjects(roundId);
    for (int i = 0; i < sheets.size(); i++) {
      PaperSheet p = sheets.get(i);
      String prefix = "第" + (i + 1) + "张：";
      String tok = p.token() == null ? "" : p.token().strip();
      EvaluationStore.Token t = tok.isEmpty() || tok.length() > 64 ? null : store.token(tok).orElse(null);
      if (t == null || t.roundId() != roundId) {
        throw refused("paperSheets[" + i + "].token", "unknown", prefix + "评价表编码无效，或不属于本次评价");
      }
      submit(t, r, subjects, p.answers(), "paperSheets[" + i + "]", prefix, "PAPER", actor);
    }
    return sheets.size();
  }

  private OffsetDateTime submit(EvaluationStore.Token t, EvaluationStore.Round r, List<EvaluationSubject> subjects,
      Map<Integer, String> answers, String field, String prefix, String channel, String actor) {
    if (t.used()) {
      throw refused(field.equals("answers") ? "token" : field + ".token", "used",
          prefix + "本户已参加本次评价，每户只能评价一次（手机和纸质评价表合计一次）");
    }
    if (!open(r)) {
      throw refused(field.equals("answers") ? "token" : field + ".token", "expired", prefix + "本次评价已截止");
    }
    List<FieldError> errors = new ArrayList<>();
    Map<Integer, Satisfaction> sheet = EvaluationRules.checkSheet(subjects, answers, field, prefix, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!store.useToken(t.token(), channel, actor, now)) {
      boolean used = store.token(t.token()).map(EvaluationStore.Token::used).orElse(false);
      throw refused(field.equals("answers") ? "token" : field + ".token", used ? "used" : "expired", prefix
          + (used ? "本户已参加本次评价，每户只能评价一次（手机和纸质评价表合计一次）" : "本次评价已截止"));
    }
    Map<Long, Satisfaction> byId = new LinkedHashMap<>();
    subjects.forEach(s -> byId.put(s.id(), sheet.get(s.position())));
    store.insertAnswers(r.id(), byId);
    return now;
  }

  /** The sheets to print (A4, one per household, with its QR code): staff who maintain the 院坝 only. */
  @Transactional(readOnly = true)
  public Printable printable(long roundId, MicroGrids.Maintainer who) {
    EvaluationStore.Round r = store.round(roundId).orElseThrow(() -> refused("roundId", "unknown", "评价轮次不存在"));
    Directory.Community c = directory.community(r.community()).orElseThrow();
    if (!MicroGrids.maintains(who, c)) {
      throw new MicroGrids.Refused(MicroGrids.Refused.Reason.FORBIDDEN, "只有所属乡镇（街道）和村（社区）两委可以打印评价表");
    }
    List<EvaluationStore.Token> tokens = store.tokens(roundId).stream()
        .sorted(Comparator.comparing(EvaluationStore.Token::household)).toList();
    return new Printable(roundId, yuanbaName(r), c.name(), EvaluationRules.periodLabel(r.period()), r.closesAt(),
        persons(store.subjects(roundId)), tokens);
  }

  /** 双向评价结果 of a community, per 院坝 (its latest round). */
  @Transactional(readOnly = true)
  public CommunityResults results(String community) {
    if (community == null || community.isBlank()) {
      throw refused("community", "required", "请指定村（社区）");
    }
    Directory.Community c = directory.community(community.strip())
        .orElseThrow(() -> refused("community", "unknown", "没有这个村（社区）"));
    List<YuanbaResult> list = new ArrayList<>();
    for (Yuanba y : grids.inCommunity(c.code())) {
      store.rounds(y.code()).stream().max(Comparator.comparing(EvaluationStore.Round::openedAt)).ifPresent(r -> {
        boolean closed = "CLOSED".equals(r.status());
        List<PersonResult> persons = !closed ? List.of() : store.results(r.id()).stream().map(x -> new PersonResult(
            x.subject().title(), x.subject().name(), x.satisfied(), x.basically(), x.dissatisfied(), x.score(),
            x.satisfactionRate(), EvaluationTally.Verdict.valueOf(x.verdict()).label())).toList();
        list.add(new YuanbaResult(y.code(), y.name(), EvaluationRules.periodLabel(r.period()), closed ? "CLOSED" : "OPEN",
            r.closesAt(), r.households(), closed ? r.sheets() : store.usedTokens(r.id()), r.overallScore(),
            closed && r.selfGrade() != null ? SelfGrade.valueOf(r.selfGrade()).label() : null,
            closed ? r.selfText() : null, persons));
      });
    }
    return new CommunityResults(c.code(), c.name(), list);
  }

  private EvaluationStore.Token token(String token) {
    String t = token == null ? "" : token.strip();
    return (t.isEmpty() || t.length() > 64 ? java.util.Optional.<EvaluationStore.Token>empty() : store.token(t))
        .orElseThrow(() -> refused("token", "unknown", "评价链接无效：链接不完整或不存在，请核对评价表上的二维码或链接"));
  }

  private boolean open(EvaluationStore.Round r) {
    return "OPEN".equals(r.status()) && r.closesAt().isAfter(OffsetDateTime.now(clock));
  }

  private static List<Person> persons(List<EvaluationSubject> subjects) {
    return subjects.stream().map(s -> new Person(s.position(), s.title(), s.name())).toList();
  }

  private String yuanbaName(EvaluationStore.Round r) {
    return grids.find(r.yuanba()).map(Yuanba::name).orElse(r.yuanba());
  }

  private String communityName(EvaluationStore.Round r) {
    return directory.community(r.community()).map(Directory.Community::name).orElse(r.community());
  }

  /** A short number the household can note: derived from the token, it reveals neither the token nor the answers. */
  static String receiptNo(String token) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(("evaluation:" + token).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(d, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
