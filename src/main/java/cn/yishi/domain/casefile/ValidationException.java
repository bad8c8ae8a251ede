package cn.yishi.domain.casefile;

import java.util.List;
import java.util.stream.Collectors;

/** Input was refused. Carries every field error, not only the first. */
public class ValidationException extends RuntimeException {
  private final transient List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("；")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
