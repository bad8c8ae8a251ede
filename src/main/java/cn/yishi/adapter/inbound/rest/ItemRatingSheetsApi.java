package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.deliberation.ItemEvaluations;
import cn.yishi.application.port.ItemEvaluationStore;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The printable rating sheets of a 民事民评 round (评价单, A4, one per rater): the rater (a party of the session or a
 * household), the item, its unit, what was reported done, the 1–5 scale, the window, and the QR code of the rater's
 * phone page. A token is a rater's one rating, so only the community's 居务监督委员会 and 两委, the dispatch centre and
 * admins may print them (Tasklist's tab 评价单 on 发放评价单).
 */
@RestController
class ItemRatingSheetsApi {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);

  /** One sheet as the page prints it. */
  public record Sheet(String rater, String kind, String link, String qrSvg) {}

  private final ItemEvaluations evaluations;
  private final Caller caller;
  private final ITemplateEngine templates;
  private final Directory directory;
  private final Clock clock;
  private final String publicBaseUrl;

  ItemRatingSheetsApi(ItemEvaluations evaluations, Caller caller, ITemplateEngine templates, Directory directory, Clock clock,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.evaluations = evaluations;
    this.caller = caller;
    this.templates = templates;
    this.directory = directory;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  @GetMapping(value = "/api/item-evaluations/{evaluationId}/sheets", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> sheets(@PathVariable String evaluationId) {
    caller.userId();
    ItemEvaluationStore.Evaluation e;
    try {
      e = evaluations.evaluation(Long.parseLong(evaluationId)).orElse(null);
    } catch (NumberFormatException ex) {
      e = null;
    }
    if (e == null) {
      return message(HttpStatus.NOT_FOUND, "评价不存在");
    }
    List<String> allowed = List.of(GroupIds.supervisoryCommittee(e.community()), GroupIds.community(e.community()),
        GroupIds.DISPATCH_CENTRE, GroupIds.ADMIN);
    if (caller.groups().stream().noneMatch(allowed::contains)) {
      return message(HttpStatus.FORBIDDEN, "只有本社区居务监督委员会、社区两委和调度中心可以打印评价单");
    }
    ItemEvaluationStore.ItemFacts item = evaluations.item(e.itemId());
    List<Sheet> sheets = evaluations.tokens(e.id()).stream().map(t -> {
      String link = publicBaseUrl + "/public/item-ratings/" + t.token();
      return new Sheet(evaluations.raterLabel(t), "PARTICIPANT".equals(t.raterKind()) ? "议事参与方" : "住户", link,
          QrSvg.of(link));
    }).toList();
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("item", item);
    ctx.setVariable("unitName", evaluations.unitName(item.unit()));
    ctx.setVariable("communityName", directory.community(e.community()).map(Directory.Community::name).orElse(e.community()));
    ctx.setVariable("closesAt", e.closesAt().atZoneSameInstant(clock.getZone()).format(DATE_TIME));
    ctx.setVariable("sheets", sheets);
    return page(HttpStatus.OK, "staff/item-rating-sheets", ctx);
  }

  private ResponseEntity<byte[]> message(HttpStatus status, String text) {
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("title", "无法打印评价单");
    ctx.setVariable("message", text);
    return page(status, "public/message", ctx);
  }

  private ResponseEntity<byte[]> page(HttpStatus status, String template, Context ctx) {
    return ResponseEntity.status(status).contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
        .body(templates.process(template, ctx).getBytes(StandardCharsets.UTF_8));
  }
}
