package cn.yishi.adapter.inbound.schedule;

import cn.yishi.application.CalendarWarnings;
import cn.yishi.application.CalendarYears;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The calendar's housekeeping on this node: the warnings about missing years at start-up and every month
 * ({@code yishi.calendar.check-cron}, Spring cron in {@code yishi.zone}), and the years other nodes loaded, read
 * every {@code yishi.calendar.refresh-interval}.
 */
@Component
class CalendarChecks {
  private final CalendarYears years;
  private final CalendarWarnings warnings;
  private final Clock clock;

  CalendarChecks(CalendarYears years, CalendarWarnings warnings, Clock clock) {
    this.years = years;
    this.warnings = warnings;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStartup() {
    warnings.log(LocalDate.now(clock));
  }

  @Scheduled(cron = "${yishi.calendar.check-cron:0 0 9 1 * *}", zone = "${yishi.zone}")
  void monthly() {
    warnings.log(LocalDate.now(clock));
  }

  @Scheduled(fixedDelayString = "${yishi.calendar.refresh-interval:PT1M}",
      initialDelayString = "${yishi.calendar.refresh-interval:PT1M}")
  void refresh() {
    years.refresh();
  }
}
