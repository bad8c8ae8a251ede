package cn.yishi.adapter.inbound.engine;

import cn.yishi.application.DeliberationService;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the meeting (六步) and its resolution list. Tasklist submits the list of the form's
 * dynamic list as a Json variable; it is parsed here and stored as resolution items, never kept
 * as a variable blob.
 */
@Component("recordMeetingDelegate")
public class RecordMeetingDelegate implements JavaDelegate {
  static final String UNIT = "unit";
  static final String MEASURE = "measure";
  static final String DEADLINE = "deadline";

  private final DeliberationService deliberation;
  private final ObjectMapper json = new ObjectMapper();

  public RecordMeetingDelegate(DeliberationService deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<DeliberationService.ItemInput> items = items(execution.getVariable(Deliberation.Var.RESOLUTION_ITEMS));
    Number meetingId = (Number) execution.getVariable(Deliberation.Var.MEETING_ID);
    EngineVariables.refusingBadInput(() -> deliberation.record(
        meetingId.longValue(),
        EngineVariables.integer(execution, Deliberation.Var.PARTICIPANTS),
        EngineVariables.string(execution, Deliberation.Var.SUMMARY),
        items,
        EngineVariables.actor(execution)));
    execution.removeVariable(Deliberation.Var.RESOLUTION_ITEMS);
  }

  private List<DeliberationService.ItemInput> items(Object value) {
    if (value == null) {
      return List.of();
    }
    JsonNode array;
    try {
      array = json.readTree(value.toString());
    } catch (Exception e) {
      throw EngineVariables.badInput(new ValidationException(
          List.of(new FieldError(Deliberation.Var.RESOLUTION_ITEMS, "invalid", "决议清单格式不正确"))));
    }
    List<DeliberationService.ItemInput> items = new ArrayList<>();
    for (JsonNode n : array) {
      items.add(new DeliberationService.ItemInput(text(n, UNIT), text(n, MEASURE), text(n, DEADLINE)));
    }
    return items;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
