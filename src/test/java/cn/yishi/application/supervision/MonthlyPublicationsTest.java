package cn.yishi.application.supervision;

import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.ZONE;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.ApplicationFixtures;
import cn.yishi.application.port.MonthlyReports;
import cn.yishi.application.port.MonthlyStatistics;
import cn.yishi.domain.supervision.BoardRules;
import cn.yishi.domain.supervision.MonthlyFigures;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 一月一公示: the approved month's publication with names from the directory and catalogue, the red and black board
 * in rank order, and the items listed now. A DRAFT month is not public.
 */
class MonthlyPublicationsTest {
  private static final long REPORT = 7;
  private static final OffsetDateTime APPROVED_AT = OffsetDateTime.parse("2026-03-03T15:00:00+08:00");
  private static final MonthlyFigures WATER = new MonthlyFigures(4, 4, 4, 4, 4, 0, 0, 0, 2, 2, 9, 0, 0, 0);
  private static final MonthlyFigures ROADS = new MonthlyFigures(2, 1, 2, 0, 0, 2, 2, 0, 0, 0, 0, 1, 2, 0);

  private final MonthlyReports reports = mock(MonthlyReports.class);
  private final MonthlyStatistics statistics = mock(MonthlyStatistics.class);
  private final MonthlyPublications publications = new MonthlyPublications(reports, statistics,
      ApplicationFixtures.directory(), ApplicationFixtures.catalogue(), ZONE.getId(),
      org.mockito.Mockito.mock(cn.yishi.application.port.ProxyMonthlyFigures.class));

  private static MonthlyReports.Header header(String status, OffsetDateTime approvedAt) {
    return new MonthlyReports.Header(REPORT, "2026-02", status, 2, LocalDate.of(2026, 3, 2),
        OffsetDateTime.parse("2026-02-01T00:00+08:00"), OffsetDateTime.parse("2026-03-01T00:00+08:00"), NOW.minusDays(2),
        "system", "p-m", null, "dispatch.li", APPROVED_AT, "dispatch.li", approvedAt);
  }

  private void storedReport() {
    when(reports.rows(REPORT)).thenReturn(List.of(
        new MonthlyReports.Row("TOTAL", "*", WATER.plus(ROADS)),
        new MonthlyReports.Row("UNIT", "roads", ROADS),
        new MonthlyReports.Row("COMMUNITY", "hualin", WATER.plus(ROADS)),
        new MonthlyReports.Row("UNIT", "hualin-property", MonthlyFigures.ZERO),
        new MonthlyReports.Row("UNIT", "water", WATER),
        new MonthlyReports.Row("COMMUNITY", "xishan", MonthlyFigures.ZERO)));
    when(reports.boards(REPORT)).thenReturn(List.of(
        new BoardRules.Entry(BoardRules.Board.RED, 2, "hualin-property", null, "解决率 90.0%"),
        new BoardRules.Entry(BoardRules.Board.BLACK, 1, "roads", null, "挂牌督办 1 件"),
        new BoardRules.Entry(BoardRules.Board.RED, 1, "water", null, "解决率 100.0%")));
    when(reports.publication(REPORT, null)).thenReturn(List.of(
        new MonthlyStatistics.PublicationCase("FX-2026-000001", "streetlight", "路灯不亮", "hualin", "御苑小区", "RESOLVED",
            "water", OffsetDateTime.parse("2026-01-31T17:00:00Z"), true),
        new MonthlyStatistics.PublicationCase("FX-2026-000002", "parking", "停车难", "xishan", null, "IN_PROGRESS", null,
            OffsetDateTime.parse("2026-02-10T02:00:00Z"), false)));
  }

