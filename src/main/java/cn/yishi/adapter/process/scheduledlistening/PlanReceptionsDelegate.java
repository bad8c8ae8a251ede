package cn.yishi.adapter.process.scheduledlistening;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.ListeningService;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Plans a listening day (定期听): the date (today, or the missed day an operator started the
 * process for), when the receptions are due, and the communities that receive, one reception each.
 */
@Component("planReceptionsDelegate")
public class PlanReceptionsDelegate implements JavaDelegate {
  private final ListeningService listening;

  public PlanReceptionsDelegate(ListeningService listening) {
    this.listening = listening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ListeningService.Plan plan = EngineVariables.refusingBadInput(
        () -> listening.plan(ScheduledListening.Var.LISTENING_DATE.from(execution)));
    ScheduledListening.Var.LISTENING_DATE.on(execution, plan.date().toString());
    ScheduledListening.Var.RECEPTION_DUE.on(execution, plan.dueAt());
    // a JSON list of codes (an ArrayList: a type the engine's deserialization validation accepts)
    ScheduledListening.Var.COMMUNITIES.on(execution, new ArrayList<>(plan.communities()));
  }
}
