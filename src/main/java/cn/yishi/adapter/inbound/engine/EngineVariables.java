package cn.yishi.adapter.inbound.engine;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of process variables as forms submit them, and the mapping of refused input. */
final class EngineVariables {
  private EngineVariables() {}

  static String string(VariableScope scope, String name) {
    Object v = scope.getVariable(name);
    return v == null ? null : v.toString();
  }

  static Integer integer(VariableScope scope, String name) {
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

  static Boolean bool(VariableScope scope, String name) {
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

  /** Runs a use case; refused input becomes an engine error that Tasklist shows and REST answers. */
  static <T> T refusingBadInput(Supplier<T> useCase) {
    try {
      return useCase.get();
    } catch (ValidationException e) {
      throw badInput(e);
    }
  }

  static BadUserRequestException badInput(ValidationException e) {
    return new BadUserRequestException("输入有误：" + e.getMessage(), e);
  }
}
