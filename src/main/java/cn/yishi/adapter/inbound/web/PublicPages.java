package cn.yishi.adapter.inbound.web;

import cn.yishi.application.CaseQueries;
import cn.yishi.application.Catalogue;
import cn.yishi.application.EvaluationService;
import cn.yishi.application.IntakeResult;
import cn.yishi.application.IntakeService;
import cn.yishi.application.PublicBoard;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.HtmlUtils;

/**
 * The residents' pages (no login, no personal data shown): the QR-code report page (扫码留言), the
 * public board with its JSON and Atom feed, and the evaluation page of an e-mailed link.
 */
@Controller
class PublicPages {
  static final String ACTOR = "public-report";
  private static final MediaType HTML = HtmlPages.HTML;
  /** The 1–5 rating as the page offers it. */
  public record Rating(int value, String label) {}

  private static final List<Rating> RATINGS = List.of(new Rating(5, "非常满意"), new Rating(4, "满意"),
      new Rating(3, "基本满意"), new Rating(2, "不满意"), new Rating(1, "非常不满意"));

  private final IntakeService intake;
  private final PublicBoard board;
  private final EvaluationService evaluations;
  private final Catalogue catalogue;
  private final Directory directory;
  private final ReportThrottle throttle;
  private final ITemplateEngine templates;
  private final ObjectMapper json;
  private final String publicBaseUrl;

  PublicPages(IntakeService intake, PublicBoard board, EvaluationService evaluations, Catalogue catalogue,
      Directory directory, ReportThrottle throttle, ITemplateEngine templates, ObjectMapper json,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.intake = intake;
    this.board = board;
    this.evaluations = evaluations;
    this.catalogue = catalogue;
    this.directory = directory;
    this.throttle = throttle;
    this.templates = templates;
    this.json = json;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  /** What the report form sends back, re-shown after a refusal. */
  public record ReportForm(String community, String category, String title, String description, String compound,
      String name, String phone, String email, Boolean consent) {}

  // --- 扫码留言 -----------------------------------------------------------------------------

  @GetMapping(value = "/public/report", produces = MediaType.TEXT_HTML_VALUE)
  String reportPage(@RequestParam(required = false) String community, Model model, HttpServletResponse response) {
    Directory.Community c = directory.community(community == null ? "" : community).orElse(null);
    if (c == null) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return message(model, "找不到该社区", "请扫描社区张贴的二维码进入留言页面。");
    }
    return reportForm(model, c, new ReportForm(c.code(), null, null, null, null, null, null, null, Boolean.FALSE), List.of());
  }

  @PostMapping(value = "/public/report", produces = MediaType.TEXT_HTML_VALUE)
  String report(ReportForm form, @RequestParam(required = false) String website, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    Directory.Community c = directory.community(form.community() == null ? "" : form.community()).orElse(null);
    if (c == null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return message(model, "找不到该社区", "请扫描社区张贴的二维码进入留言页面。");
    }
    if (website != null && !website.isEmpty()) {
      // the honeypot: a person never sees this field; answer like a refusal, store nothing
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return message(model, "提交未成功", "请刷新页面后重新填写。");
    }
    String ip = request.getRemoteAddr();
    if (!throttle.tryAcquire(ip)) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      return message(model, "提交过于频繁", "您提交得太频繁了，请稍后再试。如有紧急情况，请拨打12345热线。");
    }
    List<FieldError> errors = new ArrayList<>();
    boolean contact = notBlank(form.name()) || notBlank(form.phone()) || notBlank(form.email());
    if (contact && !Boolean.TRUE.equals(form.consent())) {
      errors.add(new FieldError("consent", "required", "留下联系方式时，请勾选同意使用个人信息的说明"));
    }
    NewCase report = new NewCase(Channel.QR_CODE, null, form.category(), form.title(), form.description(), c.code(),
        form.compound(), null, new Reporter(form.name(), form.phone(), form.email(), null), List.of());
    if (errors.isEmpty()) {
      try {
        IntakeResult result = intake.submit(report, ACTOR);
        model.addAttribute("caseNo", result.caseNo());
        model.addAttribute("merged", result.kind() == IntakeResult.Kind.MERGED);
        model.addAttribute("publicUrl", publicBaseUrl + "/public/cases/" + result.caseNo());
        model.addAttribute("community", c.code());
        return "public/report-done";
      } catch (ValidationException e) {
        errors.addAll(e.errors());
      }
    }
    throttle.release(ip);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return reportForm(model, c, form, errors);
  }

  private String reportForm(Model model, Directory.Community c, ReportForm form, List<FieldError> errors) {
    model.addAttribute("community", c.code());
    model.addAttribute("communityName", c.name());
    model.addAttribute("categories", catalogue.categories());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "public/report";
  }

  // --- 公示栏 -------------------------------------------------------------------------------

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

  @GetMapping(value = "/public/board.json", produces = MediaType.APPLICATION_JSON_VALUE)
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

  // --- 评价 ---------------------------------------------------------------------------------

  @GetMapping(value = "/public/evaluations/{token}", produces = MediaType.TEXT_HTML_VALUE)
  String evaluationPage(@PathVariable String token, Model model, HttpServletResponse response) {
    try {
      return evaluationForm(model, token, evaluations.view(token), null);
    } catch (EvaluationService.LinkRefused e) {
      return refused(e, model, response);
    }
  }

  @PostMapping(value = "/public/evaluations/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  String evaluate(@PathVariable String token, @RequestParam(required = false) String satisfaction,
      @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
    try {
      Integer rating = parseRating(satisfaction);
      evaluations.submit(token, rating, comment);
      return message(model, "感谢您的评价", rating >= 3
          ? "您的评价已记录，该事项将销号。感谢您对社区工作的支持！"
          : "您的意见已记录，该事项已退回整改，整改后将再次请您评价。");
    } catch (EvaluationService.LinkRefused e) {
      return refused(e, model, response);
    } catch (ValidationException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return evaluationForm(model, token, evaluations.view(token), e.errors().get(0).message());
    }
  }

  private static Integer parseRating(String satisfaction) {
    try {
      return satisfaction == null ? null : Integer.valueOf(satisfaction.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(List.of(new FieldError("satisfaction", "invalid", "请选择满意度（1到5分）")));
    }
  }

  private String evaluationForm(Model model, String token, EvaluationService.LinkView view, String error) {
    model.addAttribute("token", token);
    model.addAttribute("view", view);
    model.addAttribute("ratings", RATINGS);
    model.addAttribute("error", error);
    return "public/evaluation";
  }

  private String refused(EvaluationService.LinkRefused e, Model model, HttpServletResponse response) {
    response.setStatus(e.reason() == EvaluationService.LinkRefused.Reason.UNKNOWN ? 404 : 410);
    return message(model, "评价链接不可用", e.getMessage());
  }

  private static String message(Model model, String title, String message) {
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    return "public/message";
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String x(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
  }
}
