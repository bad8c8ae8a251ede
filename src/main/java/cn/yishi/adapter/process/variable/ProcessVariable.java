package cn.yishi.adapter.process.variable;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.ValidationException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * One process variable: its name and its type, declared once in the glue class of its process (in the manner of
 * camunda-bpm-data's {@code VariableFactory}), and read and written only through it:
 * {@code CASE_NO.from(execution)}, {@code CASE_NO.on(execution, caseNo)}, {@code CASE_NO.in(startVariables, caseNo)}.
 *
 * <p>Reads convert what forms, REST clients and the engine store (Tasklist submits numbers as {@code Long}, text
 * fields as {@code String}, a client may send {@code "3"}) into the declared type. Input that is not of the type
 * (a {@code 2.5} satisfaction, {@code "x"} for a number) is refused as a form-field error, so Tasklist shows it and
 * the engine REST API answers 400; nothing of the completion is stored.
 *
 * @param <T> the Java type of the variable as the application uses it
 */
public final class ProcessVariable<T> {
  private final String name;
  private final Function<Object, T> reader;
  private final Function<T, Object> writer;
  private final boolean text;

  private ProcessVariable(String name, Function<Object, T> reader, Function<T, Object> writer) {
    this(name, reader, writer, false);
  }

  private ProcessVariable(String name, Function<Object, T> reader, Function<T, Object> writer, boolean text) {
    this.name = Objects.requireNonNull(name);
    this.reader = reader;
    this.writer = writer;
    this.text = text;
  }

  /**
   * Text as entered; blank text stays blank (the use case decides whether it is missing). Text with a character the
   * database cannot store (NUL, half of a character) is refused.
   */
  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, v -> {
      String s = v.toString();
      if (!Text.storable(s)) {
        throw badInput(new ValidationException(List.of(Text.unstorable(name))));
      }
      return s;
    }, v -> v, true);
  }

  /** A whole number; a fraction or text is refused. */
  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, v -> (int) whole(name, v, Integer.MIN_VALUE, Integer.MAX_VALUE), v -> v);
  }

  /** An id of one of the project's own records (a meeting, a vote, a supervision order). */
  public static ProcessVariable<Long> id(String name) {
    return new ProcessVariable<>(name, v -> whole(name, v, Long.MIN_VALUE, Long.MAX_VALUE), v -> v);
  }

  /** Yes or no; a checkbox submits a Boolean, a client may send "true" or "false". */
  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, v -> {
      if (v instanceof Boolean b) {
        return b;
      }
      return switch (v.toString().strip()) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw refused(name, "应为是或否");
      };
    }, v -> v);
  }

  /** A point in time, stored as the engine's {@code Date} so that due dates and timers in the models can read it. */
  public static ProcessVariable<OffsetDateTime> dateTime(String name) {
    return new ProcessVariable<>(name, v -> {
      if (v instanceof Date d) {
        return OffsetDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC);
      }
      if (v instanceof OffsetDateTime t) {
        return t;
      }
      throw refused(name, "应为日期时间");
    }, v -> Date.from(v.toInstant()));
  }

  /** A list of codes or names (a multi-instance collection), stored as a list of strings. */
  public static ProcessVariable<List<String>> stringList(String name) {
    return new ProcessVariable<>(name, v -> {
      if (v instanceof Collection<?> c) {
        return c.stream().map(String::valueOf).toList();
      }
      throw refused(name, "应为列表");
    }, v -> new java.util.ArrayList<>(v));
  }

  /** A variable whose value the application hands through unread (a form's JSON list, read by its own parser). */
  public static ProcessVariable<Object> raw(String name) {
    return new ProcessVariable<>(name, v -> v, v -> v);
  }

  public String name() {
    return name;
  }

  /** The value in the scope or a parent scope; null when absent, or blank where no text is expected. */
  public T from(VariableScope scope) {
    return read(scope.getVariable(name));
  }

  /** The value, which the process cannot do without (a record's id): refused as a field error when absent. */
  public T required(VariableScope scope) {
    T value = from(scope);
    if (value == null) {
      throw refused(name, "缺少必需的值");
    }
    return value;
  }

  /** The value in this scope only (a task-local variable). */
  public T fromLocal(VariableScope scope) {
    return read(scope.getVariableLocal(name));
  }

  /** The value in a map of variables (start variables, a decision's result entries); null when absent. */
  public T from(Map<String, ?> variables) {
    return read(variables.get(name));
  }

  /** Sets the variable where it is visible (the engine's rule: the scope that has it, else the process instance). */
  public void on(VariableScope scope, T value) {
    scope.setVariable(name, write(value));
  }

  /** Sets the variable in this scope only (a task-local copy). */
  public void onLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, write(value));
  }

  /** Puts the value into start or correlation variables; returns the map. */
  public <M extends Map<String, Object>> M in(M variables, T value) {
    variables.put(name, write(value));
    return variables;
  }

  public void removeFrom(VariableScope scope) {
    scope.removeVariable(name);
  }

  private T read(Object v) {
    if (v == null || (!text && v instanceof String s && s.isBlank())) {
      return null;
    }
    return reader.apply(v);
  }

  private Object write(T value) {
    return value == null ? null : writer.apply(value);
  }

  private static long whole(String name, Object v, long min, long max) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || d < min || d > max) {
        throw refused(name, "应为整数");
      }
      return n.longValue();
    }
    try {
      long l = Long.parseLong(v.toString().strip());
      if (l < min || l > max) {
        throw refused(name, "应为整数");
      }
      return l;
    } catch (NumberFormatException e) {
      throw refused(name, "应为整数");
    }
  }

  private static FormFieldValidationException refused(String name, String message) {
    return badInput(new ValidationException(List.of(new FieldError(name, "invalid", message))));
  }

  /**
   * Refused input, as a form-field validation error: the engine REST API (Tasklist's submit and complete, a start
   * form) answers 400 with the Chinese message instead of 500, with the field errors as its detail. The task does not
   * move, and nothing of the completion is stored.
   */
  public static FormFieldValidationException badInput(ValidationException e) {
    return new FormFieldValidationException(e.errors(), "输入有误：" + e.getMessage(), e);
  }

  @Override
  public String toString() {
    return name;
  }
}
