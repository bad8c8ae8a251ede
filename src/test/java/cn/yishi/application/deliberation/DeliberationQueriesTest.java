package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.NOW;
import static cn.yishi.application.deliberation.DeliberationFixture.item;
import static cn.yishi.application.deliberation.DeliberationFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.Meetings;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public view of publicised resolutions and the meeting statistics, in the calendar's zone. */
class DeliberationQueriesTest {
  private final DeliberationFixture f = new DeliberationFixture();
  private final DeliberationQueries queries = new DeliberationQueries(f.meetings, f.deliberations, f.calendar);

  private Meetings.Meeting publicised(String token, OffsetDateTime endsAt) {
    Meetings.Meeting m = new Meetings.Meeting(41, 7L, "hualin", "YELLOW", null, NOW.minusDays(1), "三栋加装电梯", null,
        token, endsAt, 23, "同意加装", "责任");
    when(f.meetings.items(41)).thenReturn(List.of(
        item(501, 41, 7L, "housing", "出具审批意见", "2026-04-06T16:30:00Z", "PROPOSED"),
        item(499, 41, 7L, "housing", "撤回的措施", "2026-04-07T10:00:00Z", "WITHDRAWN"),
        item(502, 41, 7L, "gone", "协调施工时间", "2026-03-10T10:00:00Z", "OPEN")));
    return m;
  }

  @Test
  void theResolutionsInPublicityWithNamesAndDatesAndNoWithdrawnItems() {
    Meetings.Meeting m = publicised("tok", NOW.plusDays(7));
    when(f.meetings.inPublicity("hualin", NOW)).thenReturn(List.of(m));

    assertThat(queries.publicResolutions("hualin")).containsExactly(new DeliberationQueries.PublicResolution("tok", "华林社区",
        "三栋加装电梯", "同意加装", List.of(
            new DeliberationQueries.PublicItem("县住建局", "出具审批意见", LocalDate.of(2026, 4, 7), "待生效"),
            new DeliberationQueries.PublicItem("gone", "协调施工时间", LocalDate.of(2026, 3, 10), "落实中")),
        NOW.plusDays(7), true));
  }

  @Test
  void aResolutionByItsTokenIsClosedOnceTheWindowHasEnded() {
    Meetings.Meeting m = publicised("tok", NOW);
    when(f.meetings.findByPublicityToken("tok")).thenReturn(Optional.of(m));

    assertThat(queries.publicResolution("tok")).get().extracting(DeliberationQueries.PublicResolution::open).isEqualTo(false);
    assertThat(queries.publicResolution("nope")).isEmpty();
    assertThat(queries.publicResolution(null)).isEmpty();
    verify(f.meetings).findByPublicityToken("");
  }

  @Test
  void theResolutionsOfAnUnknownCommunityAreRefused() {
    assertThat(refusal(() -> queries.publicResolutions("nowhere"))).containsExactly("community unknown");
    verify(f.meetings, never()).inPublicity(any(), any());
  }

  @Test
  void theStatisticsRunFromTheFirstMonthsStartToTheEndOfTheLastInTheZone() {
    List<Meetings.MonthFigures> figures = List.of(new Meetings.MonthFigures("hualin", "2026-02", 2, 1, 40, 1));
    when(f.meetings.statistics("hualin", OffsetDateTime.parse("2026-01-01T00:00:00+08:00"),
        OffsetDateTime.parse("2026-04-01T00:00:00+08:00"), DeliberationFixture.SHANGHAI)).thenReturn(figures);

    assertThat(queries.statistics("hualin", YearMonth.of(2026, 1), YearMonth.of(2026, 3))).isEqualTo(figures);
  }

  @Test
  void aPeriodBackwardsOrTooLongAndAnUnknownCommunityAreRefused() {
    assertThat(refusal(() -> queries.statistics(null, YearMonth.of(2026, 3), YearMonth.of(2026, 1)))).containsExactly("to invalid");
    assertThat(refusal(() -> queries.statistics(null, YearMonth.of(2023, 1), YearMonth.of(2026, 3)))).containsExactly("to invalid");
    assertThat(refusal(() -> queries.statistics("nowhere", YearMonth.of(2026, 1), YearMonth.of(2026, 3))))
        .containsExactly("community unknown");
    verify(f.meetings, never()).statistics(any(), any(), any(), any());
  }

  @Test
  void theCurrentMonthIsTheCalendarZones() {
    assertThat(queries.currentMonth()).isEqualTo(YearMonth.of(2026, 3));
    DeliberationFixture lastEvening = new DeliberationFixture(OffsetDateTime.parse("2026-02-28T17:00:00Z"));
    assertThat(new DeliberationQueries(lastEvening.meetings, lastEvening.deliberations, lastEvening.calendar).currentMonth())
        .isEqualTo(YearMonth.of(2026, 3));
  }
}
