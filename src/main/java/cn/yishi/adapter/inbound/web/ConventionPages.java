package cn.yishi.adapter.inbound.web;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.convention.Conventions;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.convention.ConventionRules;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Conventions (公约) for residents, no login: the register of a community (conventions in force per community and
 * compound, their versions and effective dates), and a draft under publicity with its comment form (a length limit,
 * a honeypot, a throttle per address; the signature is optional). HTML to a browser, JSON to a JSON client
 * ({@code Accept: application/json} or the {@code .json} suffix); refusals as a Chinese page or the project's JSON
 * error, and nothing is stored on a refusal.
 */
@Controller
class ConventionPages {
  private final Conventions conventions;
  private final ITemplateEngine templates;
  private final ErrorReplies replies;
  private final ReportThrottle throttle;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  ConventionPages(Conventions conventions, ITemplateEngine templates, ErrorReplies replies,
      com.fasterxml.jackson.databind.ObjectMapper json, Clock clock,
      @Value("${yishi.convention-comments.max-per-window:5}") int max,
      @Value("${yishi.convention-comments.window:PT10M}") Duration window) {
    this.conventions = conventions;
    this.templates = templates;
    this.replies = replies;
    this.json = json;
    this.throttle = new ReportThrottle(clock, max, window);
  }

  // the register

  @GetMapping(value = "/public/conventions", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> registerPage(@RequestParam(required = false) String community) {
    Conventions.Register register;
    try {
      register = conventions.register(community);
    } catch (ValidationException e) {
      return HtmlPages.message(templates, HttpStatus.NOT_FOUND, "找不到该社区的公约公示栏", "请检查链接中的社区编码。");
    }
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("register", register);
    return page("public/conventions", ctx, HttpStatus.OK);
  }

  @GetMapping(value = {"/public/conventions", "/public/conventions.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> registerJson(@RequestParam(required = false) String community, HttpServletRequest request) {
    try {
      return json(HttpStatus.OK, conventions.register(community));
    } catch (ValidationException e) {
      return replies.reply(request, HttpStatus.NOT_FOUND, e.errors());
    }
  }

  // a draft and its comments

  @GetMapping(value = "/public/conventions/drafts/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> draftPage(@PathVariable String token) {
    Conventions.PublicDraft draft;
    try {
      draft = conventions.draft(token);
    } catch (ValidationException e) {
      return notFound();
    }
    return draftPage(draft, null, List.of(), HttpStatus.OK);
  }

  @GetMapping(value = {"/public/conventions/drafts/{token}", "/public/conventions/drafts/{token}.json"},
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> draftJson(@PathVariable String token, HttpServletRequest request) {
    try {
      return json(HttpStatus.OK, conventions.draft(token));
    } catch (ValidationException e) {
      return replies.reply(request, HttpStatus.NOT_FOUND, e.errors());
    }
  }

  /** What the comment form sends back, shown again after a refusal. */
  record CommentForm(String content, String signature) {}

  @PostMapping(value = "/public/conventions/drafts/{token}/comments",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> commentFromPage(@PathVariable String token, @RequestParam(required = false) String content,
      @RequestParam(required = false) String signature, @RequestParam(required = false) String website,
      HttpServletRequest request) {
    Conventions.PublicDraft draft;
    try {
      draft = conventions.draft(token);
    } catch (ValidationException e) {
      return notFound();
    }
    if (website != null && !website.isEmpty()) {
      // the honeypot: a person never sees this field; answer like a refusal, store nothing
      return HtmlPages.message(templates, HttpStatus.BAD_REQUEST, "提交未成功", "请刷新页面后重新填写。");
    }
    String ip = request.getRemoteAddr();
    if (!throttle.tryAcquire(ip)) {
      return HtmlPages.message(templates, HttpStatus.TOO_MANY_REQUESTS, "提交过于频繁", "您提交得太频繁了，请稍后再试。");
    }
    try {
      conventions.comment(token, content, signature);
    } catch (ValidationException e) {
      throttle.release(ip);
      if (expired(e)) {
        return HtmlPages.message(templates, HttpStatus.GONE, "征求意见已结束", e.errors().get(0).message());
      }
      return draftPage(draft, new CommentForm(content, signature), e.errors(), HttpStatus.BAD_REQUEST);
    }
    return HtmlPages.message(templates, HttpStatus.OK, "已收到您的意见",
        "感谢您参与《" + draft.title() + "》的修订。征求意见期满后，社区将逐条研究处理，处理情况将在本草案页面公布。");
  }

  /** A JSON client's comment: {@code {"content": "...", "signature": "..."}}. */
  record CommentBody(String content, String signature) {}

  @PostMapping(value = "/public/conventions/drafts/{token}/comments", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<byte[]> commentFromClient(@PathVariable String token, @RequestBody(required = false) CommentBody body,
      HttpServletRequest request) {
    String ip = request.getRemoteAddr();
    if (!throttle.tryAcquire(ip)) {
      return replies.reply(request, HttpStatus.TOO_MANY_REQUESTS, "content", "throttled", "提交过于频繁，请稍后再试");
    }
    try {
      conventions.comment(token, body == null ? null : body.content(), body == null ? null : body.signature());
    } catch (ValidationException e) {
      throttle.release(ip);
      String code = e.errors().get(0).code();
      HttpStatus status = "token".equals(e.errors().get(0).field())
          ? ("expired".equals(code) ? HttpStatus.GONE : HttpStatus.NOT_FOUND) : HttpStatus.BAD_REQUEST;
      return replies.reply(request, status, e.errors());
    }
    return json(HttpStatus.CREATED, Map.of("message", "已收到您的意见，征求意见期满后社区将逐条研究处理并公布处理情况。"));
  }

  private static boolean expired(ValidationException e) {
    return e.errors().stream().anyMatch(f -> "token".equals(f.field()) && "expired".equals(f.code()));
  }

  private ResponseEntity<byte[]> draftPage(Conventions.PublicDraft draft, CommentForm form, List<FieldError> errors,
      HttpStatus status) {
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("draft", draft);
    ctx.setVariable("form", form == null ? new CommentForm(null, null) : form);
    ctx.setVariable("errors", errors);
    ctx.setVariable("maxComment", ConventionRules.MAX_COMMENT);
    ctx.setVariable("maxSignature", ConventionRules.MAX_SIGNATURE);
    return page("public/convention-draft", ctx, status);
  }

  private ResponseEntity<byte[]> notFound() {
    return HtmlPages.message(templates, HttpStatus.NOT_FOUND, "找不到该公约草案", "请检查链接是否完整，或到社区公约公示栏查看。");
  }

  private ResponseEntity<byte[]> page(String template, Context ctx, HttpStatus status) {
    return ResponseEntity.status(status).contentType(HtmlPages.HTML)
        .body(templates.process(template, ctx).getBytes(StandardCharsets.UTF_8));
  }

  private ResponseEntity<byte[]> json(HttpStatus status, Object body) {
    try {
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
