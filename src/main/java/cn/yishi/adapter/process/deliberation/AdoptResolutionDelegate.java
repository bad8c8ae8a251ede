package cn.yishi.adapter.process.deliberation;

import cn.yishi.application.deliberation.ResolutionImplementation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The resolution takes effect: its items become open items, implemented and supervised (旬跟进). */
@Component("adoptResolutionDelegate")
public class AdoptResolutionDelegate implements JavaDelegate {
  private final ResolutionImplementation deliberation;

  public AdoptResolutionDelegate(ResolutionImplementation deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deliberation.adopt(Deliberation.Var.MEETING_ID.required(execution));
  }
}
