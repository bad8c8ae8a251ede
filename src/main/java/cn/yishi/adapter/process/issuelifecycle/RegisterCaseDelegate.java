package cn.yishi.adapter.process.issuelifecycle;

import cn.yishi.adapter.process.EngineVariables;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.application.IntakeService;
import cn.yishi.application.RegisteredCase;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ValidationException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registers the case a staff start form (Tasklist) submitted, or picks up the case the intake API
 * already registered (caseNo is set). The reporter's personal data is moved into its own table and
 * removed from the process; the case number is the business key.
 */
@Component("registerCaseDelegate")
public class RegisterCaseDelegate implements JavaDelegate {
  private final IntakeService intake;

  public RegisterCaseDelegate(IntakeService intake) {
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNo = EngineVariables.string(execution, Var.CASE_NO);
    RegisteredCase registered;
    if (caseNo != null) {
      registered = intake.registered(caseNo, execution.getProcessInstanceId());
    } else {
      NewCase newCase = fromStartForm(execution);
      execution.removeVariables(Var.PERSONAL);
      registered = EngineVariables.refusingBadInput(() -> intake.registerFromForm(
          newCase, EngineVariables.string(execution, Var.INITIATOR), execution.getProcessInstanceId()));
      execution.setProcessBusinessKey(registered.caseNo());
    }
    execution.setVariable(Var.CASE_NO, registered.caseNo());
    execution.setVariable(Var.REVIEW_GROUP, registered.reviewGroup());
    execution.setVariable(Var.GRID_GROUP, registered.gridGroup());
    execution.setVariable(Var.COMMUNITY, registered.community());
    execution.setVariable(Var.CATEGORY, registered.category());
    execution.setVariable(Var.TITLE, registered.title());
    execution.setVariable(Var.DESCRIPTION, registered.description());
    execution.setVariable(Var.COMPOUND, registered.compound());
    execution.setVariable(Var.HOUSEHOLDS_AFFECTED, registered.householdsAffected());
  }

  private static NewCase fromStartForm(DelegateExecution execution) {
    return new NewCase(
        channel(execution),
        null,
        EngineVariables.string(execution, Var.CATEGORY),
        EngineVariables.string(execution, Var.TITLE),
        EngineVariables.string(execution, Var.DESCRIPTION),
        EngineVariables.string(execution, Var.COMMUNITY),
        EngineVariables.string(execution, Var.COMPOUND),
        EngineVariables.integer(execution, Var.HOUSEHOLDS_AFFECTED),
        new Reporter(
            EngineVariables.string(execution, Var.REPORTER_NAME),
            EngineVariables.string(execution, Var.REPORTER_PHONE),
            EngineVariables.string(execution, Var.REPORTER_EMAIL),
            EngineVariables.string(execution, Var.ADDRESS)),
        List.of());
  }

  private static Channel channel(DelegateExecution execution) {
    String value = EngineVariables.string(execution, Var.CHANNEL);
    if (value == null) {
      return Channel.GRID_VISIT;
    }
    try {
      return Channel.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw EngineVariables.badInput(new ValidationException(
          List.of(new FieldError(Var.CHANNEL, "unknown", "未知的来源渠道：" + value))));
    }
  }
}
