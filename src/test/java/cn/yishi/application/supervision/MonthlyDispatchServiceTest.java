package cn.yishi.application.supervision;

import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.ZONE;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.ApplicationFixtures;
import cn.yishi.application.RecordingOutbox;
import cn.yishi.application.port.MonthlyReports;
import cn.yishi.application.port.MonthlyStatistics;
import cn.yishi.domain.supervision.BoardRules;
import cn.yishi.domain.supervision.MonthlyFigures;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * 月调度 for February 2026, run on Wednesday 4 March: the water company resolved everything (red board), the road
 * office has a listed and overdue items (black board) and no e-mail address, one case has no unit yet.
 */
class MonthlyDispatchServiceTest {
  private static final long REPORT = 7;
  private static final OffsetDateTime FROM = OffsetDateTime.parse("2026-02-01T00:00+08:00");
  private static final OffsetDateTime TO = OffsetDateTime.parse("2026-03-01T00:00+08:00");
  private static final MonthlyFigures WATER = new MonthlyFigures(4, 4, 4, 4, 4, 0, 0, 0, 2, 2, 9, 0, 0, 0);
  private static final MonthlyFigures ROADS = new MonthlyFigures(2, 1, 2, 0, 0, 2, 2, 0, 0, 0, 0, 1, 2, 0);
  private static final MonthlyFigures NO_UNIT = new MonthlyFigures(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  private static final MonthlyFigures TOTAL = WATER.plus(ROADS).plus(NO_UNIT);

  private final MonthlyStatistics statistics = mock(MonthlyStatistics.class);
  private final MonthlyReports reports = mock(MonthlyReports.class);
  private final cn.yishi.application.port.ProxyMonthlyFigures proxyFigures = mock(cn.yishi.application.port.ProxyMonthlyFigures.class);
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final MonthlyDispatchService service = service(CLOCK, new MonthlyProperties(null, null, null));

  private MonthlyDispatchService service(Clock clock, MonthlyProperties properties) {
    return new MonthlyDispatchService(statistics, reports, outbox, ApplicationFixtures.directory(),
        ApplicationFixtures.calendar(), clock, properties.boardRules(), properties, ZONE.getId(),
        ApplicationFixtures.BASE_URL + "/", ApplicationFixtures.templates(), proxyFigures, java.time.Duration.ZERO);
  }

  private static MonthlyReports.Header header(String status, int revision) {
    return new MonthlyReports.Header(REPORT, "2026-02", status, revision, LocalDate.of(2026, 3, 4), FROM, TO, NOW, "system",
        "p-m", null, null, null, null, null);
  }

  private void februaryFigures() {
    when(statistics.figures(any(), any(), any())).thenReturn(Map.of(
        new MonthlyStatistics.Pair("water", "hualin"), WATER,
        new MonthlyStatistics.Pair("roads", "xishan"), ROADS,
        new MonthlyStatistics.Pair(null, "hualin"), NO_UNIT));
  }

  /** The report as stored: its rows and boards. */
  private void storedReport() {
    when(reports.rows(REPORT)).thenReturn(List.of(
        new MonthlyReports.Row("UNIT", "water", WATER), new MonthlyReports.Row("UNIT", "roads", ROADS),
        new MonthlyReports.Row("UNIT", "hualin-property", MonthlyFigures.ZERO), new MonthlyReports.Row("UNIT", "-", NO_UNIT),
        new MonthlyReports.Row("COMMUNITY", "hualin", WATER.plus(NO_UNIT)), new MonthlyReports.Row("COMMUNITY", "xishan", ROADS),
        new MonthlyReports.Row("TOTAL", "*", TOTAL)));
    when(reports.boards(REPORT)).thenReturn(List.of(
        new BoardRules.Entry(BoardRules.Board.BLACK, 1, "roads", null, "挂牌督办 1 件；逾期 2 件"),
        new BoardRules.Entry(BoardRules.Board.RED, 1, "water", null, "解决率 100.0%")));
  }

  @Test
  void theTimerGoesOnOnlyOnTheFirstWorkingDayOfTheMonth() {
    assertThat(service.plan(null)).isEqualTo(new MonthlyDispatchService.Plan("2026-03-04", "2026-02", false));

    MonthlyDispatchService monday = service(Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZONE),
        new MonthlyProperties(null, null, null));
    assertThat(monday.plan(" ")).isEqualTo(new MonthlyDispatchService.Plan("2026-03-02", "2026-02", true));
    MonthlyDispatchService sunday = service(Clock.fixed(Instant.parse("2026-03-01T01:00:00Z"), ZONE),
        new MonthlyProperties(null, null, null));
    assertThat(sunday.plan(null).dispatchDay()).isFalse();
  }

