package cn.yishi.domain.deliberation;

import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * 民事民评 / 一件一评价 of a resolution item: what a rater may give (an integer 1 to 5, a comment of at most 300
 * characters), the window the committee may choose, and the result of a closed round. The result rule: the item passes
 * when the average of the ratings is at least the threshold (default 3.00, {@code yishi.item-evaluation.pass-average});
 * below it, the item goes back to its unit. No ratings at all is 无人评价: no rework, the committee is told.
 */
public final class ItemEvaluationRules {
  public static final int MIN_RATING = 1;
  public static final int MAX_RATING = 5;
  public static final int MAX_COMMENT = 300;
  public static final int DEFAULT_WINDOW_DAYS = 5;
  public static final int MAX_WINDOW_DAYS = 30;
  public static final BigDecimal DEFAULT_PASS_AVERAGE = new BigDecimal("3.00");

  /** How a round ended. */
  public enum Outcome {
    PASSED("评价通过"), REWORK("评价较差，退回整改"), NO_RATINGS("无人评价");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A closed round: how many rated, the average (two decimals, null without ratings), the number of each rating
   * ({@code distribution[0]} is the number of 1s) and the outcome.
   */
  public record Result(int count, BigDecimal average, int[] distribution, Outcome outcome) {
    /** The distribution as stored: the counts of 1 to 5, comma-separated. */
    public String distributionText() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < distribution.length; i++) {
        b.append(i == 0 ? "" : ",").append(distribution[i]);
      }
      return b.toString();
    }

    public static int[] parseDistribution(String text) {
      int[] d = new int[MAX_RATING];
      if (text != null && !text.isBlank()) {
        String[] parts = text.split(",");
        for (int i = 0; i < Math.min(parts.length, d.length); i++) {
          d[i] = Integer.parseInt(parts[i].strip());
        }
      }
      return d;
    }
  }

  private ItemEvaluationRules() {}

  /**
   * A closed round in words for the public (no rater, no comment): 民事民评：6人评价，平均4.17分（5分3人、4分2人、2分1人），评价通过;
   * 民事民评：无人评价. Null without a closed round ({@code status} null).
   */
  public static String describe(String status, int count, BigDecimal average, String distribution) {
    if (status == null) {
      return null;
    }
    Outcome o = Outcome.valueOf(status);
    if (o == Outcome.NO_RATINGS || count == 0) {
      return "民事民评：无人评价";
    }
    int[] d = Result.parseDistribution(distribution);
    List<String> parts = new ArrayList<>();
    for (int r = MAX_RATING; r >= MIN_RATING; r--) {
      if (d[r - 1] > 0) {
        parts.add(r + "分" + d[r - 1] + "人");
      }
    }
    return "民事民评：" + count + "人评价，平均" + average.setScale(2, RoundingMode.HALF_UP).toPlainString() + "分（"
        + String.join("、", parts) + "），" + o.label();
  }

  /** The result of a round from its ratings (each 1 to 5). */
  public static Result result(List<Integer> ratings, BigDecimal passAverage) {
    int[] d = new int[MAX_RATING];
    int sum = 0;
    for (int r : ratings) {
      if (r < MIN_RATING || r > MAX_RATING) {
        throw new IllegalArgumentException("rating out of range: " + r);
      }
      d[r - 1]++;
      sum += r;
    }
    if (ratings.isEmpty()) {
      return new Result(0, null, d, Outcome.NO_RATINGS);
    }
    // decided on the published average (two decimals), so that what residents read is what was decided
    BigDecimal average = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ratings.size()), 2, RoundingMode.HALF_UP);
    Outcome o = average.compareTo(passAverage) < 0 ? Outcome.REWORK : Outcome.PASSED;
    return new Result(ratings.size(), average, d, o);
  }

  /**
   * A rating as a form or a JSON body gives it: an integer 1 to 5 (a string of digits from a form). {@code 2.5}, {@code
   * "x"}, {@code 0} or {@code 6} are refused, never rounded.
   */
  public static int rating(Object raw) {
    BigInteger value = null;
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof BigInteger) {
      value = new BigInteger(raw.toString());
    } else if (raw instanceof String s && s.strip().matches("[+-]?\\d{1,9}")) {
      value = new BigInteger(s.strip());
    } else if (raw == null || raw instanceof String s && s.isBlank()) {
      throw refuse("rating", "required", "请选择评分（1到5分）");
    }
    if (value == null) {
      throw refuse("rating", "invalid", "评分应为1到5之间的整数");
    }
    if (value.compareTo(BigInteger.valueOf(MIN_RATING)) < 0 || value.compareTo(BigInteger.valueOf(MAX_RATING)) > 0) {
      throw refuse("rating", "out_of_range", "评分应在1到5分之间");
    }
    return value.intValue();
  }

  /** The optional comment, stripped (null when blank); at most 300 characters. */
  public static String comment(String raw) {
    String c = raw == null ? "" : raw.strip();
    if (c.codePointCount(0, c.length()) > MAX_COMMENT) {
      throw refuse("comment", "too_long", "评价意见不能超过" + MAX_COMMENT + "个字");
    }
    return c.isEmpty() ? null : c;
  }

  /** Both fields at once: every error of the two, or the checked rating and comment. */
  public static Checked check(Object rating, String comment) {
    List<FieldError> errors = new ArrayList<>();
    Integer r = null;
    String c = null;
    try {
      r = rating(rating);
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
    try {
      c = comment(comment);
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new Checked(r, c);
  }

  public record Checked(int rating, String comment) {}

  /** The committee's window in working days: 1 to 30, 5 when not given. */
  public static int windowDays(Object raw) {
    if (raw == null || raw instanceof String s && s.isBlank()) {
      return DEFAULT_WINDOW_DAYS;
    }
    int d;
    try {
      d = raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.intValue()
          : Integer.parseInt(raw.toString().strip());
    } catch (NumberFormatException e) {
      throw refuse("evaluationWindowDays", "invalid", "评价期限应为1到" + MAX_WINDOW_DAYS + "个工作日");
    }
    if (d < 1 || d > MAX_WINDOW_DAYS) {
      throw refuse("evaluationWindowDays", "out_of_range", "评价期限应为1到" + MAX_WINDOW_DAYS + "个工作日");
    }
    return d;
  }

  private static ValidationException refuse(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
