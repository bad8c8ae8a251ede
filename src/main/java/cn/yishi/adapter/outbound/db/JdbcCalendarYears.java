package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.CalendarStore;
import cn.yishi.domain.calendar.CalendarYear;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCalendarYears implements CalendarStore {
  private static final String HOLIDAY = "HOLIDAY";
  private static final String WORKING_DAY = "WORKING_DAY";

  private final JdbcClient jdbc;

  JdbcCalendarYears(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private record Header(int year, OffsetDateTime loadedAt, String loadedBy) {}

  private record Day(int year, LocalDate date, String kind, String name) {}

  @Override
  public List<Stored> all() {
    List<Header> headers = jdbc.sql("select calendar_year, loaded_at, loaded_by from yishi_calendar_year order by calendar_year")
        .query((rs, i) -> new Header(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3))).list();
    Map<Integer, Map<LocalDate, String>> holidays = new HashMap<>();
    Map<Integer, Map<LocalDate, String>> working = new HashMap<>();
    jdbc.sql("select calendar_year, calendar_date, kind, name from yishi_calendar_date")
        .query((rs, i) -> new Day(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)))
        .list()
        .forEach(d -> (HOLIDAY.equals(d.kind()) ? holidays : working)
            .computeIfAbsent(d.year(), y -> new TreeMap<>()).put(d.date(), d.name()));
    List<Stored> out = new ArrayList<>();
    for (Header h : headers) {
      out.add(new Stored(new CalendarYear(h.year(), holidays.getOrDefault(h.year(), Map.of()),
          working.getOrDefault(h.year(), Map.of())), h.loadedAt(), h.loadedBy()));
    }
    return out;
  }

  @Override
  public String version() {
    return jdbc.sql("select count(*), max(loaded_at) from yishi_calendar_year")
        .query((rs, i) -> rs.getLong(1) + "/" + rs.getObject(2, OffsetDateTime.class)).single();
  }

  @Override
  public void put(CalendarYear year, OffsetDateTime at, String by) {
    jdbc.sql("delete from yishi_calendar_date where calendar_year = ?").param(year.year()).update();
    int updated = jdbc.sql("""
            update yishi_calendar_year set holiday_days = :holidays, working_days = :working, loaded_at = :at,
              loaded_by = :by where calendar_year = :year""")
        .param("holidays", year.holidays().size()).param("working", year.adjustedWorkingDays().size())
        .param("at", at).param("by", by).param("year", year.year()).update();
    if (updated == 0) {
      jdbc.sql("""
              insert into yishi_calendar_year (calendar_year, holiday_days, working_days, loaded_at, loaded_by)
              values (:year, :holidays, :working, :at, :by)""")
          .param("holidays", year.holidays().size()).param("working", year.adjustedWorkingDays().size())
          .param("at", at).param("by", by).param("year", year.year()).update();
    }
    year.holidays().forEach((d, name) -> insert(year.year(), d, HOLIDAY, name));
    year.adjustedWorkingDays().forEach((d, name) -> insert(year.year(), d, WORKING_DAY, name));
  }

  private void insert(int year, LocalDate date, String kind, String name) {
    jdbc.sql("insert into yishi_calendar_date (calendar_date, calendar_year, kind, name) values (?, ?, ?, ?)")
        .params(date, year, kind, name).update();
  }
}
