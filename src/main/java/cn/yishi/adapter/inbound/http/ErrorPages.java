package cn.yishi.adapter.inbound.http;

import cn.yishi.domain.casefile.FieldError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Every error the container routes to {@code /error} (no handler, a method or type not supported, a refusal from a
 * filter, an exception nothing else answered), in a type the client accepts (see {@link ErrorReplies}): never
 * Spring's English Whitelabel page.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages implements ErrorController {
  private final ErrorAttributes attributes;
  private final ErrorReplies replies;

  ErrorPages(ErrorAttributes attributes, ErrorReplies replies) {
    this.attributes = attributes;
    this.replies = replies;
  }

  @RequestMapping
  ResponseEntity<byte[]> error(HttpServletRequest request) {
    Throwable error = attributes.getError(new ServletWebRequest(request));
    HttpStatusCode status = status(error, request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
    FieldError reason = reason(status);
    if (ErrorReplies.isEngine(ErrorReplies.path(request))) {
      return replies.engine(request, status, engineType(status), reason.message());
    }
    return replies.reply(request, status, List.of(reason));
  }

  /** The status: the one set, unless the exception is one of a client's that reached here unanswered. */
  static HttpStatusCode status(Throwable error, Object statusAttribute) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MaxUploadSizeExceededException || t instanceof RequestSizeLimitFilter.TooLarge) {
        return HttpStatus.PAYLOAD_TOO_LARGE;
      }
      if (t instanceof MultipartException || t instanceof HttpMessageNotReadableException) {
        return HttpStatus.BAD_REQUEST;
      }
      if (t instanceof HttpMediaTypeNotAcceptableException) {
        return HttpStatus.NOT_ACCEPTABLE;
      }
      if (t instanceof HttpMediaTypeNotSupportedException || t instanceof InvalidMediaTypeException) {
        return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      }
    }
    int code = statusAttribute instanceof Integer i ? i : 500;
    return HttpStatusCode.valueOf(code < 400 || code > 599 ? 500 : code);
  }

  static FieldError reason(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> new FieldError("request", "bad_request", "请求格式不正确，请检查后重新提交");
      case 401 -> new FieldError("user", "unauthorized", "需要登录");
      case 403 -> new FieldError("user", "forbidden", "没有权限进行此操作");
      case 404 -> new FieldError("path", "not_found", "找不到该页面或资源，请检查链接");
      case 405 -> new FieldError("method", "method_not_allowed", "不支持该请求方式");
      case 406 -> new FieldError("Accept", "not_acceptable", "无法以所要求的格式答复");
      case 413 -> new FieldError("body", "too_large", "请求内容过大");
      case 415 -> new FieldError("Content-Type", "unsupported_media_type", "不支持该内容类型，请提交 JSON 或表单");
      case 429 -> new FieldError("request", "too_many_requests", "请求过于频繁，请稍后再试");
      default -> status.is5xxServerError()
          ? new FieldError("server", "internal_error", "服务器内部错误，请稍后再试")
          : new FieldError("request", "refused", "请求未被受理");
    };
  }

  static String engineType(HttpStatusCode status) {
    return switch (status.value()) {
      case 401 -> "AuthenticationException";
      case 403 -> "AuthorizationException";
      case 404 -> "NotFoundException";
      default -> status.is5xxServerError() ? "ServerError" : "InvalidRequestException";
    };
  }
}
