package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.adapter.inbound.http.RequestSizeLimitFilter;
import cn.yishi.application.CaseNotFound;
import cn.yishi.application.CaseReadDenied;
import cn.yishi.application.EvaluationService;
import cn.yishi.application.PhotoDenied;
import cn.yishi.application.PhotoNotFound;
import cn.yishi.application.TaskRefused;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Every refusal of the project's APIs and pages, as {@code {"errors":[{"field","code","message"}]}} or, when the
 * client does not take JSON, a Chinese page or plain text (see {@link ErrorReplies}).
 */
@RestControllerAdvice(basePackages = {"cn.yishi.adapter.inbound.rest", "cn.yishi.adapter.inbound.web"})
class ApiErrors {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);
  private final ErrorReplies replies;

  ApiErrors(ErrorReplies replies) {
    this.replies = replies;
  }

  @ExceptionHandler(ValidationException.class)
  ResponseEntity<byte[]> invalid(ValidationException e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.BAD_REQUEST, e.errors());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<byte[]> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    if (e.getCause() instanceof RequestSizeLimitFilter.TooLarge) {
      return replies.reply(request, HttpStatus.PAYLOAD_TOO_LARGE, List.of(RequestSizeLimitFilter.tooLarge()));
    }
    return replies.reply(request, HttpStatus.BAD_REQUEST, List.of(unreadable(e.getCause())));
  }

  /** What is wrong with a body Jackson could not read: a key given twice, nesting too deep, a wrong type, bad JSON. */
  static FieldError unreadable(Throwable cause) {
    if (cause instanceof StreamConstraintsException) {
      return new FieldError("body", "too_deep", "请求内容嵌套层数过多");
    }
    if (cause instanceof JsonParseException p && p.getMessage() != null && p.getMessage().startsWith("Duplicate field")) {
      String name = p.getProcessor() == null ? null : currentName(p.getProcessor());
      return new FieldError(name == null ? "body" : name, "duplicate", "同一字段不能出现两次：" + (name == null ? "" : name));
    }
    if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field = m.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
          .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
      return new FieldError(field, "invalid", "字段格式不正确：" + field);
    }
    return new FieldError("body", "malformed", "请求格式不正确，请提交 JSON");
  }

  private static String currentName(JsonParser parser) {
    try {
      return parser.currentName();
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The database refused a value that validation let through (too long for its column, out of range, a character it
   * cannot store: Spring translates these data exceptions into a data integrity violation): the client's input, so
   * 400. A duplicate key and any other database failure are the server's (500, logged).
   */
  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<byte[]> data(DataAccessException e, HttpServletRequest request) {
    if (e instanceof DataIntegrityViolationException && !(e instanceof DuplicateKeyException)) {
      return replies.reply(request, HttpStatus.BAD_REQUEST, "body", "invalid", "提交的内容超出允许的长度或范围");
    }
    LOG.error("{} {} failed in the database", request.getMethod(), request.getRequestURI(), e);
    return replies.reply(request, HttpStatus.INTERNAL_SERVER_ERROR, "server", "internal_error", "服务器内部错误，请稍后再试");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<byte[]> multipart(MultipartException e, HttpServletRequest request) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.apache.tomcat.util.http.fileupload.InvalidFileNameException name) {
        return invalidFileName(name, request);
      }
    }
    return replies.reply(request, HttpStatus.BAD_REQUEST, "body", "malformed", "上传内容格式不正确");
  }

  /** An upload without a length that grew over the container's multipart limit (spring.servlet.multipart). */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<byte[]> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.PAYLOAD_TOO_LARGE, "photos", "too_large", "上传的照片总量过大，请减少照片或压缩后再上传");
  }

  /**
   * A file name the container's multipart parser refuses (a NUL in it): thrown while a form field is read, before any
   * photo is looked at.
   */
  @ExceptionHandler(org.apache.tomcat.util.http.fileupload.InvalidFileNameException.class)
  ResponseEntity<byte[]> invalidFileName(RuntimeException e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.BAD_REQUEST, "photos", "invalid_character", "照片的文件名含有无法识别的字符，请改名后再上传");
  }

  @ExceptionHandler(PhotoNotFound.class)
  ResponseEntity<byte[]> photoNotFound(PhotoNotFound e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.NOT_FOUND, "photoId", "not_found", "照片不存在");
  }

  @ExceptionHandler(PhotoDenied.class)
  ResponseEntity<byte[]> photoDenied(PhotoDenied e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.FORBIDDEN, "user", "forbidden", e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<byte[]> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.BAD_REQUEST, e.getName(), "invalid", "参数格式不正确");
  }

  @ExceptionHandler(CaseNotFound.class)
  ResponseEntity<byte[]> notFound(CaseNotFound e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.NOT_FOUND, "caseNo", "not_found", "办件不存在");
  }

  @ExceptionHandler(TaskRefused.class)
  ResponseEntity<byte[]> task(TaskRefused e, HttpServletRequest request) {
    return switch (e.reason()) {
      case NOT_FOUND -> replies.reply(request, HttpStatus.NOT_FOUND, "taskId", "not_found", e.getMessage());
      case NOT_HANDLER -> replies.reply(request, HttpStatus.FORBIDDEN, "user", "forbidden", e.getMessage());
      case NOT_APPLICABLE -> replies.reply(request, HttpStatus.CONFLICT, "taskId", "not_applicable", e.getMessage());
    };
  }

  @ExceptionHandler(CaseReadDenied.class)
  ResponseEntity<byte[]> readDenied(CaseReadDenied e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.FORBIDDEN, "caseNo", "forbidden", "您的角色无权查看该办件");
  }

  @ExceptionHandler(cn.yishi.application.points.PointsRefused.class)
  ResponseEntity<byte[]> points(cn.yishi.application.points.PointsRefused e, HttpServletRequest request) {
    HttpStatus status = switch (e.reason()) {
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
    };
    return replies.reply(request, status, e.field(), e.reason() == cn.yishi.application.points.PointsRefused.Reason.FORBIDDEN
        ? "forbidden" : "not_found", e.getMessage());
  }

  @ExceptionHandler(Refused.class)
  ResponseEntity<byte[]> refused(Refused e, HttpServletRequest request) {
    return replies.reply(request, e.status, List.of(e.error));
  }

  @ExceptionHandler(EvaluationService.LinkRefused.class)
  ResponseEntity<byte[]> link(EvaluationService.LinkRefused e, HttpServletRequest request) {
    HttpStatus status = switch (e.reason()) {
      case UNKNOWN -> HttpStatus.NOT_FOUND;
      case USED, EXPIRED -> HttpStatus.GONE;
    };
    return replies.reply(request, status, "token", e.reason().name().toLowerCase(Locale.ROOT), e.getMessage());
  }

  /** A refusal with its status and one field error. */
  static class Refused extends RuntimeException {
    private final HttpStatus status;
    private final transient FieldError error;

    Refused(HttpStatus status, String field, String code, String message) {
      super(message);
      this.status = status;
      this.error = new FieldError(field, code, message);
    }
  }

  /** The caller may not do this (403). */
  static class Forbidden extends Refused {
    Forbidden(String message) {
      super(HttpStatus.FORBIDDEN, "user", "forbidden", message);
    }
  }

  /** Nothing of that kind with that key (404). */
  static Refused notFound(String field, String message) {
    return new Refused(HttpStatus.NOT_FOUND, field, "not_found", message);
  }
}
