package cn.yishi.domain.casefile;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One case (办件) and the rules of its life: acceptance, assignment, escalation, overdue,
 * resolution, evaluation, rework and closing. Holds no personal data. Plain Java: the services
 * load it, call one of these methods and save it.
 */
public class CaseFile {
  /** The third unsatisfied evaluation moves the case up one tier. */
  public static final int UNSATISFIED_BEFORE_ESCALATION = 3;
  /** The second missed deadline in a row moves the case up one tier. */
  public static final int OVERDUE_BEFORE_ESCALATION = 2;
  public static final int SATISFIED_FROM = 3;

  private final long id;
  private final String caseNo;
  private final Channel channel;
  private final String externalId;
  private final String category;
  private final String title;
  private final String description;
  private final String community;
  private final String compound;
  private final Integer householdsAffected;
  private final OffsetDateTime createdAt;
  private CaseStatus status;
  private Classification suggested;
  private String referral;
  private ScreeningGround suggestedGround;
  private ScreeningGround ground;
  private Urgency urgency;
  private Tier tier;
  private Disposal disposal;
  private String responsibleUnit;
  private String declineReason;
  private OffsetDateTime deadline;
  private OffsetDateTime responseDeadline;
  private String processInstanceId;
  private String resultNote;
  private Integer satisfaction;
  private int supportingCount;
  private int overdueCount;
  private int reworkCount;
  private int unsatisfiedCount;
  private OffsetDateTime resolvedAt;
  private OffsetDateTime closedAt;
  private OffsetDateTime updatedAt;
  private String yuanba;
  private String reviewGroup;

  public CaseFile(long id, String caseNo, Channel channel, String externalId, String category, String title,
      String description, String community, String compound, Integer householdsAffected, OffsetDateTime createdAt) {
    this.id = id;
    this.caseNo = caseNo;
    this.channel = channel;
    this.externalId = externalId;
    this.category = category;
    this.title = title;
    this.description = description;
    this.community = community;
    this.compound = compound;
    this.householdsAffected = householdsAffected;
    this.createdAt = createdAt;
    this.status = CaseStatus.REGISTERED;
  }

  /** Restores the mutable state from storage. */
  public CaseFile restore(CaseStatus status, Classification suggested, String referral, Urgency urgency, Tier tier,
      Disposal disposal, String responsibleUnit, String declineReason, OffsetDateTime deadline,
      OffsetDateTime responseDeadline, String processInstanceId, String resultNote, Integer satisfaction,
      int supportingCount, int overdueCount, int reworkCount, int unsatisfiedCount, OffsetDateTime resolvedAt,
      OffsetDateTime closedAt, OffsetDateTime updatedAt) {
    this.status = status;
    this.suggested = suggested;
    this.referral = referral;
    this.urgency = urgency;
    this.tier = tier;
    this.disposal = disposal;
    this.responsibleUnit = responsibleUnit;
    this.declineReason = declineReason;
    this.deadline = deadline;
    this.responseDeadline = responseDeadline;
    this.processInstanceId = processInstanceId;
    this.resultNote = resultNote;
    this.satisfaction = satisfaction;
    this.supportingCount = supportingCount;
    this.overdueCount = overdueCount;
    this.reworkCount = reworkCount;
    this.unsatisfiedCount = unsatisfiedCount;
    this.resolvedAt = resolvedAt;
    this.closedAt = closedAt;
    this.updatedAt = updatedAt;
    return this;
  }

  /** Restores the 五议五不议 grounds (suggested and decided) from storage. */
  public CaseFile restoreScreening(ScreeningGround suggestedGround, ScreeningGround ground) {
    this.suggestedGround = suggestedGround;
    this.ground = ground;
    return this;
  }

