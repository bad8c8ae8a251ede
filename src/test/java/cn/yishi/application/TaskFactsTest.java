package cn.yishi.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The case's facts as the task forms show them: Chinese text, in the configured zone, short. */
class TaskFactsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static TaskFacts.Line line(String at, String action, String note) {
    return new TaskFacts.Line(OffsetDateTime.parse(at), action, note);
  }

  @Test
  void theDeadlineIsADateWithItsWeekdayInTheZone() {
    TaskFacts f = new TaskFacts(OffsetDateTime.parse("2026-10-09T10:00:00Z"), List.of());

    assertThat(f.deadlineText(SHANGHAI)).isEqualTo("2026年10月9日 星期五 18:00");
    assertThat(f.deadlineText(ZoneId.of("UTC"))).isEqualTo("2026年10月9日 星期五 10:00");
  }

  @Test
  void withoutADeadlineTheTextSaysWhenItIsSet() {
    assertThat(new TaskFacts(null, null).deadlineText(SHANGHAI)).isEqualTo(TaskFacts.NO_DEADLINE).contains("尚未确定");
  }

  @Test
  void theTimelineIsOneLinePerEntryOldestFirst() {
    TaskFacts f = new TaskFacts(null, List.of(
        line("2026-03-02T01:15:00Z", "登记诉求", "来源渠道：网格员走访"),
        line("2026-03-02T02:20:00+00:00", "前置把关：予以受理", "红色，社区党群会客室，即办件"),
        line("2026-03-02T03:00:00Z", "邀请评价", null)));

    assertThat(f.timelineText(SHANGHAI)).isEqualTo("""
        2026-03-02 09:15 登记诉求：来源渠道：网格员走访
        2026-03-02 10:20 前置把关：予以受理：红色，社区党群会客室，即办件
        2026-03-02 11:00 邀请评价""");
  }

  @Test
  void aLongOrMultiLineNoteIsCutToOneShortLine() {
    String note = "第一行\n\n第二行  " + "长".repeat(100);
    String text = new TaskFacts(null, List.of(line("2026-03-02T01:15:00Z", "办理进展", note))).timelineText(SHANGHAI);

    assertThat(text).doesNotContain("\n").startsWith("2026-03-02 09:15 办理进展：第一行 第二行 长").endsWith("…");
    assertThat(text.substring(text.indexOf('：') + 1)).hasSize(TaskFacts.NOTE_MAX + 1);
  }

  @Test
  void anEmptyTimelineSaysSo() {
    assertThat(new TaskFacts(null, List.of()).timelineText(SHANGHAI)).isEqualTo(TaskFacts.NO_ENTRIES);
  }
}
