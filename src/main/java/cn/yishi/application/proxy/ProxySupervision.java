package cn.yishi.application.proxy;

import cn.yishi.application.HandlingProperties;
import cn.yishi.application.port.ProxyProcesses;
import cn.yishi.application.port.ProxyStore;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.port.SupervisionStore.ItemType;
import cn.yishi.application.port.Transactions;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision of proxy requests past their time limit (代办督办), one order per raise in {@code yishi_supervision_order}
 * (item type PROXY, no case). The rule, so that nothing is supervised twice:
 * <ul>
 *   <li>at the time limit the process's own timer marks the request overdue and raises 代办督办 for the street: an
 *       order of source {@code DEADLINE} (period {@code DL:<date>});</li>
 *   <li>旬跟进 lists every request still being handled (材料核对, 代办中) past its time limit and raises a further
 *       代办督办 for the 旬 (source {@code SWEEP}, unique per request and 旬, so a re-run or a second node raises nothing
 *       twice) — unless the request has an order not yet answered (the timer's, or an earlier 旬's): one open
 *       代办督办 per request at a time;</li>
 *   <li>near-due requests need no reminder: the 代办员's tasks carry the time limit and Tasklist's 即将到期 lists them.</li>
 * </ul>
 */
@Service
public class ProxySupervision {
  public static final String SOURCE_DEADLINE = "DEADLINE";
  public static final String SOURCE_SWEEP = "SWEEP";
  static final int CHUNK = 50;
  private static final Logger LOG = LoggerFactory.getLogger(ProxySupervision.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ProxyRequests requests;
  private final ProxyStore store;
  private final SupervisionStore orders;
  private final ProxyProcesses processes;
  private final WorkingDayCalendar calendar;
  private final HandlingProperties handling;
  private final Transactions transactions;
  private final Clock clock;

  public ProxySupervision(ProxyRequests requests, ProxyStore store, SupervisionStore orders, ProxyProcesses processes,
      WorkingDayCalendar calendar, HandlingProperties handling, Transactions transactions, Clock clock) {
    this.requests = requests;
    this.store = store;
    this.orders = orders;
    this.processes = processes;
    this.calendar = calendar;
    this.handling = handling;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What 旬跟进 did with the proxy requests. */
  public record Result(int open, int overdue, int ordered) {}

  /** The timer at the time limit: overdue, and the order its 代办督办 answers; returns the order id and the reason. */
  @Transactional
  public Raised atDeadline(long requestId) {
    requests.markOverdue(requestId);
    ProxyStore.Request r = store.find(requestId).orElseThrow();
    String reason = "已超过办理时限（" + day(r.dueAt()) + "）仍未办结";
    Optional<Long> id = orders.insertOrder(order(r.id(), "DL:" + r.dueAt().atZoneSameInstant(calendar.zone()).toLocalDate(),
        SOURCE_DEADLINE, null, r.dueAt()));
    return new Raised(id.orElse(null), reason);
  }

  /** An order and the reason shown on 代办督办. */
  public record Raised(Long orderId, String reason) {}

  /** 代办督办 answered: the street's note on the request, and the order completed. */
  @Transactional
  public void answered(long requestId, Long orderId, String note, String actor) {
    requests.supervise(requestId, note, actor);
    if (orderId != null) {
      orders.completeOrder(orderId, actor, note.strip(), OffsetDateTime.now(clock));
    }
  }

  /**
   * 旬跟进's part for proxy requests, as of {@code cutoff} (the start of the sweep's day), in chunks of {@value #CHUNK}
   * each in a transaction of its own.
   *
   * @param period the 旬 (its id, e.g. 2026-12-2, and its label for the reason)
   */
  public Result sweep(String period, String periodLabel, OffsetDateTime cutoff, long runId) {
    int open = store.countOpen();
    List<ProxyStore.OverdueRequest> overdue = store.overdueOpen(cutoff);
    int ordered = 0;
    for (int from = 0; from < overdue.size(); from += CHUNK) {
      List<ProxyStore.OverdueRequest> chunk = overdue.subList(from, Math.min(overdue.size(), from + CHUNK));
      ordered += transactions.inNewTransaction(() -> {
        int n = 0;
        for (ProxyStore.OverdueRequest r : chunk) {
          n += raise(r, period, periodLabel, runId) ? 1 : 0;
        }
        return n;
      });
    }
    return new Result(open, overdue.size(), ordered);
  }

  private boolean raise(ProxyStore.OverdueRequest r, String period, String periodLabel, long runId) {
    if (!r.overdue()) {
      store.overdue(r.id()); // the timer has not fired (e.g. the job executor was down): the sweep marks it
    }
    if (r.openOrder()) {
      return false; // one open 代办督办 per request: the timer's or an earlier 旬's is not answered yet
    }
    Optional<Long> id = orders.insertOrder(order(r.id(), period, SOURCE_SWEEP, runId, r.dueAt()));
    if (id.isEmpty()) {
      return false;
    }
    String reason = "旬跟进（" + periodLabel + "）：" + r.serviceName() + "已超过办理时限（" + day(r.dueAt()) + "）仍未办结";
    if (!processes.supervise(r.processInstanceId(), id.get(), reason)) {
      LOG.warn("旬跟进：代办 {} 的流程不在办理中，督办单 {} 未生成督办任务", r.requestNo(), id.get());
    }
    return true;
  }

  private SupervisionStore.NewOrder order(long requestId, String period, String source, Long runId, OffsetDateTime deadline) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return new SupervisionStore.NewOrder(ItemType.PROXY, requestId, null, period, source, runId, null, deadline,
        calendar.deadline(now, handling.supervisionDays()), false, false, now);
  }

  private String day(OffsetDateTime t) {
    return t.atZoneSameInstant(calendar.zone()).format(DAY);
  }
}
