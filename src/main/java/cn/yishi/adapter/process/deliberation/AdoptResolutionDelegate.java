package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.DeliberationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The resolution takes effect: its items become open items, implemented and supervised (旬跟进). */
@Component("adoptResolutionDelegate")
public class AdoptResolutionDelegate implements JavaDelegate {
  private final DeliberationService deliberation;

  public AdoptResolutionDelegate(DeliberationService deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deliberation.adopt(EngineVariables.id(execution, Deliberation.Var.MEETING_ID));
  }
}
