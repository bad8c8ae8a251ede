package cn.yishi.adapter.outbound.calendar;

import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.platform.StartupRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** The working-day calendar by which deadlines are counted. */
@Configuration
public class CalendarConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

  /**
   * The calendar from {@code yishi.calendar.location}. A malformed file stops start-up, naming the
   * file, line and problem. Warns when the current year, or in December the next, is not covered.
   */
  @Bean
  WorkingDayCalendar workingDayCalendar(
      ResourceLoader loader,
      Clock clock,
      @Value("${yishi.calendar.location:classpath:calendar/cn-workdays.yaml}") String location,
      @Value("${yishi.calendar.end-of-day:18:00}") String endOfDay,
      @Value("${yishi.zone}") String zone) {
    LocalTime end;
    try {
      end = LocalTime.parse(endOfDay.strip());
    } catch (DateTimeParseException e) {
      throw new StartupRefusedException(
          "工作日下班时间 yishi.calendar.end-of-day 的值 " + endOfDay + " 无效，应为 HH:mm，例如 18:00",
          "Set yishi.calendar.end-of-day to a time such as 18:00 and start again.");
    }
    ZoneId zoneId = ZoneId.of(zone);
    Resource resource = loader.getResource(location);
    if (!resource.exists()) {
      throw new CalendarFileException(location, 0, "文件不存在");
    }
    WorkingDayCalendar calendar;
    try (InputStream in = resource.getInputStream()) {
      calendar = WorkingDayCalendarYamlReader.read(location, in, end, zoneId);
    } catch (IOException e) {
      throw new CalendarFileException(location, 0, "无法读取：" + e.getMessage());
    }
    warnAboutMissingYears(calendar, LocalDate.now(clock.withZone(zoneId)), location);
    return calendar;
  }

  static void warnAboutMissingYears(WorkingDayCalendar calendar, LocalDate today, String location) {
    int year = today.getYear();
    if (!calendar.covers(year)) {
      LOG.warn("日历文件 {} 没有 {} 年的节假日安排：该年的期限按周一至周五计算，不考虑节假日和调休。请按国务院办公厅的通知补上 {} 年。",
          location, year, year);
    }
    if (today.getMonth() == Month.DECEMBER && !calendar.covers(year + 1)) {
      LOG.warn("日历文件 {} 还没有 {} 年的节假日安排：跨年的期限将按周一至周五计算。请按国务院办公厅的通知补上 {} 年。",
          location, year + 1, year + 1);
    }
  }
}
