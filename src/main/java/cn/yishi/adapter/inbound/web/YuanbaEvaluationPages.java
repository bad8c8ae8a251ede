package cn.yishi.adapter.inbound.web;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.microgrid.EvaluationSheets;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * 双向评价 on a household's phone, by the token of its paper sheet's QR code or its link (no login): the 院坝, the
 * persons to rate (一长三员 and cadres, by role and name) with 满意/基本满意/不满意 each, a confirmation step, then the
 * receipt; used, expired and unknown tokens get their own page. {@code /public/yuanba-evaluations?community=} shows the
 * results per 院坝, without who rated whom. JSON clients get the same addresses from {@code YuanbaEvaluationJson}.
 */
@Controller
class YuanbaEvaluationPages {
  /** An answer as the page offers it. */
  public record Option(String value, String label) {}

  static final List<Option> OPTIONS = List.of(new Option("SATISFIED", "满意"),
      new Option("BASICALLY_SATISFIED", "基本满意"), new Option("DISSATISFIED", "不满意"));
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);

  private final EvaluationSheets sheets;
  private final ITemplateEngine templates;
  private final ErrorReplies replies;
  private final Clock clock;

  YuanbaEvaluationPages(EvaluationSheets sheets, ITemplateEngine templates, ErrorReplies replies, Clock clock) {
    this.sheets = sheets;
    this.templates = templates;
    this.replies = replies;
    this.clock = clock;
  }

  @GetMapping(value = "/public/yuanba-evaluations/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> sheet(@PathVariable String token) {
    try {
      return form(HttpStatus.OK, token, sheets.view(token), Map.of(), null);
    } catch (ValidationException e) {
      return refused(e);
    }
  }

  /**
   * The answers ({@code p1}, {@code p2} … by position): without {@code confirmed} the confirmation step; with it the
   * submission and the receipt. Nothing is stored before the household confirms.
   */
  @PostMapping(value = "/public/yuanba-evaluations/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> params) {
    EvaluationSheets.SheetView view;
    try {
      view = sheets.view(token);
    } catch (ValidationException e) {
      return refused(e);
    }
    if (!"OPEN".equals(view.state())) {
      return refused(new ValidationException(List.of("USED".equals(view.state())
          ? new FieldError("token", "used", "本户已参加本次评价，每户只能评价一次（手机和纸质评价表合计一次）")
          : new FieldError("token", "expired", "本次评价已截止"))));
    }
    Map<Integer, String> answers = new HashMap<>();
    for (EvaluationSheets.Person p : view.persons()) {
      String v = params.getFirst("p" + p.position());
      if (v != null) {
        answers.put(p.position(), v);
      }
    }
    List<String> missing = view.persons().stream().filter(p -> OPTIONS.stream()
        .noneMatch(o -> o.value().equals(answers.get(p.position())))).map(p -> p.title() + " " + p.name()).toList();
    if (!missing.isEmpty()) {
      return form(HttpStatus.BAD_REQUEST, token, view, answers, "请评价：" + String.join("、", missing)
          + "（每一位都要选择满意、基本满意或不满意）");
    }
    if (!"yes".equals(params.getFirst("confirmed"))) {
      Context ctx = context(token, view);
      Map<String, String> chosen = new LinkedHashMap<>();
      view.persons().forEach(p -> chosen.put(p.title() + " " + p.name(), label(answers.get(p.position()))));
      ctx.setVariable("chosen", chosen);
      ctx.setVariable("answers", answers);
      return page(HttpStatus.OK, "public/yuanba-evaluation-confirm", ctx);
    }
    try {
      EvaluationSheets.Receipt receipt = sheets.submitOnline(token, answers);
      Context ctx = context(token, view);
      ctx.setVariable("receipt", receipt);
      ctx.setVariable("at", when(receipt.at()));
      return page(HttpStatus.OK, "public/yuanba-evaluation-receipt", ctx);
    } catch (ValidationException e) {
      return refused(e);
    }
  }

  @GetMapping(value = "/public/yuanba-evaluations", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> results(@RequestParam(required = false) String community, HttpServletRequest request) {
    EvaluationSheets.CommunityResults r;
    try {
      r = sheets.results(community);
    } catch (ValidationException e) {
      FieldError f = e.errors().get(0);
      HttpStatus status = "unknown".equals(f.code()) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
      if (ErrorReplies.form(request.getHeader(HttpHeaders.ACCEPT), true) != ErrorReplies.Form.HTML) {
        return replies.reply(request, status, e.errors());
      }
      return HtmlPages.message(templates, status, "找不到评价结果", f.message());
    }
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("r", r);
    Map<String, String> closes = new HashMap<>();
    r.yuanba().forEach(y -> closes.put(y.code(), when(y.closesAt())));
    ctx.setVariable("closes", closes);
    return ResponseEntity.ok().contentType(HtmlPages.HTML).cacheControl(CacheControl.noCache())
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .body(templates.process("public/yuanba-evaluations", ctx).getBytes(StandardCharsets.UTF_8));
  }

  private ResponseEntity<byte[]> form(HttpStatus status, String token, EvaluationSheets.SheetView view,
      Map<Integer, String> answers, String error) {
    Context ctx = context(token, view);
    ctx.setVariable("options", OPTIONS);
    ctx.setVariable("answers", answers);
    ctx.setVariable("error", error);
    return page(status, "public/yuanba-evaluation", ctx);
  }

  private Context context(String token, EvaluationSheets.SheetView view) {
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("token", token.strip());
    ctx.setVariable("view", view);
    ctx.setVariable("closesAt", when(view.closesAt()));
    return ctx;
  }

  private static String label(String value) {
    return OPTIONS.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse("");
  }

  private String when(OffsetDateTime t) {
    return t.atZoneSameInstant(clock.getZone()).format(DATE_TIME);
  }

  private ResponseEntity<byte[]> refused(ValidationException e) {
    FieldError f = e.errors().get(0);
    HttpStatus status = !"token".equals(f.field()) ? HttpStatus.BAD_REQUEST : switch (f.code()) {
      case "unknown" -> HttpStatus.NOT_FOUND;
      case "used" -> HttpStatus.CONFLICT;
      case "expired" -> HttpStatus.GONE;
      default -> HttpStatus.BAD_REQUEST;
    };
    String title = switch (f.code()) {
      case "used" -> "本户已参加评价";
      case "expired" -> "评价已截止";
      case "unknown" -> "评价链接无效";
      default -> "评价未提交";
    };
    return HtmlPages.message(templates, status, title, f.message());
  }

  private ResponseEntity<byte[]> page(HttpStatus status, String template, Context ctx) {
    return ResponseEntity.status(status).contentType(HtmlPages.HTML)
        .body(templates.process(template, ctx).getBytes(StandardCharsets.UTF_8));
  }
}
