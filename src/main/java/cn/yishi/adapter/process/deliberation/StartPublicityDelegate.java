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
    long meetingId = EngineVariables.id(execution, Deliberation.Var.MEETING_ID);
    DeliberationService.Publicity p = deliberation.startPublicity(meetingId);
    execution.setVariable(Deliberation.Var.PUBLICITY_ENDS_AT, EngineVariables.date(p.endsAt()));
  }
}
