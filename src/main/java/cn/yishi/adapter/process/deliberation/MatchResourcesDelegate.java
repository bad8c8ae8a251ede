package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.DeliberationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 三单: the problem list is stored and matched against the resource list (资源清单) for the meeting. */
@Component("matchResourcesDelegate")
public class MatchResourcesDelegate implements JavaDelegate {
  private final DeliberationService deliberation;

  public MatchResourcesDelegate(DeliberationService deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = EngineVariables.id(execution, Deliberation.Var.MEETING_ID);
    String matches = EngineVariables.refusingBadInput(() -> deliberation.draftProblemList(
        meetingId, EngineVariables.string(execution, Deliberation.Var.PROBLEM_LIST)));
    execution.setVariable(Deliberation.Var.RESOURCE_MATCHES, matches);
  }
}
