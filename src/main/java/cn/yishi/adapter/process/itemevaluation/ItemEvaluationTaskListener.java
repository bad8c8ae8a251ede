package cn.yishi.adapter.process.itemevaluation;

import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.application.HouseholdRegisterService;
import cn.yishi.application.deliberation.ItemEvaluations;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 组织民事民评: on create the form's facts (task-local: the measure, the unit, what it reported done, the session's
 * parties, the register's electorates). The committee's choice is taken by OpenItemEvaluationDelegate.
 */
@Component("itemEvaluationTaskListener")
public class ItemEvaluationTaskListener implements TaskListener {
  private final ItemEvaluations evaluations;

  public ItemEvaluationTaskListener(ItemEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void notify(DelegateTask task) {
    long itemId = Deliberation.Var.ITEM_ID.required(task);
    ItemEvaluations.Facts f = evaluations.facts(itemId);
    Deliberation.Var.ITEM_MEASURE.onLocal(task, f.item().measure());
    ItemEvaluation.Var.ITEM_UNIT.onLocal(task, f.unitName());
    ItemEvaluation.Var.ITEM_REPORT.onLocal(task, f.item().note());
    ItemEvaluation.Var.SESSION_PARTIES.onLocal(task, f.participants().isEmpty() ? "（本事项没有登记议事参与方）"
        : String.join("、", f.participants().stream().map(evaluations::partyName).toList()));
    ItemEvaluation.Var.ELECTORATE_CHOICES.onLocal(task, f.electorates().isEmpty() ? "（本社区尚无住户名册）"
        : f.electorates().stream().map(ItemEvaluationTaskListener::choice).collect(Collectors.joining("\n")));
  }

  private static String choice(HouseholdRegisterService.Option o) {
    return o.code() + "　" + o.label() + "（" + o.households() + "户）";
  }
}
