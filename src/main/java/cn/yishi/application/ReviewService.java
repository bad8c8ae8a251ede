package cn.yishi.application;

import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Referral;
import cn.yishi.domain.casefile.ReviewDecision;
import cn.yishi.domain.casefile.ScreeningGround;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the party review (前置把关): accepts with a classification, or declines with a reason and a
 * referral. A decline is never silent: it goes into the timeline and the public view, and a reporter
 * with an e-mail address is told (so is an acceptance). Every override of the suggestion needs a reason.
 */
@Service
public class ReviewService {
  private static final int OVERRIDE_REASON_MAX = 500;

  private final Cases cases;
  private final WorkingDayCalendar calendar;
  private final Directory directory;
  private final ReporterNotices notices;

  public ReviewService(Cases cases, ReporterNotices notices, Directory directory, WorkingDayCalendar calendar) {
    this.calendar = calendar;
    this.directory = directory;
    this.cases = cases;
    this.notices = notices;
  }

  /**
   * What the review form submitted, as strings; omitted classification values keep the suggestion, an omitted
   * screening ground keeps the suggested one when the verdict agrees with it.
   */
  public record Input(ReviewDecision decision, String screeningGround, String referralUnit, String urgency, String tier,
      String disposal, String responsibleUnit, String overrideReason, int responseDays, int resolutionDays) {}

  public record Outcome(CaseStatus status, Routing routing) {}

