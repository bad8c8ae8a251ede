package cn.yishi.adapter.process.deliberation;

import cn.yishi.application.deliberation.ResolutionPublicity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 张榜公示: the plan goes onto the public board; the feedback window ends at publicityEndsAt. */
@Component("startPublicityDelegate")
public class StartPublicityDelegate implements JavaDelegate {
  private final ResolutionPublicity deliberation;

  public StartPublicityDelegate(ResolutionPublicity deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = Deliberation.Var.MEETING_ID.required(execution);
    ResolutionPublicity.Publicity p = deliberation.startPublicity(meetingId);
    Deliberation.Var.PUBLICITY_ENDS_AT.on(execution, p.endsAt());
  }
}
