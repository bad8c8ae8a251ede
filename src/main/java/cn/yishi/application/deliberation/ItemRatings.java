package cn.yishi.application.deliberation;

import cn.yishi.application.Cases;
import cn.yishi.application.port.ItemEvaluationStore;
import cn.yishi.application.port.ItemEvaluationStore.ItemFacts;
import cn.yishi.application.port.ItemEvaluationStore.Token;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.ItemEvaluationRules;
import cn.yishi.domain.directory.Directory;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rater's side of 民事民评: the item as the token's page shows it (the item, its unit, what was reported done, no
 * personal data) and one rating per token. The rating is checked before the token is touched, so {@code 2.5}, {@code
 * 0}, {@code 6} or {@code "x"} leave the link usable; one conditional update per token stores exactly one rating, also
 * when two submissions race.
 */
@Service
public class ItemRatings {
  private final ItemEvaluationStore store;
  private final Cases cases;
  private final Directory directory;

  public ItemRatings(ItemEvaluationStore store, Cases cases, Directory directory) {
    this.store = store;
    this.cases = cases;
    this.directory = directory;
  }

  /** The page of a token: state OPEN, USED (this token rated), EXPIRED (the window has closed). */
  public record View(String measure, String unitName, String topic, String caseNo, String reported, String communityName,
      String raterKind, OffsetDateTime closesAt, String state) {}

  /** The receipt: a number derived from the token, the rating, the comment and when. */
  public record Receipt(int rating, String comment, OffsetDateTime ratedAt, String receiptNo) {}

  @Transactional(readOnly = true)
  public View view(String token) {
    Token t = find(token);
    ItemFacts i = store.item(t.evaluation().itemId()).orElseThrow();
    String state = t.used() ? "USED" : open(t) ? "OPEN" : "EXPIRED";
    return new View(i.measure(), directory.unit(i.unit()).map(Directory.Unit::name).orElse(i.unit()), i.title(),
        i.caseNo(), i.note(), directory.community(i.community()).map(Directory.Community::name).orElse(i.community()),
        t.raterKind(), t.evaluation().closesAt(), state);
  }

  /**
   * Rates once: the rating (an integer 1–5) and the comment (≤ 300) are checked first, then the token: unknown
   * {@code token unknown}, used {@code token used}, closed {@code token expired}.
   */
  @Transactional
  public Receipt rate(String token, Object rating, String comment) {
    ItemEvaluationRules.Checked c = ItemEvaluationRules.check(rating, comment);
    Token t = find(token);
    refuseUnusable(t);
    OffsetDateTime now = cases.now();
    if (!store.rate(t.token(), c.rating(), c.comment(), now)) {
      refuseUnusable(store.token(t.token()).orElseThrow());
      throw refused("used", "该评价链接已使用，每个链接只能评价一次");
    }
    return new Receipt(c.rating(), c.comment(), now, receiptNo(t.token()));
  }

  /** A short number the rater can quote; derived from the token, it names nobody. */
  public static String receiptNo(String token) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return HexFormat.of().withUpperCase().formatHex(h, 0, 5);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void refuseUnusable(Token t) {
    if (t.used()) {
      throw refused("used", "该评价链接已使用，每个链接只能评价一次");
    }
    if (!open(t)) {
      throw refused("expired", "评价已截止，不能再评价");
    }
  }

  private boolean open(Token t) {
    return "OPEN".equals(t.evaluation().status()) && t.evaluation().closesAt().isAfter(cases.now());
  }

  private Token find(String token) {
    String k = token == null ? "" : token.strip();
    if (k.isEmpty() || k.length() > 64) {
      throw refused("unknown", "评价链接不存在，请核对链接或评价单上的二维码");
    }
    return store.token(k).orElseThrow(() -> refused("unknown", "评价链接不存在，请核对链接或评价单上的二维码"));
  }

  private static ValidationException refused(String code, String message) {
    return new ValidationException(List.of(new FieldError("token", code, message)));
  }
}
