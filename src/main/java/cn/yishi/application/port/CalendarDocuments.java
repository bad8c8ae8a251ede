package cn.yishi.application.port;

import cn.yishi.domain.calendar.CalendarYear;
import java.util.List;

/** Reading a calendar document in the format of the calendar file, with the same checks as at start-up. */
public interface CalendarDocuments {
  /** A problem of the document: its 1-based line (0: the whole document) and what is wrong, in Chinese. */
  record Problem(int line, String message) {}

  /** The year blocks, or (then without blocks) every problem. */
  record Parsed(List<CalendarYear> years, List<Problem> problems) {}

  Parsed parse(String text);
}
