package cn.yishi.adapter.inbound.engine;

import cn.yishi.application.ListeningService;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Registers the issues of one reception (定期听接待) as cases and records the session. Tasklist
 * submits the form's dynamic list as a Json variable; it is parsed here and removed from the process,
 * like the reception note, once stored. Bad input refuses the completion: the task stays open and no
 * case is created.
 */
@Component("recordReceptionDelegate")
public class RecordReceptionDelegate implements JavaDelegate {
  private final ListeningService listening;
  private final ObjectMapper json = new ObjectMapper();

  public RecordReceptionDelegate(ListeningService listening) {
    this.listening = listening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<ListeningService.IssueInput> issues = issues(execution.getVariable(ScheduledListening.Var.ISSUES));
    ListeningService.Reception reception = new ListeningService.Reception(
        execution.getProcessInstanceId(),
        EngineVariables.string(execution, ScheduledListening.Var.COMMUNITY),
        date(EngineVariables.string(execution, ScheduledListening.Var.LISTENING_DATE)),
        EngineVariables.integer(execution, ScheduledListening.Var.RESIDENTS_RECEIVED),
        EngineVariables.string(execution, ScheduledListening.Var.RECEPTION_NOTE),
        issues);
    EngineVariables.refusingBadInput(() -> listening.record(reception, EngineVariables.actor(execution)));
    execution.removeVariable(ScheduledListening.Var.ISSUES);
    execution.removeVariable(ScheduledListening.Var.RECEPTION_NOTE);
  }

  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value == null ? "" : value.strip());
    } catch (DateTimeParseException e) {
      throw EngineVariables.badInput(new ValidationException(List.of(
          new FieldError(ScheduledListening.Var.LISTENING_DATE, "invalid", "接待日期格式应为 yyyy-MM-dd：" + value))));
    }
  }

  private List<ListeningService.IssueInput> issues(Object value) {
    if (value == null) {
      return List.of();
    }
    JsonNode array;
    try {
      array = json.readTree(value.toString());
    } catch (Exception e) {
      throw malformed();
    }
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw malformed();
    }
    List<ListeningService.IssueInput> issues = new ArrayList<>();
    for (JsonNode n : array) {
      if (!n.isObject()) {
        throw malformed();
      }
      issues.add(new ListeningService.IssueInput(text(n, "category"), text(n, "title"), text(n, "description"),
          text(n, "compound"), text(n, "householdsAffected")));
    }
    return issues;
  }

  private static RuntimeException malformed() {
    return EngineVariables.badInput(new ValidationException(
        List.of(new FieldError(ScheduledListening.Var.ISSUES, "invalid", "诉求清单格式不正确"))));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    // a number field may arrive as 12 or 12.0
    return v.isNumber() && v.canConvertToExactIntegral() ? v.bigIntegerValue().toString() : v.asText();
  }
}