  @Test
  void aCatchUpRunAlwaysGoesOnButNotFromTheFuture() {
    assertThat(service.plan("2026-01-15")).isEqualTo(new MonthlyDispatchService.Plan("2026-01-15", "2025-12", true));
    assertThat(refusal(() -> service.plan("2026-3-1"))).containsExactly("asOf/invalid");
    assertThat(refusal(() -> service.plan("2026-03-05"))).containsExactly("asOf/future");
  }

  @Test
  void aReviewPeriodOutOfRangeIsRefusedAtStartUp() {
    assertThatThrownBy(() -> service(CLOCK, new MonthlyProperties(31, null, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yishi.monthly.review-days");
  }

  @Test
  void theMonthsProxyFiguresAreStoredWithTheReportAndReadInItsSummaryAndView() {
    februaryFigures();
    when(reports.lock("2026-02")).thenReturn(Optional.empty());
    when(reports.saveDraft(any())).thenReturn(header(MonthlyReports.DRAFT, 1));
    List<cn.yishi.application.port.ProxyMonthlyFigures.Row> rows = List.of(
        new cn.yishi.application.port.ProxyMonthlyFigures.Row("subsistence-allowance", "低保申请", "fengchuan", 3, 2, 1, 2, 9),
        new cn.yishi.application.port.ProxyMonthlyFigures.Row("social-insurance", "社保办理", "fengchuan", 1, 0, 0, 0, 0));
    when(proxyFigures.compute(FROM, TO, TO)).thenReturn(rows);

    MonthlyDispatchService.Computed c = service.compute("2026-02", null, null, "p-m");

    verify(proxyFigures).save(header(MonthlyReports.DRAFT, 1).id(), rows);
    assertThat(c.summary()).contains("【代办】\n冯川镇 低保申请：受理 3｜按时办结 2｜逾期 1｜评价 2（平均 4.50 分）\n"
        + "冯川镇 社保办理：受理 1｜按时办结 0｜逾期 0｜评价 0\n");
    when(reports.header("2026-02")).thenReturn(Optional.of(header(MonthlyReports.DRAFT, 1)));
    when(proxyFigures.stored(header(MonthlyReports.DRAFT, 1).id())).thenReturn(rows);
    assertThat(service.report("2026-02").orElseThrow().proxy()).first().isEqualTo(new MonthlyReportView.ProxyLine(
        "subsistence-allowance", "低保申请", "fengchuan", "冯川镇", 3, 2, 1, 2, 4.5));
  }

  @Test
  void aComputedMonthIsStoredAsADraftWithItsBoardsAndARunRecord() {
    februaryFigures();
    when(reports.lock("2026-02")).thenReturn(Optional.empty());
    when(reports.saveDraft(any())).thenReturn(header(MonthlyReports.DRAFT, 1));

    MonthlyDispatchService.Computed c = service.compute("2026-02", null, " ", "p-m");

    verify(statistics).figures(FROM, TO, TO);
    ArgumentCaptor<MonthlyReports.Draft> draft = ArgumentCaptor.forClass(MonthlyReports.Draft.class);
    verify(reports).saveDraft(draft.capture());
    MonthlyReports.Draft d = draft.getValue();
    assertThat(d).extracting(MonthlyReports.Draft::period, MonthlyReports.Draft::asOf, MonthlyReports.Draft::from,
        MonthlyReports.Draft::to, MonthlyReports.Draft::computedAt, MonthlyReports.Draft::computedBy,
        MonthlyReports.Draft::processInstanceId)
        .containsExactly("2026-02", LocalDate.of(2026, 3, 4), FROM, TO, NOW, "system", "p-m");
    assertThat(d.rows()).extracting(MonthlyReports.Row::scope, MonthlyReports.Row::code).containsExactly(
        tuple("UNIT", "water"), tuple("UNIT", "hualin-property"), tuple("UNIT", "roads"), tuple("UNIT", "-"),
        tuple("COMMUNITY", "hualin"), tuple("COMMUNITY", "xishan"), tuple("TOTAL", "*"));
    assertThat(d.rows().get(4).figures()).isEqualTo(WATER.plus(NO_UNIT));
    assertThat(d.rows().get(6).figures()).isEqualTo(TOTAL);
    assertThat(d.boards()).extracting(BoardRules.Entry::board, BoardRules.Entry::rank, BoardRules.Entry::unit)
        .containsExactly(tuple(BoardRules.Board.RED, 1, "water"), tuple(BoardRules.Board.BLACK, 1, "roads"));
    verify(reports).recordRun(new MonthlyReports.Run(LocalDate.of(2026, 3, 4), "2026-02", "system", NOW, NOW,
        TOTAL.caseload(), TOTAL.overdue(), TOTAL.listedItems(), 1, "p-m"));
    assertThat(c.month()).isEqualTo("2026-02");
    assertThat(c.status()).isEqualTo(MonthlyReports.DRAFT);
    assertThat(c.revision()).isEqualTo(1);
    assertThat(c.reviewDue()).as("2 working days, past the holiday").isEqualTo(endOfDay("2026-03-09"));
    assertThat(c.summary()).startsWith("2026年2月 月调度报告（第1版，2026-03-04 10:00 生成）")
        .contains("县供水公司：收件 4", "【红榜】\n1. 县供水公司", "【黑榜】\n1. 县公路局：挂牌督办 1 件；逾期 2 件")
        .doesNotContain("上次审核意见");
  }

  @Test
  void aRecomputationAfterARefusalShowsTheReviewersComment() {
    februaryFigures();
    when(reports.saveDraft(any())).thenReturn(header(MonthlyReports.DRAFT, 2));
    when(reports.reviews(REPORT)).thenReturn(List.of(new MonthlyReports.Review(1, false, "请核实供水公司办结数", "dispatch.li",
        NOW.minusHours(1))));

    MonthlyDispatchService.Computed c = service.compute("2026-02", "2026-03-02", "dispatch.li", "p-m");

    ArgumentCaptor<MonthlyReports.Draft> draft = ArgumentCaptor.forClass(MonthlyReports.Draft.class);
    verify(reports).saveDraft(draft.capture());
    assertThat(draft.getValue().computedBy()).isEqualTo("dispatch.li");
    assertThat(draft.getValue().asOf()).isEqualTo(LocalDate.of(2026, 3, 2));
    assertThat(c.revision()).isEqualTo(2);
    assertThat(c.summary()).contains("上次审核意见（第1版，dispatch.li，2026-03-04 09:00）：请核实供水公司办结数");
  }

  @Test
  void theRunningMonthIsCountedUpToNow() {
    when(reports.saveDraft(any())).thenReturn(header(MonthlyReports.DRAFT, 1));

    service.compute("2026-03", null, null, "p-m");

    verify(statistics).figures(TO, OffsetDateTime.parse("2026-04-01T00:00+08:00"), NOW);
  }

  @Test
  void anApprovedMonthIsNeverRecomputed() {
    when(reports.lock("2026-02")).thenReturn(Optional.of(header(MonthlyReports.APPROVED, 3)));
    storedReport();

    MonthlyDispatchService.Computed c = service.compute("2026-02", null, "dispatch.li", "p-m");

    assertThat(c.status()).isEqualTo(MonthlyReports.APPROVED);
    assertThat(c.revision()).isEqualTo(3);
    assertThat(c.reviewDue()).isNull();
    assertThat(c.summary()).contains("第3版");
    verifyNoInteractions(statistics);
    verify(reports, never()).saveDraft(any());
    verify(reports, never()).recordRun(any());
  }

  @Test
  void aMalformedMonthOrDayComputesNothing() {
    assertThat(refusal(() -> service.compute("2026/02", null, null, "p"))).containsExactly("month/invalid");
    assertThat(refusal(() -> service.compute(null, null, null, "p"))).containsExactly("month/invalid");
    assertThat(refusal(() -> service.compute("2026-02", "yesterday", null, "p"))).containsExactly("asOf/invalid");
    verifyNoInteractions(statistics, reports);
  }

  @Test
  void theReviewIsRecordedOnTheDraftsRevision() {
    when(reports.lock("2026-02")).thenReturn(Optional.of(header(MonthlyReports.DRAFT, 2)));

    assertThat(service.review("2026-02", true, "  ", "dispatch.li")).isTrue();
    assertThat(service.review("2026-02", false, " 请核实供水公司办结数 ", null)).isFalse();

    verify(reports).recordReview(REPORT, 2, true, null, "dispatch.li", NOW);
    verify(reports).recordReview(REPORT, 2, false, "请核实供水公司办结数", "system", NOW);
  }

  @Test
  void aReviewWithoutDecisionOrARefusalWithoutCommentIsRefused() {
    when(reports.lock("2026-02")).thenReturn(Optional.of(header(MonthlyReports.DRAFT, 2)));

    assertThat(refusal(() -> service.review("2026-02", null, "好", "d"))).containsExactly("approved/required");
    assertThat(refusal(() -> service.review("2026-02", true, "长".repeat(2001), "d"))).containsExactly("reviewComment/too_long");
    assertThat(refusal(() -> service.review("2026-02", false, " ", "d"))).containsExactly("reviewComment/required");
    assertThat(refusal(() -> service.review("2026-01", true, null, "d"))).containsExactly("month/not_found");
    assertThat(refusal(() -> service.review("Feb", true, null, "d"))).containsExactly("month/invalid");
    verify(reports, never()).recordReview(anyLong(), anyInt(), anyBoolean(), any(), any(), any());
  }

  @Test
  void publishingApprovesStoresThePublicationAndMailsEveryUnitWithAnAddressOnce() {
    when(reports.lock("2026-02")).thenReturn(Optional.of(header(MonthlyReports.DRAFT, 2)));
    when(reports.reviews(REPORT)).thenReturn(List.of(
        new MonthlyReports.Review(1, false, "请核实", "dispatch.wang", NOW.minusDays(1)),
        new MonthlyReports.Review(2, true, null, "dispatch.li", NOW.minusHours(1))));
    when(reports.approve(REPORT, "dispatch.li", NOW)).thenReturn(true, false);
    List<MonthlyStatistics.PublicationCase> cases = List.of(
        new MonthlyStatistics.PublicationCase("FX-2026-000001", "streetlight", "路灯不亮", "hualin", "御苑小区", "RESOLVED",
            "water", FROM.plusDays(3), false),
        new MonthlyStatistics.PublicationCase("FX-2026-000002", "parking", "停车难", "xishan", null, "IN_PROGRESS", "roads",
            FROM.minusDays(3), true));
    when(statistics.casesOf(FROM, TO)).thenReturn(cases);
    storedReport();

    assertThat(service.publish("2026-02")).isEqualTo(new MonthlyDispatchService.Published("2026-02", true, 2, 2));

    verify(reports).insertPublication(REPORT, cases);
    assertThat(outbox.queued()).extracting(RecordingOutbox.Mail::dedupKey, RecordingOutbox.Mail::recipient,
        RecordingOutbox.Mail::caseId).containsExactly(
            tuple("monthly:2026-02:water", "water@fx.example", null),
            tuple("monthly:2026-02:hualin-property", "property@fx.example", null));
    assertThat(outbox.queued().get(0).body()).contains("unitName=[县供水公司]", "month=[2026年2月]",
        "本单位列入本月红榜（第 1 名）：解决率 100.0%", "publicUrl=[https://yishi.example/public/monthly/2026-02]",
        "county=[奉新县]");
    assertThat(outbox.queued().get(1).body()).contains("本单位本月无办件");

    assertThat(service.publish("2026-02")).as("again: nothing new")
        .isEqualTo(new MonthlyDispatchService.Published("2026-02", false, 0, 0));
    verify(statistics, times(1)).casesOf(any(), any());
    verify(reports, times(1)).insertPublication(anyLong(), any());
    assertThat(outbox.queued()).hasSize(2);
  }

  @Test
  void withoutAnApprovingReviewTheSystemApproves() {
    when(reports.lock("2026-02")).thenReturn(Optional.of(header(MonthlyReports.DRAFT, 1)));
    storedReport();

    service.publish("2026-02");

    verify(reports).approve(REPORT, "system", NOW);
  }

  @Test
  void aMonthWithoutReportCannotBePublished() {
    assertThatThrownBy(() -> service.publish("2026-01")).isInstanceOf(IllegalStateException.class);
    assertThat(refusal(() -> service.publish("2026-1"))).containsExactly("month/invalid");
    assertThat(outbox.queued()).isEmpty();
  }

  @Test
  void theStoredReportIsReadWithNamesBoardsAndReviews() {
    MonthlyReports.Header h = new MonthlyReports.Header(REPORT, "2026-02", MonthlyReports.APPROVED, 2,
        LocalDate.of(2026, 3, 2), FROM, TO, NOW.minusDays(2), "system", "p-m", null, "dispatch.li", NOW.minusDays(1),
        "dispatch.li", NOW.minusDays(1));
    when(reports.header("2026-02")).thenReturn(Optional.of(h));
    when(reports.latestApproved()).thenReturn(Optional.of(h));
    when(reports.reviews(REPORT)).thenReturn(List.of(new MonthlyReports.Review(2, true, null, "dispatch.li", NOW.minusDays(1))));
    storedReport();

    MonthlyReportView v = service.report("2026-02").orElseThrow();

    assertThat(v.status()).isEqualTo(MonthlyReports.APPROVED);
    assertThat(v.units()).extracting(MonthlyReportView.FigureRow::code, MonthlyReportView.FigureRow::name).containsExactly(
        tuple("water", "县供水公司"), tuple("hualin-property", "华林物业"), tuple("roads", "县公路局"), tuple("-", "未指定责任单位"));
    assertThat(v.total()).isEqualTo(MonthlyReportView.FigureRow.of("*", "奉新县", TOTAL));
    assertThat(v.red()).containsExactly(new MonthlyReportView.BoardPlace(1, "water", "县供水公司", "解决率 100.0%"));
    assertThat(v.black()).extracting(MonthlyReportView.BoardPlace::unitName).containsExactly("县公路局");
    assertThat(v.reviews()).containsExactly(new MonthlyReportView.ReviewEntry(2, true, null, "dispatch.li", NOW.minusDays(1)));
    assertThat(v.approvedBy()).isEqualTo("dispatch.li");
    assertThat(service.latestApproved()).contains(v);
    assertThat(service.report("2026-01")).isEmpty();
    assertThat(refusal(() -> service.report("2026-00"))).containsExactly("month/invalid");
  }

  @Test
  void theRunningMonthIsComputedLiveAndNotStored() {
    februaryFigures();

    MonthlyReportView v = service.current();

    assertThat(v.month()).isEqualTo("2026-03");
    assertThat(v.status()).isEqualTo(MonthlyReportView.LIVE);
    assertThat(v.revision()).isNull();
    assertThat(v.computedAt()).isEqualTo(NOW);
    assertThat(v.red()).extracting(MonthlyReportView.BoardPlace::unit).containsExactly("water");
    verify(statistics).figures(TO, OffsetDateTime.parse("2026-04-01T00:00+08:00"), NOW);
    verifyNoInteractions(reports);
  }

  @Test
  void theRunningMonthIsComputedOncePerTimeToLiveAndSharedMeanwhile() {
    februaryFigures();
    MutableClock clock = new MutableClock(NOW);
    MonthlyDispatchService cached = new MonthlyDispatchService(statistics, reports, outbox, ApplicationFixtures.directory(),
        ApplicationFixtures.calendar(), clock, new MonthlyProperties(null, null, null).boardRules(),
        new MonthlyProperties(null, null, null), ZONE.getId(), ApplicationFixtures.BASE_URL + "/",
        ApplicationFixtures.templates(), proxyFigures, java.time.Duration.ofMinutes(1));

    MonthlyReportView first = cached.current();
    clock.now = NOW.plusSeconds(59);
    assertThat(cached.current()).isSameAs(first);
    clock.now = NOW.plusSeconds(60);
    MonthlyReportView second = cached.current();

    assertThat(second).isNotSameAs(first);
    assertThat(second.computedAt()).isEqualTo(NOW.plusSeconds(60));
    clock.now = NOW; // set back: computed again, not the later figures
    assertThat(cached.current().computedAt()).isEqualTo(NOW);
    verify(statistics, org.mockito.Mockito.times(3)).figures(any(), any(), any());
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    OffsetDateTime now;

    MutableClock(OffsetDateTime now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return now.toInstant();
    }
  }
}
