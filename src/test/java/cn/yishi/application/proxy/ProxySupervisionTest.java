package cn.yishi.application.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.ApplicationFixtures;
import cn.yishi.application.port.ProxyProcesses;
import cn.yishi.application.port.ProxyStore;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.port.SupervisionStore.ItemType;
import cn.yishi.application.port.Transactions;
import cn.yishi.domain.proxy.ProxyStatus;
import cn.yishi.support.ProcessTestEngine;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * 旬跟进's part for proxy requests: an overdue request gets one order per 旬 and its 代办督办; one with an unanswered
 * order (the timer's or an earlier 旬's) gets none; a re-run of the 旬 raises nothing; the timer's order at the time limit.
 */
class ProxySupervisionTest {
  private static final String PERIOD = "2026-03-2";
  private static final OffsetDateTime CUTOFF = OffsetDateTime.parse("2026-03-11T00:00+08:00");
  private static final OffsetDateTime DUE = OffsetDateTime.parse("2026-03-09T18:00+08:00");

  private final ProxyStore store = mock(ProxyStore.class);
  private final ProxyProcesses processes = mock(ProxyProcesses.class);
  private final ProxyRequests requests = mock(ProxyRequests.class);
  private final OrderTable orders = new OrderTable();
  private final AtomicInteger transactions = new AtomicInteger();
  private final ProxySupervision supervision = new ProxySupervision(requests, store, orders.store, processes,
      ProcessTestEngine.CALENDAR, ApplicationFixtures.handling(), new Transactions() {
        @Override
        public <T> T inNewTransaction(Supplier<T> work) {
          transactions.incrementAndGet();
          return work.get();
        }
      }, ProcessTestEngine.CLOCK);

  /** The order table's unique key (item, period) and its answered orders. */
  private static final class OrderTable {
    final SupervisionStore store = mock(SupervisionStore.class);
    final Set<String> keys = new HashSet<>();
    final List<SupervisionStore.NewOrder> inserted = new ArrayList<>();

    OrderTable() {
      when(store.insertOrder(any())).thenAnswer(a -> {
        SupervisionStore.NewOrder o = a.getArgument(0);
        if (!keys.add(o.type() + ":" + o.itemId() + ":" + o.period())) {
          return Optional.empty();
        }
        inserted.add(o);
        return Optional.of(100L + inserted.size());
      });
    }
  }

  private static ProxyStore.OverdueRequest overdue(long id, boolean markedOverdue, boolean openOrder) {
    return new ProxyStore.OverdueRequest(id, "DB20260302-" + id, "低保申请", "hualin", "fengchuan", "pi-" + id, DUE,
        markedOverdue, openOrder);
  }

  @Test
  void anOverdueRequestGetsOneOrderPerTenDaysAndNoneWhileAnOrderIsUnanswered() {
    when(store.countOpen()).thenReturn(5);
    when(store.overdueOpen(CUTOFF)).thenReturn(List.of(overdue(1, true, false), overdue(2, true, true), overdue(3, false, false)));
    when(processes.supervise(anyString(), anyLong(), anyString())).thenReturn(true);

    ProxySupervision.Result first = supervision.sweep(PERIOD, "2026年3月中旬", CUTOFF, 9);

    assertThat(first).isEqualTo(new ProxySupervision.Result(5, 3, 2));
    assertThat(orders.inserted).extracting(SupervisionStore.NewOrder::itemId).containsExactly(1L, 3L);
    assertThat(orders.inserted).allSatisfy(o -> {
      assertThat(o.type()).isEqualTo(ItemType.PROXY);
      assertThat(o.caseId()).isNull();
      assertThat(o.source()).isEqualTo("SWEEP");
      assertThat(o.runId()).isEqualTo(9L);
      assertThat(o.deadline()).isEqualTo(DUE);
    });
    ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
    verify(processes).supervise(eq("pi-1"), eq(101L), reason.capture());
    assertThat(reason.getValue()).isEqualTo("旬跟进（2026年3月中旬）：低保申请已超过办理时限（2026年3月9日）仍未办结");
    verify(processes).supervise(eq("pi-3"), eq(102L), anyString());
    verify(processes, never()).supervise(eq("pi-2"), anyLong(), anyString());
    verify(store).overdue(3); // the timer had not fired: the sweep marks it
    verify(store, never()).overdue(1);

    // the same 旬 again (a catch-up run, a second node): nothing new
    ProxySupervision.Result again = supervision.sweep(PERIOD, "2026年3月中旬", CUTOFF, 10);
    assertThat(again.ordered()).isZero();
    assertThat(orders.inserted).hasSize(2);
    // the next 旬, the orders unanswered: still nothing (one open 代办督办 per request)
    when(store.overdueOpen(any())).thenReturn(List.of(overdue(1, true, true), overdue(3, true, true)));
    assertThat(supervision.sweep("2026-03-3", "2026年3月下旬", CUTOFF.plusDays(10), 11).ordered()).isZero();
    // answered meanwhile: a new order for the new 旬
    when(store.overdueOpen(any())).thenReturn(List.of(overdue(1, true, false)));
    assertThat(supervision.sweep("2026-03-3", "2026年3月下旬", CUTOFF.plusDays(10), 11).ordered()).isEqualTo(1);
    assertThat(orders.inserted).extracting(SupervisionStore.NewOrder::period).containsExactly(PERIOD, PERIOD, "2026-03-3");
  }

  @Test
  void nothingOverdueRaisesNothingAndOpensNoTransaction() {
    when(store.countOpen()).thenReturn(2);
    when(store.overdueOpen(CUTOFF)).thenReturn(List.of());
    assertThat(supervision.sweep(PERIOD, "2026年3月中旬", CUTOFF, 9)).isEqualTo(new ProxySupervision.Result(2, 0, 0));
    assertThat(transactions).hasValue(0);
  }

  @Test
  void theTimerMarksTheRequestOverdueWithAnOrderOfItsDeadlineAndTheAnswerClosesIt() {
    when(store.find(7)).thenReturn(Optional.of(new ProxyStore.Request(7, "DB20260302-7", "tok", "subsistence-allowance",
        "hualin", "fengchuan", null, "PHONE", ProxyStatus.IN_HAND, null, "pi-7", DUE.minusDays(7), DUE, true, null, null,
        null, null)));

    ProxySupervision.Raised raised = supervision.atDeadline(7);

    verify(requests).markOverdue(7);
    assertThat(raised).isEqualTo(new ProxySupervision.Raised(101L, "已超过办理时限（2026年3月9日）仍未办结"));
    assertThat(orders.inserted).singleElement().satisfies(o -> {
      assertThat(o.period()).isEqualTo("DL:2026-03-09");
      assertThat(o.source()).isEqualTo("DEADLINE");
    });
    supervision.answered(7, 101L, " 请三日内办结 ", "street.fengchuan");
    verify(requests).supervise(7, " 请三日内办结 ", "street.fengchuan");
    verify(orders.store).completeOrder(eq(101L), eq("street.fengchuan"), eq("请三日内办结"), any());
  }
}
