package cn.yishi.application.port;

import cn.yishi.domain.calendar.CalendarYear;
import java.time.OffsetDateTime;
import java.util.List;

/** The calendar years loaded while running, shared by every node. */
public interface CalendarStore {
  /** A loaded year, when and by whom. */
  record Stored(CalendarYear year, OffsetDateTime loadedAt, String loadedBy) {}

  List<Stored> all();

  /** A short text that changes whenever a year is loaded; cheap to read, for the other nodes' refresh. */
  String version();

  /** Stores the year's block, replacing a block of the same year. */
  void put(CalendarYear year, OffsetDateTime at, String by);
}
