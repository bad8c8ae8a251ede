package cn.yishi.domain.deliberation;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a deliberation accepts at each step, before anything is stored: the topic to schedule, a party's
 * position, the problem list, the meeting record (六步) with its resolution list, a pause, the expert
 * review, an objection and the chair's decision on the objections, an item's completion and the period of
 * the statistics. Knows nothing of storage or the engine; the directory is passed in as predicates. Each
 * check throws a {@link ValidationException} with Chinese messages, and returns the text stripped.
 */
public final class MeetingRules {
  public static final int MAX_ITEMS = 30;
  public static final List<String> URGENCIES = List.of("RED", "YELLOW", "GREEN");
  public static final int MAX_STATISTICS_MONTHS = 36;

  private final Predicate<String> knownCommunity;
  private final Predicate<String> knownUnit;

  public MeetingRules(Predicate<String> knownCommunity, Predicate<String> knownUnit) {
    this.knownCommunity = knownCommunity;
    this.knownUnit = knownUnit;
  }

  /** The rules over the communities and units of a directory. */
  public static MeetingRules of(Directory directory) {
    return new MeetingRules(c -> directory.community(c).isPresent(), u -> directory.unit(u).isPresent());
  }

  /** A topic to schedule: a known community, a title of 1 to 200 characters, an urgency if any (RED, YELLOW, GREEN). */
  public void checkTopic(String community, String title, String urgency) {
    List<FieldError> errors = new ArrayList<>();
    if (community == null || !knownCommunity.test(community)) {
      errors.add(new FieldError("community", "unknown", "请选择所在社区"));
    }
    String t = title == null ? "" : title;
    if (t.isEmpty() || t.length() > 200) {
      errors.add(new FieldError("title", "required", "请填写议题（不超过200字）"));
    }
    if (urgency != null && !URGENCIES.contains(urgency)) {
      errors.add(new FieldError("urgency", "unknown", "紧急程度应为红、黄或绿"));
    }
    throwIfAny(errors);
  }

  /** 暂停: a pause needs its reason (1 to 1000 characters). */
  public String pauseReason(String reason) {
    return required(reason, 1000, "pauseReason", "暂停议事须填写理由（不超过1000字）");
  }

  /** 会前沟通: a position of 1 to 2000 characters, from one of the meeting's parties. */
  public String position(String position, String party, List<String> parties) {
    String p = required(position, 2000, "position", "请填写本方意见（不超过2000字）");
    if (party == null || !parties.contains(party)) {
      throw refused("partyGroup", "unknown", "不是本次议事的参与方");
    }
    return p;
  }

  /** 问题清单: 1 to 4000 characters. */
  public String problemList(String problemList) {
    return required(problemList, 4000, "problemList", "请填写问题清单（不超过4000字）");
  }

  /**
   * The record of a held meeting (六步), every refusal at once: participants 1 to 10000, the texts, and a
   * resolution list of 1 to {@value #MAX_ITEMS} items, each with a known unit, a measure and a deadline not
   * before {@code today}. Returns the items checked, in their order.
   */
  public List<ResolutionItem> resolutionList(MeetingMinutes in, LocalDate today) {
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
    List<MeetingMinutes.Item> items = in.items();
    if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
      errors.add(new FieldError("resolutionItems", "required", "决议清单至少一项，至多" + MAX_ITEMS + "项（未形成决议请选择暂停）"));
    }
    List<ResolutionItem> checked = new ArrayList<>();
    for (int i = 0; items != null && i < items.size(); i++) {
      MeetingMinutes.Item it = items.get(i);
      String prefix = "resolutionItems[" + i + "].";
      if (it.unit() == null || !knownUnit.test(it.unit())) {
        errors.add(new FieldError(prefix + "unit", "unknown", "第" + (i + 1) + "项：请选择责任单位"));
      }
      if (it.measure() == null || it.measure().isBlank() || it.measure().length() > 1000) {
        errors.add(new FieldError(prefix + "measure", "required", "第" + (i + 1) + "项：请填写措施（不超过1000字）"));
      }
      LocalDate d = date(it.deadline());
      if (d == null || d.isBefore(today)) {
        errors.add(new FieldError(prefix + "deadline", "invalid", "第" + (i + 1) + "项：请填写不早于今天的完成期限（yyyy-MM-dd）"));
      }
      checked.add(new ResolutionItem(it.unit(), it.measure() == null ? null : it.measure().strip(), d));
    }
    throwIfAny(errors);
    return checked;
  }

  /** A date as yyyy-MM-dd; a longer value (a timestamp) is read by its first ten characters. Null if unreadable. */
  static LocalDate date(String value) {
    try {
      return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** 评审团: a conclusion, and an opinion of 1 to 2000 characters on legality and reasonableness. */
  public String expertOpinion(Boolean approved, String opinion) {
    if (approved == null) {
      throw refused("expertApproved", "required", "请选择评审结论");
    }
    return required(opinion, 2000, "expertOpinion", "请填写评审意见（合法性、合理性，不超过2000字）");
  }

  /** An objection during the publicity window (which ends at {@code publicityEndsAt}): 1 to 1000 characters. */
  public String objection(OffsetDateTime publicityEndsAt, OffsetDateTime now, String content) {
    if (publicityEndsAt == null || !now.isBefore(publicityEndsAt)) {
      throw refused("token", "expired", "公示期已结束，不再受理意见");
    }
    return required(content, 1000, "content", "请填写意见（不超过1000字）");
  }

  /** The chair's decision on the objections. */
  public record ObjectionDecision(boolean reconvene, String reason) {}

  /** RECONVENE or CONFIRM, with a reason of 1 to 2000 characters; both refusals at once. */
  public ObjectionDecision objectionDecision(String decision, String reason) {
    List<FieldError> errors = new ArrayList<>();
    if (!"RECONVENE".equals(decision) && !"CONFIRM".equals(decision)) {
      errors.add(new FieldError("objectionDecision", "required", "请选择重新议事或维持决议"));
    }
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty() || r.length() > 2000) {
      errors.add(new FieldError("decisionReason", "required", "请填写处理理由（不超过2000字）"));
    }
    throwIfAny(errors);
    return new ObjectionDecision("RECONVENE".equals(decision), r);
  }

  /** What the unit did to implement an item: 1 to 2000 characters. */
  public String completionNote(String note) {
    return required(note, 2000, "progressNote", "请填写落实情况（不超过2000字）");
  }

  /** A community of the directory, or null for all. */
  public void communityOrAll(String community) {
    if (community != null && !knownCommunity.test(community)) {
      throw refused("community", "unknown", "社区不存在");
    }
  }

  /** The statistics run from one month to another at most {@value #MAX_STATISTICS_MONTHS} months later, of one community or all. */
  public void statisticsPeriod(String community, YearMonth from, YearMonth to) {
    if (to.isBefore(from) || from.plusMonths(MAX_STATISTICS_MONTHS).isBefore(to)) {
      throw refused("to", "invalid", "统计区间应为1到36个月");
    }
    communityOrAll(community);
  }

  private static String required(String value, int max, String field, String message) {
    Text.requireStorable(field, value);
    String v = value == null ? "" : value.strip();
    if (v.isEmpty() || v.length() > max) {
      throw refused(field, "required", message);
    }
    return v;
  }

  private static void text(List<FieldError> errors, String field, String value, int max, String message) {
    boolean blank = value == null || value.isBlank();
    if (blank || value.strip().length() > max) {
      errors.add(new FieldError(field, blank ? "required" : "too_long", message));
    } else if (!Text.storable(value)) {
      errors.add(Text.unstorable(field));
    }
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
