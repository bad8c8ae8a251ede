package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.MailOutbox;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.CaseRecord;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ReviewDecision;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the party review (前置把关). A decline is never silent: it carries a reason, goes into
 * the timeline and the public view, and a reporter with an e-mail address is told through the outbox.
 */
@Service
public class ReviewService {
  private final CaseRepository cases;
  private final Timeline timeline;
  private final MailOutbox outbox;
  private final Clock clock;

  public ReviewService(CaseRepository cases, Timeline timeline, MailOutbox outbox, Clock clock) {
    this.cases = cases;
    this.timeline = timeline;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional
  public CaseStatus record(String caseNo, ReviewDecision decision, String actor) {
    decision.validate();
    CaseRecord c = cases.findByCaseNo(caseNo)
        .orElseThrow(() -> new ValidationException(List.of(new FieldError("caseNo", "unknown", "办件不存在：" + caseNo))));
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (decision.admissible()) {
      cases.updateStatus(c.id(), CaseStatus.ACCEPTED, null, now);
      timeline.append(c.id(), now, actor, TimelineAction.ACCEPTED, null, true);
      return CaseStatus.ACCEPTED;
    }
    cases.updateStatus(c.id(), CaseStatus.DECLINED, decision.declineReason(), now);
    timeline.append(c.id(), now, actor, TimelineAction.DECLINED, decision.declineReason(), true);
    cases.findReporter(c.id())
        .filter(r -> r.email() != null)
        .ifPresent(r -> outbox.enqueue(
            "decline:" + c.caseNo(),
            r.email(),
            "【议事】您反映的诉求（" + c.caseNo() + "）审核结果",
            "您好！\n\n您反映的诉求「" + c.title() + "」（办件编号 " + c.caseNo() + "）经社区前置把关，"
                + "不予受理。\n理由：" + decision.declineReason()
                + "\n\n如有疑问，请联系所在社区。感谢您对社区事务的关心。\n",
            c.id()));
    return CaseStatus.DECLINED;
  }
}
