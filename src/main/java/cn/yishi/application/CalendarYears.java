package cn.yishi.application;

import cn.yishi.application.port.CalendarDocuments;
import cn.yishi.application.port.CalendarStore;
import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Transactions;
import cn.yishi.domain.calendar.CalendarYear;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The calendar's years while the application runs. An operator loads a year's block (the State Council's notice:
 * public holidays and adjusted working days) through {@code /api}, in the format of the calendar file and with the
 * same checks; it is stored in the project's tables (so it survives a restart and reaches every node, which refresh
 * within {@code yishi.calendar.refresh-interval}) and replaces that year of the file. In the same transaction every
 * open deadline from that year on is counted anew, and each case's timeline says so.
 */
@Service
public class CalendarYears {
  private static final Logger LOG = LoggerFactory.getLogger(CalendarYears.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);

  /** A year of the calendar: from the file, or loaded through {@code /api} (when, by whom, how many days). */
  public record YearView(int year, String source, Integer holidayDays, Integer adjustedWorkingDays,
      OffsetDateTime loadedAt, String loadedBy) {}

  /** One open deadline counted anew. */
  public record Recounted(String caseNo, OffsetDateTime before, OffsetDateTime after, boolean changed) {}

  /** What a load did. */
  public record Loaded(List<Integer> years, List<Recounted> deadlines) {}

  private final WorkingDayCalendar calendar;
  private final CalendarStore store;
  private final CalendarDocuments documents;
  private final Deadlines deadlines;
  private final Cases cases;
  private final CaseProcesses processes;
  private final Transactions transactions;
  private volatile String version;

  public CalendarYears(WorkingDayCalendar calendar, CalendarStore store, CalendarDocuments documents, Deadlines deadlines,
      Cases cases, CaseProcesses processes, Transactions transactions) {
    this.calendar = calendar;
    this.store = store;
    this.documents = documents;
    this.deadlines = deadlines;
    this.cases = cases;
    this.processes = processes;
    this.transactions = transactions;
    refresh();
  }

  /** The covered years, in order. */
  public List<YearView> list() {
    Map<Integer, CalendarStore.Stored> loaded = store.all().stream()
        .collect(Collectors.toMap(s -> s.year().year(), Function.identity()));
    return calendar.coveredYears().stream().map(y -> {
      CalendarStore.Stored s = loaded.get(y);
      return s == null ? new YearView(y, "日历文件", null, null, null, null)
          : new YearView(y, "接口录入", s.year().holidays().size(), s.year().adjustedWorkingDays().size(), s.loadedAt(),
              s.loadedBy());
    }).toList();
  }

  /** The stored years, when another node loaded one: true when the calendar changed. */
  public synchronized boolean refresh() {
    String now = store.version();
    if (now.equals(version)) {
      return false;
    }
    List<CalendarStore.Stored> all = store.all();
    calendar.load(all.stream().map(CalendarStore.Stored::year).toList());
    if (version != null) {
      LOG.info("已载入其他节点录入的节假日安排：{} 年", all.stream().map(s -> String.valueOf(s.year().year()))
          .collect(Collectors.joining("、")));
    }
    version = now;
    return true;
  }

  /**
   * Loads the year blocks of a document (the calendar file's format) and counts every open deadline from the first
   * of those years anew.
   *
   * @throws ValidationException with one error per problem, each naming its line; nothing is stored then
   */
  public synchronized Loaded load(String text, String actor) {
    refresh();
    List<CalendarYear> years = parse(text);
    WorkingDayCalendar before = calendar.copy();
    WorkingDayCalendar after = calendar.with(years);
    int first = years.stream().mapToInt(CalendarYear::year).min().orElseThrow();
    String label = years.stream().map(y -> String.valueOf(y.year())).collect(Collectors.joining("、"));
    List<Recounted> recounted = transactions.inNewTransaction(() -> {
      OffsetDateTime now = cases.now();
      years.forEach(y -> store.put(y, now, actor));
      return recount(before, after, first, label, actor);
    });
    calendar.load(years);
    version = store.version();
    LOG.info("{} 录入了 {} 年的节假日安排；重新计算了 {} 件在办诉求的办理期限，其中 {} 件有变化。", actor, label,
        recounted.size(), recounted.stream().filter(Recounted::changed).count());
    return new Loaded(years.stream().map(CalendarYear::year).toList(), recounted);
  }

  private List<CalendarYear> parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ValidationException(List.of(new FieldError("document", "required",
          "请提交节假日安排，格式与日历文件相同（years: 年份: holidays / adjusted-working-days）")));
    }
    CalendarDocuments.Parsed parsed = documents.parse(text);
    List<FieldError> errors = new ArrayList<>();
    parsed.problems().forEach(p -> errors.add(new FieldError("document", "invalid",
        (p.line() > 0 ? "第" + p.line() + "行：" : "") + p.message())));
    int thisYear = cases.now().atZoneSameInstant(calendar.zone()).getYear();
    parsed.years().stream().filter(y -> y.year() < thisYear).forEach(y -> errors.add(new FieldError("document",
        "past_year", "不能录入已经过去的年份：" + y.year() + "年")));
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return parsed.years();
  }

  private List<Recounted> recount(WorkingDayCalendar before, WorkingDayCalendar after, int first, String label,
      String actor) {
    ZoneId zone = calendar.zone();
    LocalDate today = cases.now().atZoneSameInstant(zone).toLocalDate();
    List<Recounted> out = new ArrayList<>();
    for (Deadlines.Open o : deadlines.openFrom(LocalDate.of(first, 1, 1).atStartOfDay(zone).toOffsetDateTime())) {
      OffsetDateTime d = after.recount(before, first, o.countedFrom(), o.deadline());
      boolean changed = !d.isEqual(o.deadline());
      String was = DAY.format(o.deadline().atZoneSameInstant(zone));
      String is = DAY.format(d.atZoneSameInstant(zone));
      String note = "国务院办公厅" + label + "年节假日安排已录入，" + (changed
          ? "办理期限由" + was + "重新计算为" + is + "。" : "办理期限" + was + "经重新计算不变。");
      CaseFile c = cases.recountDeadline(o.caseId(), d, actor, note);
      boolean provisional = !after.uncoveredYears(today, d.atZoneSameInstant(zone).toLocalDate()).isEmpty();
      processes.moveDeadline(c.processInstanceId(), d, new TaskFacts(d, List.of(), provisional).deadlineText(zone));
      out.add(new Recounted(o.caseNo(), o.deadline(), d, changed));
    }
    return out;
  }
}
