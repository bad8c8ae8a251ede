package cn.yishi.platform;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the project's start-up refusals into one clear line instead of a stack trace. The adapters' malformed
 * files (directory, calendar, mail templates) are refusals too: {@code YamlFileException} names the file and line.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {
  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StartupRefusedException e) {
        return new FailureAnalysis(e.getMessage(), e.action(), e);
      }
    }
    return null;
  }
}
