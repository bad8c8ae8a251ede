package cn.yishi.adapter.process.convention;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.convention.Conventions;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 修订公约: the revised text and, for every comment, how it was handled; the draft goes to 党组织审核. */
@Component("recordRevisionDelegate")
public class RecordRevisionDelegate implements JavaDelegate {
  private final Conventions conventions;

  public RecordRevisionDelegate(Conventions conventions) {
    this.conventions = conventions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<Long, String> handling = new LinkedHashMap<>();
    List<JsonNode> entries = EngineVariables.jsonObjects(Convention.Var.COMMENTS.from(execution),
        Convention.Var.COMMENTS.name(), "意见处理清单格式不正确");
    for (JsonNode e : entries) {
      JsonNode id = e.path("commentId");
      if (!id.canConvertToLong() || (!id.isIntegralNumber() && !id.asText().matches("\\d{1,18}"))) {
        throw EngineVariables.badInput(new ValidationException(List.of(
            new FieldError(Convention.Var.COMMENTS.name(), "invalid", "意见处理清单格式不正确"))));
      }
      handling.put(id.asLong(), e.path("handling").isTextual() ? e.path("handling").textValue() : null);
    }
    EngineVariables.refusingBadInput(() -> conventions.revise(Convention.Var.VERSION_ID.required(execution),
        Convention.Var.TEXT.from(execution), handling, Convention.Var.REVISION_NOTE.from(execution),
        EngineVariables.actor(execution)));
    // the review starts blank
    Convention.Var.RETURN_REASON.removeFrom(execution);
    Convention.Var.REVIEW_DECISION.removeFrom(execution);
    Convention.Var.REVIEW_REASON.removeFrom(execution);
    Convention.Var.ADOPTION_MODE.removeFrom(execution);
  }
}
