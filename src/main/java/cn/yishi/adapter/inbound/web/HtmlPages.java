package cn.yishi.adapter.inbound.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** What the public HTML controllers share: the content type and the one-message page (public/message). */
final class HtmlPages {
  static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

  private HtmlPages() {}

  /** A page that says one thing, with its status: a refusal, a missing page, a thank-you. */
  static ResponseEntity<byte[]> message(ITemplateEngine templates, HttpStatus status, String title, String message) {
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("title", title);
    ctx.setVariable("message", message);
    return ResponseEntity.status(status).contentType(HTML)
        .body(templates.process("public/message", ctx).getBytes(StandardCharsets.UTF_8));
  }
}
