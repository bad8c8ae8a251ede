package cn.yishi.adapter.inbound.web;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.supervision.MonthlyPublications;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The monthly publication (一月一公示) of an approved month with its red and black board and the units'
 * figures, for everyone: {@code /public/monthly/{YYYY-MM}} (HTML) and {@code .json}. A month not yet approved
 * is 404; a malformed month 400. An approved month never changes, so its ETag is fixed.
 */
@Controller
class MonthlyPages {
  private static final MediaType HTML = HtmlPages.HTML;

  private final MonthlyPublications publications;
  private final Directory directory;
  private final ITemplateEngine templates;
  private final ErrorReplies replies;

  MonthlyPages(MonthlyPublications publications, Directory directory, ITemplateEngine templates, ErrorReplies replies) {
    this.publications = publications;
    this.directory = directory;
    this.templates = templates;
    this.replies = replies;
  }

  @GetMapping(value = "/public/monthly/{month}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> page(@PathVariable String month, @RequestParam(required = false) String community,
      WebRequest request) {
    Optional<MonthlyPublications.Publication> p;
    try {
      p = publications.of(month, community(community));
    } catch (ValidationException e) {
      return message(HttpStatus.BAD_REQUEST, "链接有误", e.errors().get(0).message());
    }
    if (p.isEmpty()) {
      return message(HttpStatus.NOT_FOUND, "该月公示尚未发布", "调度中心审定月度报告后，一月一公示和红黑榜将在此发布。");
    }
    String etag = etag(p.get(), community, "html");
    if (request.checkNotModified(etag)) {
      return null;
    }
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("p", p.get());
    ctx.setVariable("countyName", directory.countyName());
    return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache().cachePublic())
        .body(templates.process("public/monthly", ctx).getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping(value = {"/public/monthly/{month}.json", "/public/monthly/{month}"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> json(@PathVariable String month, @RequestParam(required = false) String community, WebRequest request,
      HttpServletRequest servletRequest) {
    Optional<MonthlyPublications.Publication> p = publications.of(month, community(community));
    if (p.isEmpty()) {
      return replies.reply(servletRequest, HttpStatus.NOT_FOUND, "month", "not_found", "该月公示尚未发布");
    }
    if (request.checkNotModified(etag(p.get(), community, "json"))) {
      return null;
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePublic()).body(p.get());
  }

  private String community(String community) {
    if (community == null || community.isBlank()) {
      return null;
    }
    if (directory.community(community.strip()).isEmpty()) {
      throw new ValidationException(List.of(new FieldError("community", "unknown", "未知的社区：" + community)));
    }
    return community.strip();
  }

  private static String etag(MonthlyPublications.Publication p, String community, String kind) {
    return "\"monthly-" + kind + "-" + p.month() + "-" + (community == null ? "all" : community) + "-"
        + p.approvedAt().toInstant().toEpochMilli() + "\"";
  }

  private ResponseEntity<byte[]> message(HttpStatus status, String title, String message) {
    return HtmlPages.message(templates, status, title, message);
  }

}
