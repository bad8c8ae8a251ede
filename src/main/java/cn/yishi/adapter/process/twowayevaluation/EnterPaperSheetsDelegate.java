package cn.yishi.adapter.process.twowayevaluation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation.Var;
import cn.yishi.application.microgrid.EvaluationSheets;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 录入纸质评价表: each sheet's token and its answers by position (p1 … p8, the numbering printed on the sheet); all or
 * nothing. The list leaves the process at once (tokens are never kept as variables).
 */
@Component("enterPaperEvaluationSheetsDelegate")
public class EnterPaperSheetsDelegate implements JavaDelegate {
  private final EvaluationSheets sheets;

  public EnterPaperSheetsDelegate(EvaluationSheets sheets) {
    this.sheets = sheets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long roundId = Var.ROUND_ID.required(execution);
    Object value = Var.PAPER_SHEETS.from(execution);
    Var.PAPER_SHEETS.removeFrom(execution);
    List<EvaluationSheets.PaperSheet> list = EngineVariables.jsonObjects(value, Var.PAPER_SHEETS.name(),
        "纸质评价表格式不正确").stream().map(EnterPaperSheetsDelegate::sheet).toList();
    EngineVariables.refusingBadInput(() -> sheets.enterPaper(roundId, list, EngineVariables.actor(execution)));
  }

  private static EvaluationSheets.PaperSheet sheet(JsonNode n) {
    Map<Integer, String> answers = new HashMap<>();
    for (int i = 0; i < Var.PAPER_SHEET_ANSWERS.size(); i++) {
      JsonNode a = n.path(Var.PAPER_SHEET_ANSWERS.get(i));
      if (!a.isMissingNode() && !a.isNull()) {
        answers.put(i + 1, a.asText());
      }
    }
    return new EvaluationSheets.PaperSheet(n.path("token").asText(null), answers);
  }
}
