package cn.yishi.application.supervision;

import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.ApplicationFixtures;
import cn.yishi.application.Cases;
import cn.yishi.application.HandlingService;
import cn.yishi.application.RecordingOutbox;
import cn.yishi.application.RecordingTimeline;
import cn.yishi.application.Routing;
import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.SupervisionStore.ItemType;
import cn.yishi.application.port.SupervisionStore.OpenItem;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.port.Transactions;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Tier;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * 旬跟进 as of Wednesday 11 March 2026 (the middle 旬; the previous one began on 1 March). Raising an order is
 * {@link SupervisionOrders}' work and the escalation {@link HandlingService}'s (both tested on their own, mocks here);
 * the sweep decides who is ordered, listed, moved up or reminded, and counts it.
 */
class TenDaySweepTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 3, 11);
  private static final String PERIOD = "2026-03-2";
  private static final OffsetDateTime CUTOFF = OffsetDateTime.parse("2026-03-11T00:00+08:00");
  private static final OffsetDateTime QUIET_SINCE = OffsetDateTime.parse("2026-03-01T00:00+08:00");
  /** The start of the 旬 before the previous one (21 February): quiet since then means quiet after the last reminder. */
  private static final OffsetDateTime SLOW_SINCE = OffsetDateTime.parse("2026-02-21T00:00+08:00");
  private static final long RUN = 5;

  /** Overdue, and ordered in the previous 旬 too: listed now. */
  private static final OpenItem TWICE = item(ItemType.CASE, 1, "water", endOfDay("2026-03-02"), null);
  /** Overdue for the first time; the road office has no e-mail address. */
  private static final OpenItem ONCE = item(ItemType.CASE, 2, "roads", endOfDay("2026-03-05"), null);
  /** Listed already and ordered in this 旬 already. */
  private static final OpenItem LISTED = item(ItemType.ITEM, 3, "water", endOfDay("2026-02-20"), NOW.minusDays(10));
  /** Not yet due and quiet since the previous 旬 began. */
  private static final OpenItem QUIET = item(ItemType.CASE, 4, "water", endOfDay("2026-03-20"), null);
  private static final OpenItem QUIET_NO_MAIL = item(ItemType.CASE, 5, "roads", endOfDay("2026-03-20"), null);
  private static final OpenItem QUIET_UNKNOWN_UNIT = item(ItemType.CASE, 6, "gas", endOfDay("2026-03-20"), null);

  private final CaseRepository repository = mock(CaseRepository.class);
  private final cn.yishi.application.proxy.ProxySupervision proxies = proxiesNone();
  private final SupervisionStore store = mock(SupervisionStore.class);
  private final SupervisionOrders orders = mock(SupervisionOrders.class);
  private final HandlingService handling = mock(HandlingService.class);
  private final CaseProcesses processes = mock(CaseProcesses.class);
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final InlineTransactions transactions = new InlineTransactions();
  private final TenDaySweep sweep = new TenDaySweep(
      new Cases(repository, new RecordingTimeline(), CLOCK, ApplicationFixtures.calendar(), ApplicationFixtures.directory(), mock(Deadlines.class)),
      store, orders, outbox, handling, processes, CLOCK, transactions, 2, ApplicationFixtures.templates(),
      ApplicationFixtures.directory(), proxies);

  /** Runs each unit of work at once and counts them. */
  private static final class InlineTransactions implements Transactions {
    final AtomicInteger count = new AtomicInteger();

    @Override
    public <T> T inNewTransaction(Supplier<T> work) {
      count.incrementAndGet();
      return work.get();
    }
  }

  private static OpenItem item(ItemType type, long id, String unit, OffsetDateTime deadline, OffsetDateTime listedAt) {
    return new OpenItem(type, id, id, "FX-2026-00000" + id, "标题" + id, "hualin", "STATION", unit,
        type == ItemType.ITEM ? "措施" + id : null, deadline, "p" + id, listedAt);
  }

  private static CaseFile caseOf(long id, Tier tier, CaseStatus status) {
    CaseFile c = new CaseFile(id, "FX-2026-00000" + id, Channel.HOTLINE_12345, null, "streetlight", "标题" + id, "d",
        "hualin", null, null, NOW.minusDays(20));
    return c.restore(status, null, null, null, tier, null, "water", null, endOfDay("2026-03-02"), null, "p" + id, null,
        null, 0, 0, 0, 0, null, null, NOW);
  }

  private void raised(OpenItem item, boolean list, Optional<SupervisionOrders.Raised> result) {
    when(orders.raise(eq(item), eq(PERIOD), eq(SupervisionOrders.SOURCE_SWEEP), eq(RUN), eq(list), anyString()))
        .thenReturn(result);
  }

  private void aSweepOfTheMiddle旬() {
    when(store.startRun(TenDaySweep.KIND, AS_OF, PERIOD, "system", "p-t", NOW)).thenReturn(RUN);
    when(store.countOpenItems()).thenReturn(10);
    when(store.overdueItems(CUTOFF)).thenReturn(List.of(TWICE, ONCE, LISTED));
    when(store.orderedIn("2026-03-1")).thenReturn(Set.of("CASE:1", "ITEM:3"));
    when(store.quietItems(CUTOFF, QUIET_SINCE)).thenReturn(List.of(TWICE, QUIET, QUIET_NO_MAIL, QUIET_UNKNOWN_UNIT));
    when(store.run(RUN)).thenReturn(Optional.of(new SupervisionStore.Run(RUN, TenDaySweep.KIND, AS_OF, PERIOD, "system",
        NOW, NOW, 10, 3, 2, 1, 1, 3, "p-t")));
    when(repository.findById(1)).thenReturn(Optional.of(caseOf(1, Tier.STATION, CaseStatus.IN_PROGRESS)));
  }

  @Test
  void theSweepOrdersListsMovesUpRemindsAndCounts() {
    aSweepOfTheMiddle旬();
    raised(TWICE, true, Optional.of(new SupervisionOrders.Raised(11, false)));
    raised(ONCE, false, Optional.of(new SupervisionOrders.Raised(12, true)));
    raised(LISTED, false, Optional.empty());
    Routing up = new Routing(List.of("unit-water", "hualin-room"), List.of("hualin-hall"), endOfDay("2026-03-18"), 60,
        "ROOM", "COMMITTED", "water");
    when(handling.escalate("FX-2026-000001", "连续两旬逾期，挂牌督办（2026年3月中旬）", "system")).thenReturn(up);

    SupervisionStore.Run run = sweep.sweep(AS_OF, "system", "p-t");

    assertThat(run.id()).isEqualTo(RUN);
    verify(orders).raise(TWICE, PERIOD, SupervisionOrders.SOURCE_SWEEP, RUN, true,
        "旬跟进（2026年3月中旬）：已超过办理期限（2026年3月2日），连续两旬逾期");
    verify(orders).raise(ONCE, PERIOD, SupervisionOrders.SOURCE_SWEEP, RUN, false,
        "旬跟进（2026年3月中旬）：已超过办理期限（2026年3月5日）");
    verify(orders).raise(LISTED, PERIOD, SupervisionOrders.SOURCE_SWEEP, RUN, false,
        "旬跟进（2026年3月中旬）：已超过办理期限（2026年2月20日）");
    verify(store).markListed(ItemType.CASE, 1, NOW);
    verify(store, never()).markListed(eq(ItemType.ITEM), anyLong(), any());
    verify(processes).reroute("p1", up);
    assertThat(outbox.queued()).singleElement().satisfies(m -> {
      assertThat(m.dedupKey()).isEqualTo("reminder:CASE:4:2026-03-2");
      assertThat(m.recipient()).isEqualTo("water@fx.example");
      assertThat(m.subject()).isEqualTo("reminder");
      assertThat(m.caseId()).isEqualTo(4L);
      assertThat(m.body()).contains("unitName=[县供水公司]", "item=[办件「标题4」（FX-2026-000004）]", "since=[2026年3月1日]",
          "deadline=[2026年3月20日]", "period=[2026年3月中旬]");
    });
    verify(store).finishRun(RUN, new SupervisionStore.Counts(10, 3, 2, 1, 1, 3), NOW);
    assertThat(transactions.count).as("start, one chunk of orders, one of reminders, finish").hasValue(4);
  }

  @Test
  void aSlowItemQuietAfterItsReminderGetsASupervisionTaskInsteadOfAnotherReminder() {
    aSweepOfTheMiddle旬();
    when(store.quietItems(CUTOFF, SLOW_SINCE)).thenReturn(List.of(TWICE, QUIET, QUIET_NO_MAIL));
    raised(TWICE, true, Optional.of(new SupervisionOrders.Raised(11, false)));
    raised(ONCE, false, Optional.of(new SupervisionOrders.Raised(12, true)));
    raised(LISTED, false, Optional.empty());
    when(orders.raise(eq(QUIET), eq(PERIOD), eq(SupervisionOrders.SOURCE_SLOW), eq(RUN), eq(false), anyString()))
        .thenReturn(Optional.of(new SupervisionOrders.Raised(13, false)));
    when(orders.raise(eq(QUIET_NO_MAIL), eq(PERIOD), eq(SupervisionOrders.SOURCE_SLOW), eq(RUN), eq(false), anyString()))
        .thenReturn(Optional.of(new SupervisionOrders.Raised(14, true)));
    when(handling.escalate(anyString(), anyString(), anyString())).thenReturn(
        new Routing(List.of("unit-water"), List.of("hualin-hall"), endOfDay("2026-03-18"), 60, "ROOM", "COMMITTED", "water"));

    sweep.sweep(AS_OF, "system", "p-t");

    verify(orders).raise(QUIET, PERIOD, SupervisionOrders.SOURCE_SLOW, RUN, false,
        "旬跟进（2026年3月中旬）：自2026年2月21日起无办理进展，上一旬提醒后仍未推进");
    verify(orders).raise(QUIET_NO_MAIL, PERIOD, SupervisionOrders.SOURCE_SLOW, RUN, false,
        "旬跟进（2026年3月中旬）：自2026年2月21日起无办理进展，上一旬提醒后仍未推进");
    verify(orders, never()).raise(eq(TWICE), anyString(), eq(SupervisionOrders.SOURCE_SLOW), anyLong(), anyBoolean(), anyString());
    assertThat(outbox.queued()).as("no second reminder for a slow item").isEmpty();
    // ordered: 2 overdue + 2 slow; without contact: 1 overdue + 1 slow + the unknown unit's reminder
    verify(store).finishRun(RUN, new SupervisionStore.Counts(10, 3, 4, 0, 1, 3), NOW);
  }

  @Test
  void aSecondSweepOfThe旬RaisesAndMailsNothingAgain() {
    aSweepOfTheMiddle旬();
    raised(TWICE, true, Optional.of(new SupervisionOrders.Raised(11, false)));
    raised(ONCE, false, Optional.empty());
    raised(LISTED, false, Optional.empty());
    sweep.sweep(AS_OF, "system", "p-t");
    raised(TWICE, true, Optional.empty());

    sweep.sweep(AS_OF, "system", "p-t");

    verify(store).finishRun(RUN, new SupervisionStore.Counts(10, 3, 0, 0, 0, 2), NOW);
    assertThat(outbox.queued()).hasSize(1);
    verify(store).markListed(ItemType.CASE, 1, NOW);
  }

  @Test
  void aCaseAtTheTopOrClosedIsListedButNotMovedUp() {
    aSweepOfTheMiddle旬();
    when(repository.findById(1)).thenReturn(Optional.of(caseOf(1, Tier.COUNTY, CaseStatus.IN_PROGRESS)));
    raised(TWICE, true, Optional.of(new SupervisionOrders.Raised(11, false)));

    sweep.sweep(AS_OF, "system", "p-t");

    verify(store).markListed(ItemType.CASE, 1, NOW);
    verifyNoInteractions(handling, processes);

    when(repository.findById(1)).thenReturn(Optional.of(caseOf(1, Tier.STATION, CaseStatus.CLOSED)));
    sweep.sweep(AS_OF, "system", "p-t");
    verifyNoInteractions(handling, processes);
  }

  @Test
  void aFailingChunkFailsTheSweepAndLeavesTheRunUnfinished() {
    aSweepOfTheMiddle旬();
    when(orders.raise(any(), anyString(), anyString(), anyLong(), anyBoolean(), anyString()))
        .thenThrow(new IllegalStateException("数据库不可用"));

    assertThatThrownBy(() -> sweep.sweep(AS_OF, "system", "p-t")).isInstanceOf(IllegalStateException.class)
        .hasMessage("数据库不可用");

    verify(store, never()).finishRun(anyLong(), any(), any());
    assertThat(outbox.queued()).isEmpty();
  }

  @Test
  void nothingOpenIsAnEmptyRun() {
    when(store.startRun(TenDaySweep.KIND, AS_OF, PERIOD, "admin", null, NOW)).thenReturn(RUN);
    when(store.run(RUN)).thenReturn(Optional.of(new SupervisionStore.Run(RUN, TenDaySweep.KIND, AS_OF, PERIOD, "admin",
        NOW, NOW, 0, 0, 0, 0, 0, 0, null)));

    sweep.sweep(AS_OF, "admin", null);

    verify(store).finishRun(RUN, new SupervisionStore.Counts(0, 0, 0, 0, 0, 0), NOW);
    verifyNoInteractions(orders);
    assertThat(transactions.count).hasValue(2);
  }

  @Test
  void todayIsTheClocksDay() {
    assertThat(sweep.today()).isEqualTo(LocalDate.of(2026, 3, 4));
  }

  @Test
  void chunksKeepTheItemsOfOneCaseTogether() {
    List<OpenItem> items = new ArrayList<>();
    for (long caseId = 0; caseId < 118; caseId++) {
      items.add(new OpenItem(ItemType.CASE, caseId, caseId, "c" + caseId, "t", "hualin", null, "water", null, null, "p", null));
      if (caseId == 49) {
        // two resolution items of case 49, right at the first chunk's edge
        items.add(new OpenItem(ItemType.ITEM, 1000, 49, "c49", "t", "hualin", null, "water", "m", null, "p", null));
        items.add(new OpenItem(ItemType.ITEM, 1001, 49, "c49", "t", "hualin", null, "water", "m", null, "p", null));
      }
    }
    Collections.shuffle(items, new Random(7));

    List<List<OpenItem>> chunks = TenDaySweep.chunks(items);

    assertThat(chunks).extracting(List::size).containsExactly(52, 50, 18);
    Set<Long> seen = new HashSet<>();
    for (List<OpenItem> chunk : chunks) {
      Set<Long> here = new HashSet<>();
      chunk.forEach(i -> here.add(i.caseId()));
      assertThat(Collections.disjoint(here, seen)).as("a case in one chunk only").isTrue();
      seen.addAll(here);
    }
    assertThat(TenDaySweep.chunks(List.of())).isEmpty();
  }

  private static cn.yishi.application.proxy.ProxySupervision proxiesNone() {
    cn.yishi.application.proxy.ProxySupervision p = mock(cn.yishi.application.proxy.ProxySupervision.class);
    org.mockito.Mockito.when(p.sweep(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyLong()))
        .thenReturn(new cn.yishi.application.proxy.ProxySupervision.Result(0, 0, 0));
    return p;
  }
}
