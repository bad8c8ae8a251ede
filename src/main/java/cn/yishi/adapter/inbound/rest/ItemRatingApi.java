package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.deliberation.ItemRatings;
import cn.yishi.domain.casefile.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 民事民评 for JSON clients, at the address of the phone page (ItemRatingPages): the item and the token's state;
 * {@code {rating, comment}} once. The body is read as it came ({@code 2.5} stays 2.5, {@code "x"} a string), so that
 * anything but an integer 1–5 is refused with its field and the token stays usable.
 */
@RestController
class ItemRatingApi {
  private final ItemRatings ratings;
  private final ErrorReplies replies;

  ItemRatingApi(ItemRatings ratings, ErrorReplies replies) {
    this.ratings = ratings;
    this.replies = replies;
  }

  @GetMapping(value = "/public/item-ratings/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
  ItemRatings.View view(@PathVariable String token) {
    return ratings.view(token);
  }

  @PostMapping(value = "/public/item-ratings/{token}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> rate(@PathVariable String token, @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body == null ? Map.of() : body;
    Object comment = b.get("comment");
    if (comment != null && !(comment instanceof String)) {
      throw new ValidationException(List.of(new cn.yishi.domain.casefile.FieldError("comment", "invalid", "评价意见应为文字")));
    }
    ItemRatings.Receipt r = ratings.rate(token, b.get("rating"), (String) comment);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("message", "评价已提交，感谢您的参与！");
    out.put("rating", r.rating());
    out.put("ratedAt", r.ratedAt().toString());
    out.put("receiptNo", r.receiptNo());
    return out;
  }

  /** Unknown token 404; used 409; closed 410; a bad rating or comment 400 with its field. */
  @ExceptionHandler(ValidationException.class)
  ResponseEntity<byte[]> refused(ValidationException e, jakarta.servlet.http.HttpServletRequest request) {
    HttpStatus status = e.errors().stream().filter(f -> "token".equals(f.field())).findFirst()
        .map(f -> switch (f.code()) {
          case "unknown" -> HttpStatus.NOT_FOUND;
          case "used" -> HttpStatus.CONFLICT;
          case "expired" -> HttpStatus.GONE;
          default -> HttpStatus.BAD_REQUEST;
        })
        .orElse(HttpStatus.BAD_REQUEST);
    return replies.reply(request, status, e.errors());
  }
}
