package cn.yishi.application.supervision;

import cn.yishi.application.Cases;
import cn.yishi.application.HandlingService;
import cn.yishi.application.MailTemplates;
import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.MailOutbox;
import cn.yishi.application.port.SupervisionStore.OpenItem;
import cn.yishi.application.port.SupervisionStore.Run;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.port.Transactions;
import cn.yishi.application.proxy.ProxySupervision;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.supervision.TenDayPeriod;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * 旬跟进: one sweep over every open item (cases and resolution items with a responsible unit and
 * a deadline) as of a date.
 * <ul>
 *   <li>An item whose deadline passed before that date gets a supervision order for the 旬 (see
 *       {@link SupervisionOrders}); a re-run of the same 旬, or a second node, finds the order and
 *       does nothing.</li>
 *   <li>An item overdue at the previous 旬's sweep as well is put under listed supervision (挂牌督办):
 *       it appears on the black board until resolved, and its case moves up one tier.</li>
 *   <li>An item not yet overdue without a progress note since the start of the previous 旬 gets a
 *       reminder mail, once per 旬.</li>
 *   <li>An item that was quiet at the previous sweep as well (no progress note since the start of the 旬
 *       before the previous one), so that a whole 旬 passed after its reminder without progress, is slow
 *       (进度缓慢): it gets a supervision order of source {@value SupervisionOrders#SOURCE_SLOW} with a
 *       supervision task instead of another reminder. Such an order neither counts as overdue nor leads to
 *       listed supervision.</li>
 * </ul>
 * Proxy requests (代办) past their time limit are swept in the same run by {@link ProxySupervision} (its rule: one open
 * 代办督办 per request) and counted with the items. It commits in chunks (see {@link #sweep}) and writes a run record with
 * its counts.
 */
@Service
public class TenDaySweep {
  public static final String KIND = "TEN_DAY";
  /** Items per transaction. */
  static final int CHUNK = 50;
  private static final Logger LOG = LoggerFactory.getLogger(TenDaySweep.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final Cases cases;
  private final Directory directory;
  private final SupervisionStore store;
  private final SupervisionOrders orders;
  private final MailOutbox outbox;
  private final HandlingService handling;
  private final CaseProcesses processes;
  private final Clock clock;
  private final Transactions transactions;
  private final int threads;
  private final MailTemplates templates;
  private final ProxySupervision proxies;

  public TenDaySweep(Cases cases, SupervisionStore store, SupervisionOrders orders, MailOutbox outbox,
      HandlingService handling, CaseProcesses processes, Clock clock, Transactions transactions,
      @Value("${yishi.supervision.sweep-threads:2}") int threads, MailTemplates templates, Directory directory,
      ProxySupervision proxies) {
    this.proxies = proxies;
    this.directory = directory;
    this.templates = templates;
    this.transactions = transactions;
    this.threads = Math.max(1, threads);
    this.cases = cases;
    this.store = store;
    this.orders = orders;
    this.outbox = outbox;
    this.handling = handling;
    this.processes = processes;
    this.clock = clock;
  }

  /** Today in the offices' zone: the date of a scheduled sweep. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Runs the sweep. It commits in chunks of {@value #CHUNK} items, each in a transaction of its own
   * (orders, mails, timeline entries and the supervision tasks together), worked on
   * {@code yishi.supervision.sweep-threads} threads, so that a sweep over tens of thousands of items
   * neither holds them all in memory nor loses the finished chunks when a later one fails: a re-run
   * skips what was ordered.
   */
  public Run sweep(LocalDate asOf, String triggeredBy, String processInstanceId) {
    TenDayPeriod period = TenDayPeriod.of(asOf);
    OffsetDateTime cutoff = asOf.atStartOfDay(clock.getZone()).toOffsetDateTime();
    OffsetDateTime quietSince = period.previous().start().atStartOfDay(clock.getZone()).toOffsetDateTime();
    long runId = transactions.inNewTransaction(
        () -> store.startRun(KIND, asOf, period.id(), triggeredBy, processInstanceId, cases.now()));

    int checked = store.countOpenItems();
    List<OpenItem> overdue = store.overdueItems(cutoff);
    Set<String> previouslyOrdered = store.orderedIn(period.previous().id());
    AtomicIntegerArray counts = new AtomicIntegerArray(4); // ordered, listed, withoutContact, reminded
    inParallel(chunks(overdue), chunk -> {
      for (OpenItem item : chunk) {
        supervise(item, period, runId, previouslyOrdered, counts);
      }
    });
    Set<String> supervised = new HashSet<>();
    overdue.forEach(i -> supervised.add(i.key()));
    OffsetDateTime slowSince = period.previous().previous().start().atStartOfDay(clock.getZone()).toOffsetDateTime();
    List<OpenItem> slow = store.quietItems(cutoff, slowSince).stream()
        .filter(i -> !supervised.contains(i.key()))
        .toList();
    inParallel(chunks(slow), chunk -> {
      for (OpenItem item : chunk) {
        superviseSlow(item, period, slowSince, runId, counts);
      }
    });
    slow.forEach(i -> supervised.add(i.key()));
    List<OpenItem> quiet = store.quietItems(cutoff, quietSince).stream()
        .filter(i -> !supervised.contains(i.key())) // ordered in this sweep: the order says enough
        .toList();
    inParallel(chunks(quiet), chunk -> {
      for (OpenItem item : chunk) {
        remind(item, period, quietSince, counts);
      }
    });
    // 代办 (proxy requests) past their time limit: the same 旬, the same run, their own rule (ProxySupervision)
    ProxySupervision.Result proxy = proxies.sweep(period.id(), period.label(), cutoff, runId);
    SupervisionStore.Counts result = new SupervisionStore.Counts(checked + proxy.open(), overdue.size() + proxy.overdue(),
        counts.get(0) + proxy.ordered(), counts.get(3), counts.get(1), counts.get(2));
    transactions.inNewTransaction(() -> {
      store.finishRun(runId, result, cases.now());
      return null;
    });
    LOG.info("旬跟进 {}（截至 {}）：检查 {} 项（其中代办 {}），逾期 {}（代办 {}），新督办 {}（代办 {}），提醒 {}，挂牌 {}，无联系邮箱 {}",
        period.label(), asOf, result.checked(), proxy.open(), result.overdue(), proxy.overdue(), result.ordered(),
        proxy.ordered(), result.reminded(), result.listed(), result.withoutContact());
    return store.run(runId).orElseThrow();
  }

  private void supervise(OpenItem item, TenDayPeriod period, long runId, Set<String> previouslyOrdered,
      AtomicIntegerArray counts) {
    boolean list = item.listedAt() == null && previouslyOrdered.contains(item.key());
    String reason = "旬跟进（" + period.label() + "）：已超过办理期限（" + day(item.deadline()) + "）"
        + (list ? "，连续两旬逾期" : "");
    Optional<SupervisionOrders.Raised> raised = orders.raise(item, period.id(), SupervisionOrders.SOURCE_SWEEP, runId, list, reason);
    if (raised.isEmpty()) {
      return;
    }
    counts.incrementAndGet(0);
    if (raised.get().contactMissing()) {
      counts.incrementAndGet(2);
    }
    if (list) {
      store.markListed(item.type(), item.id(), cases.now());
      counts.incrementAndGet(1);
      moveUp(item, period);
    }
  }

  /** 进度缓慢: a 旬 without progress after the reminder; a supervision order and task, no second reminder. */
  private void superviseSlow(OpenItem item, TenDayPeriod period, OffsetDateTime since, long runId,
      AtomicIntegerArray counts) {
    String reason = "旬跟进（" + period.label() + "）：自" + day(since) + "起无办理进展，上一旬提醒后仍未推进";
    orders.raise(item, period.id(), SupervisionOrders.SOURCE_SLOW, runId, false, reason).ifPresent(raised -> {
      counts.incrementAndGet(0);
      if (raised.contactMissing()) {
        counts.incrementAndGet(2);
      }
    });
  }

  private void remind(OpenItem item, TenDayPeriod period, OffsetDateTime quietSince, AtomicIntegerArray counts) {
    Optional<Directory.Unit> unit = directory.unit(item.unit());
    if (unit.isEmpty() || unit.get().email() == null || unit.get().email().isBlank()) {
      counts.incrementAndGet(2);
      return;
    }
    String what = SupervisionOrders.describe(item);
    MailTemplates.Mail mail = templates.render(MailTemplates.Kind.REMINDER, Map.of("unitName", unit.get().name(),
        "caseNo", item.caseNo(), "title", item.title(), "item", what, "since", day(quietSince),
        "deadline", day(item.deadline()), "period", period.label()));
    if (outbox.enqueue("reminder:" + item.key() + ":" + period.id(), unit.get().email(), mail.subject(), mail.body(),
        item.caseId())) {
      counts.incrementAndGet(3);
    }
  }

  /**
   * Chunks of about {@value #CHUNK} items. The items of one case stay in one chunk, so that two
   * chunks never work on the same case (and its process instance) at the same time.
   */
  static List<List<OpenItem>> chunks(List<OpenItem> items) {
    List<OpenItem> byCase = new ArrayList<>(items);
    byCase.sort(Comparator.comparingLong(OpenItem::caseId));
    List<List<OpenItem>> chunks = new ArrayList<>();
    List<OpenItem> chunk = new ArrayList<>();
    for (OpenItem item : byCase) {
      if (chunk.size() >= CHUNK && chunk.get(chunk.size() - 1).caseId() != item.caseId()) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
      }
      chunk.add(item);
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    return chunks;
  }

  /**
   * Works the chunks on {@code yishi.supervision.sweep-threads} threads, each chunk in a transaction
   * of its own; waits for all, then rethrows the first failure (the finished chunks stay committed).
   */
  private void inParallel(List<List<OpenItem>> chunks, Consumer<List<OpenItem>> work) {
    if (chunks.isEmpty()) {
      return;
    }
    List<Callable<Void>> jobs = chunks.stream().<Callable<Void>>map(
        chunk -> () -> transactions.inNewTransaction(() -> {
          work.accept(chunk);
          return null;
        })).toList();
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.min(threads, chunks.size()));
    try {
      RuntimeException failure = null;
      for (Future<Void> f : pool.invokeAll(jobs)) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("旬跟进被中断", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** 挂牌督办 moves the case up one tier; its open tasks follow. */
  private void moveUp(OpenItem item, TenDayPeriod period) {
    CaseFile c = cases.loadById(item.caseId());
    if (!c.canEscalate() || !c.status().isOpen()) {
      return;
    }
    processes.reroute(c.processInstanceId(),
        handling.escalate(c.caseNo(), "连续两旬逾期，挂牌督办（" + period.label() + "）", "system"));
  }

  private String day(OffsetDateTime t) {
    return t == null ? "未定" : t.atZoneSameInstant(clock.getZone()).format(DAY);
  }
}
