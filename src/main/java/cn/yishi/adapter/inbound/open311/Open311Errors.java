package cn.yishi.adapter.inbound.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Every refusal of /open311 in the specification's format, JSON or XML as the path asks. */
@RestControllerAdvice(basePackageClasses = Open311Errors.class)
class Open311Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Open311Errors.class);

  @ExceptionHandler(Open311Exception.class)
  ResponseEntity<byte[]> refused(Open311Exception e, HttpServletRequest request) {
    return Open311Exception.document(e.errors()).render(e.status(), Open311Document.Format.of(request));
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
  ResponseEntity<byte[]> badParameter(Exception e, HttpServletRequest request) {
    return refused(Open311Exception.badRequest("请求参数格式不正确"), request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("Open311 request {} {} failed", request.getMethod(), request.getRequestURI(), e);
    return Open311Exception.document(List.of(new Open311Exception.Error(500, "服务器内部错误，请稍后重试")))
        .render(HttpStatus.INTERNAL_SERVER_ERROR, Open311Document.Format.of(request));
  }
}
