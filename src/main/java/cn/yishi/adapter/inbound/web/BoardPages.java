package cn.yishi.adapter.inbound.web;

import cn.yishi.application.CaseQueries;
import cn.yishi.application.PublicBoard;
import cn.yishi.domain.casefile.ValidationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The public board (公示栏) of a community or the county, as HTML, JSON and an Atom feed (no login, no
 * personal data). Each form is rendered once per version of the board and answered with its ETag.
 */
@Controller
class BoardPages {
  private static final MediaType HTML = HtmlPages.HTML;

  private final PublicBoard board;
  private final ITemplateEngine templates;
  private final ObjectMapper json;
  private final String publicBaseUrl;

  BoardPages(PublicBoard board, ITemplateEngine templates, ObjectMapper json,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.board = board;
    this.templates = templates;
    this.json = json;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  /** A board rendered once per version, served from memory until the next change. */
  private record Rendered(String version, byte[] body) {}

  private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

  private byte[] renderedOnce(String kind, String community, String version, Supplier<String> render) {
    String key = kind + ":" + community;
    Rendered r = rendered.get(key);
    if (r == null || !r.version().equals(version)) {
      r = new Rendered(version, render.get().getBytes(StandardCharsets.UTF_8));
      rendered.put(key, r);
    }
    return r.body();
  }

  @GetMapping(value = "/public/board", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> boardPage(@RequestParam(required = false) String community, WebRequest request) {
    String version;
    try {
      version = board.version(community);
    } catch (ValidationException e) {
      return HtmlPages.message(templates, HttpStatus.NOT_FOUND, "找不到该社区的公示栏", "请检查链接中的社区编码。");
    }
    if (request.checkNotModified(etag(version, "html"))) {
      return null;
    }
    byte[] body = renderedOnce("html", community, version, () -> {
      Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
      ctx.setVariable("board", board.board(community, version));
      return templates.process("public/board", ctx);
    });
    return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache().cachePublic()).body(body);
  }

  @GetMapping(value = {"/public/board.json", "/public/board"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> boardJson(@RequestParam(required = false) String community, WebRequest request) {
    String version = board.version(community);
    if (request.checkNotModified(etag(version, "json"))) {
      return null;
    }
    byte[] body = renderedOnce("json", community, version, () -> {
      try {
        return json.writeValueAsString(board.board(community, version));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    });
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache().cachePublic()).body(body);
  }

  @GetMapping(value = "/public/board.atom", produces = "application/atom+xml;charset=UTF-8")
  ResponseEntity<byte[]> boardAtom(@RequestParam(required = false) String community, WebRequest request) {
    String version = board.version(community);
    if (request.checkNotModified(etag(version, "atom"))) {
      return null;
    }
    byte[] body = renderedOnce("atom", community, version, () -> atom(board.board(community, version)));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
        .cacheControl(CacheControl.noCache().cachePublic()).body(body);
  }

  private String atom(PublicBoard.Board b) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    String self = publicBaseUrl + "/public/board?community=" + b.community();
    xml.append("  <title>").append(x(b.communityName() + " 诉求办理公示栏")).append("</title>\n")
        .append("  <id>").append(x(self)).append("</id>\n")
        .append("  <link href=\"").append(x(self)).append("\"/>\n")
        .append("  <updated>").append(b.generatedAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("</updated>\n");
    List<CaseQueries.PublicCase> all = new ArrayList<>(b.underWay());
    all.addAll(b.resolved());
    for (CaseQueries.PublicCase c : all) {
      String link = publicBaseUrl + "/public/cases/" + c.caseNo();
      xml.append("  <entry>\n")
          .append("    <title>").append(x(c.caseNo() + " " + c.title() + "（" + c.statusName() + "）")).append("</title>\n")
          .append("    <id>").append(x(link)).append("</id>\n")
          .append("    <link href=\"").append(x(link)).append("\"/>\n")
          .append("    <updated>").append((c.updatedAt() == null ? b.generatedAt() : c.updatedAt()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("</updated>\n")
          .append("    <summary>").append(x(c.disposalName() == null ? c.statusName() : c.disposalName() + "，" + c.statusName()
              + (c.responsibleUnitName() == null ? "" : "，责任单位：" + c.responsibleUnitName())
              + (c.result() == null ? "" : "。结果：" + c.result()))).append("</summary>\n")
          .append("  </entry>\n");
    }
    return xml.append("</feed>\n").toString();
  }

  private static String etag(String version, String kind) {
    return "\"" + kind + "-" + version + "\"";
  }

  private static String x(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
  }
}
