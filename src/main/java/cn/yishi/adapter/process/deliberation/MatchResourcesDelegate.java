package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.deliberation.MeetingPreparation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 三单: the problem list is stored and matched against the resource list (资源清单) for the meeting. */
@Component("matchResourcesDelegate")
public class MatchResourcesDelegate implements JavaDelegate {
  private final MeetingPreparation deliberation;

  public MatchResourcesDelegate(MeetingPreparation deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = Deliberation.Var.MEETING_ID.required(execution);
    String matches = EngineVariables.refusingBadInput(() -> deliberation.draftProblemList(
        meetingId, Deliberation.Var.PROBLEM_LIST.from(execution)));
    Deliberation.Var.RESOURCE_MATCHES.on(execution, matches);
  }
}
