package cn.yishi.domain.supervision;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A 旬: the first (1st–10th), middle (11th–20th) or last (21st to the month's end) third of a month.
 * The unit of 旬跟进: a supervision order is raised once per item and 旬, and an item overdue in two
 * consecutive 旬 is put under listed supervision (挂牌督办).
 *
 * @param month the month
 * @param index 1, 2 or 3
 */
public record TenDayPeriod(YearMonth month, int index) {
  public TenDayPeriod {
    if (index < 1 || index > 3) {
      throw new IllegalArgumentException("旬 index " + index);
    }
  }

  public static TenDayPeriod of(LocalDate day) {
    int d = day.getDayOfMonth();
    return new TenDayPeriod(YearMonth.from(day), d <= 10 ? 1 : d <= 20 ? 2 : 3);
  }

  public TenDayPeriod previous() {
    return index > 1 ? new TenDayPeriod(month, index - 1) : new TenDayPeriod(month.minusMonths(1), 3);
  }

  public LocalDate start() {
    return month.atDay(1 + (index - 1) * 10);
  }

  public LocalDate end() {
    return index < 3 ? month.atDay(index * 10) : month.atEndOfMonth();
  }

  /** The key stored with each order, e.g. 2026-12-2. */
  public String id() {
    return month + "-" + index;
  }

  /** 2026年12月中旬. */
  public String label() {
    return month.getYear() + "年" + month.getMonthValue() + "月" + (index == 1 ? "上旬" : index == 2 ? "中旬" : "下旬");
  }

  @Override
  public String toString() {
    return id();
  }
}
