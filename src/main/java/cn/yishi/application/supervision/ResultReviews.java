package cn.yishi.application.supervision;

import cn.yishi.application.Cases;
import cn.yishi.application.HandlingProperties;
import cn.yishi.application.Routing;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办纠偏: the dispatch centre checks the result a responsible unit reported. A true result (属实) goes on to the
 * resident's evaluation; a false one (不实) sends the case back to handling with a new deadline and a supervision
 * order (督办单, source {@value SupervisionOrders#SOURCE_REJECTED}) that the monthly report counts as a rejected
 * result.
 */
@Service
public class ResultReviews {
  public enum Verdict { CONFIRMED, REJECTED }

  static final int REASON_MAX = 1000;

  private final Cases cases;
  private final SupervisionOrders orders;
  private final HandlingProperties properties;

  public ResultReviews(Cases cases, SupervisionOrders orders, HandlingProperties properties) {
    this.cases = cases;
    this.orders = orders;
    this.properties = properties;
  }

  /** The review's outcome: confirmed, or rejected with where the case is handled again. */
  public record Reviewed(boolean confirmed, Routing routing) {}

  @Transactional
  public Reviewed review(String caseNo, String verdict, String reason, String actor) {
    Verdict v = parse(verdict);
    String r = reason == null ? "" : reason.strip();
    if (r.length() > REASON_MAX) {
      throw refused("rejectionReason", "too_long", "核查意见不能超过" + REASON_MAX + "个字");
    }
    if (v == Verdict.CONFIRMED) {
      CaseFile c = cases.load(caseNo);
      cases.note(c, actor, TimelineAction.RESULT_CONFIRMED, r.isEmpty() ? "调度中心核查办理结果属实" : r, false);
      return new Reviewed(true, cases.routing(c, true));
    }
    if (r.isEmpty()) {
      throw refused("rejectionReason", "required", "结果不实时请写明理由");
    }
    CaseFile c = cases.change(caseNo, actor, TimelineAction.RESULT_REJECTED, "办理结果经调度中心核查不实，退回重新办理", true,
        k -> k.rejectResult(cases.deadlineIn(properties.supervisionDays())));
    orders.raise(new SupervisionStore.OpenItem(SupervisionStore.ItemType.CASE, c.id(), c.id(), c.caseNo(), c.title(),
            c.community(), c.tier() == null ? null : c.tier().name(), c.responsibleUnit(), null, c.deadline(),
            c.processInstanceId(), null),
        "RJ:" + cases.now().toInstant(), SupervisionOrders.SOURCE_REJECTED, null, false, "办理结果不实（" + r + "）");
    return new Reviewed(false, cases.routing(c, true));
  }

  private static Verdict parse(String verdict) {
    try {
      return Verdict.valueOf(verdict == null ? "" : verdict.strip());
    } catch (IllegalArgumentException e) {
      throw refused("resultVerdict", verdict == null || verdict.isBlank() ? "required" : "invalid", "请选择核查结论：属实或不实");
    }
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
