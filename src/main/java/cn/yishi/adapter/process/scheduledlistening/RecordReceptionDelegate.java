package cn.yishi.adapter.process.scheduledlistening;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.application.ListeningService;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

  public RecordReceptionDelegate(ListeningService listening) {
    this.listening = listening;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<ListeningService.IssueInput> issues = issues(ScheduledListening.Var.ISSUES.from(execution));
    ListeningService.Reception reception = new ListeningService.Reception(
        execution.getProcessInstanceId(),
        ScheduledListening.Var.COMMUNITY.from(execution),
        date(ScheduledListening.Var.LISTENING_DATE.from(execution)),
        ScheduledListening.Var.RESIDENTS_RECEIVED.from(execution),
        ScheduledListening.Var.RECEPTION_NOTE.from(execution),
        issues);
    EngineVariables.refusingBadInput(() -> listening.record(reception, EngineVariables.actor(execution)));
    ScheduledListening.Var.ISSUES.removeFrom(execution);
    ScheduledListening.Var.RECEPTION_NOTE.removeFrom(execution);
  }

  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value == null ? "" : value.strip());
    } catch (DateTimeParseException e) {
      throw EngineVariables.badInput(new ValidationException(List.of(
          new FieldError(ScheduledListening.Var.LISTENING_DATE.name(), "invalid", "接待日期格式应为 yyyy-MM-dd：" + value))));
    }
  }

  private static List<ListeningService.IssueInput> issues(Object value) {
    return EngineVariables.jsonObjects(value, ScheduledListening.Var.ISSUES.name(), "诉求清单格式不正确").stream()
        .map(n -> new ListeningService.IssueInput(text(n, "category"), text(n, "title"), text(n, "description"),
            text(n, "compound"), text(n, "householdsAffected"), text(n, "yuanba")))
        .toList();
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
