package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.CaseNotFound;
import cn.yishi.application.EvaluationService;
import cn.yishi.application.TaskRefused;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal of the project's APIs as JSON: {@code {"errors":[{"field","code","message"}]}}. */
@RestControllerAdvice(basePackages = {"cn.yishi.adapter.inbound.rest", "cn.yishi.adapter.inbound.web"})
class ApiErrors {
  record Body(List<FieldError> errors) {}

  static ResponseEntity<Body> of(HttpStatus status, String field, String code, String message) {
    return ResponseEntity.status(status).body(new Body(List.of(new FieldError(field, code, message))));
  }

  @ExceptionHandler(ValidationException.class)
  ResponseEntity<Body> invalid(ValidationException e) {
    return ResponseEntity.badRequest().body(new Body(e.errors()));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Body> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof RequestSizeLimitFilter.TooLarge) {
      return of(HttpStatus.PAYLOAD_TOO_LARGE, "body", "too_large", "请求内容过大");
    }
    String field = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
        ? m.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
            .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body")
        : "body";
    return of(HttpStatus.BAD_REQUEST, field, "malformed", "请求格式不正确，请提交 JSON");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Body> mismatch(MethodArgumentTypeMismatchException e) {
    return of(HttpStatus.BAD_REQUEST, e.getName(), "invalid", "参数格式不正确");
  }

  @ExceptionHandler(CaseNotFound.class)
  ResponseEntity<Body> notFound(CaseNotFound e) {
    return of(HttpStatus.NOT_FOUND, "caseNo", "not_found", "办件不存在");
  }

  @ExceptionHandler(TaskRefused.class)
  ResponseEntity<Body> task(TaskRefused e) {
    return switch (e.reason()) {
      case NOT_FOUND -> of(HttpStatus.NOT_FOUND, "taskId", "not_found", e.getMessage());
      case NOT_HANDLER -> of(HttpStatus.FORBIDDEN, "user", "forbidden", e.getMessage());
      case NOT_APPLICABLE -> of(HttpStatus.CONFLICT, "taskId", "not_applicable", e.getMessage());
    };
  }

  @ExceptionHandler(Forbidden.class)
  ResponseEntity<Body> forbidden(Forbidden e) {
    return of(HttpStatus.FORBIDDEN, "user", "forbidden", e.getMessage());
  }

  @ExceptionHandler(EvaluationService.LinkRefused.class)
  ResponseEntity<Body> link(EvaluationService.LinkRefused e) {
    HttpStatus status = switch (e.reason()) {
      case UNKNOWN -> HttpStatus.NOT_FOUND;
      case USED, EXPIRED -> HttpStatus.GONE;
    };
    return of(status, "token", e.reason().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
  }

  /** The caller may not do this. */
  static class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message);
    }
  }
}
