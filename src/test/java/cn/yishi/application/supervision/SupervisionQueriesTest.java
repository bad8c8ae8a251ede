package cn.yishi.application.supervision;

import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.ZONE;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.ApplicationFixtures;
import cn.yishi.application.port.MonthlyStatistics;
import cn.yishi.application.port.SupervisionStore.ItemType;
import cn.yishi.application.port.SupervisionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** 督办看板: overdue items by unit, listed items, and the monthly trend in the offices' zone. */
class SupervisionQueriesTest {
  private final SupervisionStore store = mock(SupervisionStore.class);
  private final MonthlyStatistics statistics = mock(MonthlyStatistics.class);
  private final SupervisionQueries queries = queries(CLOCK);

  private SupervisionQueries queries(Clock clock) {
    return new SupervisionQueries(store, statistics, ApplicationFixtures.directory(), clock, ZONE.getId());
  }

  private static SupervisionStore.OpenItem item(ItemType type, long id, String unit, String community,
      OffsetDateTime deadline, OffsetDateTime listedAt) {
    return new SupervisionStore.OpenItem(type, id, id, "FX-2026-00000" + id, "标题" + id, community, "STATION", unit,
        type == ItemType.ITEM ? "措施" + id : null, deadline, "p" + id, listedAt);
  }

  @Test
  void overdueItemsAreGroupedByUnitMostItemsFirstMostOverdueFirst() {
    when(store.overdueItems(NOW)).thenReturn(List.of(
        item(ItemType.CASE, 1, "water", "hualin", endOfDay("2026-03-03"), null),
        item(ItemType.CASE, 3, "roads", "xishan", endOfDay("2026-03-02"), null),
        item(ItemType.ITEM, 2, "water", "hualin", endOfDay("2026-02-27"), NOW.minusDays(3)),
        item(ItemType.CASE, 4, "gas", "nowhere", endOfDay("2026-03-03"), null)));

    List<SupervisionQueries.UnitOverdue> overdue = queries.overdue();

    assertThat(overdue).extracting(SupervisionQueries.UnitOverdue::unit, SupervisionQueries.UnitOverdue::unitName,
        SupervisionQueries.UnitOverdue::count).containsExactly(
            tuple("water", "县供水公司", 2),
            tuple("gas", "gas", 1),
            tuple("roads", "县公路局", 1));
    assertThat(overdue.get(0).items()).containsExactly(
        new SupervisionQueries.OverdueItem("ITEM", "FX-2026-000002", "标题2", "措施2", "hualin", "华林社区",
            endOfDay("2026-02-27"), 5, true),
        new SupervisionQueries.OverdueItem("CASE", "FX-2026-000001", "标题1", null, "hualin", "华林社区",
            endOfDay("2026-03-03"), 1, false));
    assertThat(overdue.get(1).items().get(0).communityName()).isEqualTo("nowhere");
    assertThat(overdue.get(2).items().get(0).daysOverdue()).isEqualTo(2);
  }

  @Test
  void nothingOverdueIsAnEmptyBoard() {
    assertThat(queries.overdue()).isEmpty();
    verify(store).overdueItems(NOW);
  }

  @Test
  void daysOverdueCountsStartedDays() {
    assertThat(SupervisionQueries.daysOverdue(NOW, NOW)).isZero();
    assertThat(SupervisionQueries.daysOverdue(NOW.plusMinutes(1), NOW)).isZero();
    assertThat(SupervisionQueries.daysOverdue(NOW.minusMinutes(1), NOW)).isEqualTo(1);
    assertThat(SupervisionQueries.daysOverdue(NOW.minusDays(1), NOW)).isEqualTo(1);
    assertThat(SupervisionQueries.daysOverdue(NOW.minusDays(1).minusMinutes(1), NOW)).isEqualTo(2);
  }

  @Test
  void listedItemsCarryTheNames() {
    OffsetDateTime listedAt = NOW.minusDays(10);
    when(statistics.listedNow()).thenReturn(List.of(
        new MonthlyStatistics.ListedItem("FX-2026-000003", "井盖缺失", "xishan", "roads", listedAt),
        new MonthlyStatistics.ListedItem("FX-2026-000005", "电梯", "nowhere", null, listedAt)));

    assertThat(queries.listed()).containsExactly(
        new SupervisionQueries.ListedItem("FX-2026-000003", "井盖缺失", "xishan", "西山社区", "roads", "县公路局", listedAt),
        new SupervisionQueries.ListedItem("FX-2026-000005", "电梯", "nowhere", "nowhere", null, null, listedAt));
  }

  @Test
  void theTrendIsTheLastSixMonthsByDefaultWithMonthBoundsInTheZone() {
    when(statistics.receivedAndResolved(any())).thenReturn(
        IntStream.range(0, 6).mapToObj(i -> new MonthlyStatistics.MonthCount(10 + i, i)).toList());

    SupervisionQueries.Trend t = queries.trend(null);

    assertThat(t.months()).isEqualTo(6);
    assertThat(t.from()).isEqualTo("2025-10");
    assertThat(t.to()).isEqualTo("2026-03");
    assertThat(t.points()).extracting(SupervisionQueries.TrendMonth::month)
        .containsExactly("2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03");
    assertThat(t.points().get(5)).isEqualTo(new SupervisionQueries.TrendMonth("2026-03", 15, 5));
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<OffsetDateTime>> bounds = ArgumentCaptor.forClass(List.class);
    verify(statistics).receivedAndResolved(bounds.capture());
    assertThat(bounds.getValue()).hasSize(7).first().isEqualTo(OffsetDateTime.parse("2025-10-01T00:00+08:00"));
    assertThat(bounds.getValue()).last().isEqualTo(OffsetDateTime.parse("2026-04-01T00:00+08:00"));
  }

  @Test
  void justAfterMidnightOnTheFirstTheRunningMonthIsTheNewOne() {
    // 16:30 UTC on 28 February is 00:30 on 1 March in Shanghai
    SupervisionQueries early = queries(Clock.fixed(Instant.parse("2026-02-28T16:30:00Z"), ZONE));
    when(statistics.receivedAndResolved(any())).thenReturn(List.of(new MonthlyStatistics.MonthCount(1, 0)));

    SupervisionQueries.Trend t = early.trend(" 1 ");

    assertThat(t.points()).containsExactly(new SupervisionQueries.TrendMonth("2026-03", 1, 0));
    verify(statistics).receivedAndResolved(List.of(OffsetDateTime.parse("2026-03-01T00:00+08:00"),
        OffsetDateTime.parse("2026-04-01T00:00+08:00")));
  }

  @Test
  void aBadNumberOfMonthsIsRefusedAndNothingIsCounted() {
    List<String> refused = new ArrayList<>();
    for (String months : List.of("0", "25", "abc", "-1", "1.5", "1000")) {
      refused.addAll(refusal(() -> queries.trend(months)));
    }
    assertThat(refused).containsOnly("months/invalid").hasSize(6);
    verifyNoInteractions(statistics);
  }

  @Test
  void twoYearsIsTheLongestTrend() {
    when(statistics.receivedAndResolved(any())).thenReturn(
        IntStream.range(0, 24).mapToObj(i -> new MonthlyStatistics.MonthCount(0, 0)).toList());

    SupervisionQueries.Trend t = queries.trend("24");

    assertThat(t.points()).hasSize(24);
    assertThat(t.from()).isEqualTo("2024-04");
  }
}
