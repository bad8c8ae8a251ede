package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.deliberation.MeetingRecords;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 评审团: records the legal adviser's and experts' conclusion; a rejection returns to the meeting. */
@Component("recordExpertReviewDelegate")
public class RecordExpertReviewDelegate implements JavaDelegate {
  private final MeetingRecords deliberation;

  public RecordExpertReviewDelegate(MeetingRecords deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = Deliberation.Var.MEETING_ID.required(execution);
    Boolean approved = Deliberation.Var.EXPERT_APPROVED.from(execution);
    EngineVariables.refusingBadInput(() -> deliberation.recordExpertReview(meetingId, approved,
        Deliberation.Var.EXPERT_OPINION.from(execution), EngineVariables.actor(execution)));
    Deliberation.Var.EXPERT_APPROVED.on(execution, approved);
  }
}
