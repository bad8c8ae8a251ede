package cn.yishi.adapter.outbound.calendar;

import cn.yishi.adapter.outbound.yaml.YamlNodeReader;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the working-day calendar ({@code calendar/cn-workdays.yaml}) from YAML. Works on
 * SnakeYAML's node tree so that every problem, syntactic or semantic (an unknown or duplicate key,
 * a bad date, a range that ends before it starts, a date outside its year block, an adjusted
 * working day that is not a weekend day, a day that is both holiday and working day), is reported
 * with its line.
 *
 * <pre>
 * years:
 *   2026:
 *     holidays:
 *       - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
 *     adjusted-working-days:
 *       - { name: 元旦调休上班, date: 2026-01-04 }
 * </pre>
 */
public final class WorkingDayCalendarYamlReader extends YamlNodeReader {
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private WorkingDayCalendarYamlReader(String file) {
    super(file);
  }

  @Override
  protected CalendarFileException problem(int line, String message) {
    return new CalendarFileException(file, line, message);
  }

  /**
   * @param fileName how to name the file in messages, e.g. its configured location
   * @param endOfDay the end of the working day, when deadlines fall
   * @param zone the zone of the working days
   * @throws CalendarFileException naming the file, the line and the problem
   */
  public static WorkingDayCalendar read(String fileName, InputStream in, LocalTime endOfDay, ZoneId zone) {
    return new WorkingDayCalendarYamlReader(fileName).parse(in, endOfDay, zone);
  }

  /** A date already seen, with what it was and where. */
  private record Seen(String name, Node node) {}

  private WorkingDayCalendar parse(InputStream in, LocalTime endOfDay, ZoneId zone) {
    Node root = compose(in);
    Map<String, Node> top = mapping(root, Set.of("years"));
    Node yearsNode = required(top, "years", root);
    if (!(yearsNode instanceof MappingNode years)) {
      throw error(yearsNode, "此处应为键值映射，以年份为键");
    }

    Map<Integer, Node> yearKeys = new HashMap<>();
    Map<LocalDate, Seen> holidays = new HashMap<>();
    Map<LocalDate, Seen> workingDays = new HashMap<>();
    for (NodeTuple t : years.getValue()) {
      Node keyNode = t.getKeyNode();
      String key = scalar(keyNode).strip();
      if (!YEAR.matcher(key).matches()) {
        throw error(keyNode, "年份 " + key + " 应为四位数字，例如 2026");
      }
      int year = Integer.parseInt(key);
      Node previous = yearKeys.putIfAbsent(year, keyNode);
      if (previous != null) {
        throw error(keyNode, "年份 " + year + " 重复（第" + line(previous) + "行已定义）");
      }
      Map<String, Node> block = mapping(t.getValueNode(), Set.of("holidays", "adjusted-working-days"));

      List<Node> holidayNodes = sequence(required(block, "holidays", keyNode));
      if (holidayNodes.isEmpty()) {
        throw error(block.get("holidays"), "年份 " + year + " 没有任何假日");
      }
      for (Node n : holidayNodes) {
        Map<String, Node> m = mapping(n, Set.of("name", "from", "to"));
        String name = text(m, "name", n);
        LocalDate from = date(m, "from", n, year);
        LocalDate to = date(m, "to", n, year);
        if (to.isBefore(from)) {
          throw error(m.get("to"), "假日 " + name + " 的结束日期 " + to + " 早于开始日期 " + from);
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          Seen other = holidays.putIfAbsent(d, new Seen(name, n));
          if (other != null) {
            throw error(n, "假日 " + name + " 的日期 " + d + " 已在第" + line(other.node()) + "行的假日 " + other.name() + " 中");
          }
        }
      }

      for (Node n : sequence(block.get("adjusted-working-days"))) {
        Map<String, Node> m = mapping(n, Set.of("name", "date"));
        String name = text(m, "name", n);
        LocalDate date = date(m, "date", n, year);
        DayOfWeek w = date.getDayOfWeek();
        if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
          throw error(m.get("date"), "调休上班日 " + date + " 是" + w.getDisplayName(TextStyle.FULL, Locale.CHINA)
              + "，调休上班日只能是周六或周日");
        }
        Seen other = workingDays.putIfAbsent(date, new Seen(name, n));
        if (other != null) {
          throw error(m.get("date"), "调休上班日 " + date + " 重复（第" + line(other.node()) + "行已定义）");
        }
        // dates lie in their year block, so a clash can only be with this block's holidays
        Seen holiday = holidays.get(date);
        if (holiday != null) {
          throw error(m.get("date"), date + " 既是调休上班日（" + name + "）又是假日（"
              + holiday.name() + "，第" + line(holiday.node()) + "行）");
        }
      }
    }
    if (yearKeys.isEmpty()) {
      throw error(yearsNode, "至少需要一个年份");
    }
    return new WorkingDayCalendar(holidays.keySet(), workingDays.keySet(), yearKeys.keySet(), endOfDay, zone);
  }

  private LocalDate date(Map<String, Node> m, String key, Node owner, int year) {
    String value = text(m, key, owner);
    LocalDate date;
    try {
      if (!DATE.matcher(value).matches()) {
        throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
      }
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw error(m.get(key), "日期 " + value + " 无效，应为 YYYY-MM-DD 格式的真实日期，例如 " + year + "-01-01");
    }
    if (date.getYear() != year) {
      throw error(m.get(key), "日期 " + date + " 不属于所在的 " + year + " 年块");
    }
    return date;
  }







}
