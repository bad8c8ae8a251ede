package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.deliberation.ResolutionPublicity;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The chair's decision on the objections: reconvene, or confirm the resolution, with a reason. */
@Component("recordObjectionDecisionDelegate")
public class RecordObjectionDecisionDelegate implements JavaDelegate {
  private final ResolutionPublicity deliberation;

  public RecordObjectionDecisionDelegate(ResolutionPublicity deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = Deliberation.Var.MEETING_ID.required(execution);
    boolean reconvene = EngineVariables.refusingBadInput(() -> deliberation.decideObjections(meetingId,
        Deliberation.Var.OBJECTION_DECISION.from(execution),
        Deliberation.Var.DECISION_REASON.from(execution), EngineVariables.actor(execution)));
    Deliberation.Var.RECONVENE.on(execution, reconvene);
  }
}
