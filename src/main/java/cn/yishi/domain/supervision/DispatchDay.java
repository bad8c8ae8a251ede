package cn.yishi.domain.supervision;

import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * When the monthly dispatch (月调度) runs and which month it reports. The timer checks several days at the
 * start of each month; the dispatch goes on only on the month's first working day, so that the review lands
 * on a day the dispatch centre works (in 2026: 4 January, a Sunday worked in lieu; 8 October, after the
 * National Day holiday). A catch-up run names its date and is never held back. Either way the report covers
 * the calendar month before the month of that date.
 *
 * @param asOf the day of the run
 * @param reportMonth the month reported: the calendar month before {@code asOf}'s
 * @param dispatchDay whether the dispatch goes on (first working day, or a catch-up run)
 */
public record DispatchDay(LocalDate asOf, YearMonth reportMonth, boolean dispatchDay) {
  public DispatchDay {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(reportMonth, "reportMonth");
  }

  /** A scheduled check on {@code today}: goes on only on the first working day of today's month. */
  public static DispatchDay scheduled(LocalDate today, WorkingDayCalendar calendar) {
    return new DispatchDay(today, YearMonth.from(today).minusMonths(1), today.equals(firstWorkingDay(YearMonth.from(today), calendar)));
  }

  /** A catch-up run as of {@code asOf}: always goes on. */
  public static DispatchDay catchUp(LocalDate asOf) {
    return new DispatchDay(asOf, YearMonth.from(asOf).minusMonths(1), true);
  }

  /** The first working day of {@code month} by the calendar. */
  public static LocalDate firstWorkingDay(YearMonth month, WorkingDayCalendar calendar) {
    LocalDate d = month.atDay(1);
    while (!calendar.isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }
}
