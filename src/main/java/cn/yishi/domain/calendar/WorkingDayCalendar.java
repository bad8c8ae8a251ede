package cn.yishi.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Chinese working-day calendar: Monday to Friday are working days unless they are public
 * holidays, and Saturday and Sunday are not, unless they are adjusted working days (调休上班).
 *
 * <p>The holiday data covers a set of years (the State Council publishes each year's notice in
 * the autumn before). For a year that is not covered the calendar knows no holidays and behaves as
 * plain Monday to Friday; {@link #covers(int)} tells which years are covered.
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkingDayCalendar {
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> adjustedWorkingDays;
  private final Set<Integer> coveredYears;
  private final LocalTime endOfDay;
  private final ZoneId zone;

  /**
   * @param holidays public holidays (any day of the week)
   * @param adjustedWorkingDays Saturdays and Sundays that are working days
   * @param coveredYears the years the data covers; every date above must lie in one of them
   * @param endOfDay the end of the working day, the time of day at which deadlines fall
   * @param zone the zone in which dates and {@code endOfDay} are read
   * @throws IllegalArgumentException when an adjusted working day is not a weekend day, a date is
   *     both a holiday and an adjusted working day, or a date lies outside the covered years
   */
  public WorkingDayCalendar(
      Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays, Set<Integer> coveredYears, LocalTime endOfDay, ZoneId zone) {
    this.holidays = Set.copyOf(holidays);
    this.adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
    this.coveredYears = Set.copyOf(coveredYears);
    this.endOfDay = Objects.requireNonNull(endOfDay, "endOfDay");
    this.zone = Objects.requireNonNull(zone, "zone");
    for (LocalDate d : this.adjustedWorkingDays) {
      if (!isWeekend(d)) {
        throw new IllegalArgumentException("adjusted working day " + d + " is not a Saturday or Sunday");
      }
      if (this.holidays.contains(d)) {
        throw new IllegalArgumentException(d + " is both a holiday and an adjusted working day");
      }
    }
    for (Set<LocalDate> dates : List.of(this.holidays, this.adjustedWorkingDays)) {
      for (LocalDate d : dates) {
        if (!this.coveredYears.contains(d.getYear())) {
          throw new IllegalArgumentException(d + " lies outside the covered years " + this.coveredYears);
        }
      }
    }
  }

  /** Monday to Friday unless a holiday; Saturday and Sunday only when an adjusted working day. */
  public boolean isWorkingDay(LocalDate d) {
    return isWeekend(d) ? adjustedWorkingDays.contains(d) : !holidays.contains(d);
  }

  /**
   * The date {@code n} working days after {@code start}; {@code start} itself does not count. For
   * {@code n = 0}: {@code start} when it is a working day, otherwise the next working day.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  public LocalDate plusWorkingDays(LocalDate start, int n) {
    Objects.requireNonNull(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException("the number of working days must not be negative: " + n);
    }
    if (n == 0) {
      return nextWorkingDayFrom(start);
    }
    LocalDate d = start;
    for (int left = n; left > 0; ) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }

  /**
   * The number of working days in {@code (fromExclusive, toInclusive]}; 0 when {@code toInclusive}
   * is not after {@code fromExclusive}. For {@code n > 0},
   * {@code workingDaysBetween(s, plusWorkingDays(s, n)) == n}.
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    int count = 0;
    for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The deadline for something received at {@code from} that must be done within
   * {@code workingDays} working days: {@code endOfDay}, in the calendar's zone, on the day
   * determined as follows, with {@code D} the local date of {@code from} in the calendar's zone.
   *
   * <ul>
   *   <li>Within working hours, that is on a working day {@code D} at or before {@code endOfDay}
   *       (an early-morning arrival counts as that day): the day is
   *       {@code plusWorkingDays(D, workingDays)}. The day of arrival does not count, so 1 working
   *       day means the end of the next working day and 0 the end of the same day.
   *   <li>After hours, that is on a working day {@code D} strictly after {@code endOfDay}: it is
   *       treated as received on the next calendar day, and the rules apply from there. So Monday
   *       20:00 with 1 working day is due Wednesday at {@code endOfDay}, with 0 working days Tuesday;
   *       Friday 20:00 counts as Saturday.
   *   <li>On a day that is not a working day: the day is {@code plusWorkingDays(D, workingDays)},
   *       so Saturday (like Friday evening) with 1 working day is due Monday, and with 0 working
   *       days also Monday. A later arrival never gets an earlier deadline.
   * </ul>
   *
   * @throws IllegalArgumentException when {@code workingDays} is negative
   */
  public OffsetDateTime deadline(OffsetDateTime from, int workingDays) {
    Objects.requireNonNull(from, "from");
    if (workingDays < 0) {
      throw new IllegalArgumentException("the number of working days must not be negative: " + workingDays);
    }
    ZonedDateTime local = from.atZoneSameInstant(zone);
    LocalDate start = local.toLocalDate();
    if (isWorkingDay(start) && local.toLocalTime().isAfter(endOfDay)) {
      start = start.plusDays(1);
    }
    return ZonedDateTime.of(plusWorkingDays(start, workingDays), endOfDay, zone).toOffsetDateTime();
  }

  /** Whether the holiday data covers {@code year}; an uncovered year is treated as plain Monday to Friday. */
  public boolean covers(int year) {
    return coveredYears.contains(year);
  }

  public LocalTime endOfDay() {
    return endOfDay;
  }

  public ZoneId zone() {
    return zone;
  }

  private LocalDate nextWorkingDayFrom(LocalDate d) {
    LocalDate day = d;
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static boolean isWeekend(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
  }
}
