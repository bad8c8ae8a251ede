package cn.yishi.adapter.process.convention;

import cn.yishi.application.convention.Conventions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The residents did not adopt the draft: it goes back to revision with the outcome as the reason. */
@Component("recordAdoptionFailedDelegate")
public class RecordAdoptionFailedDelegate implements JavaDelegate {
  private final Conventions conventions;

  public RecordAdoptionFailedDelegate(Conventions conventions) {
    this.conventions = conventions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = conventions.adoptionFailed(Convention.Var.VERSION_ID.required(execution),
        Convention.Var.VOTE_OUTCOME.from(execution));
    Convention.Var.RETURN_REASON.on(execution, reason);
  }
}
