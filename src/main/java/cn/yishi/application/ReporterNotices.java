package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.MailOutbox;
import cn.yishi.domain.casefile.CaseFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tells a reporter who left an e-mail address how the case goes: accepted, declined, escalated.
 * (The evaluation link on resolution is sent by EvaluationService.) Mail goes through the outbox,
 * in the transaction that decides it, once per event.
 */
@Component
public class ReporterNotices {
  private final CaseRepository repository;
  private final MailOutbox outbox;
  private final String publicBaseUrl;

  public ReporterNotices(CaseRepository repository, MailOutbox outbox, @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.repository = repository;
    this.outbox = outbox;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  public void accepted(CaseFile c) {
    send(c, "accepted:" + c.caseNo(), "已受理",
        "已经社区前置把关，予以受理（" + c.disposal().label() + "，" + c.tier().label() + "）。"
            + (c.deadline() == null ? "" : "办理期限：" + c.deadline().toLocalDate() + "。"));
  }

  public void declined(CaseFile c, String reason, String referral) {
    send(c, "decline:" + c.caseNo(), "审核结果",
        "经社区前置把关，不予受理。\n理由：" + reason + (referral == null ? "" : "\n引导：" + referral));
  }

  public void escalated(CaseFile c) {
    send(c, "escalated:" + c.caseNo() + ":" + c.tier().name(), "已上报" + c.tier().label(),
        "已上报至" + c.tier().label() + "协调办理。新的办理期限：" + c.deadline().toLocalDate() + "。");
  }

  private void send(CaseFile c, String key, String what, String text) {
    repository.findReporter(c.id()).filter(r -> r.email() != null).ifPresent(r -> outbox.enqueue(
        key,
        r.email(),
        "【议事】您反映的诉求（" + c.caseNo() + "）" + what,
        "您好！\n\n您反映的诉求「" + c.title() + "」（办件编号 " + c.caseNo() + "）" + text
            + "\n\n办理进展：" + publicBaseUrl + "/public/cases/" + c.caseNo()
            + "\n\n感谢您对社区事务的关心。\n",
        c.id()));
  }
}
