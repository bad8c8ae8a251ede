package cn.yishi.adapter.process.itemevaluation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.application.deliberation.ItemEvaluations;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Right after 组织民事民评 (in the completion's transaction): the round opens with the committee's choice, or the
 * completion is refused in Chinese and the task stays open, nothing stored.
 */
@Component("openItemEvaluationDelegate")
public class OpenItemEvaluationDelegate implements JavaDelegate {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
  private final ItemEvaluations evaluations;

  public OpenItemEvaluationDelegate(ItemEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long itemId = Deliberation.Var.ITEM_ID.required(execution);
    ItemEvaluations.Opened o = EngineVariables.refusingBadInput(() -> evaluations.open(itemId,
        ItemEvaluation.Var.PARTICIPANTS.from(execution), ItemEvaluation.Var.ELECTORATE.from(execution),
        ItemEvaluation.Var.WINDOW_DAYS.from(execution), EngineVariables.actor(execution)));
    ItemEvaluation.Var.EVALUATION_ID.on(execution, o.evaluationId());
    ItemEvaluation.Var.CLOSES_AT.on(execution, o.closesAt());
    ItemEvaluation.Var.CLOSES_TEXT.on(execution, o.closesAt().format(WHEN));
    ItemEvaluation.Var.RATERS.on(execution, "议事参与方 " + o.participants() + " 个（其中 " + o.mailed() + " 个已发邮件），住户 "
        + o.households() + " 户；请在“评价单”选项卡打印评价单发放。");
  }
}
