package cn.yishi.application.supervision;

import cn.yishi.application.Cases;
import cn.yishi.application.HandlingService;
import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.MailOutbox;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.port.SupervisionStore.ItemType;
import cn.yishi.application.port.SupervisionStore.OpenItem;
import cn.yishi.application.port.SupervisionStore.Run;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.supervision.TenDayPeriod;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
 * </ul>
 * The whole sweep is one transaction and writes a run record with its counts.
 */
@Service
public class TenDaySweep {
  public static final String KIND = "TEN_DAY";
  private static final Logger LOG = LoggerFactory.getLogger(TenDaySweep.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final Cases cases;
  private final SupervisionStore store;
  private final SupervisionOrders orders;
  private final MailOutbox outbox;
  private final HandlingService handling;
  private final CaseProcesses processes;
  private final Clock clock;

  public TenDaySweep(Cases cases, SupervisionStore store, SupervisionOrders orders, MailOutbox outbox,
      HandlingService handling, CaseProcesses processes, Clock clock) {
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

  @Transactional
  public Run sweep(LocalDate asOf, String triggeredBy, String processInstanceId) {
    TenDayPeriod period = TenDayPeriod.of(asOf);
    OffsetDateTime now = cases.now();
    OffsetDateTime cutoff = asOf.atStartOfDay(clock.getZone()).toOffsetDateTime();
    OffsetDateTime quietSince = period.previous().start().atStartOfDay(clock.getZone()).toOffsetDateTime();
    long runId = store.startRun(KIND, asOf, period.id(), triggeredBy, processInstanceId, now);

    int checked = store.countOpenItems();
    List<OpenItem> overdue = store.overdueItems(cutoff);
    Set<String> previouslyOrdered = store.orderedIn(period.previous().id());
    int ordered = 0;
    int listed = 0;
    int withoutContact = 0;
    for (OpenItem item : overdue) {
      boolean list = item.listedAt() == null && previouslyOrdered.contains(item.key());
      String reason = "旬跟进（" + period.label() + "）：已超过办理期限（" + day(item.deadline()) + "）"
          + (list ? "，连续两旬逾期" : "");
      Optional<SupervisionOrders.Raised> raised = orders.raise(item, period.id(), SupervisionOrders.SOURCE_SWEEP, runId, list, reason);
      if (raised.isEmpty()) {
        continue;
      }
      ordered++;
      if (raised.get().contactMissing()) {
        withoutContact++;
      }
      if (list) {
        store.markListed(item.type(), item.id(), now);
        listed++;
        moveUp(item, period);
      }
    }

    int reminded = 0;
    Set<String> supervised = new java.util.HashSet<>();
    overdue.forEach(i -> supervised.add(i.key()));
    for (OpenItem item : store.quietItems(cutoff, quietSince)) {
      if (supervised.contains(item.key())) {
        continue; // listed in this sweep, with a new deadline: the supervision mail says enough
      }
      Optional<Directory.Unit> unit = cases.directory().unit(item.unit());
      if (unit.isEmpty() || unit.get().email() == null || unit.get().email().isBlank()) {
        withoutContact++;
        continue;
      }
      String what = item.type() == ItemType.CASE
          ? "办件「" + item.title() + "」（" + item.caseNo() + "）"
          : "办件「" + item.title() + "」（" + item.caseNo() + "）的决议事项「" + item.measure() + "」";
      if (outbox.enqueue("reminder:" + item.key() + ":" + period.id(), unit.get().email(),
          "【旬跟进提醒】" + item.caseNo() + " 请填写办理进展",
          unit.get().name() + "：\n\n" + what + "自" + day(quietSince) + "以来没有办理进展记录，办理期限为"
              + day(item.deadline()) + "。\n请在系统中填写办理进展，逾期将予以督办。\n\n县调度中心（" + period.label() + "旬跟进）\n",
          item.caseId())) {
        reminded++;
      }
    }
    SupervisionStore.Counts counts = new SupervisionStore.Counts(checked, overdue.size(), ordered, reminded, listed, withoutContact);
    store.finishRun(runId, counts, cases.now());
    LOG.info("旬跟进 {}（截至 {}）：检查 {} 项，逾期 {}，新督办 {}，提醒 {}，挂牌 {}，无联系邮箱 {}", period.label(), asOf,
        checked, overdue.size(), ordered, reminded, listed, withoutContact);
    return store.run(runId).orElseThrow();
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
