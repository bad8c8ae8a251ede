package cn.yishi.domain.casefile;

import java.util.List;

/** The outcome of the party review (前置把关) under the 五议五不议 rules. */
public record ReviewDecision(Boolean admissible, String declineReason) {
  public static final int REASON_MAX = 1000;

  public ReviewDecision {
    declineReason = Text.trimToNull(declineReason);
  }

  /** A decline is never silent: it must carry a reason. */
  public void validate() {
    if (admissible == null) {
      throw new ValidationException(
          List.of(new FieldError("admissible", "required", "请选择是否受理")));
    }
    if (!admissible && declineReason == null) {
      throw new ValidationException(
          List.of(new FieldError("declineReason", "required", "不予受理时必须填写理由")));
    }
    if (declineReason != null && declineReason.length() > REASON_MAX) {
      throw new ValidationException(
          List.of(new FieldError("declineReason", "too_long", "理由不能超过" + REASON_MAX + "个字")));
    }
  }
}
