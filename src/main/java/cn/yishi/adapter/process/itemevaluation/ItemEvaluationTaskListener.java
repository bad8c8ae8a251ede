package cn.yishi.adapter.process.itemevaluation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.application.HouseholdRegisterService;
import cn.yishi.application.deliberation.ItemEvaluations;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 组织民事民评: on create the form's facts (task-local: the measure, the unit, what it reported done, the session's
 * parties, the register's electorates); on complete the round opens with the committee's choice, or the completion
 * is refused in Chinese and the task stays open.
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
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      ItemEvaluations.Facts f = evaluations.facts(itemId);
      Deliberation.Var.ITEM_MEASURE.onLocal(task, f.item().measure());
      ItemEvaluation.Var.ITEM_UNIT.onLocal(task, f.unitName());
      ItemEvaluation.Var.ITEM_REPORT.onLocal(task, f.item().note());
      ItemEvaluation.Var.SESSION_PARTIES.onLocal(task, f.participants().isEmpty() ? "（本事项没有登记议事参与方）"
          : String.join("、", f.participants().stream().map(evaluations::partyName).toList()));
      ItemEvaluation.Var.ELECTORATE_CHOICES.onLocal(task, f.electorates().isEmpty() ? "（本社区尚无住户名册）"
          : f.electorates().stream().map(ItemEvaluationTaskListener::choice).collect(Collectors.joining("\n")));
      return;
    }
    ItemEvaluations.Opened o = EngineVariables.refusingBadInput(() -> evaluations.open(itemId,
        ItemEvaluation.Var.PARTICIPANTS.from(task), ItemEvaluation.Var.ELECTORATE.from(task),
        ItemEvaluation.Var.WINDOW_DAYS.from(task), EngineVariables.actor(task)));
    ItemEvaluation.Var.EVALUATION_ID.on(task, o.evaluationId());
    ItemEvaluation.Var.CLOSES_AT.on(task, o.closesAt());
    ItemEvaluation.Var.CLOSES_TEXT.on(task, o.closesAt().format(java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")));
    ItemEvaluation.Var.RATERS.on(task, "议事参与方 " + o.participants() + " 个（其中 " + o.mailed() + " 个已发邮件），住户 "
        + o.households() + " 户；请在“评价单”选项卡打印评价单发放。");
  }

  private static String choice(HouseholdRegisterService.Option o) {
    return o.code() + "　" + o.label() + "（" + o.households() + "户）";
  }
}
