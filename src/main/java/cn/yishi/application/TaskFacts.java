package cn.yishi.application;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a task form shows of its case besides the process variables: the current deadline and the
 * latest timeline entries, as Chinese text. A note that is not public is left out (its entry's time
 * and action stay), because task variables go into the history that Cockpit shows.
 *
 * @param deadline the case's deadline, null while none is set (before the review accepts it)
 * @param latest the latest entries, oldest first
 * @param provisional the deadline runs into a year whose public holidays are not loaded yet, so it counted weekends
 *     only; the text says so ({@value #CALENDAR_PENDING})
 */
public record TaskFacts(OffsetDateTime deadline, List<Line> latest, boolean provisional) {
  /** One timeline entry: when, the action's Chinese label, and the note when it is public (else null). */
  public record Line(OffsetDateTime at, String action, String note) {}

  /** A longer note is cut to this many characters, so that the summary stays short. */
  public static final int NOTE_MAX = 60;
  public static final String NO_DEADLINE = "尚未确定（前置把关受理后按分级分类确定）";
  public static final String NO_ENTRIES = "暂无记录";
  /** Said of a deadline counted into a year without the State Council's holiday notice. */
  public static final String CALENDAR_PENDING = "节假日安排未发布，按周末计算";

  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE HH:mm", Locale.CHINA);
  private static final DateTimeFormatter ENTRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.CHINA);

  public TaskFacts {
    latest = latest == null ? List.of() : List.copyOf(latest);
  }

  /** Facts of a deadline counted on a complete calendar. */
  public TaskFacts(OffsetDateTime deadline, List<Line> latest) {
    this(deadline, latest, false);
  }

  /**
   * For example 2026年3月2日 星期一 18:00, in the given zone; a provisional deadline adds
   * （节假日安排未发布，按周末计算）.
   */
  public String deadlineText(ZoneId zone) {
    if (deadline == null) {
      return NO_DEADLINE;
    }
    String text = DEADLINE.format(deadline.atZoneSameInstant(zone));
    return provisional ? text + "（" + CALENDAR_PENDING + "）" : text;
  }

  /** One line per entry, oldest first: {@code 2026-03-02 09:15 登记诉求：来源渠道：网格员走访}. */
  public String timelineText(ZoneId zone) {
    if (latest.isEmpty()) {
      return NO_ENTRIES;
    }
    return latest.stream()
        .map(l -> ENTRY.format(l.at().atZoneSameInstant(zone)) + " " + l.action() + noteText(l.note()))
        .collect(Collectors.joining("\n"));
  }

  private static String noteText(String note) {
    if (note == null || note.isBlank()) {
      return "";
    }
    String oneLine = note.strip().replaceAll("\\s+", " ");
    if (oneLine.codePointCount(0, oneLine.length()) > NOTE_MAX) {
      oneLine = oneLine.substring(0, oneLine.offsetByCodePoints(0, NOTE_MAX)) + "…";
    }
    return "：" + oneLine;
  }
}
