package cn.yishi.adapter.process.issuelifecycle;

import cn.yishi.adapter.process.EngineVariables;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.EvaluationService;
import cn.yishi.application.HandlingProperties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Mails an evaluation link when the reporter left an e-mail; otherwise a grid worker visits. */
@Component("requestEvaluationDelegate")
public class RequestEvaluationDelegate implements JavaDelegate {
  private final EvaluationService evaluation;
  private final HandlingProperties properties;
  private final cn.yishi.domain.calendar.WorkingDayCalendar calendar;

  public RequestEvaluationDelegate(EvaluationService evaluation, HandlingProperties properties,
      cn.yishi.domain.calendar.WorkingDayCalendar calendar) {
    this.evaluation = evaluation;
    this.properties = properties;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(Var.EVALUATION_BY_MAIL, evaluation.request(EngineVariables.string(execution, Var.CASE_NO)));
    execution.setVariable(Var.EVALUATION_WAIT, properties.evaluationWait().toString());
    execution.setVariable(Var.VISIT_DUE, EngineVariables.date(
        calendar.deadline(java.time.OffsetDateTime.now().plus(properties.evaluationWait()), properties.supervisionDays())));
    execution.removeVariable(Var.EVALUATION_SOURCE);
  }
}
