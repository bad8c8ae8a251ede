package cn.yishi.adapter.process;

import cn.yishi.adapter.process.variable.ProcessVariable;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What delegates share: who acts, refused input as the engine shows it, and a form's JSON lists. */
public final class EngineVariables {
  private EngineVariables() {}

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
    return ProcessVariable.badInput(e);
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

  /**
   * A form's taglist or checklist (Tasklist submits it as JSON; a client may send a list or JSON text): its texts, none
   * for no value. Anything else than a list of texts is refused as {@code field} with {@code message}.
   */
  public static List<String> jsonStrings(Object value, String field, String message) {
    if (value == null) {
      return List.of();
    }
    List<String> texts = new ArrayList<>();
    if (value instanceof java.util.Collection<?> c) {
      for (Object o : c) {
        if (!(o instanceof String s)) {
          throw invalid(field, message);
        }
        texts.add(s);
      }
    } else {
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
      for (JsonNode n : array) {
        if (!n.isTextual()) {
          throw invalid(field, message);
        }
        texts.add(n.textValue());
      }
    }
    for (String t : texts) {
      if (!Text.storable(t)) {
        throw badInput(new ValidationException(List.of(Text.unstorable(field))));
      }
    }
    return texts;
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
