package cn.yishi.adapter.inbound.open311;

import java.util.List;

/**
 * The outcome of reading a request's parameters: a typed value, or every refusal at once, each
 * {@code "parameter：message"} as the error descriptions of the specification's 400 answer.
 */
record Open311Parsed<T>(T value, List<String> errors) {
  Open311Parsed {
    errors = List.copyOf(errors);
    if (errors.isEmpty() == (value == null)) {
      throw new IllegalArgumentException("either a value or errors");
    }
  }

  /** The value when there are no errors, otherwise errors only. */
  static <T> Open311Parsed<T> of(T value, List<String> errors) {
    return errors.isEmpty() ? new Open311Parsed<>(value, errors) : new Open311Parsed<>(null, errors);
  }

  boolean isValid() {
    return errors.isEmpty();
  }

  /** The value; the errors as a 400 refusal. */
  T orThrow() {
    if (!errors.isEmpty()) {
      throw Open311Exception.badRequest(errors);
    }
    return value;
  }
}
