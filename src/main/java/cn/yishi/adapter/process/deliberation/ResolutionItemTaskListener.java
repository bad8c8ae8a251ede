package cn.yishi.adapter.process.deliberation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.deliberation.ResolutionImplementation;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The implementation task of one resolution item: on create it shows the item's measure (a task
 * local variable); on complete the unit's note goes into the timeline and the public view.
 */
@Component("resolutionItemTaskListener")
public class ResolutionItemTaskListener implements TaskListener {
  private final ResolutionImplementation deliberation;

  public ResolutionItemTaskListener(ResolutionImplementation deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void notify(DelegateTask task) {
    long itemId = Deliberation.Var.ITEM_ID.required(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Deliberation.Var.ITEM_MEASURE.onLocal(task, deliberation.item(itemId).measure());
      return;
    }
    EngineVariables.refusingBadInput(() -> deliberation.completeItem(
        itemId, Deliberation.Var.PROGRESS_NOTE.from(task), EngineVariables.actor(task)));
  }
}