  @Test
  void theLatestApprovedMonthIsPublishedWithNamesBoardsAndTheCommunitysCases() {
    when(reports.latestApproved()).thenReturn(Optional.of(header(MonthlyReports.APPROVED, APPROVED_AT)));
    storedReport();

    MonthlyPublications.Publication p = publications.latest("hualin").orElseThrow();

    assertThat(p.month()).isEqualTo("2026-02");
    assertThat(p.monthName()).isEqualTo("2026年2月");
    assertThat(p.approvedAt()).isEqualTo(APPROVED_AT);
    assertThat(p.community()).isEqualTo("hualin");
    assertThat(p.red()).containsExactly(new MonthlyReportView.BoardPlace(1, "water", "县供水公司", "解决率 100.0%"),
        new MonthlyReportView.BoardPlace(2, "hualin-property", "华林物业", "解决率 90.0%"));
    assertThat(p.black()).containsExactly(new MonthlyReportView.BoardPlace(1, "roads", "县公路局", "挂牌督办 1 件"));
    assertThat(p.units()).extracting(MonthlyReportView.FigureRow::code, MonthlyReportView.FigureRow::name)
        .containsExactly(tuple("water", "县供水公司"),
            tuple("hualin-property", "华林物业"),
            tuple("roads", "县公路局"));
    assertThat(p.communities()).extracting(MonthlyReportView.FigureRow::name).containsExactly("华林社区", "西山社区");
    assertThat(p.total()).isEqualTo(MonthlyReportView.FigureRow.of("*", "奉新县", WATER.plus(ROADS)));
    assertThat(p.cases()).containsExactly(new MonthlyPublications.PublishedCase("FX-2026-000001", "路灯照明", "路灯不亮",
        "华林社区", "御苑小区", "RESOLVED", "已办结，待评价", "县供水公司", LocalDate.of(2026, 2, 1), true));
    assertThat(p.caseCount()).as("the county's cases").isEqualTo(2);
  }

  @Test
  void withoutCommunityEveryCaseIsListedAndUnknownCodesStay() {
    when(reports.latestApproved()).thenReturn(Optional.of(header(MonthlyReports.APPROVED, APPROVED_AT)));
    storedReport();

    MonthlyPublications.Publication p = publications.latest(null).orElseThrow();

    assertThat(p.cases()).hasSize(2);
    assertThat(p.cases().get(1)).isEqualTo(new MonthlyPublications.PublishedCase("FX-2026-000002", "parking", "停车难",
        "西山社区", null, "IN_PROGRESS", "办理中", "—", LocalDate.of(2026, 2, 10), false));
  }

  @Test
  void beforeTheFirstApprovalThereIsNothing() {
    assertThat(publications.latest("hualin")).isEmpty();
  }

  @Test
  void aMonthIsPublicOnlyOnceApproved() {
    storedReport();
    when(reports.header("2026-02")).thenReturn(Optional.of(header(MonthlyReports.APPROVED, APPROVED_AT)));
    when(reports.header("2026-01")).thenReturn(Optional.of(header(MonthlyReports.DRAFT, null)));

    assertThat(publications.of(" 2026-02 ", null)).get().extracting(MonthlyPublications.Publication::caseCount).isEqualTo(2);
    assertThat(publications.of("2026-01", null)).as("a DRAFT").isEmpty();
    assertThat(publications.of("2025-12", null)).as("no report").isEmpty();
  }

  @Test
  void aMalformedMonthIsRefused() {
    assertThat(refusal(() -> publications.of("2026-2", null))).containsExactly("month/invalid");
    assertThat(refusal(() -> publications.of("2026-13", null))).containsExactly("month/invalid");
    assertThat(refusal(() -> publications.of(null, null))).containsExactly("month/invalid");
    verify(reports, never()).header(anyString());
  }

  @Test
  void listedItemsShowNamesAndTheLocalDay() {
    when(statistics.listedNow()).thenReturn(List.of(
        new MonthlyStatistics.ListedItem("FX-2026-000003", "井盖缺失", "xishan", "roads", OffsetDateTime.parse("2026-02-20T16:30:00Z")),
        new MonthlyStatistics.ListedItem("FX-2026-000005", "电梯", "nowhere", null, OffsetDateTime.parse("2026-02-21T01:00:00Z"))));

    assertThat(publications.listedNow()).containsExactly(
        new MonthlyPublications.ListedItem("FX-2026-000003", "井盖缺失", "西山社区", "县公路局", LocalDate.of(2026, 2, 21)),
        new MonthlyPublications.ListedItem("FX-2026-000005", "电梯", "nowhere", "—", LocalDate.of(2026, 2, 21)));
  }

  @Test
  void theVersionChangesWithTheApprovedMonthAndTheListedItems() {
    when(statistics.listedVersion()).thenReturn("3.1772589600");
    assertThat(publications.version()).isEqualTo("none-3.1772589600");

    when(reports.latestApproved()).thenReturn(Optional.of(header(MonthlyReports.APPROVED, APPROVED_AT)));
    assertThat(publications.version()).isEqualTo("2026-02.7." + APPROVED_AT.toInstant().toEpochMilli() + "-3.1772589600");

    when(reports.latestApproved()).thenReturn(Optional.of(header(MonthlyReports.APPROVED, null)));
    assertThat(publications.version()).isEqualTo("2026-02.7.0-3.1772589600");
  }
}
