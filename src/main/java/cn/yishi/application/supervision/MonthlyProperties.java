package cn.yishi.application.supervision;

import cn.yishi.domain.supervision.BoardRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The monthly dispatch (月调度) from configuration (application.yaml, yishi.monthly). Unset values take the
 * defaults below; {@link #boardRules()} checks the ranges (the platform refuses to start on a bad value).
 *
 * @param reviewDays working days the dispatch centre has for the review task (default 2)
 * @param red the red board: {@code top} units (3) with a caseload of at least {@code minCases} (3) and a
 *     resolution rate of at least {@code minResolutionRate} (0.8)
 * @param black the black board: units with a {@code listed} item (true), units with at least
 *     {@code overdueAtLeast} overdue items (1; 0 = not for overdue items), and the {@code bottom} units (3) by
 *     resolution rate with a caseload of at least {@code minCases} (3) and a rate below
 *     {@code belowResolutionRate} (1.0)
 */
@ConfigurationProperties("yishi.monthly")
public record MonthlyProperties(Integer reviewDays, Red red, Black black) {
  public static final int MAX_REVIEW_DAYS = 30;

  public record Red(Integer top, Integer minCases, Double minResolutionRate) {}

  public record Black(Boolean listed, Integer overdueAtLeast, Integer bottom, Integer minCases, Double belowResolutionRate) {}

  public MonthlyProperties {
    reviewDays = reviewDays == null ? 2 : reviewDays;
    red = red == null ? new Red(null, null, null) : red;
    black = black == null ? new Black(null, null, null, null, null) : black;
  }

  /**
   * The board rules.
   *
   * @throws IllegalArgumentException naming the key when a value is out of range
   */
  public BoardRules boardRules() {
    return new BoardRules(
        or(red.top(), 3), or(red.minCases(), 3), or(red.minResolutionRate(), 0.8),
        black.listed() == null || black.listed(), or(black.overdueAtLeast(), 1), or(black.bottom(), 3),
        or(black.minCases(), 3), or(black.belowResolutionRate(), 1.0));
  }

  /**
   * The review's working days.
   *
   * @throws IllegalArgumentException naming the key when out of range
   */
  public int checkedReviewDays() {
    if (reviewDays < 0 || reviewDays > MAX_REVIEW_DAYS) {
      throw new IllegalArgumentException("yishi.monthly.review-days 的值 " + reviewDays + " 无效，应为 0 到 "
          + MAX_REVIEW_DAYS + " 之间的整数（工作日）");
    }
    return reviewDays;
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
