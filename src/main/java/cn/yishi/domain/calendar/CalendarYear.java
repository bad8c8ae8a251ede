package cn.yishi.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One year's block of the working-day calendar, as the State Council's notice (国务院办公厅关于部分节假日安排的通知)
 * publishes it: the public holidays and the adjusted working days (调休上班), each date with its Chinese name.
 *
 * @param holidays every day off by the notice (weekends within a holiday included), by date
 * @param adjustedWorkingDays the Saturdays and Sundays that are working days, by date
 * @throws IllegalArgumentException when a date lies outside {@code year}, an adjusted working day is not a weekend
 *     day, or a date is both
 */
public record CalendarYear(int year, Map<LocalDate, String> holidays, Map<LocalDate, String> adjustedWorkingDays) {
  public CalendarYear {
    holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
    adjustedWorkingDays = Collections.unmodifiableMap(new TreeMap<>(adjustedWorkingDays));
    for (LocalDate d : holidays.keySet()) {
      requireInYear(d, year);
    }
    for (LocalDate d : adjustedWorkingDays.keySet()) {
      requireInYear(d, year);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        throw new IllegalArgumentException("adjusted working day " + d + " is not a Saturday or Sunday");
      }
      if (holidays.containsKey(d)) {
        throw new IllegalArgumentException(d + " is both a holiday and an adjusted working day");
      }
    }
  }

  private static void requireInYear(LocalDate d, int year) {
    if (d.getYear() != year) {
      throw new IllegalArgumentException(d + " lies outside the year block " + year);
    }
  }
}
