package cn.yishi.adapter.inbound.web;

import cn.yishi.application.ResidentVoteService;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The ballot page of a household (一户一票) on its phone, by the token of its printed sheet or link (no login): the
 * matter, the electorate, the options, the deadline and the rule; the choice, a confirmation step, then the receipt. A
 * used token shows that the household has voted, an expired one that the vote has closed (and the count once it is
 * counted); an unknown one is 404. JSON clients get the same address from DeliberationApi.
 */
@Controller
class VotePages {
  /** An option as the page offers it. */
  public record Option(String value, String label) {}

  static final List<Option> OPTIONS = List.of(new Option("YES", "同意"), new Option("NO", "不同意"), new Option("ABSTAIN", "弃权"));
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);

  private final ResidentVoteService votes;
  private final ITemplateEngine templates;
  private final Clock clock;

  VotePages(ResidentVoteService votes, ITemplateEngine templates, Clock clock) {
    this.votes = votes;
    this.templates = templates;
    this.clock = clock;
  }

  /**
   * 公开计票 of a community's votes is a section of its 协商议事公示 page; a browser asking for the count is sent there
   * (the JSON of the count stays at this address for an API client).
   */
  @GetMapping(value = "/public/votes", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<Void> countsPage(@RequestParam(required = false) String community) {
    String c = community == null || community.isBlank() ? null : community.strip();
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(org.springframework.web.util.UriComponentsBuilder
        .fromPath("/public/meetings").queryParamIfPresent("community", java.util.Optional.ofNullable(c)).build()
        .encode().toUri()).build();
  }

  @GetMapping(value = "/public/votes/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> ballot(@PathVariable String token) {
    try {
      return form(HttpStatus.OK, token, votes.publicView(token), null);
    } catch (ValidationException e) {
      return refused(e);
    }
  }

  /**
   * The choice: without {@code confirmed} it shows the confirmation step; with it, the ballot is cast and the receipt
   * shown. Nothing is stored before the household confirms.
   */
  @PostMapping(value = "/public/votes/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> choose(@PathVariable String token, @RequestParam(required = false) String choice,
      @RequestParam(required = false) String confirmed) {
    ResidentVoteService.PublicVote view;
    try {
      view = votes.publicView(token);
    } catch (ValidationException e) {
      return refused(e);
    }
    Option option = OPTIONS.stream().filter(o -> o.value().equals(choice)).findFirst().orElse(null);
    if (!"OPEN".equals(view.state())) {
      return refused(new ValidationException(List.of("USED".equals(view.state())
          ? new FieldError("token", "used", "本户已投票，每户只能投一票（网上和纸质选票合计一票）")
          : new FieldError("token", "expired", "表决已截止，不能再投票"))));
    }
    if (option == null) {
      return form(HttpStatus.BAD_REQUEST, token, view, "请选择同意、不同意或弃权");
    }
    if (!"yes".equals(confirmed)) {
      Context ctx = context(token, view);
      ctx.setVariable("option", option);
      return page(HttpStatus.OK, "public/vote-confirm", ctx);
    }
    try {
      ResidentVoteService.Receipt receipt = votes.castOnline(token, option.value());
      Context ctx = context(token, view);
      ctx.setVariable("receipt", receipt);
      ctx.setVariable("castAt", when(receipt.castAt()));
      return page(HttpStatus.OK, "public/vote-receipt", ctx);
    } catch (ValidationException e) {
      return refused(e);
    }
  }

  private ResponseEntity<byte[]> form(HttpStatus status, String token, ResidentVoteService.PublicVote view, String error) {
    Context ctx = context(token, view);
    ctx.setVariable("options", OPTIONS);
    ctx.setVariable("error", error);
    return page(status, "public/vote", ctx);
  }

  private Context context(String token, ResidentVoteService.PublicVote view) {
    Context ctx = new Context(Locale.SIMPLIFIED_CHINESE);
    ctx.setVariable("token", token.strip());
    ctx.setVariable("view", view);
    ctx.setVariable("closesAt", when(view.closesAt()));
    return ctx;
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
      case "used" -> "本户已投票";
      case "expired" -> "表决已截止";
      default -> "选票无效";
    };
    return HtmlPages.message(templates, status, title, f.message());
  }

  private ResponseEntity<byte[]> page(HttpStatus status, String template, Context ctx) {
    return ResponseEntity.status(status).contentType(HtmlPages.HTML)
        .body(templates.process(template, ctx).getBytes(StandardCharsets.UTF_8));
  }
}
