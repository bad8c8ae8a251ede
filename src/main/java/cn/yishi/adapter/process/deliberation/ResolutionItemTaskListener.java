package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.DeliberationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The implementation task of one resolution item: on create it shows the item's measure (a task
 * local variable); on complete the unit's note goes into the timeline and the public view.
 */
@Component("resolutionItemTaskListener")
public class ResolutionItemTaskListener implements TaskListener {
  private final DeliberationService deliberation;

  public ResolutionItemTaskListener(DeliberationService deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void notify(DelegateTask task) {
    long itemId = EngineVariables.id(task, Deliberation.Var.ITEM_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.setVariableLocal(Deliberation.Var.ITEM_MEASURE, deliberation.item(itemId).measure());
      return;
    }
    EngineVariables.refusingBadInput(() -> deliberation.completeItem(
        itemId, EngineVariables.string(task, Deliberation.Var.PROGRESS_NOTE), EngineVariables.actor(task)));
  }
}
