package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.MicroGrids;
import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.microgrid.EvaluationSheets;
import cn.yishi.application.microgrid.TwoWayEvaluations;
import cn.yishi.domain.casefile.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * 双向评价 for staff, from Tasklist: 院坝管理 starts a round for a 院坝 or a community ({@code POST
 * /api/yuanba-evaluations}); the task tab 评价表 opens the printable sheets (A4, one per household, with the QR code of
 * its phone page: paper and phone share one token), never public.
 */
@RestController
class YuanbaEvaluationApi {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);

  private final TwoWayEvaluations evaluations;
  private final EvaluationSheets sheets;
  private final Caller caller;
  private final ErrorReplies replies;
  private final ITemplateEngine templates;
  private final Clock clock;
  private final String publicBaseUrl;

  YuanbaEvaluationApi(TwoWayEvaluations evaluations, EvaluationSheets sheets, Caller caller, ErrorReplies replies,
      ITemplateEngine templates, Clock clock, @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.evaluations = evaluations;
    this.sheets = sheets;
    this.caller = caller;
    this.replies = replies;
    this.templates = templates;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  record Start(String yuanba, String community, String electorate, List<String> cadres) {}

  record Sheet(String household, String token, String link, String qrSvg) {}

  @PostMapping(value = "/api/yuanba-evaluations", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<TwoWayEvaluations.Opened>> start(@RequestBody(required = false) Start body) {
    MicroGrids.Maintainer who = who();
    Start b = body == null ? new Start(null, null, null, null) : body;
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(evaluations.start(b.yuanba(), b.community(), b.electorate(), b.cadres(), who));
  }

  @GetMapping(value = "/api/yuanba-evaluations/{roundId}/sheets", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> printable(@PathVariable String roundId) {
    MicroGrids.Maintainer who = who();
    EvaluationSheets.Printable p;
    try {
      p = sheets.printable(Long.parseLong(roundId), who);
    } catch (NumberFormatException | ValidationException e) {
      return message(HttpStatus.NOT_FOUND, "评价轮次不存在");
    } catch (MicroGrids.Refused e) {
      return message(HttpStatus.FORBIDDEN, e.getMessage());
    }
    List<Sheet> list = p.tokens().stream().map(t -> {
      String link = publicBaseUrl + "/public/yuanba-evaluations/" + t.token();
      return new Sheet(t.household(), t.token(), link, QrSvg.of(link));
    }).toList();
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("round", p);
    ctx.setVariable("closesAt", p.closesAt().atZoneSameInstant(clock.getZone()).format(DATE_TIME));
    ctx.setVariable("sheets", list);
    return page(HttpStatus.OK, "staff/evaluation-sheets", ctx);
  }

  @ExceptionHandler(MicroGrids.Refused.class)
  ResponseEntity<byte[]> refused(MicroGrids.Refused e, HttpServletRequest request) {
    return switch (e.reason()) {
      case NOT_FOUND -> replies.reply(request, HttpStatus.NOT_FOUND, "yuanba", "not_found", e.getMessage());
      case FORBIDDEN -> replies.reply(request, HttpStatus.FORBIDDEN, "user", "forbidden", e.getMessage());
    };
  }

  private MicroGrids.Maintainer who() {
    String user = caller.userId();
    if (!caller.isStaff()) {
      throw new ApiErrors.Forbidden("接入渠道账号不能发起双向评价");
    }
    return new MicroGrids.Maintainer(user, caller.groups(), caller.isAdmin());
  }

  private ResponseEntity<byte[]> message(HttpStatus status, String text) {
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("title", "无法打印评价表");
    ctx.setVariable("message", text);
    return page(status, "public/message", ctx);
  }

  private ResponseEntity<byte[]> page(HttpStatus status, String template, Context ctx) {
    return ResponseEntity.status(status).contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
        .body(templates.process(template, ctx).getBytes(StandardCharsets.UTF_8));
  }
}
