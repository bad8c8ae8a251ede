package cn.yishi.adapter.process.itemevaluation;

import cn.yishi.adapter.process.deliberation.Deliberation;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * deliberation.bpmn's 落实决议 task completed (the unit reports the item done): the item's 民事民评 starts, a process
 * of its own (business key {@code item-<id>}), so the topic's process ends as before.
 */
@Component("itemEvaluationRequestListener")
public class ItemEvaluationRequestListener implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    long itemId = Deliberation.Var.ITEM_ID.required(task);
    task.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(ItemEvaluation.PROCESS_KEY,
        "item-" + itemId, Map.of(Deliberation.Var.ITEM_ID.name(), itemId));
  }
}
