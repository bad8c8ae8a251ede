package cn.yishi.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Loading a year's block into a running calendar, and counting a deadline anew on it. The 2027 block here is made up
 * for the test (its names say so); it is not the State Council's notice.
 */
class WorkingDayCalendarLoadTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalTime END = LocalTime.of(18, 0);

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static OffsetDateTime at(String local) {
    return java.time.LocalDateTime.parse(local).atOffset(ZoneOffset.ofHours(8));
  }

  private static Map<LocalDate, String> range(String name, String from, String to) {
    Map<LocalDate, String> m = new TreeMap<>();
    for (LocalDate x = d(from); !x.isAfter(d(to)); x = x.plusDays(1)) {
      m.put(x, name);
    }
    return m;
  }

  /** Made-up 2027: Jan 1–3 and Jan 11–13 off, Saturday Jan 9 worked. */
  static CalendarYear test2027() {
    Map<LocalDate, String> off = new TreeMap<>(range("测试假日甲", "2027-01-01", "2027-01-03"));
    off.putAll(range("测试假日乙", "2027-01-11", "2027-01-13"));
    return new CalendarYear(2027, off, Map.of(d("2027-01-09"), "测试调休上班"));
  }

  private final WorkingDayCalendar calendar = WorkingDayCalendarTest.calendar2026();

  @Test
  void aLoadedYearIsCoveredAndCountsItsHolidays() {
    assertThat(calendar.covers(2027)).isFalse();
    assertThat(calendar.isWorkingDay(d("2027-01-01"))).as("an uncovered Friday").isTrue();

    calendar.load(List.of(test2027()));

    assertThat(calendar.coveredYears()).containsExactly(2026, 2027);
    assertThat(calendar.isWorkingDay(d("2027-01-01"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2027-01-09"))).as("worked Saturday").isTrue();
    assertThat(calendar.isWorkingDay(d("2026-10-01"))).as("2026 untouched").isFalse();
    assertThat(calendar.plusWorkingDays(d("2026-12-31"), 1)).isEqualTo(d("2027-01-04"));
  }

  @Test
  void aLoadedYearReplacesTheSameYearOnly() {
    calendar.load(List.of(test2027()));
    calendar.load(List.of(new CalendarYear(2027, range("测试更正", "2027-02-01", "2027-02-02"), Map.of())));

    assertThat(calendar.isWorkingDay(d("2027-01-01"))).as("the first block is gone").isTrue();
    assertThat(calendar.isWorkingDay(d("2027-01-09"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2027-02-01"))).isFalse();
    assertThat(calendar.isWorkingDay(d("2026-02-16"))).as("2026's Spring Festival stays").isFalse();
  }

  @Test
  void copiesAreIndependent() {
    WorkingDayCalendar copy = calendar.copy();
    WorkingDayCalendar with = calendar.with(List.of(test2027()));
    assertThat(calendar.covers(2027)).isFalse();
    assertThat(copy.covers(2027)).isFalse();
    assertThat(with.covers(2027)).isTrue();
    calendar.load(List.of(test2027()));
    assertThat(copy.covers(2027)).isFalse();
  }

  @Test
  void uncoveredYearsBetweenTwoDates() {
    assertThat(calendar.uncoveredYears(d("2026-12-28"), d("2027-01-04"))).containsExactly(2027);
    assertThat(calendar.uncoveredYears(d("2028-03-01"), d("2026-12-28"))).containsExactly(2027, 2028);
    assertThat(calendar.uncoveredYears(d("2026-01-05"), d("2026-12-31"))).isEmpty();
  }

  @Test
  void aBlockIsCheckedLikeTheFile() {
    assertThatThrownBy(() -> new CalendarYear(2027, range("x", "2026-12-31", "2027-01-01"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CalendarYear(2027, Map.of(), Map.of(d("2027-01-04"), "周一")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CalendarYear(2027, Map.of(d("2027-01-09"), "x"), Map.of(d("2027-01-09"), "y")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Counting anew gives what the new calendar would have given from the start, whenever the deadline was counted
   * from (before the year, on its first days, after hours) and however many working days it had.
   */
  @Test
  void aRecountedDeadlineIsTheOneTheNewCalendarWouldHaveSet() {
    WorkingDayCalendar after = calendar.with(List.of(test2027()));
    for (LocalDate day = d("2026-12-20"); day.isBefore(d("2027-01-20")); day = day.plusDays(1)) {
      for (LocalTime time : List.of(LocalTime.of(9, 0), LocalTime.of(18, 0), LocalTime.of(20, 30))) {
        OffsetDateTime from = day.atTime(time).atZone(SHANGHAI).toOffsetDateTime();
        for (int n = 1; n <= 15; n++) {
          OffsetDateTime old = calendar.deadline(from, n);
          assertThat(after.recount(calendar, 2027, from, old)).as("%s + %d", from, n).isEqualTo(after.deadline(from, n));
        }
      }
    }
  }

  @Test
  void aDeadlineWithoutItsStartIsCountedOnFromTheYearBefore() {
    WorkingDayCalendar after = calendar.with(List.of(test2027()));
    // counted on 2026-12-28 with 5 working days: Dec 29, 30, 31, Jan 1, Jan 4 (weekends only in 2027)
    OffsetDateTime old = calendar.deadline(at("2026-12-28T10:00"), 5);
    assertThat(old).isEqualTo(at("2027-01-04T18:00"));
    // Jan 1 was a working day and Jan 4 the second of 2027; on the new calendar the second is Jan 5
    assertThat(after.recount(calendar, 2027, null, old)).isEqualTo(at("2027-01-05T18:00"));
    assertThat(after.recount(calendar, 2027, at("2026-12-28T10:00"), old)).isEqualTo(at("2027-01-05T18:00"));
    // a deadline before the changed year stays
    OffsetDateTime december = at("2026-12-30T18:00");
    assertThat(after.recount(calendar, 2027, null, december)).isSameAs(december);
  }

  @Test
  void aCalendarOfBlocks() {
    WorkingDayCalendar c = WorkingDayCalendar.of(List.of(test2027()), END, SHANGHAI);
    assertThat(c.coveredYears()).containsExactly(2027);
    assertThat(c.isWorkingDay(d("2027-01-12"))).isFalse();
    assertThat(c.endOfDay()).isEqualTo(END);
  }
}
