package cn.yishi.platform;

import cn.yishi.adapter.outbound.calendar.CalendarFileException;
import cn.yishi.adapter.outbound.directory.DirectoryException;
import cn.yishi.adapter.outbound.mail.MailTemplatesYamlReader;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns the project's start-up refusals into one clear line instead of a stack trace. */
public class StartupFailureAnalyzer implements FailureAnalyzer {
  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StartupRefusedException e) {
        return new FailureAnalysis(e.getMessage(), e.action(), e);
      }
      if (t instanceof DirectoryException e) {
        return new FailureAnalysis(e.getMessage(), "Correct the organisation directory file (yishi.directory.location) and start again.", e);
      }
      if (t instanceof CalendarFileException e) {
        return new FailureAnalysis(e.getMessage(), "Correct the working-day calendar file (yishi.calendar.location) and start again.", e);
      }
      if (t instanceof MailTemplatesYamlReader.MailTemplatesFileException e) {
        return new FailureAnalysis(e.getMessage(), "Correct the mail template file (yishi.mail.templates) and start again.", e);
      }
    }
    return null;
  }
}
