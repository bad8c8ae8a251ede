package cn.yishi.adapter.outbound.calendar;

import cn.yishi.adapter.outbound.yaml.YamlFileException;

/** The working-day calendar file is malformed. Names the file, the line and the problem. */
public class CalendarFileException extends YamlFileException {
  public CalendarFileException(String file, int line, String problem) {
    super("日历文件", file, line, problem,
        "Correct the working-day calendar file (yishi.calendar.location) and start again.");
  }
}
