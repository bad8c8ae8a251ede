package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.DeliberationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The publicity window has ended: how many objections came in through /public. */
@Component("countObjectionsDelegate")
public class CountObjectionsDelegate implements JavaDelegate {
  private final DeliberationService deliberation;

  public CountObjectionsDelegate(DeliberationService deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = EngineVariables.id(execution, Deliberation.Var.MEETING_ID);
    execution.setVariable(Deliberation.Var.OBJECTION_COUNT, deliberation.objections(meetingId));
  }
}
