package cn.yishi.adapter.inbound.web;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.points.PointsBoard;
import cn.yishi.application.points.PointsRefused;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The public points table of a community (红色积分表): {@code /public/points?community=<code>}, a Chinese page for a
 * phone to a browser and JSON to {@code Accept: application/json} or {@code /public/points.json}. Names only with
 * the resident's consent, otherwise the pseudonym; no other personal data. A missing community is 400, an unknown one
 * 404, as a Chinese page or the JSON error.
 */
@Controller
class PointsPages {
  private final PointsBoard board;
  private final ITemplateEngine templates;
  private final ErrorReplies replies;
  private final ObjectMapper json;

  PointsPages(PointsBoard board, ITemplateEngine templates, ErrorReplies replies, ObjectMapper json) {
    this.board = board;
    this.templates = templates;
    this.replies = replies;
    this.json = json;
  }

  /** The page; which of page and JSON a client gets is decided once for /public by {@code PublicNegotiation}. */
  @GetMapping(value = "/public/points", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> table(@RequestParam(required = false) String community, HttpServletRequest request)
      throws JsonProcessingException {
    return answer(community, request, false);
  }

  @GetMapping(value = {"/public/points", "/public/points.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> tableJson(@RequestParam(required = false) String community, HttpServletRequest request)
      throws JsonProcessingException {
    return answer(community, request, true);
  }

  private ResponseEntity<byte[]> answer(String community, HttpServletRequest request, boolean asJson)
      throws JsonProcessingException {
    if (community == null || community.isBlank()) {
      return refusal(request, asJson, HttpStatus.BAD_REQUEST, "required", "请在链接中指定社区（村）", "链接缺少社区（村）");
    }
    PointsBoard.Table t;
    try {
      t = board.table(community.strip());
    } catch (PointsRefused e) {
      return refusal(request, asJson, HttpStatus.NOT_FOUND, "not_found", e.getMessage(), "找不到该社区（村）的积分表");
    }
    if (asJson) {
      return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
          .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(json.writeValueAsBytes(t));
    }
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("t", t);
    return ResponseEntity.ok().contentType(HtmlPages.HTML).cacheControl(CacheControl.noCache())
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .body(templates.process("public/points", ctx).getBytes(StandardCharsets.UTF_8));
  }

  private ResponseEntity<byte[]> refusal(HttpServletRequest request, boolean asJson, HttpStatus status, String code,
      String message, String title) {
    if (asJson || ErrorReplies.form(request.getHeader(HttpHeaders.ACCEPT), true) != ErrorReplies.Form.HTML) {
      // JSON, plain text or 406, as the client accepts
      return replies.reply(request, status, "community", code, message);
    }
    return HtmlPages.message(templates, status, title, message);
  }
}
