package cn.yishi.adapter.process.twowayevaluation;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation.Var;
import cn.yishi.application.MicroGrids;
import cn.yishi.application.microgrid.TwoWayEvaluations;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.GroupIds;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 研究调整（不及格人员）: replace (with the new holder) or keep with the reasons; refused input keeps the task open. */
@Component("recordEvaluationReviewDelegate")
public class RecordReviewDelegate implements JavaDelegate {
  private final TwoWayEvaluations evaluations;

  public RecordReviewDelegate(TwoWayEvaluations evaluations) {
    this.evaluations = evaluations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long subjectId = Long.parseLong(Var.SUBJECT_ID.from(execution));
    String from = Var.NEW_FROM.from(execution);
    List<String> groups = EngineVariables.actorGroups(execution);
    MicroGrids.Maintainer who = new MicroGrids.Maintainer(EngineVariables.actor(execution), groups,
        groups.contains(GroupIds.ADMIN));
    EngineVariables.refusingBadInput(() -> evaluations.decide(subjectId, Var.DECISION.from(execution),
        Var.REASON.from(execution), Var.NEW_NAME.from(execution), Var.NEW_PHONE.from(execution), date(from), who));
    for (var v : List.of(Var.DECISION, Var.REASON, Var.NEW_NAME, Var.NEW_PHONE, Var.NEW_FROM)) {
      v.removeFrom(execution);
    }
  }

  private static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip().substring(0, Math.min(10, value.strip().length())));
    } catch (DateTimeParseException e) {
      throw EngineVariables.badInput(new ValidationException(List.of(
          new FieldError("newHolderFrom", "invalid", "任职日期格式不正确"))));
    }
  }
}
