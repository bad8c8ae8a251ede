package cn.yishi.application.supervision;

import cn.yishi.application.MailTemplates;
import cn.yishi.application.port.MailOutbox;
import cn.yishi.application.port.MonthlyReports;
import cn.yishi.application.port.ProxyMonthlyFigures;
import cn.yishi.application.port.MonthlyStatistics;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.supervision.BoardRules;
import cn.yishi.domain.supervision.DispatchDay;
import cn.yishi.domain.supervision.MonthlyFigures;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 月调度: the monthly dispatch report per responsible unit and per community (figures defined on
 * {@link MonthlyFigures}), the red and black board ({@link BoardRules}), the dispatch centre's review, and on
 * approval the monthly publication (一月一公示) and a mail to every unit.
 *
 * <p>Idempotent per month: computing a month again replaces its DRAFT with the next revision; an APPROVED month
 * is never recomputed; publishing again adds no publication and no mail (each mail has the key
 * {@code monthly:<YYYY-MM>:<unit>}).
 */
@Service
public class MonthlyDispatchService {
  public static final String RUN_KIND = "MONTHLY";
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int COMMENT_MAX = 2000;

  private final MonthlyStatistics statistics;
  private final MonthlyReports reports;
  private final MailOutbox outbox;
  private final Directory directory;
  private final WorkingDayCalendar calendar;
  private final Clock clock;
  private final BoardRules rules;
  private final int reviewDays;
  private final ZoneId zone;
  private final String publicBaseUrl;
  private final MailTemplates templates;
  private final ProxyMonthlyFigures proxyFigures;
  private final Duration currentTtl;
  /** The running month as last computed (see {@link #current()}). */
  private volatile MonthlyReportView lastCurrent;

  public MonthlyDispatchService(MonthlyStatistics statistics, MonthlyReports reports, MailOutbox outbox,
      Directory directory, WorkingDayCalendar calendar, Clock clock, BoardRules monthlyBoardRules,
      MonthlyProperties properties, @Value("${yishi.zone}") String zone,
      @Value("${yishi.public-base-url}") String publicBaseUrl, MailTemplates templates, ProxyMonthlyFigures proxyFigures,
      @Value("${yishi.monthly.current-ttl:PT1M}") Duration currentTtl) {
    this.currentTtl = currentTtl;
    this.proxyFigures = proxyFigures;
    this.templates = templates;
    this.statistics = statistics;
    this.reports = reports;
    this.outbox = outbox;
    this.directory = directory;
    this.calendar = calendar;
    this.clock = clock;
    this.rules = monthlyBoardRules;
    this.reviewDays = properties.checkedReviewDays();
    this.zone = ZoneId.of(zone);
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  /** Whether a run goes on, as of which day, and which month it reports. */
  public record Plan(String asOf, String month, boolean dispatchDay) {}

  /**
   * The timer's check ({@code asOf} null: today, going on only on the month's first working day), or a
   * catch-up run as of {@code asOf} (yyyy-MM-dd, not after today), which always goes on.
   */
  public Plan plan(String asOf) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    DispatchDay day = asOf == null || asOf.isBlank()
        ? DispatchDay.scheduled(today, calendar)
        : DispatchDay.catchUp(date("asOf", asOf, today));
    return new Plan(day.asOf().toString(), day.reportMonth().toString(), day.dispatchDay());
  }

  /** The outcome of a computation, for the review task. */
  public record Computed(String month, String status, int revision, String summary, OffsetDateTime reviewDue) {}

