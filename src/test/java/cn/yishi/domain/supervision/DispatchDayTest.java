package cn.yishi.domain.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.outbound.calendar.WorkingDayCalendarYamlReader;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The first working days of 2026 by the calendar the application ships (calendar/cn-workdays.yaml). */
class DispatchDayTest {
  static WorkingDayCalendar calendar;

  @BeforeAll
  static void shippedCalendar() throws Exception {
    try (InputStream in = DispatchDayTest.class.getResourceAsStream("/calendar/cn-workdays.yaml")) {
      calendar = WorkingDayCalendarYamlReader.read("calendar/cn-workdays.yaml", in, LocalTime.of(18, 0), ZoneId.of("Asia/Shanghai"));
    }
  }

  @ParameterizedTest
  @CsvSource({
      "2026-01, 2026-01-04", // 元旦 1–3, Sunday the 4th worked in lieu
      "2026-02, 2026-02-02",
      "2026-03, 2026-03-02",
      "2026-04, 2026-04-01",
      "2026-05, 2026-05-06", // 劳动节 1–5
      "2026-06, 2026-06-01",
      "2026-07, 2026-07-01",
      "2026-08, 2026-08-03",
      "2026-09, 2026-09-01",
      "2026-10, 2026-10-08", // 国庆节 1–7: past the 7th
      "2026-11, 2026-11-02",
      "2026-12, 2026-12-01"})
  void theFirstWorkingDayOfEachMonth(String month, String first) {
    assertThat(DispatchDay.firstWorkingDay(YearMonth.parse(month), calendar)).isEqualTo(LocalDate.parse(first));
  }

  @Test
  void aScheduledCheckGoesOnOnlyOnTheFirstWorkingDayAndReportsTheMonthBefore() {
    assertThat(DispatchDay.scheduled(LocalDate.parse("2026-12-01"), calendar))
        .isEqualTo(new DispatchDay(LocalDate.parse("2026-12-01"), YearMonth.parse("2026-11"), true));
    assertThat(DispatchDay.scheduled(LocalDate.parse("2026-12-02"), calendar).dispatchDay()).isFalse();
    assertThat(DispatchDay.scheduled(LocalDate.parse("2026-01-01"), calendar))
        .isEqualTo(new DispatchDay(LocalDate.parse("2026-01-01"), YearMonth.parse("2025-12"), false));
    assertThat(DispatchDay.scheduled(LocalDate.parse("2026-01-04"), calendar).dispatchDay()).isTrue();
    assertThat(DispatchDay.scheduled(LocalDate.parse("2026-10-07"), calendar).dispatchDay()).isFalse();
    assertThat(DispatchDay.scheduled(LocalDate.parse("2026-10-08"), calendar))
        .isEqualTo(new DispatchDay(LocalDate.parse("2026-10-08"), YearMonth.parse("2026-09"), true));
  }

  @Test
  void aCatchUpRunAlwaysGoesOn() {
    assertThat(DispatchDay.catchUp(LocalDate.parse("2026-11-22")))
        .isEqualTo(new DispatchDay(LocalDate.parse("2026-11-22"), YearMonth.parse("2026-10"), true));
    assertThat(DispatchDay.catchUp(LocalDate.parse("2026-10-03")).dispatchDay()).isTrue();
  }
}
