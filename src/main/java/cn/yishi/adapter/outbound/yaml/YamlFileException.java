package cn.yishi.adapter.outbound.yaml;

import cn.yishi.platform.StartupRefusedException;

/** An operator's YAML file is malformed. Names the file, the line and the problem, in one line. */
public class YamlFileException extends StartupRefusedException {
  private final String file;
  private final int line;
  private final String problem;

  /** {@code action}: what the operator does about it, for the start-up failure report. */
  protected YamlFileException(String what, String file, int line, String problem, String action) {
    super(what + " " + file + (line > 0 ? " 第" + line + "行" : "") + "：" + problem, action);
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
