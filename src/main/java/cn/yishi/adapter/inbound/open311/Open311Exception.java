package cn.yishi.adapter.inbound.open311;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A refusal in the Open311 error format: a list of {@code {code, description}} with one HTTP status. */
class Open311Exception extends RuntimeException {
  record Error(int code, String description) {}

  private final HttpStatus status;
  private final transient List<Error> errors;

  Open311Exception(HttpStatus status, List<String> descriptions) {
    super(String.join("；", descriptions));
    this.status = status;
    this.errors = descriptions.stream().map(d -> new Error(status.value(), d)).toList();
  }

  static Open311Exception badRequest(List<String> descriptions) {
    return new Open311Exception(HttpStatus.BAD_REQUEST, descriptions);
  }

  static Open311Exception badRequest(String description) {
    return badRequest(List.of(description));
  }

  static Open311Exception forbidden(String description) {
    return new Open311Exception(HttpStatus.FORBIDDEN, List.of(description));
  }

  static Open311Exception notFound(String description) {
    return new Open311Exception(HttpStatus.NOT_FOUND, List.of(description));
  }

  HttpStatus status() {
    return status;
  }

  List<Error> errors() {
    return errors;
  }

  /** The error list as a document. */
  static Open311Document document(List<Error> errors) {
    return new Open311Document("errors", new Open311Document.Items("error", errors.stream()
        .map(e -> new Open311Document.Node().put("code", e.code()).put("description", e.description()))
        .toList()));
  }
}
