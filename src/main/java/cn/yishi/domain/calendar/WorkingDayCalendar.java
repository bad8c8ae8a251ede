package cn.yishi.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The Chinese working-day calendar: Monday to Friday are working days unless they are public
 * holidays, and Saturday and Sunday are not, unless they are adjusted working days (调休上班).
 *
 * <p>The holiday data covers a set of years (the State Council publishes each year's notice in
 * the autumn before). For a year that is not covered the calendar knows no holidays and behaves as
 * plain Monday to Friday; {@link #covers(int)} and {@link #uncoveredYears} tell which years are covered.
 *
 * <p>Thread-safe. An operator may {@link #load} a year's block while the application runs (the next year's notice,
 * or a corrected one); each calculation reads the years once, so it sees either the old or the new block, never a
 * mixture. Everything else about the calendar is fixed.
 */
public final class WorkingDayCalendar {
  /** The holiday data at one moment. */
  private record Years(Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays, Set<Integer> covered) {}

  private volatile Years years;
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
    this.endOfDay = Objects.requireNonNull(endOfDay, "endOfDay");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.years = checked(Set.copyOf(holidays), Set.copyOf(adjustedWorkingDays), Set.copyOf(coveredYears));
  }

  /** A calendar of these year blocks. */
  public static WorkingDayCalendar of(Collection<CalendarYear> blocks, LocalTime endOfDay, ZoneId zone) {
    WorkingDayCalendar c = new WorkingDayCalendar(Set.of(), Set.of(), Set.of(), endOfDay, zone);
    c.load(blocks);
    return c;
  }

  private static Years checked(Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays, Set<Integer> covered) {
    for (LocalDate d : adjustedWorkingDays) {
      if (!isWeekend(d)) {
        throw new IllegalArgumentException("adjusted working day " + d + " is not a Saturday or Sunday");
      }
      if (holidays.contains(d)) {
        throw new IllegalArgumentException(d + " is both a holiday and an adjusted working day");
      }
    }
    for (Set<LocalDate> dates : List.of(holidays, adjustedWorkingDays)) {
      for (LocalDate d : dates) {
        if (!covered.contains(d.getYear())) {
          throw new IllegalArgumentException(d + " lies outside the covered years " + covered);
        }
      }
    }
    return new Years(holidays, adjustedWorkingDays, covered);
  }

  /** Adds these year blocks, each replacing whatever the calendar knew of its year. */
  public synchronized void load(Collection<CalendarYear> blocks) {
    Years y = years;
    Set<Integer> replaced = new HashSet<>();
    blocks.forEach(b -> replaced.add(b.year()));
    Set<LocalDate> holidays = new HashSet<>(y.holidays());
    Set<LocalDate> working = new HashSet<>(y.adjustedWorkingDays());
    holidays.removeIf(d -> replaced.contains(d.getYear()));
    working.removeIf(d -> replaced.contains(d.getYear()));
    Set<Integer> covered = new HashSet<>(y.covered());
    for (CalendarYear b : blocks) {
      holidays.addAll(b.holidays().keySet());
      working.addAll(b.adjustedWorkingDays().keySet());
      covered.add(b.year());
    }
    years = checked(Set.copyOf(holidays), Set.copyOf(working), Set.copyOf(covered));
  }

  /** An independent calendar with the same data now; later loads into either do not reach the other. */
  public WorkingDayCalendar copy() {
    Years y = years;
    return new WorkingDayCalendar(y.holidays(), y.adjustedWorkingDays(), y.covered(), endOfDay, zone);
  }

  /** A copy with these blocks loaded; this calendar stays as it is. */
  public WorkingDayCalendar with(Collection<CalendarYear> blocks) {
    WorkingDayCalendar c = copy();
    c.load(blocks);
    return c;
  }

  /** Monday to Friday unless a holiday; Saturday and Sunday only when an adjusted working day. */
  public boolean isWorkingDay(LocalDate d) {
    return isWorkingDay(years, d);
  }

  private static boolean isWorkingDay(Years y, LocalDate d) {
    return isWeekend(d) ? y.adjustedWorkingDays().contains(d) : !y.holidays().contains(d);
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
    return plusWorkingDays(years, start, n);
  }

  private static LocalDate plusWorkingDays(Years y, LocalDate start, int n) {
    if (n == 0) {
      return nextWorkingDayFrom(y, start);
    }
    LocalDate d = start;
    for (int left = n; left > 0; ) {
      d = d.plusDays(1);
      if (isWorkingDay(y, d)) {
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
    Years y = years;
    int count = 0;
    for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
      if (isWorkingDay(y, d)) {
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
    Years y = years;
    return ZonedDateTime.of(plusWorkingDays(y, countingStart(y, from), workingDays), endOfDay, zone).toOffsetDateTime();
  }

  /** The day from which {@link #deadline} counts: the local date, or the next day after hours on a working day. */
  private LocalDate countingStart(Years y, OffsetDateTime from) {
    ZonedDateTime local = from.atZoneSameInstant(zone);
    LocalDate start = local.toLocalDate();
    if (isWorkingDay(y, start) && local.toLocalTime().isAfter(endOfDay)) {
      start = start.plusDays(1);
    }
    return start;
  }

  /**
   * A deadline that {@code before} set counted anew on this calendar, which differs from {@code before} in the years
   * from {@code firstChangedYear} on (a year's block was loaded or corrected): the same number of working days,
   * counted on the new days. {@code countedFrom} is when the deadline was counted from; when it lies before the
   * changed years, or is unknown (null: a deadline set before this was recorded), the days up to the end of the
   * year before are the same on both calendars, so the count goes on from there. A deadline before the changed years
   * is returned as it is.
   */
  public OffsetDateTime recount(WorkingDayCalendar before, int firstChangedYear, OffsetDateTime countedFrom,
      OffsetDateTime deadline) {
    Years now = years;
    Years then = before.years;
    LocalDate lastUnchanged = LocalDate.of(firstChangedYear, 1, 1).minusDays(1);
    LocalDate due = deadline.atZoneSameInstant(zone).toLocalDate();
    if (!due.isAfter(lastUnchanged)) {
      return deadline;
    }
    LocalDate start = countedFrom == null ? lastUnchanged : before.countingStart(then, countedFrom);
    if (!start.isAfter(lastUnchanged)) {
      int left = before.workingDaysBetween(lastUnchanged, due);
      return ZonedDateTime.of(plusWorkingDays(now, lastUnchanged, left), endOfDay, zone).toOffsetDateTime();
    }
    // counted from within the changed years: count the same working days from the same moment
    int days = before.workingDaysBetween(start, due);
    return ZonedDateTime.of(plusWorkingDays(now, countingStart(now, countedFrom), days), endOfDay, zone).toOffsetDateTime();
  }

  /** Whether the holiday data covers {@code year}; an uncovered year is treated as plain Monday to Friday. */
  public boolean covers(int year) {
    return years.covered().contains(year);
  }

  /** The years with holiday data, in order. */
  public SortedSet<Integer> coveredYears() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(years.covered()));
  }

  /**
   * The years between the two dates (in either order, both included) that the holiday data does not cover: a
   * deadline counted across them counted weekends only (节假日安排未发布，按周末计算).
   */
  public List<Integer> uncoveredYears(LocalDate a, LocalDate b) {
    Years y = years;
    List<Integer> missing = new ArrayList<>();
    for (int year = Math.min(a.getYear(), b.getYear()); year <= Math.max(a.getYear(), b.getYear()); year++) {
      if (!y.covered().contains(year)) {
        missing.add(year);
      }
    }
    return missing;
  }

  public LocalTime endOfDay() {
    return endOfDay;
  }

  public ZoneId zone() {
    return zone;
  }

  private static LocalDate nextWorkingDayFrom(Years y, LocalDate d) {
    LocalDate day = d;
    while (!isWorkingDay(y, day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static boolean isWeekend(LocalDate d) {
    DayOfWeek w = d.getDayOfWeek();
    return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
  }
}
