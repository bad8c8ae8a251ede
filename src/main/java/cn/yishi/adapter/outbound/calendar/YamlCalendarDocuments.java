package cn.yishi.adapter.outbound.calendar;

import cn.yishi.application.port.CalendarDocuments;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** A calendar document loaded through {@code /api}, read exactly as the calendar file is at start-up. */
@Component
class YamlCalendarDocuments implements CalendarDocuments {
  /** How the document is named in a refusal. */
  static final String NAME = "（提交的节假日安排）";

  @Override
  public Parsed parse(String text) {
    WorkingDayCalendarYamlReader.Checked c = WorkingDayCalendarYamlReader.check(NAME,
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    return new Parsed(c.years(), c.problems().stream().map(p -> new Problem(p.line(), p.problem())).toList());
  }
}
