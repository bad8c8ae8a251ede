package cn.yishi.application;

import cn.yishi.application.port.Deadlines;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.supervision.DispatchDay;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * What the operator must hear about the calendar, at start-up and every month: a year without its public holidays
 * counts weekends only, silently, unless somebody says so.
 */
@Service
public class CalendarWarnings {
  private static final Logger LOG = LoggerFactory.getLogger(CalendarWarnings.class);
  /** From this month on, the next year's missing notice is warned about (the notice usually comes in Oct–Nov). */
  static final int NEXT_YEAR_FROM_MONTH = 11;
  private static final String HOW = "请按国务院办公厅的通知，通过 POST /api/calendar/years（系统管理员）录入，无需重启。";

  private final WorkingDayCalendar calendar;
  private final Deadlines deadlines;

  public CalendarWarnings(WorkingDayCalendar calendar, Deadlines deadlines) {
    this.calendar = calendar;
    this.deadlines = deadlines;
  }

  /** The warnings as of {@code today}; none when the calendar covers what it must. */
  public List<String> check(LocalDate today) {
    List<String> out = new ArrayList<>();
    int year = today.getYear();
    if (!calendar.covers(year)) {
      out.add("工作日历没有" + year + "年的节假日安排：今年的办理期限按周末计算，不含法定节假日和调休。" + HOW);
    }
    if (today.getMonthValue() >= NEXT_YEAR_FROM_MONTH && !calendar.covers(year + 1)) {
      out.add("工作日历还没有" + (year + 1) + "年的节假日安排：跨年的办理期限按周末计算，月调度会把"
          + DispatchDay.firstWorkingDay(YearMonth.of(year + 1, 1), calendar) + "当作1月的首个工作日。" + HOW);
    }
    ZoneId zone = calendar.zone();
    for (int y = year; y <= year + 2; y++) {
      if (calendar.covers(y)) {
        continue;
      }
      long open = deadlines.countOpen(LocalDate.of(y, 1, 1).atStartOfDay(zone).toOffsetDateTime(),
          LocalDate.of(y + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime());
      if (open > 0) {
        out.add(open + "件在办诉求的办理期限落在" + y + "年，该年节假日安排未发布，按周末计算；录入后将自动重新计算。" + HOW);
      }
    }
    return out;
  }

  /** Logs the warnings as of {@code today}. */
  public void log(LocalDate today) {
    check(today).forEach(LOG::warn);
  }
}
