package cn.yishi.adapter.inbound.engine;

import cn.yishi.application.DeliberationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A unit reports a resolution item implemented; the note goes into the timeline and public view. */
@Component("completeItemListener")
public class CompleteItemListener implements TaskListener {
  private final DeliberationService deliberation;

  public CompleteItemListener(DeliberationService deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void notify(DelegateTask task) {
    Number itemId = (Number) task.getVariable(Deliberation.Var.ITEM_ID);
    EngineVariables.refusingBadInput(() -> deliberation.completeItem(
        itemId.longValue(), EngineVariables.string(task, Deliberation.Var.PROGRESS_NOTE), EngineVariables.actor(task)));
  }
}
