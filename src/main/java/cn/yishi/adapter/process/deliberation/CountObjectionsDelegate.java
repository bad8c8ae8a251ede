package cn.yishi.adapter.process.deliberation;

import cn.yishi.application.deliberation.ResolutionPublicity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The publicity window has ended: how many objections came in through /public. */
@Component("countObjectionsDelegate")
public class CountObjectionsDelegate implements JavaDelegate {
  private final ResolutionPublicity deliberation;

  public CountObjectionsDelegate(ResolutionPublicity deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = Deliberation.Var.MEETING_ID.required(execution);
    Deliberation.Var.OBJECTION_COUNT.on(execution, deliberation.objections(meetingId));
  }
}
