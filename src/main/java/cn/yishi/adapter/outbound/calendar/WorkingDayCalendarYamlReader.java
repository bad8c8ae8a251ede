package cn.yishi.adapter.outbound.calendar;

import cn.yishi.adapter.outbound.yaml.YamlNodeReader;
import cn.yishi.domain.calendar.CalendarYear;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads the working-day calendar ({@code calendar/cn-workdays.yaml}, or a year's block loaded through {@code /api})
 * from YAML. Works on SnakeYAML's node tree so that every problem, syntactic or semantic (an unknown or duplicate
 * key, a bad date, a range that ends before it starts, a date outside its year block, an adjusted working day that
 * is not a weekend day, a day that is both holiday and working day, a name longer than {@value #NAME_MAX}
 * characters), is reported with its line. Each entry is checked on its own, so a document with several mistakes
 * gets one refusal per line ({@link #check}); at start-up the first one stops the application ({@link #read}).
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
  /** The longest name of a holiday or an adjusted working day. */
  public static final int NAME_MAX = 32;
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final List<CalendarFileException> problems = new ArrayList<>();

  private WorkingDayCalendarYamlReader(String file) {
    super(file);
  }

  @Override
  protected CalendarFileException problem(int line, String message) {
    return new CalendarFileException(file, line, message);
  }

  /** The year blocks of a document, or every problem found in it, in the order of the document. */
  public record Checked(List<CalendarYear> years, List<CalendarFileException> problems) {}

  /**
   * @param fileName how to name the file in messages, e.g. its configured location
   * @param endOfDay the end of the working day, when deadlines fall
   * @param zone the zone of the working days
   * @throws CalendarFileException naming the file, the line and the (first) problem
   */
  public static WorkingDayCalendar read(String fileName, InputStream in, LocalTime endOfDay, ZoneId zone) {
    return WorkingDayCalendar.of(years(fileName, in), endOfDay, zone);
  }

  /**
   * The year blocks of a calendar file.
   *
   * @throws CalendarFileException naming the file, the line and the (first) problem
   */
  public static List<CalendarYear> years(String fileName, InputStream in) {
    Checked c = check(fileName, in);
    if (!c.problems().isEmpty()) {
      throw c.problems().get(0);
    }
    return c.years();
  }

  /** Every problem of a document at once (one per line where it can go on after a problem), or its year blocks. */
  public static Checked check(String fileName, InputStream in) {
    WorkingDayCalendarYamlReader reader = new WorkingDayCalendarYamlReader(fileName);
    List<CalendarYear> years;
    try {
      years = reader.parse(in);
    } catch (CalendarFileException e) {
      reader.problems.add(e);
      years = List.of();
    }
    return reader.problems.isEmpty() ? new Checked(years, List.of()) : new Checked(List.of(), List.copyOf(reader.problems));
  }

  /** A date already seen, with what it was and where. */
  private record Seen(String name, Node node) {}

  /** Runs one check; a problem is recorded and the reading goes on with the next entry. */
  private void attempt(Runnable check) {
    try {
      check.run();
    } catch (CalendarFileException e) {
      problems.add(e);
    }
  }

  private List<CalendarYear> parse(InputStream in) {
    Node root = compose(in);
    Map<String, Node> top = mapping(root, Set.of("years"));
    Node yearsNode = required(top, "years", root);
    if (!(yearsNode instanceof MappingNode years)) {
      throw error(yearsNode, "此处应为键值映射，以年份为键");
    }
    if (years.getValue().isEmpty()) {
      throw error(yearsNode, "至少需要一个年份");
    }
    Map<Integer, Node> yearKeys = new HashMap<>();
    List<CalendarYear> blocks = new ArrayList<>();
    for (NodeTuple t : years.getValue()) {
      attempt(() -> {
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
        int before = problems.size();
        CalendarYear block = block(year, keyNode, t.getValueNode());
        if (problems.size() == before) {
          blocks.add(block);
        }
      });
    }
    return blocks;
  }

  /** One year's block; its entries' problems are recorded, each on its own. */
  private CalendarYear block(int year, Node keyNode, Node value) {
    Map<String, Node> block = mapping(value, Set.of("holidays", "adjusted-working-days"));
    Map<LocalDate, Seen> holidays = new TreeMap<>();
    Map<LocalDate, Seen> workingDays = new TreeMap<>();

    List<Node> holidayNodes = sequence(required(block, "holidays", keyNode));
    if (holidayNodes.isEmpty()) {
      throw error(block.get("holidays"), "年份 " + year + " 没有任何假日");
    }
    for (Node n : holidayNodes) {
      attempt(() -> {
        Map<String, Node> m = mapping(n, Set.of("name", "from", "to"));
        String name = name(m, n);
        LocalDate from = date(m, "from", n, year);
        LocalDate to = date(m, "to", n, year);
        if (to.isBefore(from)) {
          throw error(m.get("to"), "假日 " + name + " 的结束日期 " + to + " 早于开始日期 " + from);
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          Seen other = holidays.get(d);
          if (other != null) {
            throw error(n, "假日 " + name + " 的日期 " + d + " 已在第" + line(other.node()) + "行的假日 " + other.name() + " 中");
          }
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          holidays.put(d, new Seen(name, n));
        }
      });
    }

    for (Node n : sequence(block.get("adjusted-working-days"))) {
      attempt(() -> {
        Map<String, Node> m = mapping(n, Set.of("name", "date"));
        String name = name(m, n);
        LocalDate date = date(m, "date", n, year);
        DayOfWeek w = date.getDayOfWeek();
        if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
          throw error(m.get("date"), "调休上班日 " + date + " 是" + w.getDisplayName(TextStyle.FULL, Locale.CHINA)
              + "，调休上班日只能是周六或周日");
        }
        Seen other = workingDays.get(date);
        if (other != null) {
          throw error(m.get("date"), "调休上班日 " + date + " 重复（第" + line(other.node()) + "行已定义）");
        }
        // dates lie in their year block, so a clash can only be with this block's holidays
        Seen holiday = holidays.get(date);
        if (holiday != null) {
          throw error(m.get("date"), date + " 既是调休上班日（" + name + "）又是假日（"
              + holiday.name() + "，第" + line(holiday.node()) + "行）");
        }
        workingDays.put(date, new Seen(name, n));
      });
    }
    Map<LocalDate, String> h = new TreeMap<>();
    holidays.forEach((d, seen) -> h.put(d, seen.name()));
    Map<LocalDate, String> w = new TreeMap<>();
    workingDays.forEach((d, seen) -> w.put(d, seen.name()));
    return new CalendarYear(year, h, w);
  }

  private String name(Map<String, Node> m, Node owner) {
    String name = text(m, "name", owner);
    if (name.codePointCount(0, name.length()) > NAME_MAX) {
      throw error(m.get("name"), "名称 " + name + " 超过" + NAME_MAX + "个字");
    }
    return name;
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