  @Transactional
  public Outcome record(String caseNo, Input in, String actor) {
    in.decision().validate();
    CaseFile c = cases.load(caseNo);
    // the review decision is the first response: due within the response days counted from registration
    OffsetDateTime responseDeadline = calendar.deadline(c.createdAt(), in.responseDays());
    String reason = in.overrideReason() == null ? null : in.overrideReason().strip();
    List<FieldError> errors = new ArrayList<>();
    if (reason != null && reason.length() > OVERRIDE_REASON_MAX) {
      errors.add(new FieldError("overrideReason", "too_long", "调整理由不能超过" + OVERRIDE_REASON_MAX + "个字"));
    }
    boolean admissible = in.decision().admissible();
    ScreeningGround suggestedGround = c.suggestedGround();
    ScreeningGround ground = screeningGround(in.screeningGround(), admissible, suggestedGround, errors);
    boolean groundOverridden = ground != null && suggestedGround != null && ground != suggestedGround;
    if (groundOverridden && (reason == null || reason.isEmpty())) {
      errors.add(new FieldError("overrideReason", "required",
          "改变了系统的五议五不议建议（" + suggestedGround.label() + " → " + ground.label() + "），请填写调整理由"));
    }
    if (!admissible) {
      Directory.Unit department = referralUnit(ground, in.referralUnit(), errors);
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      return decline(c, ground, department, in.decision().declineReason(), suggestedGround, groundOverridden, reason,
          responseDeadline, actor);
    }
    Classification suggested = c.suggested();
    Classification chosen = Classification.parse(in.urgency(), in.tier(), in.disposal(), in.responsibleUnit(), suggested);
    if (chosen.responsibleUnit() != null && directory.unit(chosen.responsibleUnit()).isEmpty()) {
      errors.add(new FieldError("responsibleUnit", "unknown", "未知的责任单位：" + chosen.responsibleUnit()));
    }
    boolean overridden = suggested != null && chosen.differsFrom(suggested);
    if (overridden && (reason == null || reason.isEmpty())) {
      errors.add(new FieldError("overrideReason", "required", "调整了系统建议的分级分类，请填写调整理由"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    CaseFile accepted = cases.change(caseNo, actor, TimelineAction.ACCEPTED,
        (ground == null ? "" : "五议·" + ground.label() + "；") + chosen.urgency().label() + "，" + chosen.tier().label()
            + "，" + chosen.disposal().label(), true,
        k -> {
          k.screen(ground);
          k.accept(chosen, cases.deadlineIn(in.resolutionDays()), responseDeadline);
        });
    if (groundOverridden) {
      noteScreeningOverride(accepted, actor, suggestedGround, ground, reason);
    }
    if (overridden) {
      cases.note(accepted, actor, TimelineAction.CLASSIFICATION_OVERRIDDEN,
          "系统建议：" + suggested.urgency().name() + "/" + suggested.tier().name() + "/" + suggested.disposal().name()
              + "，调整为：" + chosen.urgency().name() + "/" + chosen.tier().name() + "/" + chosen.disposal().name()
              + "。理由：" + reason, false);
    }
    notices.accepted(accepted);
    return new Outcome(accepted.status(), cases.routing(accepted, false));
  }

  /**
   * A 不议 with its referral: the reason and the referral in public words go on the case (public view) and the
   * timeline; 超出社区权限 sends the competent department a transfer notice through the outbox.
   */
  private Outcome decline(CaseFile c, ScreeningGround ground, Directory.Unit department, String declineReason,
      ScreeningGround suggestedGround, boolean groundOverridden, String overrideReason, OffsetDateTime responseDeadline,
      String actor) {
    Referral referral = ground.referral();
    String words = referral == null ? null : referral.publicWords(department == null ? null : department.name());
    CaseFile declined = cases.change(c.caseNo(), actor, TimelineAction.DECLINED,
        "五不议·" + ground.label() + "：" + declineReason + (words == null ? "" : "（" + words + "）"), true,
        k -> k.decline(ground, declineReason, words, responseDeadline));
    if (groundOverridden) {
      noteScreeningOverride(declined, actor, suggestedGround, ground, overrideReason);
    }
    if (department != null) {
      String community = directory.community(c.community()).map(Directory.Community::name).orElse(c.community());
      boolean sent = notices.referredToDepartment(declined, department.name(), department.email(), community, declineReason);
      cases.note(declined, actor, TimelineAction.REFERRED, sent
          ? "已向" + department.name() + "发送转办通知"
          : department.name() + "没有登记联系邮箱，转办通知未能发送，请电话联系", false);
    }
    notices.declined(declined, declineReason, words);
    return new Outcome(CaseStatus.DECLINED, null);
  }

  private void noteScreeningOverride(CaseFile c, String actor, ScreeningGround from, ScreeningGround to, String reason) {
    cases.note(c, actor, TimelineAction.SCREENING_OVERRIDDEN,
        "系统建议：" + (from.admissible() ? "五议·" : "五不议·") + from.label() + "，改为："
            + (to.admissible() ? "五议·" : "五不议·") + to.label() + "。理由：" + reason, false);
  }

  /** The ground the reviewer chose, or the suggested one when the verdict agrees with it; refused otherwise. */
  private static ScreeningGround screeningGround(String code, boolean admissible, ScreeningGround suggested,
      List<FieldError> errors) {
    String v = code == null || code.isBlank() ? null : code.strip();
    if (v == null) {
      if (suggested != null && suggested.admissible() == admissible) {
        return suggested;
      }
      if (admissible) {
        // accepting against a 不议 suggestion, or a case without one: the reviewer names the 五议
        if (suggested != null) {
          errors.add(new FieldError("screeningGround", "required", "予以受理时请选择符合的“五议”情形"));
        }
        return null;
      }
      errors.add(new FieldError("screeningGround", "required", "不予受理时请选择适用的“五不议”情形"));
      return null;
    }
    ScreeningGround g = ScreeningGround.of(v).orElse(null);
    if (g == null) {
      errors.add(new FieldError("screeningGround", "invalid", "未知的五议五不议情形：" + v));
      return null;
    }
    if (g.admissible() != admissible) {
      errors.add(new FieldError("screeningGround", "mismatch", admissible
          ? "所选情形“" + g.label() + "”属于“五不议”，与“予以受理”不一致"
          : "所选情形“" + g.label() + "”属于“五议”，不予受理时请选择“五不议”情形"));
      return null;
    }
    return g;
  }

  /** 超出社区权限: the competent department is required and must be a department of the directory. */
  private Directory.Unit referralUnit(ScreeningGround ground, String code, List<FieldError> errors) {
    if (ground != ScreeningGround.BEYOND_AUTHORITY) {
      return null;
    }
    String v = code == null || code.isBlank() ? null : code.strip();
    if (v == null) {
      errors.add(new FieldError("referralUnit", "required", "超出社区权限的事项请选择转交的主管部门"));
      return null;
    }
    Directory.Unit u = directory.unit(v).filter(x -> x.type() == Directory.UnitType.DEPARTMENT).orElse(null);
    if (u == null) {
      errors.add(new FieldError("referralUnit", "unknown", "转交对象应为县直主管部门：" + v));
    }
    return u;
  }
}
