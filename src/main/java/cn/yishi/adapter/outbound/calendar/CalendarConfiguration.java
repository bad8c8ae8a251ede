package cn.yishi.adapter.outbound.calendar;

import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.platform.StartupRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
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
   * file, line and problem. The years loaded through {@code /api} are added by {@code CalendarYears}, and
   * {@code CalendarWarnings} warns at start-up and every month about the years that are missing.
   */
  @Bean
  WorkingDayCalendar workingDayCalendar(
      ResourceLoader loader,
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
    try (InputStream in = resource.getInputStream()) {
      WorkingDayCalendar calendar = WorkingDayCalendarYamlReader.read(location, in, end, zoneId);
      LOG.info("工作日历 {}：{} 年", location, calendar.coveredYears());
      return calendar;
    } catch (IOException e) {
      throw new CalendarFileException(location, 0, "无法读取：" + e.getMessage());
    }
  }
}
