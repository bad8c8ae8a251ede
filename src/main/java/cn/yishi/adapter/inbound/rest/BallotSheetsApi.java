package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.ResidentVoteService;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
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
 * The printable ballot sheets of a vote (选票, A4, one per household): the household, the matter, the options, the rule,
 * the deadline, and the QR code of the household's online ballot page, so that a paper ballot and the online ballot
 * share one token. Staff only (the vote's community, its 会客室, the dispatch centre), opened from Tasklist's 选票 tab;
 * a token is a household's vote, so this page is never public.
 */
@RestController
class BallotSheetsApi {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);

  /** One sheet as the page prints it. */
  public record Sheet(String household, String area, String token, String link, String qrSvg) {}

  private final ResidentVoteService votes;
  private final Caller caller;
  private final ITemplateEngine templates;
  private final Directory directory;
  private final Clock clock;
  private final String publicBaseUrl;

  BallotSheetsApi(ResidentVoteService votes, Caller caller, ITemplateEngine templates, Directory directory, Clock clock,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.votes = votes;
    this.caller = caller;
    this.templates = templates;
    this.directory = directory;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  @GetMapping(value = "/api/votes/{voteId}/sheets", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> sheets(@PathVariable String voteId) {
    caller.userId();
    long id;
    try {
      id = Long.parseLong(voteId);
    } catch (NumberFormatException e) {
      return message(HttpStatus.NOT_FOUND, "表决不存在");
    }
    ResidentVoteService.BallotSheets s;
    try {
      s = votes.sheets(id, caller.groups());
    } catch (ResidentVoteService.BallotsForbidden e) {
      return message(HttpStatus.FORBIDDEN, e.getMessage());
    } catch (ValidationException e) {
      return message(HttpStatus.NOT_FOUND, e.errors().get(0).message());
    }
    List<Sheet> sheets = s.sheets().stream().map(b -> {
      String link = publicBaseUrl + "/public/votes/" + b.token();
      return new Sheet(b.household(), b.area() == null ? null : b.area().toPlainString(), b.token(), link, QrSvg.of(link));
    }).toList();
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("vote", s);
    ctx.setVariable("communityName", directory.community(s.community()).map(Directory.Community::name).orElse(s.community()));
    ctx.setVariable("closesAt", s.closesAt().atZoneSameInstant(clock.getZone()).format(DATE_TIME));
    ctx.setVariable("sheets", sheets);
    return page(HttpStatus.OK, "staff/ballot-sheets", ctx);
  }

  private ResponseEntity<byte[]> message(HttpStatus status, String text) {
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("title", "无法打印选票");
    ctx.setVariable("message", text);
    return page(status, "public/message", ctx);
  }

  private ResponseEntity<byte[]> page(HttpStatus status, String template, Context ctx) {
    return ResponseEntity.status(status).contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
        .body(templates.process(template, ctx).getBytes(StandardCharsets.UTF_8));
  }
}
