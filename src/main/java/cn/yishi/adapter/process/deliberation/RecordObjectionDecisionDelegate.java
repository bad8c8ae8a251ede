package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.DeliberationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The chair's decision on the objections: reconvene, or confirm the resolution, with a reason. */
@Component("recordObjectionDecisionDelegate")
public class RecordObjectionDecisionDelegate implements JavaDelegate {
  private final DeliberationService deliberation;

  public RecordObjectionDecisionDelegate(DeliberationService deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = EngineVariables.id(execution, Deliberation.Var.MEETING_ID);
    boolean reconvene = EngineVariables.refusingBadInput(() -> deliberation.decideObjections(meetingId,
        EngineVariables.string(execution, Deliberation.Var.OBJECTION_DECISION),
        EngineVariables.string(execution, Deliberation.Var.DECISION_REASON), EngineVariables.actor(execution)));
    execution.setVariable(Deliberation.Var.RECONVENE, reconvene);
  }
}
