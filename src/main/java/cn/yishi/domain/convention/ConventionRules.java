package cn.yishi.domain.convention;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.ValidationException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a convention (公约) accepts at each step, before anything is stored: the draft the community staff start
 * (title, text, the comment window in working days), a resident's comment during the window, the revision with a
 * handling note for every comment, the party organisation's review (党组织审核) and the way of adoption. Plain Java;
 * each check throws a {@link ValidationException} with Chinese messages and returns the text stripped.
 */
public final class ConventionRules {
  public static final int MAX_TITLE = 100;
  public static final int MAX_TEXT = 20_000;
  public static final int MIN_COMMENT_DAYS = 1;
  public static final int MAX_COMMENT_DAYS = 30;
  /** The longest comment a resident may leave on a draft. */
  public static final int MAX_COMMENT = 500;
  public static final int MAX_SIGNATURE = 20;
  public static final int MAX_HANDLING = 500;
  public static final int MAX_REASON = 1000;

  private ConventionRules() {}

  /** A draft as the start form gives it. */
  public record Draft(String title, String text, int commentDays) {}

  /** Title 1–100, text 1–20000 characters, the window 1–30 working days; every refusal at once. */
  public static Draft draft(String title, String text, Integer commentDays) {
    List<FieldError> errors = new ArrayList<>();
    String t = text(errors, "title", title, MAX_TITLE, "请填写公约名称（不超过" + MAX_TITLE + "字）");
    String b = text(errors, "conventionText", text, MAX_TEXT, "请填写公约草案正文（不超过" + MAX_TEXT + "字）");
    if (commentDays == null || commentDays < MIN_COMMENT_DAYS || commentDays > MAX_COMMENT_DAYS) {
      errors.add(new FieldError("commentDays", "out_of_range",
          "征求意见期为" + MIN_COMMENT_DAYS + "到" + MAX_COMMENT_DAYS + "个工作日"));
    }
    throwIfAny(errors);
    return new Draft(t, b, commentDays);
  }

  /** A resident's comment: 1–500 characters, an optional signature up to 20, only while the window is open. */
  public record Comment(String content, String signature) {}

  public static Comment comment(ConventionStatus status, OffsetDateTime closesAt, OffsetDateTime now, String content,
      String signature) {
    if (status != ConventionStatus.PUBLICITY || !now.isBefore(closesAt)) {
      throw refused("token", "expired", "征求意见期已结束，不再受理意见");
    }
    List<FieldError> errors = new ArrayList<>();
    String c = text(errors, "content", content, MAX_COMMENT, "请填写意见，不超过" + MAX_COMMENT + "字");
    String s = null;
    if (signature != null && !signature.isBlank()) {
      if (!Text.storable(signature)) {
        errors.add(Text.unstorable("signature"));
      } else if (signature.strip().length() > MAX_SIGNATURE) {
        errors.add(new FieldError("signature", "too_long", "署名不超过" + MAX_SIGNATURE + "字（可不填）"));
      } else {
        s = signature.strip();
      }
    }
    throwIfAny(errors);
    return new Comment(c, s);
  }

  /**
   * The revision: the revised text, and for every comment received ({@code commentIds}) a note of how it was
   * handled (采纳、部分采纳或不采纳及理由). Notes for comments that do not exist are refused.
   */
  public static String revision(String text, List<Long> commentIds, Map<Long, String> handling) {
    List<FieldError> errors = new ArrayList<>();
    String b = text(errors, "conventionText", text, MAX_TEXT, "请填写修订后的公约正文（不超过" + MAX_TEXT + "字）");
    for (Long id : handling.keySet()) {
      if (!commentIds.contains(id)) {
        errors.add(new FieldError("conventionComments", "unknown", "意见编号 " + id + " 不属于本草案"));
      }
    }
    int n = 1;
    for (Long id : commentIds) {
      String h = handling.get(id);
      if (h != null && !Text.storable(h)) {
        errors.add(Text.unstorable("conventionComments[" + (n - 1) + "].handling"));
      } else if (h == null || h.isBlank() || h.strip().length() > MAX_HANDLING) {
        errors.add(new FieldError("conventionComments[" + (n - 1) + "].handling", "required",
            "第" + n + "条意见：请填写处理情况（采纳、部分采纳或不采纳及理由，不超过" + MAX_HANDLING + "字）"));
      }
      n++;
    }
    throwIfAny(errors);
    return b;
  }

  /** The party organisation's review: approved with the way of adoption, or returned with a reason. */
  public record Review(boolean approved, String reason, AdoptionMode adoption) {}

  /** APPROVE with an adoption mode (BALLOT only for a compound's convention), or RETURN with a reason. */
  public static Review review(String decision, String reason, String adoption, boolean compoundScope) {
    List<FieldError> errors = new ArrayList<>();
    boolean approve = "APPROVE".equals(decision);
    if (!approve && !"RETURN".equals(decision)) {
      errors.add(new FieldError("reviewDecision", "required", "请选择审核通过或退回修订"));
    }
    String r = reason == null ? "" : reason.strip();
    if (!Text.storable(r)) {
      errors.add(Text.unstorable("reviewReason"));
    } else if (r.length() > MAX_REASON || ("RETURN".equals(decision) && r.isEmpty())) {
      errors.add(new FieldError("reviewReason", "required", "退回修订时请写明理由（不超过" + MAX_REASON + "字）"));
    }
    AdoptionMode mode = null;
    if (approve) {
      mode = adoption == null ? null : switch (adoption) {
        case "ASSEMBLY" -> AdoptionMode.ASSEMBLY;
        case "BALLOT" -> AdoptionMode.BALLOT;
        default -> null;
      };
      if (mode == null) {
        errors.add(new FieldError("adoptionMode", "required", "请选择表决方式"));
      } else if (mode == AdoptionMode.BALLOT && !compoundScope) {
        errors.add(new FieldError("adoptionMode", "community_scope",
            "全社区公约须由居民（代表）会议表决；一户一票只适用于一个小区的公约"));
      }
    }
    throwIfAny(errors);
    return new Review(approve, r.isEmpty() ? null : r, mode);
  }

  private static String text(List<FieldError> errors, String field, String value, int max, String message) {
    if (value != null && !Text.storable(value)) {
      errors.add(Text.unstorable(field));
      return null;
    }
    boolean blank = value == null || value.isBlank();
    if (blank || value.strip().length() > max) {
      errors.add(new FieldError(field, blank ? "required" : "too_long", message));
      return null;
    }
    return value.strip();
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
