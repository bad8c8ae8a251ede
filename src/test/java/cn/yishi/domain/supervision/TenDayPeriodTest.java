package cn.yishi.domain.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TenDayPeriodTest {
  @Test
  void daysFallIntoTheirThirdOfTheMonth() {
    assertThat(TenDayPeriod.of(LocalDate.of(2026, 12, 1)).id()).isEqualTo("2026-12-1");
    assertThat(TenDayPeriod.of(LocalDate.of(2026, 12, 10)).id()).isEqualTo("2026-12-1");
    assertThat(TenDayPeriod.of(LocalDate.of(2026, 12, 11)).id()).isEqualTo("2026-12-2");
    assertThat(TenDayPeriod.of(LocalDate.of(2026, 12, 20)).id()).isEqualTo("2026-12-2");
    assertThat(TenDayPeriod.of(LocalDate.of(2026, 12, 21)).id()).isEqualTo("2026-12-3");
    assertThat(TenDayPeriod.of(LocalDate.of(2026, 12, 31)).label()).isEqualTo("2026年12月下旬");
  }

  @Test
  void theLastThirdRunsToTheMonthsEndAndThePreviousOfTheFirstIsLastMonthsLast() {
    TenDayPeriod feb = TenDayPeriod.of(LocalDate.of(2026, 2, 25));
    assertThat(feb.start()).isEqualTo(LocalDate.of(2026, 2, 21));
    assertThat(feb.end()).isEqualTo(LocalDate.of(2026, 2, 28));
    TenDayPeriod jan1 = TenDayPeriod.of(LocalDate.of(2027, 1, 3));
    assertThat(jan1.previous().id()).isEqualTo("2026-12-3");
    assertThat(jan1.previous().start()).isEqualTo(LocalDate.of(2026, 12, 21));
    assertThat(TenDayPeriod.of(LocalDate.of(2026, 12, 15)).previous().id()).isEqualTo("2026-12-1");
  }
}
