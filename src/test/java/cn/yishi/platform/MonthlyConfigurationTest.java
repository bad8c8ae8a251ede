package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.YishiApplication;
import cn.yishi.adapter.outbound.calendar.WorkingDayCalendarYamlReader;
import cn.yishi.application.supervision.MonthlyProperties;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.supervision.BoardRules;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The monthly dispatch's configuration: bad values stop start-up naming the key; the schedule is checked. */
class MonthlyConfigurationTest {

  private static WorkingDayCalendar shipped() throws Exception {
    try (InputStream in = MonthlyConfigurationTest.class.getResourceAsStream("/calendar/cn-workdays.yaml")) {
      return WorkingDayCalendarYamlReader.read("calendar/cn-workdays.yaml", in, LocalTime.of(18, 0), ZoneId.systemDefault());
    }
  }

  @Test
  void theDefaultsGiveTheBoardRulesOfApplicationYaml() {
    MonthlyProperties defaults = new MonthlyProperties(null, null, null);

    assertThat(new MonthlyConfiguration().monthlyBoardRules(defaults)).isEqualTo(new BoardRules(3, 3, 0.8, true, 1, 3, 3, 1.0));
    assertThat(defaults.checkedReviewDays()).isEqualTo(2);
  }

  @Test
  void valuesOutOfRangeAreRefusedInOneLineNamingEveryKey() {
    MonthlyProperties bad = new MonthlyProperties(-1, new MonthlyProperties.Red(-3, null, null),
        new MonthlyProperties.Black(null, null, null, 0, 2.0));

    assertThatThrownBy(() -> new MonthlyConfiguration().monthlyBoardRules(bad))
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageStartingWith("月调度配置有误：")
        .hasMessageContaining("yishi.monthly.red.top 的值 -3 无效")
        .hasMessageContaining("yishi.monthly.black.min-cases 的值 0 无效")
        .hasMessageContaining("yishi.monthly.black.below-resolution-rate 的值 2.0 无效")
        .hasMessageContaining("yishi.monthly.review-days 的值 -1 无效");
    FailureAnalysis a = new StartupFailureAnalyzer().analyze(new IllegalStateException("wrapped",
        new StartupRefusedException("月调度配置有误：x", "Correct yishi.monthly")));
    assertThat(a.getDescription()).isEqualTo("月调度配置有误：x");
  }

  @Test
  void theApplicationRefusesToStartWithABadBoardRule() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(YishiApplication.class);
    assertThatThrownBy(() -> app.run(
            "--spring.datasource.url=jdbc:h2:mem:startup-refusal-monthly;DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--yishi.monthly.red.min-resolution-rate=80").close())
        .rootCause()
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("yishi.monthly.red.min-resolution-rate 的值 80.0 无效")
        .hasMessageContaining("0 到 1 之间的小数");
  }

  @Test
  void theDefaultScheduleReachesEveryFirstWorkingDayOf2026ButOneToSevenMissesOctober() throws Exception {
    WorkingDayCalendar calendar = shipped();

    assertThat(MonthlyConfiguration.missedFirstWorkingDays("0 0 9 1-10 * ?", calendar, 2026, 2026, ZoneId.systemDefault()))
        .isEmpty();
    assertThat(MonthlyConfiguration.missedFirstWorkingDays("0 0 9 1-7 * ?", calendar, 2026, 2026, ZoneId.systemDefault()))
        .containsExactly(LocalDate.parse("2026-10-08"));
    assertThat(MonthlyConfiguration.missedFirstWorkingDays("0 0 9 1 * ?", calendar, 2026, 2026, ZoneId.systemDefault()))
        .contains(LocalDate.parse("2026-01-04"), LocalDate.parse("2026-05-06"), LocalDate.parse("2026-11-02"))
        .doesNotContain(LocalDate.parse("2026-12-01"));
  }
}
