package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;

import cn.yishi.application.DeliberationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 张榜公示: the plan goes onto the public board; the feedback window ends at publicityEndsAt. */
@Component("startPublicityDelegate")
public class StartPublicityDelegate implements JavaDelegate {
  private final DeliberationService deliberation;

  public StartPublicityDelegate(DeliberationService deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = Deliberation.Var.MEETING_ID.from(execution);
    DeliberationService.Publicity p = deliberation.startPublicity(meetingId);
    Deliberation.Var.PUBLICITY_ENDS_AT.on(execution, (p.endsAt()));
  }
}