  public void attachProcess(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public void suggest(Suggestion s) {
    this.suggested = s.classification();
    this.referral = s.referral();
    this.suggestedGround = s.ground();
  }

  /** The reviewer's 五议 ground of an accepted case; call before {@link #accept}. */
  public void screen(ScreeningGround g) {
    requireStatus(CaseStatus.REGISTERED);
    if (g != null && !g.admissible()) {
      throw refused("screeningGround", "mismatch", "所选情形属于“五不议”，不能予以受理");
    }
    this.ground = g;
  }

  /**
   * Accepts the case with its confirmed classification and deadlines. The response deadline (首次响应时限) is
   * counted from registration: the review decision is the case's first response.
   */
  public void accept(Classification c, OffsetDateTime deadline, OffsetDateTime responseDeadline) {
    requireStatus(CaseStatus.REGISTERED);
    this.urgency = c.urgency();
    this.tier = c.tier();
    this.disposal = c.disposal();
    this.responsibleUnit = c.responsibleUnit();
    this.deadline = deadline;
    this.responseDeadline = responseDeadline;
    this.status = switch (c.disposal()) {
      case IMMEDIATE -> CaseStatus.IN_PROGRESS;
      case COMMITTED -> c.responsibleUnit() == null ? CaseStatus.ACCEPTED : CaseStatus.IN_PROGRESS;
      case DELIBERATED -> CaseStatus.DELIBERATING;
    };
  }

  /** Declines the case; a decline is a response too, due by the same response deadline as an acceptance. */
  public void decline(String reason, OffsetDateTime responseDeadline) {
    requireStatus(CaseStatus.REGISTERED);
    this.declineReason = reason;
    this.referral = null;
    this.responseDeadline = responseDeadline;
    this.status = CaseStatus.DECLINED;
  }

  /**
   * Declines the case under one of the 五不议, with its referral (引导去向): the public reason carries the referral in
   * public words, e.g. 属纯个体纠纷……（已引导至社区人民调解委员会调解）.
   */
  public void decline(ScreeningGround g, String reason, String referralWords, OffsetDateTime responseDeadline) {
    if (g == null || g.admissible()) {
      throw refused("screeningGround", "mismatch", "不予受理时请选择适用的“五不议”情形");
    }
    decline(referralWords == null ? reason : reason + "（" + referralWords + "）", responseDeadline);
    this.ground = g;
    this.referral = g.referral() == null ? null : g.referral().name();
  }

  /** 点将 or 揭榜: a unit takes the case. */
  public void assignUnit(String unit) {
    if (!status.isOpen()) {
      throw refused("status", "closed", "办件已结束，不能派单");
    }
    this.responsibleUnit = unit;
    if (status == CaseStatus.ACCEPTED) {
      this.status = CaseStatus.IN_PROGRESS;
    }
  }

  /** Moves the case up one tier (STATION → ROOM → HALL → COUNTY) with a new deadline. */
  public Tier escalate(OffsetDateTime newDeadline) {
    Tier next = tier.up().orElseThrow(() -> refused("tier", "top", "已在县级协调机制，无法继续上报"));
    this.tier = next;
    this.deadline = newDeadline;
    this.overdueCount = 0;
    return next;
  }

  /**
   * The working-day calendar changed (a year's public holidays were published or corrected): the same deadline,
   * counted anew. Only while the case is being handled.
   */
  public void recountDeadline(OffsetDateTime recounted) {
    if (!status.isOpen() || status == CaseStatus.REGISTERED || status == CaseStatus.RESOLVED || deadline == null) {
      throw refused("status", "no_deadline", "办件当前没有进行中的办理期限");
    }
    this.deadline = recounted;
  }

  public boolean canEscalate() {
    return tier != null && tier.up().isPresent();
  }

  /**
   * The handling deadline passed. Returns true when this is the second miss in a row, which
   * moves the case up one tier.
   */
  public boolean markOverdue(OffsetDateTime newDeadline) {
    this.overdueCount++;
    this.deadline = newDeadline;
    return overdueCount >= OVERDUE_BEFORE_ESCALATION && canEscalate();
  }

  public void resolve(String note, OffsetDateTime now) {
    if (status == CaseStatus.DECLINED || status == CaseStatus.CLOSED) {
      throw refused("status", "closed", "办件已结束");
    }
    this.resultNote = note;
    this.resolvedAt = now;
    this.status = CaseStatus.RESOLVED;
  }

  /**
   * The dispatch centre found the reported result false (结果不实): back to handling with a new deadline, no
   * longer resolved.
   */
  public void rejectResult(OffsetDateTime newDeadline) {
    if (status != CaseStatus.RESOLVED) {
      throw refused("status", "not_resolved", "办件尚未办结，无需核查办理结果");
    }
    this.deadline = newDeadline;
    this.resolvedAt = null;
    this.status = CaseStatus.IN_PROGRESS;
  }

  /** Records a rating from 1 to 5; returns whether the resident is satisfied (≥ 3). */
  public boolean evaluate(int rating) {
    if (rating < 1 || rating > 5) {
      throw refused("satisfaction", "out_of_range", "满意度应为1到5分");
    }
    if (status != CaseStatus.RESOLVED) {
      throw refused("status", "not_resolved", "办件尚未办结，不能评价");
    }
    this.satisfaction = rating;
    return rating >= SATISFIED_FROM;
  }

  /** Not satisfied: back to handling (整改). Returns true when this third miss escalates the tier. */
  public boolean rework(OffsetDateTime newDeadline) {
    this.reworkCount++;
    this.unsatisfiedCount++;
    this.deadline = newDeadline;
    this.resolvedAt = null;
    this.status = CaseStatus.REWORK;
    return unsatisfiedCount % UNSATISFIED_BEFORE_ESCALATION == 0 && canEscalate();
  }

  /** 销号. */
  public void close(OffsetDateTime now) {
    if (status != CaseStatus.RESOLVED) {
      throw refused("status", "not_resolved", "办件尚未办结，不能销号");
    }
    this.closedAt = now;
    this.status = CaseStatus.CLOSED;
  }

  public void addSupportingReport() {
    this.supportingCount++;
  }

  private void requireStatus(CaseStatus expected) {
    if (status != expected) {
      throw refused("status", "invalid_state", "办件当前状态为“" + status.label() + "”，不能进行此操作");
    }
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }

  public long id() { return id; }
  public String caseNo() { return caseNo; }
  public Channel channel() { return channel; }
  public String externalId() { return externalId; }
  public String category() { return category; }
  public String title() { return title; }
  public String description() { return description; }
  public String community() { return community; }
  public String compound() { return compound; }

  /** The 院坝 (micro-grid) of the report, if the village has them and one was chosen; its code. */
  public String yuanba() { return yuanba; }

  /** The party organisation that reviews (or reviewed) the case (三级前置把关); null before the first suggestion. */
  public String reviewGroup() { return reviewGroup; }

  /** Restores (or sets at registration) the case's 院坝 and its review group. */
  public CaseFile place(String yuanbaCode, String reviewGroupId) {
    this.yuanba = yuanbaCode;
    this.reviewGroup = reviewGroupId;
    return this;
  }
  public Integer householdsAffected() { return householdsAffected; }
  public OffsetDateTime createdAt() { return createdAt; }
  public CaseStatus status() { return status; }
  public Classification suggested() { return suggested; }
  public String referral() { return referral; }
  public ScreeningGround suggestedGround() { return suggestedGround; }
  public ScreeningGround ground() { return ground; }
  public Urgency urgency() { return urgency; }
  public Tier tier() { return tier; }
  public Disposal disposal() { return disposal; }
  public String responsibleUnit() { return responsibleUnit; }
  public String declineReason() { return declineReason; }
  public OffsetDateTime deadline() { return deadline; }
  public OffsetDateTime responseDeadline() { return responseDeadline; }
  public String processInstanceId() { return processInstanceId; }
  public String resultNote() { return resultNote; }
  public Integer satisfaction() { return satisfaction; }
  public int supportingCount() { return supportingCount; }
  public int overdueCount() { return overdueCount; }
  public int reworkCount() { return reworkCount; }
  public int unsatisfiedCount() { return unsatisfiedCount; }
  public OffsetDateTime resolvedAt() { return resolvedAt; }
  public OffsetDateTime closedAt() { return closedAt; }
  public OffsetDateTime updatedAt() { return updatedAt; }
}
