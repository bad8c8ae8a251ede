package cn.yishi.adapter.process.issuelifecycle;

import cn.yishi.adapter.process.EngineVariables;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.ClassificationService;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.Suggestion;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the admissibility and triage tables and pre-fills the review form with their suggestion;
 * the review is due within the suggested response time.
 */
@Component("suggestClassificationDelegate")
public class SuggestClassificationDelegate implements JavaDelegate {
  private final ClassificationService classification;
  private final WorkingDayCalendar calendar;

  public SuggestClassificationDelegate(ClassificationService classification, WorkingDayCalendar calendar) {
    this.classification = classification;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Suggestion s = classification.suggest(EngineVariables.string(execution, Var.CASE_NO));
    execution.setVariable(Var.ADMISSIBLE, s.admissible());
    execution.setVariable(Var.DECLINE_REASON, s.declineReason());
    execution.setVariable(Var.REFERRAL, s.referral());
    execution.setVariable(Var.URGENCY, s.classification().urgency().name());
    execution.setVariable(Var.TIER, s.classification().tier().name());
    execution.setVariable(Var.DISPOSAL, s.classification().disposal().name());
    execution.setVariable(Var.RESPONSIBLE_UNIT, s.classification().responsibleUnit());
    execution.setVariable(Var.RESPONSE_DAYS, s.responseDays());
    execution.setVariable(Var.RESOLUTION_DAYS, s.resolutionDays());
    execution.setVariable(Var.PRIORITY, s.classification().urgency().taskPriority());
    execution.setVariable(Var.REVIEW_DUE, EngineVariables.date(calendar.deadline(OffsetDateTime.now(), s.responseDays())));
  }
}