  /**
   * Computes and stores the month's report as a DRAFT (replacing an earlier DRAFT) with its boards, and writes a
   * run record; an APPROVED month is left as it is. {@code computedBy} is the reviewer who asked for the
   * recomputation, the user of a catch-up run, or "system".
   */
  @Transactional
  public Computed compute(String month, String asOf, String computedBy, String processInstanceId) {
    YearMonth m = month("month", month);
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate asOfDate = asOf == null || asOf.isBlank() ? now.atZoneSameInstant(zone).toLocalDate()
        : date("asOf", asOf, null);
    Optional<MonthlyReports.Header> existing = reports.lock(m.toString());
    if (existing.isPresent() && MonthlyReports.APPROVED.equals(existing.get().status())) {
      MonthlyReports.Header h = existing.get();
      MonthlyTables t = MonthlyTables.of(reports.rows(h.id()), directory);
      BoardRules.Boards boards = storedBoards(h.id(), t);
      return new Computed(m.toString(), h.status(), h.revision(), MonthlyTexts.withProxy(
          MonthlyTexts.summary(m, h.revision(), h.computedAt(), zone, t, boards, null), proxyLines(h.id())), null);
    }
    OffsetDateTime from = start(m);
    OffsetDateTime to = start(m.plusMonths(1));
    MonthlyTables t = MonthlyTables.of(statistics.figures(from, to, min(to, now)), directory);
    BoardRules.Boards boards = rules.rank(t.standings());
    String by = computedBy == null || computedBy.isBlank() ? "system" : computedBy;
    MonthlyReports.Header h = reports.saveDraft(new MonthlyReports.Draft(m.toString(), asOfDate, from, to, now, by,
        processInstanceId, t.rows(), boards.all()));
    List<ProxyMonthlyFigures.Row> proxy = proxyFigures.compute(from, to, min(to, now));
    proxyFigures.save(h.id(), proxy);
    MonthlyFigures total = t.total();
    int withoutContact = (int) directory.units().stream().filter(u -> u.email() == null || u.email().isBlank()).count();
    reports.recordRun(new MonthlyReports.Run(asOfDate, m.toString(), by, now, OffsetDateTime.now(clock),
        total.caseload(), total.overdue(), total.listedItems(), withoutContact, processInstanceId));
    MonthlyReports.Review last = reports.reviews(h.id()).stream().reduce((a, b) -> b).orElse(null);
    return new Computed(m.toString(), h.status(), h.revision(), MonthlyTexts.withProxy(
        MonthlyTexts.summary(m, h.revision(), now, zone, t, boards, last), MonthlyTables.proxyLines(proxy, directory)),
        calendar.deadline(now, reviewDays));
  }

  /**
   * Records the dispatch centre's review of the month's DRAFT. Refused, storing nothing: no decision, a comment
   * over 2000 characters, or a refusal without a comment (the comment says what to check or correct).
   *
   * @return whether the report was approved
   */
  @Transactional
  public boolean review(String month, Boolean approved, String comment, String actor) {
    YearMonth m = month("month", month);
    String c = comment == null ? null : comment.strip();
    if (approved == null) {
      throw refused("approved", "required", "请选择是否审定通过");
    }
    if (c != null && c.length() > COMMENT_MAX) {
      throw refused("reviewComment", "too_long", "审核意见不能超过" + COMMENT_MAX + "个字");
    }
    if (!approved && (c == null || c.isEmpty())) {
      throw refused("reviewComment", "required", "不同意发布时，请填写审核意见，说明需要核实或更正的内容");
    }
    MonthlyReports.Header h = reports.lock(m.toString())
        .orElseThrow(() -> refused("month", "not_found", MonthlyTexts.label(m) + "尚无月调度报告"));
    reports.recordReview(h.id(), h.revision(), approved, c == null || c.isEmpty() ? null : c,
        actor == null ? "system" : actor, OffsetDateTime.now(clock));
    return approved;
  }

  /** What a publication did. */
  public record Published(String month, boolean newlyApproved, int cases, int mailsQueued) {}

  /**
   * Approves the month's report (by the reviewer who approved it), stores the monthly publication, and queues
   * the report to every unit with an e-mail address. Running it again changes nothing and queues no mail twice.
   */
  @Transactional
  public Published publish(String month) {
    YearMonth m = month("month", month);
    MonthlyReports.Header h = reports.lock(m.toString())
        .orElseThrow(() -> new IllegalStateException("no monthly report for " + m));
    String approver = reports.reviews(h.id()).stream().filter(MonthlyReports.Review::approved)
        .reduce((a, b) -> b).map(MonthlyReports.Review::reviewedBy).orElse("system");
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean newly = reports.approve(h.id(), approver, now);
    int cases = 0;
    if (newly) {
      List<MonthlyStatistics.PublicationCase> published = statistics.casesOf(h.from(), h.to());
      reports.insertPublication(h.id(), published);
      cases = published.size();
    }
    MonthlyTables t = MonthlyTables.of(reports.rows(h.id()), directory);
    BoardRules.Boards boards = storedBoards(h.id(), t);
    String url = publicBaseUrl + "/public/monthly/" + m;
    int queued = 0;
    for (Directory.Unit u : directory.units()) {
      if (u.email() == null || u.email().isBlank()) {
        continue;
      }
      MailTemplates.Mail mail = templates.render(MailTemplates.Kind.MONTHLY_REPORT, Map.of("unitName", u.name(),
          "month", MonthlyTexts.label(m), "report", MonthlyTexts.mailReport(m, t.unit(u.code()), t.total(), boards, u.code()),
          "publicUrl", url, "county", directory.countyName()));
      if (outbox.enqueue("monthly:" + m + ":" + u.code(), u.email(), mail.subject(), mail.body(), null)) {
        queued++;
      }
    }
    return new Published(m.toString(), newly, cases, queued);
  }

