package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.EngineVariables;
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
 * Registers the case a staff start form (Tasklist) submitted, through the same use case as the channels. The
 * reporter's personal data is moved into its own table and removed from the process; the case number is the
 * business key. (A channel's case is registered before its process starts: message start {@code issue.received}.)
 */
@Component("registerCaseDelegate")
public class RegisterCaseDelegate implements JavaDelegate {
  private final IntakeService intake;

  public RegisterCaseDelegate(IntakeService intake) {
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NewCase newCase = fromStartForm(execution);
    execution.removeVariables(Var.PERSONAL);
    RegisteredCase registered = EngineVariables.refusingBadInput(() -> intake.registerFromForm(
        newCase, Var.INITIATOR.from(execution), execution.getProcessInstanceId()));
    execution.setProcessBusinessKey(registered.caseNo());
    execution.setVariables(IssueLifecycle.registered(registered));
  }

  private static NewCase fromStartForm(DelegateExecution execution) {
    return new NewCase(
        channel(execution),
        Var.EXTERNAL_ID.from(execution),
        Var.CATEGORY.from(execution),
        Var.TITLE.from(execution),
        Var.DESCRIPTION.from(execution),
        Var.COMMUNITY.from(execution),
        Var.COMPOUND.from(execution),
        Var.HOUSEHOLDS_AFFECTED.from(execution),
        new Reporter(
            Var.REPORTER_NAME.from(execution),
            Var.REPORTER_PHONE.from(execution),
            Var.REPORTER_EMAIL.from(execution),
            Var.ADDRESS.from(execution)),
        List.of(), null, null, Var.YUANBA.from(execution));
  }

  private static Channel channel(DelegateExecution execution) {
    String value = Var.CHANNEL.from(execution);
    if (value == null) {
      return Channel.GRID_VISIT;
    }
    try {
      return Channel.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw EngineVariables.badInput(new ValidationException(
          List.of(new FieldError(Var.CHANNEL.name(), "unknown", "未知的来源渠道：" + value))));
    }
  }
}
