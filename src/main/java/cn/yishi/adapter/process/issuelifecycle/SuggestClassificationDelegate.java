package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.ClassificationService;
import cn.yishi.domain.casefile.ScreeningFacts;
import cn.yishi.domain.casefile.Suggestion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the DMN tables' suggestion (五议五不议, triage) and the review's due date for the party review. */
@Component("suggestClassificationDelegate")
public class SuggestClassificationDelegate implements JavaDelegate {
  private final ClassificationService classification;

  public SuggestClassificationDelegate(ClassificationService classification) {
    this.classification = classification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Boolean beyond = Var.BEYOND_AUTHORITY.from(execution);
    ScreeningFacts facts = new ScreeningFacts(Var.SCOPE.from(execution), beyond == null ? null : !beyond,
        Var.SETTLED_BY_POLICY.from(execution), Var.RESERVED_TO_ASSEMBLY.from(execution), Var.UNLAWFUL.from(execution),
        Var.CROSS_COMMUNITY.from(execution), Var.MULTI_DEPARTMENT.from(execution), Var.URGENT.from(execution),
        Var.NEEDS_CONSULTATION.from(execution));
    ClassificationService.Suggested suggested = classification.suggest(Var.CASE_NO.from(execution), facts,
        execution.getProcessInstanceId());
    Suggestion s = suggested.suggestion();
    Var.ADMISSIBLE.on(execution, s.admissible());
    Var.SCREENING_GROUND.on(execution, s.ground() == null ? null : s.ground().name());
    Var.SCREENING_SUGGESTION.on(execution, s.screeningText());
    if (s.declineReason() != null) {
      // the review form asks for a reason only when it declines; an admissible suggestion leaves none to prefill
      Var.DECLINE_REASON.on(execution, s.declineReason());
    }
    Var.URGENCY.on(execution, s.classification().urgency().name());
    Var.TIER.on(execution, s.classification().tier().name());
    Var.DISPOSAL.on(execution, s.classification().disposal().name());
    Var.RESPONSIBLE_UNIT.on(execution, s.classification().responsibleUnit());
    Var.RESPONSE_DAYS.on(execution, s.responseDays());
    Var.RESOLUTION_DAYS.on(execution, s.resolutionDays());
    Var.PRIORITY.on(execution, s.classification().urgency().taskPriority());
    Var.REVIEW_DUE.on(execution, suggested.reviewDue());
    if (suggested.reviewGroup() != null) {
      // 三级前置把关: the party organisation at the suggested tier reviews
      Var.REVIEW_GROUP.on(execution, suggested.reviewGroup());
      Var.REVIEW_TIER.on(execution, suggested.reviewTier());
      Var.REVIEWER_NAME.on(execution, suggested.reviewerName());
    }
  }
}
