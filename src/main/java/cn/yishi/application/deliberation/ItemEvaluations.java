package cn.yishi.application.deliberation;

import cn.yishi.application.Cases;
import cn.yishi.application.HandlingProperties;
import cn.yishi.application.HouseholdRegisterService;
import cn.yishi.application.port.ItemEvaluationStore;
import cn.yishi.application.port.ItemEvaluationStore.Evaluation;
import cn.yishi.application.port.ItemEvaluationStore.ItemFacts;
import cn.yishi.application.port.MailOutbox;
import cn.yishi.application.port.Sessions;
import cn.yishi.application.supervision.SupervisionOrders;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.Electorate;
import cn.yishi.domain.deliberation.Household;
import cn.yishi.domain.deliberation.ItemEvaluationRules;
import cn.yishi.domain.directory.Directory;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 民事民评 / 一件一评价 (宜昌, 金溪): when a unit reports a resolution item done, the community's 居务监督委员会 opens
 * an evaluation: it chooses the raters — the parties of the session that resolved the item and the households of an
 * electorate of the register — and a window of working days. Each rater gets a 256-bit token (a mail to a party
 * with an address, else a printed sheet with its QR code). The window's timer closes the round: the average and the
 * distribution are public on the session's part of /public/meetings; an average below the threshold sends the item
 * back to its unit with a supervision order (source {@value #SOURCE}); no ratings at all is 无人评价, no rework.
 */
@Service
public class ItemEvaluations {
  /** The supervision order's source for an item that the residents judged poorly (民事民评较差). */
  public static final String SOURCE = "ITEM_RATING";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ItemEvaluationStore store;
  private final Sessions sessions;
  private final DeliberationSessions deliberationSessions;
  private final HouseholdRegisterService registers;
  private final SupervisionOrders orders;
  private final MailOutbox outbox;
  private final Cases cases;
  private final Directory directory;
  private final HandlingProperties handling;
  private final ItemEvaluationProperties properties;
  private final String publicBaseUrl;

  public ItemEvaluations(ItemEvaluationStore store, Sessions sessions, DeliberationSessions deliberationSessions,
      HouseholdRegisterService registers, SupervisionOrders orders, MailOutbox outbox, Cases cases, Directory directory,
      HandlingProperties handling, ItemEvaluationProperties properties,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.store = store;
    this.sessions = sessions;
    this.deliberationSessions = deliberationSessions;
    this.registers = registers;
    this.orders = orders;
    this.outbox = outbox;
    this.cases = cases;
    this.directory = directory;
    this.handling = handling;
    this.properties = properties;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  /** What the committee's task shows: the item, what was reported done, the session's parties, the electorates. */
  public record Facts(ItemFacts item, String unitName, List<String> participants,
      List<HouseholdRegisterService.Option> electorates) {}

  /** An opened round: its id, when the window closes, how many tokens of each kind, how many were mailed. */
  public record Opened(long evaluationId, OffsetDateTime closesAt, int participants, int households, int mailed) {}

  /** A closed round. */
  public record Closed(long evaluationId, long itemId, ItemEvaluationRules.Result result) {}

  @Transactional(readOnly = true)
  public ItemFacts item(long itemId) {
    return store.item(itemId).orElseThrow(() -> new ValidationException(
        List.of(new FieldError("itemId", "unknown", "决议事项不存在"))));
  }

  @Transactional(readOnly = true)
  public Facts facts(long itemId) {
    ItemFacts i = item(itemId);
    return new Facts(i, unitName(i.unit()), participants(i), registers.electorates(i.community()));
  }

  /**
   * The committee opens a round: the raters (the session's parties when {@code participants}; the households of
   * {@code electorate}, a code of the community's register, when given), the window (1–30 working days, default 5).
   * Everything is checked before anything is stored.
   */
  @Transactional
  public Opened open(long itemId, Boolean participants, String electorate, Object windowDays, String actor) {
    ItemFacts i = item(itemId);
    List<FieldError> errors = new ArrayList<>();
    int days = 0;
    try {
      days = ItemEvaluationRules.windowDays(windowDays);
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
    List<Household> households = List.of();
    Electorate e = null;
    if (electorate != null && !electorate.isBlank()) {
      e = Electorate.parse(electorate).orElse(null);
      if (e == null || !registers.communityOf(e.compound()).map(i.community()::equals).orElse(false)) {
        errors.add(new FieldError("evaluationElectorate", "unknown", "请选择本社区住户名册中的小区、楼栋或单元"));
      } else {
        households = registers.households(e);
        if (households.isEmpty()) {
          errors.add(new FieldError("evaluationElectorate", "empty", "所选范围在住户名册中没有住户"));
        }
      }
    }
    List<String> parties = Boolean.TRUE.equals(participants) ? participants(i) : List.of();
    if (errors.isEmpty() && parties.isEmpty() && households.isEmpty()) {
      errors.add(new FieldError("evaluationRaters", "required",
          Boolean.TRUE.equals(participants) ? "该议事会没有登记参与方，请选择参与评价的住户范围" : "请至少选择一类评价人：议事参与方或住户"));
    }
    if (!"DONE".equals(i.status())) {
      errors.add(new FieldError("itemId", "not_done", "该决议事项尚未报告落实完成"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    OffsetDateTime now = cases.now();
    OffsetDateTime closesAt = cases.deadlineIn(days);
    int round = store.lastRound(itemId) + 1;
    long id = store.insertEvaluation(itemId, round, i.community(), e == null ? null : e.code(), now, closesAt, actor);
    int mailed = 0;
    for (String party : parties) {
      String token = token();
      store.insertToken(id, token, "PARTICIPANT", party);
      Optional<String> mail = partyMail(party);
      if (mail.isPresent() && outbox.enqueue("item-rating:" + token.substring(0, 16), mail.get(),
          "请对决议事项落实情况进行评价（民事民评）", mailBody(i, closesAt, token), i.caseId())) {
        mailed++;
      }
    }
    for (Household h : households) {
      store.insertToken(id, token(), "HOUSEHOLD", h.compound() + "/" + h.building() + "/" + h.unit() + "/" + h.household());
    }
    noteOnCase(i, actor, TimelineAction.ITEM_EVALUATION_OPENED, "决议事项「" + i.measure() + "」开展民事民评，"
        + DAY.format(closesAt.atZoneSameInstant(cases.now().getOffset())) + "截止");
    return new Opened(id, closesAt, parties.size(), households.size(), mailed);
  }

  /**
   * The window's timer closes the round: the result by {@link ItemEvaluationRules#result}; a poor one reopens the
   * item with a new deadline and a supervision order to its unit.
   */
  @Transactional
  public Closed close(long evaluationId) {
    Evaluation ev = store.evaluation(evaluationId).orElseThrow(() -> new ValidationException(
        List.of(new FieldError("evaluationId", "unknown", "评价不存在"))));
    ItemEvaluationRules.Result r = ItemEvaluationRules.result(store.ratings(evaluationId), properties.passAverage());
    if (!"OPEN".equals(ev.status())) {
      return new Closed(evaluationId, ev.itemId(), new ItemEvaluationRules.Result(r.count(), r.average(), r.distribution(),
          ItemEvaluationRules.Outcome.valueOf(ev.status())));
    }
    store.close(evaluationId, r.outcome().name(), r.count(), r.average(), r.distributionText(), cases.now());
    ItemFacts i = item(ev.itemId());
    String summary = r.count() == 0 ? "无人评价"
        : r.count() + "人评价，平均" + r.average().toPlainString() + "分";
    noteOnCase(i, "system", TimelineAction.ITEM_EVALUATED, "决议事项「" + i.measure() + "」民事民评：" + summary
        + "（" + r.outcome().label() + "）");
    if (r.outcome() == ItemEvaluationRules.Outcome.REWORK) {
      store.reopenItem(i.itemId(), cases.deadlineIn(handling.reworkDays()));
      sessions.supervisableItem(i.itemId()).ifPresent(open -> orders.raise(open, "evaluation-" + evaluationId, SOURCE,
          null, false, "民事民评平均" + r.average().toPlainString() + "分，低于" + properties.passAverage().toPlainString()
              + "分，退回责任单位整改"));
    }
    return new Closed(evaluationId, ev.itemId(), r);
  }

  /** The raters' tokens of a round, for the committee's printed sheets. */
  @Transactional(readOnly = true)
  public List<ItemEvaluationStore.Token> tokens(long evaluationId) {
    return store.tokens(evaluationId);
  }

  @Transactional(readOnly = true)
  public Optional<Evaluation> evaluation(long evaluationId) {
    return store.evaluation(evaluationId);
  }

  public String unitName(String unit) {
    return directory.unit(unit).map(Directory.Unit::name).orElse(unit);
  }

  /** The name of a party (a group id). */
  public String partyName(String party) {
    return Optional.ofNullable(directory.groups().get(party)).map(Directory.Group::name).orElse(party);
  }

  /** The name of a party or a household code, as the sheets print it. */
  public String raterLabel(ItemEvaluationStore.Token t) {
    if ("PARTICIPANT".equals(t.raterKind())) {
      return partyName(t.rater());
    }
    String[] p = t.rater().split("/", 4);
    return p.length < 4 ? t.rater()
        : registers.compoundName(p[0]) + " " + p[1] + "栋 " + p[2] + "单元 " + p[3] + "室";
  }

  private List<String> participants(ItemFacts i) {
    return i.sessionId() == null ? List.of() : deliberationSessions.parties(i.sessionId());
  }

  private Optional<String> partyMail(String party) {
    if (!party.startsWith("unit-")) {
      return Optional.empty();
    }
    return directory.unit(party.substring("unit-".length())).map(Directory.Unit::email).filter(m -> !m.isBlank());
  }

  private String mailBody(ItemFacts i, OffsetDateTime closesAt, String token) {
    return "您好：\n\n议事会决议事项「" + i.measure() + "」（责任单位：" + unitName(i.unit()) + "）已报告落实完成。"
        + "社区居务监督委员会邀请您作为议事参与方评价落实情况（1到5分，可附意见），"
        + DAY.format(closesAt.atZoneSameInstant(cases.now().getOffset())) + "截止：\n" + publicBaseUrl
        + "/public/item-ratings/" + token + "\n\n该链接仅可使用一次，请勿转发。";
  }

  private void noteOnCase(ItemFacts i, String actor, TimelineAction action, String note) {
    if (i.caseId() != null) {
      cases.note(cases.loadById(i.caseId()), actor, action, note, true);
    }
  }

  private static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
