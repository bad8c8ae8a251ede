package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.deliberation.MeetingPreparation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 会前沟通: on complete, the party's position is stored with the meeting (not kept as a variable). */
@Component("meetingOpinionTaskListener")
public class MeetingOpinionTaskListener implements TaskListener {
  private final MeetingPreparation deliberation;

  public MeetingOpinionTaskListener(MeetingPreparation deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void notify(DelegateTask task) {
    long meetingId = Deliberation.Var.MEETING_ID.required(task);
    EngineVariables.refusingBadInput(() -> deliberation.recordOpinion(meetingId,
        Deliberation.Var.PARTY_GROUP.from(task),
        Deliberation.Var.POSITION.from(task), EngineVariables.actor(task)));
    Deliberation.Var.POSITION.removeFrom(task);
  }
}
