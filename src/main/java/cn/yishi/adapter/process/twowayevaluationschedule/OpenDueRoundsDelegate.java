package cn.yishi.adapter.process.twowayevaluationschedule;

import cn.yishi.application.microgrid.TwoWayEvaluations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The scheduled months: opens the due rounds, each of which starts its own instance. */
@Component("openDueEvaluationRoundsDelegate")
public class OpenDueRoundsDelegate implements JavaDelegate {
  private final TwoWayEvaluations evaluations;

  public OpenDueRoundsDelegate(TwoWayEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("openedRounds", evaluations.openDue().size());
  }
}
