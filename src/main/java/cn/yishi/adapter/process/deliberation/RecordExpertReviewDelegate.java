package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.DeliberationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 评审团: records the legal adviser's and experts' conclusion; a rejection returns to the meeting. */
@Component("recordExpertReviewDelegate")
public class RecordExpertReviewDelegate implements JavaDelegate {
  private final DeliberationService deliberation;

  public RecordExpertReviewDelegate(DeliberationService deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long meetingId = EngineVariables.id(execution, Deliberation.Var.MEETING_ID);
    Boolean approved = EngineVariables.bool(execution, Deliberation.Var.EXPERT_APPROVED);
    EngineVariables.refusingBadInput(() -> deliberation.recordExpertReview(meetingId, approved,
        EngineVariables.string(execution, Deliberation.Var.EXPERT_OPINION), EngineVariables.actor(execution)));
    execution.setVariable(Deliberation.Var.EXPERT_APPROVED, approved);
  }
}
