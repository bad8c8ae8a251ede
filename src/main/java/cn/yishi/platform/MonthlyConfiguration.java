package cn.yishi.platform;

import cn.yishi.application.supervision.MonthlyProperties;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.supervision.BoardRules;
import cn.yishi.domain.supervision.DispatchDay;
import java.text.ParseException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monthly dispatch (月调度) from configuration: the red and black board rules and the review days
 * (yishi.monthly), checked at start-up — a value out of range stops start-up naming the key — and a check
 * that the timer (yishi.schedule.monthly-dispatch) fires on every month's first working day.
 */
@Configuration
@EnableConfigurationProperties(MonthlyProperties.class)
public class MonthlyConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(MonthlyConfiguration.class);

  @Bean
  BoardRules monthlyBoardRules(MonthlyProperties properties) {
    List<String> problems = new ArrayList<>();
    BoardRules rules = null;
    try {
      rules = properties.boardRules();
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    try {
      properties.checkedReviewDays();
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new StartupRefusedException("月调度配置有误：" + String.join("；", problems),
          "Correct yishi.monthly in application.yaml (or its environment variables) and start again.");
    }
    return rules;
  }

  /** Warns at start-up about months of this year and the next whose first working day the timer misses. */
  @Bean
  ApplicationRunner monthlyScheduleCheck(Schedules schedules, WorkingDayCalendar calendar, Clock clock,
      @Value("${yishi.zone}") String zone) {
    return args -> {
      int year = LocalDate.now(clock.withZone(ZoneId.of(zone))).getYear();
      List<LocalDate> missed = missedFirstWorkingDays(schedules.getMonthlyDispatch(), calendar, year, year + 1,
          ZoneId.systemDefault());
      if (!missed.isEmpty()) {
        LOG.warn("定时配置 yishi.schedule.monthly-dispatch “{}” 在这些月份的首个工作日不触发，这些月份的月调度不会自动运行："
            + "{}。请扩大日期范围（默认 0 0 9 1-10 * ?），或在当天用补跑接口运行。", schedules.getMonthlyDispatch(), missed);
      }
    };
  }

  /** The first working days, of the months from January of {@code fromYear} to December of {@code toYear}, on which {@code cron} does not fire. */
  static List<LocalDate> missedFirstWorkingDays(String cron, WorkingDayCalendar calendar, int fromYear, int toYear, ZoneId zone) {
    CronTimer timer;
    try {
      timer = CronTimer.parse(cron);
    } catch (ParseException e) {
      throw new StartupRefusedException("定时配置 yishi.schedule.monthly-dispatch 无效：" + e.getMessage(),
          "Correct yishi.schedule.monthly-dispatch and start again.", e);
    }
    List<LocalDate> missed = new ArrayList<>();
    for (YearMonth m = YearMonth.of(fromYear, 1); !m.isAfter(YearMonth.of(toYear, 12)); m = m.plusMonths(1)) {
      LocalDate first = DispatchDay.firstWorkingDay(m, calendar);
      Date before = Date.from(first.atStartOfDay(zone).minusSeconds(1).toInstant());
      Date due = timer.getDueDate(before);
      if (due == null || !due.toInstant().atZone(zone).toLocalDate().equals(first)) {
        missed.add(first);
      }
    }
    return missed;
  }
}
