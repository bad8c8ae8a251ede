package cn.yishi.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 2026 calendar as published by the State Council (国办 2025-11-04), built by hand. */
class WorkingDayCalendarTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ZoneOffset CST = ZoneOffset.ofHours(8);
  private static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

  static final WorkingDayCalendar CAL = calendar2026();

  static WorkingDayCalendar calendar2026() {
    Set<LocalDate> holidays = new HashSet<>();
    range(holidays, "2026-01-01", "2026-01-03"); // 元旦
    range(holidays, "2026-02-15", "2026-02-23"); // 春节
    range(holidays, "2026-04-04", "2026-04-06"); // 清明节
    range(holidays, "2026-05-01", "2026-05-05"); // 劳动节
    range(holidays, "2026-06-19", "2026-06-21"); // 端午节
    range(holidays, "2026-09-25", "2026-09-27"); // 中秋节
    range(holidays, "2026-10-01", "2026-10-07"); // 国庆节
    Set<LocalDate> adjusted = Set.of(d("2026-01-04"), d("2026-02-14"), d("2026-02-28"), d("2026-05-09"),
        d("2026-09-20"), d("2026-10-10"));
    return new WorkingDayCalendar(holidays, adjusted, Set.of(2026), END_OF_DAY, SHANGHAI);
  }

  private static void range(Set<LocalDate> into, String from, String to) {
    for (LocalDate x = d(from); !x.isAfter(d(to)); x = x.plusDays(1)) {
      into.add(x);
    }
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static OffsetDateTime at(String isoLocalDateTime) {
    return LocalDateTime.parse(isoLocalDateTime).atOffset(CST);
  }

  @Nested
  class IsWorkingDay {
    @Test
    void ordinaryWeekInMarch() {
      assertThat(CAL.isWorkingDay(d("2026-03-09"))).as("Monday").isTrue();
      assertThat(CAL.isWorkingDay(d("2026-03-13"))).as("Friday").isTrue();
      assertThat(CAL.isWorkingDay(d("2026-03-14"))).as("Saturday").isFalse();
      assertThat(CAL.isWorkingDay(d("2026-03-15"))).as("Sunday").isFalse();
    }

    @ParameterizedTest(name = "{0} {1}–{2} is off, the days around it are not")
    @CsvSource({
      "元旦, 2026-01-01, 2026-01-03, 2025-12-31, 2026-01-05",
      "春节, 2026-02-15, 2026-02-23, 2026-02-13, 2026-02-24",
      "清明节, 2026-04-04, 2026-04-06, 2026-04-03, 2026-04-07",
      "劳动节, 2026-05-01, 2026-05-05, 2026-04-30, 2026-05-06",
      "端午节, 2026-06-19, 2026-06-21, 2026-06-18, 2026-06-22",
      "中秋节, 2026-09-25, 2026-09-27, 2026-09-24, 2026-09-28",
      "国庆节, 2026-10-01, 2026-10-07, 2026-09-30, 2026-10-08",
    })
    void eachHolidayOf2026(String name, LocalDate from, LocalDate to, LocalDate lastWorkingDayBefore, LocalDate firstWorkingDayAfter) {
      for (LocalDate x = from; !x.isAfter(to); x = x.plusDays(1)) {
        assertThat(CAL.isWorkingDay(x)).as("%s %s", name, x).isFalse();
      }
      assertThat(CAL.isWorkingDay(lastWorkingDayBefore)).as("before %s", name).isTrue();
      assertThat(CAL.isWorkingDay(firstWorkingDayAfter)).as("after %s", name).isTrue();
    }

    @ParameterizedTest(name = "{0} ({1}) is a working day")
    @CsvSource({
      "2026-01-04, SUNDAY",
      "2026-02-14, SATURDAY",
      "2026-02-28, SATURDAY",
      "2026-05-09, SATURDAY",
      "2026-09-20, SUNDAY",
      "2026-10-10, SATURDAY",
    })
    void eachAdjustedWorkingDayOf2026(LocalDate date, DayOfWeek dayOfWeek) {
      assertThat(date.getDayOfWeek()).isEqualTo(dayOfWeek);
      assertThat(CAL.isWorkingDay(date)).isTrue();
    }

    @Test
    void theOtherHalfOfAnAdjustedWeekendStaysOff() {
      assertThat(CAL.isWorkingDay(d("2026-05-10"))).as("Sunday after 5月9日").isFalse();
      assertThat(CAL.isWorkingDay(d("2026-10-11"))).as("Sunday after 10月10日").isFalse();
      assertThat(CAL.isWorkingDay(d("2026-09-19"))).as("Saturday before 9月20日").isFalse();
    }

    @Test
    void countsTheWorkingDaysOf2026() {
      // 365 days − 104 weekend days + 6 adjusted working days − 19 holidays falling on Monday–Friday
      assertThat(CAL.workingDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(248);
    }
  }

  @Nested
  class PlusWorkingDays {
    @Test
    void skipsAWeekend() {
      assertThat(CAL.plusWorkingDays(d("2026-03-12"), 1)).isEqualTo(d("2026-03-13"));
      assertThat(CAL.plusWorkingDays(d("2026-03-13"), 1)).as("Friday + 1").isEqualTo(d("2026-03-16"));
      assertThat(CAL.plusWorkingDays(d("2026-03-13"), 5)).isEqualTo(d("2026-03-20"));
      assertThat(CAL.plusWorkingDays(d("2026-03-14"), 1)).as("Saturday + 1").isEqualTo(d("2026-03-16"));
    }

    @Test
    void acrossTheSpringFestival() {
      // Fri 13 → Sat 14 (调休上班) → 15–23 off → Tue 24
      assertThat(CAL.plusWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
      assertThat(CAL.plusWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
      assertThat(CAL.plusWorkingDays(d("2026-02-12"), 5)).isEqualTo(d("2026-02-26"));
      assertThat(CAL.plusWorkingDays(d("2026-02-15"), 1)).as("from inside the holiday").isEqualTo(d("2026-02-24"));
      // Fri 27 → Sat 28 (调休上班) → Mon 2 March
      assertThat(CAL.plusWorkingDays(d("2026-02-26"), 2)).isEqualTo(d("2026-02-28"));
      assertThat(CAL.plusWorkingDays(d("2026-02-26"), 3)).isEqualTo(d("2026-03-02"));
    }

    @Test
    void acrossNationalDay() {
      // Fri 18 → Sun 20 (调休上班) → Mon 21 … Thu 24 → 25–27 中秋 → Mon 28 … Wed 30 → 1–7 国庆 → Thu 8, Fri 9, Sat 10 (调休上班)
      assertThat(CAL.plusWorkingDays(d("2026-09-18"), 1)).isEqualTo(d("2026-09-20"));
      assertThat(CAL.plusWorkingDays(d("2026-09-24"), 1)).isEqualTo(d("2026-09-28"));
      assertThat(CAL.plusWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
      assertThat(CAL.plusWorkingDays(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
      assertThat(CAL.plusWorkingDays(d("2026-09-30"), 4)).isEqualTo(d("2026-10-12"));
      assertThat(CAL.plusWorkingDays(d("2026-09-18"), 10)).isEqualTo(d("2026-10-09"));
    }

    @Test
    void zeroIsTheStartWhenItIsAWorkingDayOtherwiseTheNextWorkingDay() {
      assertThat(CAL.plusWorkingDays(d("2026-03-12"), 0)).isEqualTo(d("2026-03-12"));
      assertThat(CAL.plusWorkingDays(d("2026-02-14"), 0)).as("adjusted Saturday").isEqualTo(d("2026-02-14"));
      assertThat(CAL.plusWorkingDays(d("2026-03-14"), 0)).as("Saturday").isEqualTo(d("2026-03-16"));
      assertThat(CAL.plusWorkingDays(d("2026-02-15"), 0)).as("first day of 春节").isEqualTo(d("2026-02-24"));
      assertThat(CAL.plusWorkingDays(d("2026-10-01"), 0)).as("国庆节").isEqualTo(d("2026-10-08"));
    }

    @Test
    void negativeIsRefused() {
      assertThatThrownBy(() -> CAL.plusWorkingDays(d("2026-03-12"), -1)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> CAL.deadline(at("2026-03-12T10:00"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysBetweenIsTheInverse() {
      LocalDate start = d("2026-01-01");
      for (int n = 1; n <= 300; n++) {
        assertThat(CAL.workingDaysBetween(start, CAL.plusWorkingDays(start, n))).isEqualTo(n);
      }
      assertThat(CAL.workingDaysBetween(d("2026-02-13"), d("2026-02-24"))).isEqualTo(2);
      assertThat(CAL.workingDaysBetween(d("2026-02-24"), d("2026-02-24"))).isZero();
      assertThat(CAL.workingDaysBetween(d("2026-02-24"), d("2026-02-13"))).isZero();
      assertThat(CAL.workingDaysBetween(d("2026-09-30"), d("2026-10-07"))).as("国庆节 only").isZero();
    }
  }

  @Nested
  class Deadline {
    @Test
    void fallsAtTheEndOfTheWorkingDayInTheCalendarsZone() {
      assertThat(CAL.deadline(at("2026-03-09T10:00"), 1)).isEqualTo(at("2026-03-10T18:00"));
      assertThat(CAL.deadline(at("2026-03-09T10:00"), 0)).as("same day").isEqualTo(at("2026-03-09T18:00"));
      assertThat(CAL.deadline(at("2026-03-13T10:00"), 1)).as("Friday").isEqualTo(at("2026-03-16T18:00"));
      assertThat(CAL.deadline(at("2026-02-13T10:00"), 2)).as("across 春节").isEqualTo(at("2026-02-24T18:00"));
      assertThat(CAL.deadline(at("2026-03-09T10:00"), 1).getOffset()).isEqualTo(CST);
    }

    @Test
    void readsTheLocalDateInTheCalendarsZone() {
      // Mon 9 March 23:30 UTC is Tue 10 March 07:30 in Shanghai: received on Tuesday, within working hours
      OffsetDateTime utc = OffsetDateTime.of(2026, 3, 9, 23, 30, 0, 0, ZoneOffset.UTC);
      assertThat(CAL.deadline(utc, 1)).isEqualTo(at("2026-03-11T18:00"));
      // Mon 9 March 09:00 UTC is 17:00 in Shanghai: still within working hours
      assertThat(CAL.deadline(OffsetDateTime.of(2026, 3, 9, 9, 0, 0, 0, ZoneOffset.UTC), 1)).isEqualTo(at("2026-03-10T18:00"));
    }

    @Test
    void endOfDayItselfStillCountsAsThatDay() {
      assertThat(CAL.deadline(at("2026-03-09T18:00"), 1)).isEqualTo(at("2026-03-10T18:00"));
      assertThat(CAL.deadline(at("2026-03-09T07:00"), 1)).as("early morning").isEqualTo(at("2026-03-10T18:00"));
    }

    @Test
    void afterHoursOnAWorkingDayCountsAsReceivedTheNextDay() {
      // Monday 20:00: received Tuesday; 1 working day → end of Wednesday
      assertThat(CAL.deadline(at("2026-03-09T20:00"), 1)).isEqualTo(at("2026-03-11T18:00"));
      assertThat(CAL.deadline(at("2026-03-09T18:00:01"), 1)).isEqualTo(at("2026-03-11T18:00"));
      assertThat(CAL.deadline(at("2026-03-09T20:00"), 0)).as("0: end of the receiving day").isEqualTo(at("2026-03-10T18:00"));
      // Friday 20:00: received Saturday, a day off → Monday, as for a report on Saturday itself
      assertThat(CAL.deadline(at("2026-03-13T20:00"), 1)).isEqualTo(at("2026-03-16T18:00"));
      assertThat(CAL.deadline(at("2026-03-13T20:00"), 1)).isEqualTo(CAL.deadline(at("2026-03-14T10:00"), 1));
      // Friday 13 February 20:00: received Saturday 14 (调休上班) → Tuesday 24 after 春节
      assertThat(CAL.deadline(at("2026-02-13T20:00"), 1)).isEqualTo(at("2026-02-24T18:00"));
      // Saturday 14 February 20:00 (调休上班): received Sunday 15, a holiday → Tuesday 24
      assertThat(CAL.deadline(at("2026-02-14T20:00"), 1)).isEqualTo(at("2026-02-24T18:00"));
      // Wednesday 30 September 20:00: received Thursday 1 October, a holiday → Thursday 8
      assertThat(CAL.deadline(at("2026-09-30T20:00"), 1)).isEqualTo(at("2026-10-08T18:00"));
    }

    @Test
    void onADayOffItCountsFromThatDay() {
      assertThat(CAL.deadline(at("2026-03-14T10:00"), 1)).as("Saturday").isEqualTo(at("2026-03-16T18:00"));
      assertThat(CAL.deadline(at("2026-03-14T21:00"), 1)).as("Saturday evening").isEqualTo(at("2026-03-16T18:00"));
      assertThat(CAL.deadline(at("2026-03-14T10:00"), 0)).as("Saturday, 0").isEqualTo(at("2026-03-16T18:00"));
      assertThat(CAL.deadline(at("2026-10-03T10:00"), 1)).as("国庆节").isEqualTo(at("2026-10-08T18:00"));
    }

    @Test
    void usesTheConfiguredEndOfDay() {
      WorkingDayCalendar early = new WorkingDayCalendar(Set.of(), Set.of(), Set.of(), LocalTime.of(17, 30), SHANGHAI);
      assertThat(early.deadline(at("2026-03-09T10:00"), 1)).isEqualTo(at("2026-03-10T17:30"));
      assertThat(early.deadline(at("2026-03-09T17:45"), 1)).isEqualTo(at("2026-03-11T17:30"));
      assertThat(early.endOfDay()).isEqualTo(LocalTime.of(17, 30));
      assertThat(early.zone()).isEqualTo(SHANGHAI);
    }
  }

  @Nested
  class UncoveredYear {
    @Test
    void isPlainMondayToFriday() {
      assertThat(CAL.covers(2026)).isTrue();
      assertThat(CAL.covers(2027)).isFalse();
      assertThat(CAL.covers(2025)).isFalse();
      assertThat(CAL.isWorkingDay(d("2027-01-01"))).as("Friday 1 January 2027, no data").isTrue();
      assertThat(CAL.isWorkingDay(d("2027-10-01"))).as("Friday 1 October 2027, no data").isTrue();
      assertThat(CAL.isWorkingDay(d("2027-01-02"))).as("Saturday").isFalse();
      assertThat(CAL.isWorkingDay(d("2025-10-01"))).as("Wednesday 1 October 2025, no data").isTrue();
    }

    @Test
    void countsAcrossTheEndOfTheCoveredYear() {
      // Thu 31 December 2026 → Fri 1 January 2027 (no data: a working day) → Mon 4
      assertThat(CAL.plusWorkingDays(d("2026-12-31"), 1)).isEqualTo(d("2027-01-01"));
      assertThat(CAL.plusWorkingDays(d("2026-12-31"), 2)).isEqualTo(d("2027-01-04"));
      assertThat(CAL.deadline(at("2026-12-31T20:00"), 1)).isEqualTo(at("2027-01-04T18:00"));
    }
  }

  @Nested
  class Construction {
    @Test
    void isImmutable() {
      Set<LocalDate> holidays = new HashSet<>(Set.of(d("2026-03-09")));
      WorkingDayCalendar c = new WorkingDayCalendar(holidays, Set.of(), Set.of(2026), END_OF_DAY, SHANGHAI);
      holidays.clear();
      assertThat(c.isWorkingDay(d("2026-03-09"))).isFalse();
    }

    @Test
    void refusesInconsistentData() {
      assertThatThrownBy(() -> new WorkingDayCalendar(Set.of(), Set.of(d("2026-03-09")), Set.of(2026), END_OF_DAY, SHANGHAI))
          .as("a Monday as adjusted working day").isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new WorkingDayCalendar(Set.of(d("2026-03-14")), Set.of(d("2026-03-14")), Set.of(2026), END_OF_DAY, SHANGHAI))
          .as("both holiday and working day").isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new WorkingDayCalendar(Set.of(d("2027-01-01")), Set.of(), Set.of(2026), END_OF_DAY, SHANGHAI))
          .as("outside the covered years").isInstanceOf(IllegalArgumentException.class);
    }
  }
}
