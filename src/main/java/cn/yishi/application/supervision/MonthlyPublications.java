package cn.yishi.application.supervision;

import cn.yishi.application.Catalogue;
import cn.yishi.application.port.MonthlyReports;
import cn.yishi.application.port.ProxyMonthlyFigures;
import cn.yishi.application.port.MonthlyStatistics;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.supervision.BoardRules;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public sees of the monthly dispatch: the approved months' publication (一月一公示) with the red and
 * black board (红黑榜) and the units' figures, and the items under listed supervision (挂牌督办) now. No personal
 * data: case number, category, title, community, compound, status and unit only. DRAFT reports are not public.
 */
@Service
public class MonthlyPublications {
  private final MonthlyReports reports;
  private final ProxyMonthlyFigures proxyFigures;
  private final MonthlyStatistics statistics;
  private final Directory directory;
  private final Catalogue catalogue;
  private final ZoneId zone;

  public MonthlyPublications(MonthlyReports reports, MonthlyStatistics statistics, Directory directory,
      Catalogue catalogue, @Value("${yishi.zone}") String zone, ProxyMonthlyFigures proxyFigures) {
    this.proxyFigures = proxyFigures;
    this.reports = reports;
    this.statistics = statistics;
    this.directory = directory;
    this.catalogue = catalogue;
    this.zone = ZoneId.of(zone);
  }

  /** One case of the publication. {@code carriedOver}: received in an earlier month (上月结转). */
  public record PublishedCase(String caseNo, String categoryName, String title, String communityName, String compound,
      String status, String statusName, String unitName, LocalDate receivedOn, boolean carriedOver) {}

  /** An approved month as published. {@code cases}: of one community, or of all; {@code caseCount}: of all. */
  public record Publication(String month, String monthName, OffsetDateTime approvedAt, String community,
      List<MonthlyReportView.BoardPlace> red, List<MonthlyReportView.BoardPlace> black,
      MonthlyReportView.FigureRow total, List<MonthlyReportView.FigureRow> units,
      List<MonthlyReportView.FigureRow> communities, List<PublishedCase> cases, int caseCount,
      List<MonthlyReportView.ProxyLine> proxy) {}

  /** An item under listed supervision now. */
  public record ListedItem(String caseNo, String title, String communityName, String unitName, LocalDate listedOn) {}

  /** The latest approved month; its cases of {@code community}, or of all when null. */
  @Transactional(readOnly = true)
  public Optional<Publication> latest(String community) {
    return reports.latestApproved().map(h -> publication(h, community));
  }

  /**
   * An approved month (yyyy-MM); its cases of {@code community}, or of all when null.
   *
   * @throws cn.yishi.domain.casefile.ValidationException on a malformed month
   */
  @Transactional(readOnly = true)
  public Optional<Publication> of(String month, String community) {
    YearMonth m = MonthlyDispatchService.month("month", month);
    return reports.header(m.toString())
        .filter(h -> MonthlyReports.APPROVED.equals(h.status()))
        .map(h -> publication(h, community));
  }

  @Transactional(readOnly = true)
  public List<ListedItem> listedNow() {
    return statistics.listedNow().stream().map(i -> new ListedItem(i.caseNo(), i.title(),
        directory.community(i.community()).map(Directory.Community::name).orElse(i.community()),
        i.unit() == null ? "—" : directory.unit(i.unit()).map(Directory.Unit::name).orElse(i.unit()),
        i.listedAt().atZoneSameInstant(zone).toLocalDate())).toList();
  }

  /**
   * Changes when a month is approved or an item is listed or finished: part of the public board's version, so
   * that a publication shows up at once.
   */
  @Transactional(readOnly = true)
  public String version() {
    String month = reports.latestApproved()
        .map(h -> h.period() + "." + h.id() + "." + (h.approvedAt() == null ? 0 : h.approvedAt().toInstant().toEpochMilli()))
        .orElse("none");
    return month + "-" + statistics.listedVersion();
  }

  private Publication publication(MonthlyReports.Header h, String community) {
    YearMonth m = YearMonth.parse(h.period());
    MonthlyTables t = MonthlyTables.of(reports.rows(h.id()), directory);
    List<BoardRules.Entry> boards = t.named(reports.boards(h.id()));
    List<MonthlyStatistics.PublicationCase> all = reports.publication(h.id(), null);
    List<PublishedCase> cases = all.stream()
        .filter(c -> community == null || community.equals(c.community()))
        .map(this::published).toList();
    return new Publication(h.period(), MonthlyTexts.label(m), h.approvedAt(), community,
        places(boards, BoardRules.Board.RED), places(boards, BoardRules.Board.BLACK),
        t.totalRow(), t.unitRows(), t.communityRows(), cases, all.size(),
        MonthlyTables.proxyLines(proxyFigures.stored(h.id()), directory));
  }

  private static List<MonthlyReportView.BoardPlace> places(List<BoardRules.Entry> entries, BoardRules.Board board) {
    return entries.stream().filter(e -> e.board() == board)
        .sorted(java.util.Comparator.comparingInt(BoardRules.Entry::rank))
        .map(MonthlyReportView.BoardPlace::of).toList();
  }

  private PublishedCase published(MonthlyStatistics.PublicationCase c) {
    CaseStatus status = CaseStatus.valueOf(c.status());
    return new PublishedCase(c.caseNo(),
        catalogue.find(c.category()).map(Catalogue.Category::name).orElse(c.category()),
        c.title(),
        directory.community(c.community()).map(Directory.Community::name).orElse(c.community()),
        directory.compoundName(c.community(), c.compound()),
        status.name(),
        status.label(),
        c.unit() == null ? "—" : directory.unit(c.unit()).map(Directory.Unit::name).orElse(c.unit()),
        c.receivedAt().atZoneSameInstant(zone).toLocalDate(),
        c.carriedOver());
  }
}
