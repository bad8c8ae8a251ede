package cn.yishi.adapter.inbound.http;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.platform.web.AcceptHeader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A refusal in a type the client accepts: the project's JSON error ({@code {"errors":[{"field","code","message"}]}}),
 * a Chinese page (preferred on {@code /public/**} by a browser), Camunda's error format ({@code {"type","message"}}) on
 * the engine's paths, or plain text. When the client accepts none of them the answer is 406 without a body.
 */
@Component
public class ErrorReplies {
  /** The forms a refusal can take. */
  public enum Form { JSON, HTML, PLAIN, NONE }

  /** The project's JSON error. */
  public record Body(List<FieldError> errors) {}

  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
  private static final MediaType PLAIN = MediaType.parseMediaType("text/plain;charset=UTF-8");

  private final ITemplateEngine templates;
  private final ObjectMapper json;

  public ErrorReplies(ITemplateEngine templates, ObjectMapper json) {
    this.templates = templates;
    this.json = json;
  }

  /** The refusal as a response entity with its content type set, for controllers and their advice. */
  public ResponseEntity<byte[]> reply(HttpServletRequest request, HttpStatusCode status, List<FieldError> errors) {
    String path = path(request);
    if (isEngine(path)) {
      return engine(request, status, errors.isEmpty() ? "" : errors.get(0).code(), message(errors));
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    Form form = path.startsWith(PublicNegotiation.PREFIX) ? PublicNegotiation.form(path, accept) : form(accept, false);
    return switch (form) {
      case JSON -> entity(status, MediaType.APPLICATION_JSON, json(new Body(errors)));
      case HTML -> entity(status, HTML, page(status, errors));
      case PLAIN -> entity(status, PLAIN, message(errors).getBytes(StandardCharsets.UTF_8));
      case NONE -> notAcceptable();
    };
  }

  private static ResponseEntity<byte[]> notAcceptable() {
    return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
  }

  /** A refusal of one field. */
  public ResponseEntity<byte[]> reply(HttpServletRequest request, HttpStatusCode status, String field, String code,
      String message) {
    return reply(request, status, List.of(new FieldError(field, code, message)));
  }

  /** Camunda's error format, for the engine's paths: {@code type} names the kind of refusal. */
  public ResponseEntity<byte[]> engine(HttpServletRequest request, HttpStatusCode status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    List<MediaType> accepted = AcceptHeader.ranges(request.getHeader(HttpHeaders.ACCEPT));
    if (AcceptHeader.quality(accepted, MediaType.APPLICATION_JSON) > 0) {
      return entity(status, MediaType.APPLICATION_JSON, json(body));
    }
    if (AcceptHeader.quality(accepted, MediaType.TEXT_PLAIN) > 0) {
      return entity(status, PLAIN, message.getBytes(StandardCharsets.UTF_8));
    }
    return notAcceptable();
  }

  /** Writes the refusal from a servlet filter. */
  public void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, List<FieldError> errors)
      throws IOException {
    send(reply(request, status, errors), response);
  }

  /** Writes a response entity to a servlet response. */
  public static void send(ResponseEntity<byte[]> entity, HttpServletResponse response) throws IOException {
    response.setStatus(entity.getStatusCode().value());
    entity.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    if (entity.getBody() != null) {
      response.setContentLength(entity.getBody().length);
      response.getOutputStream().write(entity.getBody());
    }
  }

  /** The path asked for: on an error dispatch, the original one. */
  static String path(HttpServletRequest request) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String uri = original instanceof String s ? s : request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }

  static boolean isEngine(String path) {
    return path.startsWith("/engine-rest/") || path.equals("/engine-rest") || path.startsWith("/camunda/api/");
  }

  /**
   * Which form the client accepts best. {@code page}: a page is preferred whenever HTML is as acceptable as JSON (a
   * browser on the public pages). A missing or unreadable {@code Accept} accepts anything.
   */
  public static Form form(String accept, boolean page) {
    List<MediaType> accepted = AcceptHeader.ranges(accept);
    double json = AcceptHeader.quality(accepted, MediaType.APPLICATION_JSON);
    double html = AcceptHeader.quality(accepted, MediaType.TEXT_HTML);
    double plain = AcceptHeader.quality(accepted, MediaType.TEXT_PLAIN);
    if (page && html > 0 && html >= json) {
      return Form.HTML;
    }
    if (json > 0) {
      return Form.JSON;
    }
    if (html > 0) {
      return Form.HTML;
    }
    return plain > 0 ? Form.PLAIN : Form.NONE;
  }

  /** Whether the client takes the type at all (a missing or unreadable {@code Accept} takes anything). */
  public static boolean accepts(String accept, MediaType type) {
    return AcceptHeader.accepts(accept, type);
  }

  private static ResponseEntity<byte[]> entity(HttpStatusCode status, MediaType type, byte[] body) {
    return ResponseEntity.status(status).contentType(type).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body);
  }

  private byte[] json(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an error body could not be written", e);
    }
  }

  private byte[] page(HttpStatusCode status, List<FieldError> errors) {
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("title", title(status));
    ctx.setVariable("message", message(errors));
    return templates.process("public/message", ctx).getBytes(StandardCharsets.UTF_8);
  }

  private static String message(List<FieldError> errors) {
    return errors.stream().map(FieldError::message).distinct().collect(Collectors.joining("；"));
  }

  private static String title(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "提交的内容有误";
      case 401 -> "需要登录";
      case 403 -> "没有权限";
      case 404 -> "找不到该页面";
      case 405 -> "不支持该请求方式";
      case 406 -> "无法以所要求的格式显示";
      case 409, 410 -> "链接已不可用";
      case 413 -> "提交的内容过大";
      case 415 -> "不支持该内容格式";
      case 429 -> "提交过于频繁";
      default -> status.is5xxServerError() ? "系统暂时无法处理" : "请求未被受理";
    };
  }
}
