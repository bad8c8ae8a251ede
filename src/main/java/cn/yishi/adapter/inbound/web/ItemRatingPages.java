package cn.yishi.adapter.inbound.web;

import cn.yishi.application.deliberation.ItemRatings;
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
 * 民事民评 on a rater's phone, by the token of a printed sheet or a mailed link (no login): the resolution item, its
 * unit, what the unit reported done; a rating 1–5 and an optional comment, a confirmation step, the receipt. A bad
 * rating or comment keeps the input on the page and leaves the token unused; a used, closed or unknown token gets a
 * page of its own.
 */
@Controller
class ItemRatingPages {
  /** A rating as the page offers it. */
  public record Rating(int value, String label) {}

  static final List<Rating> RATINGS = List.of(new Rating(5, "非常满意"), new Rating(4, "满意"), new Rating(3, "基本满意"),
      new Rating(2, "不满意"), new Rating(1, "非常不满意"));
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);

  private final ItemRatings ratings;
  private final ITemplateEngine templates;
  private final Clock clock;

  ItemRatingPages(ItemRatings ratings, ITemplateEngine templates, Clock clock) {
    this.ratings = ratings;
    this.templates = templates;
    this.clock = clock;
  }

  @GetMapping(value = "/public/item-ratings/{token}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> page(@PathVariable String token) {
    try {
      return form(HttpStatus.OK, token, ratings.view(token), null, null, null);
    } catch (ValidationException e) {
      return refused(e);
    }
  }

  /** Without {@code confirmed} the confirmation step; with it, the rating is stored and the receipt shown. */
  @PostMapping(value = "/public/item-ratings/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<byte[]> rate(@PathVariable String token, @RequestParam(required = false) String rating,
      @RequestParam(required = false) String comment, @RequestParam(required = false) String confirmed) {
    ItemRatings.View view;
    try {
      view = ratings.view(token);
    } catch (ValidationException e) {
      return refused(e);
    }
    if (!"OPEN".equals(view.state())) {
      return refused(new ValidationException(List.of("USED".equals(view.state())
          ? new FieldError("token", "used", "该评价链接已使用，每个链接只能评价一次")
          : new FieldError("token", "expired", "评价已截止，不能再评价"))));
    }
    int value;
    try {
      value = cn.yishi.domain.deliberation.ItemEvaluationRules.check(rating, comment).rating();
    } catch (ValidationException e) {
      return form(HttpStatus.BAD_REQUEST, token, view, e.errors().stream().map(FieldError::message).toList(), rating, comment);
    }
    if (!"yes".equals(confirmed)) {
      Context ctx = context(token, view);
      ctx.setVariable("rating", RATINGS.stream().filter(r -> r.value() == value).findFirst().orElseThrow());
      ctx.setVariable("comment", comment == null ? "" : comment.strip());
      return render(HttpStatus.OK, "public/item-rating-confirm", ctx);
    }
    try {
      ItemRatings.Receipt receipt = ratings.rate(token, rating, comment);
      Context ctx = context(token, view);
      ctx.setVariable("receipt", receipt);
      ctx.setVariable("rating", RATINGS.stream().filter(r -> r.value() == receipt.rating()).findFirst().orElseThrow());
      ctx.setVariable("ratedAt", when(receipt.ratedAt()));
      return render(HttpStatus.OK, "public/item-rating-receipt", ctx);
    } catch (ValidationException e) {
      return refused(e);
    }
  }

  private ResponseEntity<byte[]> form(HttpStatus status, String token, ItemRatings.View view, List<String> errors,
      String rating, String comment) {
    Context ctx = context(token, view);
    ctx.setVariable("ratings", RATINGS);
    ctx.setVariable("errors", errors);
    ctx.setVariable("chosen", rating == null ? "" : rating.strip());
    ctx.setVariable("comment", comment == null ? "" : comment);
    return render(status, "public/item-rating", ctx);
  }

  private Context context(String token, ItemRatings.View view) {
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
      case "used" -> "已经评价过了";
      case "expired" -> "评价已截止";
      default -> "评价链接无效";
    };
    return HtmlPages.message(templates, status, title, f.message());
  }

  private ResponseEntity<byte[]> render(HttpStatus status, String template, Context ctx) {
    return ResponseEntity.status(status).contentType(HtmlPages.HTML)
        .body(templates.process(template, ctx).getBytes(StandardCharsets.UTF_8));
  }
}
