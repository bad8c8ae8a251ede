package cn.yishi.application;

import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ReviewDecision;
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

  /** What the review form submitted, as strings; omitted classification values keep the suggestion. */
  public record Input(ReviewDecision decision, String urgency, String tier, String disposal, String responsibleUnit,
      String overrideReason, int responseDays, int resolutionDays) {}

  public record Outcome(CaseStatus status, Routing routing) {}

  @Transactional
  public Outcome record(String caseNo, Input in, String actor) {
    in.decision().validate();
    CaseFile c = cases.load(caseNo);
    // the review decision is the first response: due within the response days counted from registration
    OffsetDateTime responseDeadline = calendar.deadline(c.createdAt(), in.responseDays());
    if (!in.decision().admissible()) {
      String referral = referralText(c.referral());
      CaseFile declined = cases.change(caseNo, actor, TimelineAction.DECLINED,
          in.decision().declineReason() + (referral == null ? "" : "（" + referral + "）"), true,
          k -> k.decline(in.decision().declineReason(), responseDeadline));
      notices.declined(declined, in.decision().declineReason(), referral);
      return new Outcome(CaseStatus.DECLINED, null);
    }
    Classification suggested = c.suggested();
    Classification chosen = Classification.parse(in.urgency(), in.tier(), in.disposal(), in.responsibleUnit(), suggested);
    String reason = in.overrideReason() == null ? null : in.overrideReason().strip();
    List<FieldError> errors = new ArrayList<>();
    if (chosen.responsibleUnit() != null && directory.unit(chosen.responsibleUnit()).isEmpty()) {
      errors.add(new FieldError("responsibleUnit", "unknown", "未知的责任单位：" + chosen.responsibleUnit()));
    }
    boolean overridden = suggested != null && chosen.differsFrom(suggested);
    if (overridden && (reason == null || reason.isEmpty())) {
      errors.add(new FieldError("overrideReason", "required", "调整了系统建议的分级分类，请填写调整理由"));
    }
    if (reason != null && reason.length() > OVERRIDE_REASON_MAX) {
      errors.add(new FieldError("overrideReason", "too_long", "调整理由不能超过" + OVERRIDE_REASON_MAX + "个字"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    CaseFile accepted = cases.change(caseNo, actor, TimelineAction.ACCEPTED,
        chosen.urgency().label() + "，" + chosen.tier().label() + "，" + chosen.disposal().label(), true,
        k -> k.accept(chosen, cases.deadlineIn(in.resolutionDays()), responseDeadline));
    if (overridden) {
      cases.note(accepted, actor, TimelineAction.CLASSIFICATION_OVERRIDDEN,
          "系统建议：" + suggested.urgency().name() + "/" + suggested.tier().name() + "/" + suggested.disposal().name()
              + "，调整为：" + chosen.urgency().name() + "/" + chosen.tier().name() + "/" + chosen.disposal().name()
              + "。理由：" + reason, false);
    }
    notices.accepted(accepted);
    return new Outcome(accepted.status(), cases.routing(accepted, false));
  }

  private static String referralText(String referral) {
    if (referral == null) {
      return null;
    }
    return switch (referral) {
      case "MEDIATION" -> "已引导至人民调解";
      case "POLICY_EXPLANATION" -> "已由工作人员进行政策解释";
      default -> null;
    };
  }


}
