package cn.yishi.application.supervision;

import cn.yishi.application.Cases;
import cn.yishi.application.HandlingProperties;
import cn.yishi.application.MailTemplates;
import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.MailOutbox;
import cn.yishi.application.port.SupervisionStore.ItemType;
import cn.yishi.application.port.SupervisionStore.OpenItem;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.TierRouting;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises one supervision order (督办单): the order row (once per item and period), a mail to the
 * responsible unit through the outbox, a timeline entry and a {@code userTask_supervise} in the
 * case's process. Shared by the handling deadline timer and the 旬跟进 sweep; runs in the caller's
 * transaction, so nothing is half raised.
 */
@Component
public class SupervisionOrders {
  public static final String SOURCE_SWEEP = "SWEEP";
  public static final String SOURCE_DEADLINE = "DEADLINE";
  /** The dispatch centre rejected the reported result as false (结果不实). */
  public static final String SOURCE_REJECTED = "REJECTED";
  /** 旬跟进: no progress for a whole 旬 after the reminder (进度缓慢). */
  public static final String SOURCE_SLOW = "SLOW";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final Cases cases;
  private final TierRouting tiers;
  private final Directory directory;
  private final SupervisionStore store;
  private final MailOutbox outbox;
  private final CaseProcesses processes;
  private final HandlingProperties handling;
  private final MailTemplates templates;

  public SupervisionOrders(Cases cases, SupervisionStore store, MailOutbox outbox, CaseProcesses processes,
      HandlingProperties handling, MailTemplates templates, Directory directory) {
    this.tiers = new TierRouting(directory);
    this.directory = directory;
    this.templates = templates;
    this.cases = cases;
    this.store = store;
    this.outbox = outbox;
    this.processes = processes;
    this.handling = handling;
  }

  /** What was raised: whether the unit has no contact address, so the caller can count it. */
  public record Raised(long orderId, boolean contactMissing) {}

  /**
   * Raises the order unless the item already has one for {@code period}.
   *
   * @param reason why, in Chinese, for the timeline, the mail and the supervision form
   */
  public Optional<Raised> raise(OpenItem item, String period, String source, Long runId, boolean listed, String reason) {
    OffsetDateTime now = cases.now();
    OffsetDateTime due = cases.deadlineIn(handling.supervisionDays());
    Optional<Directory.Unit> unit = item.unit() == null ? Optional.empty() : directory.unit(item.unit());
    String unitName = unit.map(Directory.Unit::name).orElse(item.unit() == null ? "（未定责任单位）" : item.unit());
    boolean contactMissing = unit.map(u -> u.email() == null || u.email().isBlank()).orElse(true);
    Optional<Long> id = store.insertOrder(new SupervisionStore.NewOrder(item.type(), item.id(), item.caseId(), period,
        source, runId, item.unit(), item.deadline(), due, listed, contactMissing, now));
    if (id.isEmpty()) {
      return Optional.empty();
    }
    String what = describe(item);
    String deadline = item.deadline() == null ? "未定" : item.deadline().atZoneSameInstant(now.getOffset()).format(DAY);
    if (!contactMissing) {
      MailTemplates.Mail mail = templates.render(listed ? MailTemplates.Kind.SUPERVISION_LISTED : MailTemplates.Kind.SUPERVISION,
          Map.of("unitName", unitName, "caseNo", item.caseNo(), "title", shorten(item.title()), "item", what,
              "deadline", deadline, "reason", reason, "due", due.format(DAY)));
      outbox.enqueue("supervision:" + item.key() + ":" + period, unit.get().email(), mail.subject(), mail.body(), item.caseId());
    }
    String note = contactMissing
        ? "责任单位“" + unitName + "”未登记联系邮箱，督办邮件未能发出，请电话或当面通知。"
        : "督办邮件已发送至" + unitName + "。";
    cases.note(item.caseId(), "system", listed ? TimelineAction.LISTED : TimelineAction.SUPERVISED,
        (item.type() == ItemType.CASE ? "" : "决议事项「" + item.measure() + "」：") + reason + "，督办期限"
            + due.format(DAY) + "。" + (contactMissing ? note : ""), true);
    List<String> supervisors = tiers.supervisorGroups(item.community(), tierOf(item));
    processes.supervise(item.processInstanceId(), new CaseProcesses.SupervisionTask(id.get(), supervisors, due,
        (listed ? "挂牌督办：" : "") + what + reason, note, listed ? 90 : 70));
    return Optional.of(new Raised(id.get(), contactMissing));
  }

  /** The supervisor's record of an order (督办情况); it goes into the timeline. */
  @Transactional
  public void complete(long orderId, String caseNo, String comment, String actor) {
    String c = comment == null ? "" : comment.strip();
    if (c.length() > 2000) {
      throw new ValidationException(List.of(
          new FieldError("supervisionComment", "too_long", "督办情况不能超过2000个字")));
    }
    if (store.completeOrder(orderId, actor, c.isEmpty() ? null : c, cases.now())) {
      cases.note(cases.load(caseNo), actor, TimelineAction.SUPERVISION_HANDLED, c.isEmpty() ? "已督促责任单位" : c, false);
    }
  }

  /** 办件「标题」（编号）, or for a resolution item 办件「标题」（编号）的决议事项「措施」: the {item} of the mails. */
  static String describe(OpenItem item) {
    String c = "办件「" + item.title() + "」（" + item.caseNo() + "）";
    return item.type() == ItemType.CASE ? c : c + "的决议事项「" + item.measure() + "」";
  }

  private static Tier tierOf(OpenItem item) {
    return item.tier() == null ? Tier.STATION : Tier.valueOf(item.tier());
  }

  private static String shorten(String title) {
    return title.length() > 40 ? title.substring(0, 40) + "…" : title;
  }
}
