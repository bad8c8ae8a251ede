package cn.yishi.adapter.inbound.engine;

import static cn.yishi.adapter.inbound.engine.IssueLifecycle.Var;

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
 * Registers the case that a staff start form (Tasklist) submitted. The reporter's personal data is
 * moved into its own table and removed from the process; the case number becomes the business key.
 */
@Component("registerCaseDelegate")
public class RegisterCaseDelegate implements JavaDelegate {
  private final IntakeService intake;

  public RegisterCaseDelegate(IntakeService intake) {
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NewCase newCase = new NewCase(
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
    execution.removeVariables(Var.PERSONAL);

    RegisteredCase registered = EngineVariables.refusingBadInput(
        () -> intake.register(newCase, EngineVariables.string(execution, Var.INITIATOR)));
    intake.attachProcessInstance(registered.caseId(), execution.getProcessInstanceId());

    execution.setProcessBusinessKey(registered.caseNo());
    execution.setVariable(Var.CASE_NO, registered.caseNo());
    execution.setVariable(Var.REVIEW_GROUP, registered.reviewGroup());
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
