package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.DeliberationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 会前沟通: on complete, the party's position is stored with the meeting (not kept as a variable). */
@Component("meetingOpinionTaskListener")
public class MeetingOpinionTaskListener implements TaskListener {
  private final DeliberationService deliberation;

  public MeetingOpinionTaskListener(DeliberationService deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void notify(DelegateTask task) {
    long meetingId = EngineVariables.id(task, Deliberation.Var.MEETING_ID);
    EngineVariables.refusingBadInput(() -> deliberation.recordOpinion(meetingId,
        EngineVariables.string(task, Deliberation.Var.PARTY_GROUP),
        EngineVariables.string(task, Deliberation.Var.POSITION), EngineVariables.actor(task)));
    task.removeVariable(Deliberation.Var.POSITION);
  }
}