  /** The stored report of a month (yyyy-MM), if any. */
  @Transactional(readOnly = true)
  public Optional<MonthlyReportView> report(String month) {
    YearMonth m = month("month", month);
    return reports.header(m.toString()).map(h -> {
      MonthlyTables t = MonthlyTables.of(reports.rows(h.id()), directory);
      BoardRules.Boards boards = storedBoards(h.id(), t);
      return new MonthlyReportView(h.period(), h.status(), h.revision(), h.from(), h.to(), h.computedAt(), h.computedBy(),
          t.totalRow(), t.unitRows(), t.communityRows(),
          boards.red().stream().map(MonthlyReportView.BoardPlace::of).toList(),
          boards.black().stream().map(MonthlyReportView.BoardPlace::of).toList(),
          reports.reviews(h.id()).stream().map(MonthlyReportView.ReviewEntry::of).toList(),
          h.approvedBy(), h.approvedAt(), proxyLines(h.id()));
    });
  }

  /** The stored report of the latest approved month (its red and black board is the one in force), if any. */
  @Transactional(readOnly = true)
  public Optional<MonthlyReportView> latestApproved() {
    return reports.latestApproved().flatMap(h -> report(h.period()));
  }

  /**
   * The running month with provisional boards; nothing is stored. Computed at most once per
   * {@code yishi.monthly.current-ttl} (PT1M) and shared by every reader meanwhile: for a city's 1,639 communities one
   * computation takes seconds (README, "City scale"), and the dashboard shows when it was computed.
   */
  @Transactional(readOnly = true)
  public MonthlyReportView current() {
    MonthlyReportView last = lastCurrent;
    if (fresh(last)) {
      return last;
    }
    synchronized (this) { // one computation at a time: supervisors opening the dashboard together wait for it
      last = lastCurrent;
      if (!fresh(last)) {
        last = computeCurrent();
        lastCurrent = last;
      }
      return last;
    }
  }

  /** Computed less than {@code yishi.monthly.current-ttl} ago (its time is shown: 截至 …). */
  private boolean fresh(MonthlyReportView last) {
    if (last == null) {
      return false;
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    // a clock set back (the engine's clock in a catch-up or a test) computes again
    return !now.isBefore(last.computedAt()) && now.isBefore(last.computedAt().plus(currentTtl));
  }

  private MonthlyReportView computeCurrent() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    YearMonth m = YearMonth.from(now.atZoneSameInstant(zone));
    OffsetDateTime from = start(m);
    OffsetDateTime to = start(m.plusMonths(1));
    MonthlyTables t = MonthlyTables.of(statistics.figures(from, to, min(to, now)), directory);
    BoardRules.Boards boards = rules.rank(t.standings());
    return new MonthlyReportView(m.toString(), MonthlyReportView.LIVE, null, from, to, now, null, t.totalRow(),
        t.unitRows(), t.communityRows(), boards.red().stream().map(MonthlyReportView.BoardPlace::of).toList(),
        boards.black().stream().map(MonthlyReportView.BoardPlace::of).toList(), List.of(), null, null,
        MonthlyTables.proxyLines(proxyFigures.compute(from, to, min(to, now)), directory));
  }

  private List<MonthlyReportView.ProxyLine> proxyLines(long reportId) {
    return MonthlyTables.proxyLines(proxyFigures.stored(reportId), directory);
  }

  private BoardRules.Boards storedBoards(long reportId, MonthlyTables t) {
    List<BoardRules.Entry> entries = t.named(reports.boards(reportId)).stream()
        .sorted(Comparator.comparing(BoardRules.Entry::board).thenComparing(BoardRules.Entry::rank)).toList();
    return new BoardRules.Boards(
        entries.stream().filter(e -> e.board() == BoardRules.Board.RED).toList(),
        entries.stream().filter(e -> e.board() == BoardRules.Board.BLACK).toList());
  }

  private OffsetDateTime start(YearMonth m) {
    return m.atDay(1).atStartOfDay(zone).toOffsetDateTime();
  }

  private static OffsetDateTime min(OffsetDateTime a, OffsetDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * A month as yyyy-MM.
   *
   * @throws ValidationException on anything else, naming {@code field}
   */
  public static YearMonth month(String field, String value) {
    if (value == null || !MONTH.matcher(value.strip()).matches()) {
      throw refused(field, "invalid", "月份格式应为 YYYY-MM，例如 2026-11");
    }
    try {
      return YearMonth.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw refused(field, "invalid", "月份格式应为 YYYY-MM，例如 2026-11");
    }
  }

  private static LocalDate date(String field, String value, LocalDate notAfter) {
    LocalDate d;
    try {
      if (!DATE.matcher(value.strip()).matches()) {
        throw new DateTimeParseException("pattern", value, 0);
      }
      d = LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw refused(field, "invalid", "日期格式应为 YYYY-MM-DD，例如 2026-12-01");
    }
    if (notAfter != null && d.isAfter(notAfter)) {
      throw refused(field, "future", "日期不能晚于今天（" + notAfter + "）：月调度只统计已经结束的月份");
    }
    return d;
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
