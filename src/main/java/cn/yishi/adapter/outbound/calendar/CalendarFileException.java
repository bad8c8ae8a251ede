package cn.yishi.adapter.outbound.calendar;

/** The working-day calendar file is malformed. Names the file, the line and the problem. */
public class CalendarFileException extends RuntimeException {
  private final String file;
  private final int line;
  private final String problem;

  public CalendarFileException(String file, int line, String problem) {
    super("日历文件 " + file + (line > 0 ? " 第" + line + "行" : "") + "：" + problem);
    this.file = file;
    this.line = line;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  /** 1-based line, or 0 when the problem concerns the whole file. */
  public int line() {
    return line;
  }

  public String problem() {
    return problem;
  }
}
