package cn.yishi.adapter.process;

import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;

import cn.yishi.application.Routing;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Typed reads of process variables as forms submit them, routing writes, and refused input. */
public final class EngineVariables {
  private EngineVariables() {}

  /** A variable as text; one with a character that cannot be stored (NUL, a lone surrogate) is refused. */
  public static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    String s = v == null ? null : v.toString();
    if (!Text.storable(s)) {
      throw badInput(new ValidationException(List.of(Text.unstorable(name))));
    }
    return s;
  }

  public static Integer integer(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null || (v instanceof String s && s.isBlank())) {
      return null;
    }
    if (v instanceof Number n) {
      if (n.doubleValue() != Math.rint(n.doubleValue()) || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
        throw badInput(new ValidationException(List.of(new FieldError(name, "invalid", "应为整数"))));
      }
      return n.intValue();
    }
    try {
      return Integer.valueOf(v.toString().strip());
    } catch (NumberFormatException e) {
      throw badInput(new ValidationException(List.of(new FieldError(name, "invalid", "应为整数"))));
    }
  }

  /**
   * A record's number (a meeting, a vote, a resolution item) that the process keeps; a client that set the variable to
   * anything else (through a task's variables) is refused instead of failing the delegate.
   */
  public static long id(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw badInput(new ValidationException(List.of(new FieldError(name, "invalid", "应为记录编号（整数）"))));
  }

  public static Boolean bool(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    return switch (v.toString().strip()) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw badInput(new ValidationException(List.of(new FieldError(name, "invalid", "应为是或否"))));
    };
  }

  public static Date date(OffsetDateTime t) {
    return t == null ? null : Date.from(t.toInstant());
  }

  /** The user on whose behalf the engine runs, or "system" for jobs. */
  public static String actor(VariableScope scope) {
    Authentication a = scope instanceof DelegateExecution e
        ? e.getProcessEngineServices().getIdentityService().getCurrentAuthentication()
        : ((org.camunda.bpm.engine.delegate.DelegateTask) scope).getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return a == null || a.getUserId() == null ? "system" : a.getUserId();
  }

  public static List<String> actorGroups(DelegateExecution e) {
    Authentication a = e.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return a == null || a.getGroupIds() == null ? List.of() : a.getGroupIds();
  }

  /** Writes where the handling task goes, who supervises it, and when it is due. */
  public static void writeRouting(DelegateExecution e, Routing r) {
    e.setVariable(IssueLifecycle.Var.HANDLER_GROUPS, String.join(",", r.handlerGroups()));
    e.setVariable(IssueLifecycle.Var.SUPERVISOR_GROUPS, String.join(",", r.supervisorGroups()));
    e.setVariable(IssueLifecycle.Var.HANDLING_DEADLINE, date(r.deadline()));
    e.setVariable(IssueLifecycle.Var.PRIORITY, r.priority());
    e.setVariable(IssueLifecycle.Var.TIER, r.tier());
    e.setVariable(IssueLifecycle.Var.DISPOSAL, r.disposal());
    e.setVariable(IssueLifecycle.Var.RESPONSIBLE_UNIT, r.responsibleUnit());
  }

  /** Runs a use case; refused input becomes an engine error that Tasklist shows and REST answers. */
  public static <T> T refusingBadInput(Supplier<T> useCase) {
    try {
      return useCase.get();
    } catch (ValidationException e) {
      throw badInput(e);
    }
  }

  public static void refusingBadInput(Runnable useCase) {
    refusingBadInput(() -> {
      useCase.run();
      return null;
    });
  }

  /**
   * Refused input. A form-field validation error, so that the engine REST API (Tasklist's submit and
   * complete, a start form) answers 400 with the Chinese message instead of 500; the field errors are
   * its detail. The task does not move, and nothing of the completion is stored.
   */
  public static FormFieldValidationException badInput(ValidationException e) {
    return new FormFieldValidationException(e.errors(), "输入有误：" + e.getMessage(), e);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A form's list submitted as JSON text (a dynamic list): its objects, none for no value. Anything else than a JSON
   * array of objects is refused as {@code field} with {@code message}.
   */
  public static List<JsonNode> jsonObjects(Object value, String field, String message) {
    if (value == null) {
      return List.of();
    }
    JsonNode array;
    try {
      array = JSON.readTree(value.toString());
    } catch (Exception e) {
      throw invalid(field, message);
    }
    if (array == null || array.isNull() || array.isMissingNode()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw invalid(field, message);
    }
    List<JsonNode> objects = new ArrayList<>();
    for (JsonNode n : array) {
      if (!n.isObject()) {
        throw invalid(field, message);
      }
      if (!storable(n)) {
        throw badInput(new ValidationException(List.of(Text.unstorable(field))));
      }
      objects.add(n);
    }
    return objects;
  }

  /** Whether every name and text in a JSON tree can be stored. */
  private static boolean storable(JsonNode node) {
    if (node.isTextual()) {
      return Text.storable(node.textValue());
    }
    for (var fields = node.fields(); fields.hasNext(); ) {
      var f = fields.next();
      if (!Text.storable(f.getKey()) || !storable(f.getValue())) {
        return false;
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        if (!storable(element)) {
          return false;
        }
      }
    }
    return true;
  }

  private static FormFieldValidationException invalid(String field, String message) {
    return badInput(new ValidationException(List.of(new FieldError(field, "invalid", message))));
  }
}
