package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.MailOutbox;
import cn.yishi.domain.casefile.CaseFile;
import java.util.HashMap;
import java.util.Map;
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
  private final MailTemplates templates;

  public ReporterNotices(CaseRepository repository, MailOutbox outbox, @Value("${yishi.public-base-url}") String publicBaseUrl,
      MailTemplates templates) {
    this.repository = repository;
    this.outbox = outbox;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
    this.templates = templates;
  }

  public void accepted(CaseFile c) {
    Map<String, String> v = values(c);
    v.put("disposal", c.disposal().label());
    v.put("tier", c.tier().label());
    v.put("deadline", c.deadline() == null ? "待定" : c.deadline().toLocalDate().toString());
    send(c, "accepted:" + c.caseNo(), MailTemplates.Kind.CASE_ACCEPTED, v);
  }

  public void declined(CaseFile c, String reason, String referral) {
    Map<String, String> v = values(c);
    v.put("reason", reason);
    v.put("referral", referral == null ? "" : "引导：" + referral);
    send(c, "decline:" + c.caseNo(), MailTemplates.Kind.CASE_DECLINED, v);
  }

  /**
   * 五不议 · 超出社区权限: the transfer notice (转办通知) to the competent department, without the reporter's personal
   * data. False when the department has no address (the timeline says so).
   */
  public boolean referredToDepartment(CaseFile c, String unitName, String unitEmail, String communityName, String reason) {
    if (unitEmail == null || unitEmail.isBlank()) {
      return false;
    }
    Map<String, String> v = values(c);
    v.put("unitName", unitName);
    v.put("description", c.description());
    v.put("community", communityName);
    v.put("reason", reason);
    MailTemplates.Mail mail = templates.render(MailTemplates.Kind.CASE_REFERRED, v);
    outbox.enqueue("referred:" + c.caseNo(), unitEmail, mail.subject(), mail.body(), c.id());
    return true;
  }

  public void escalated(CaseFile c) {
    Map<String, String> v = values(c);
    v.put("tier", c.tier().label());
    v.put("deadline", c.deadline() == null ? "待定" : c.deadline().toLocalDate().toString());
    send(c, "escalated:" + c.caseNo() + ":" + c.tier().name(), MailTemplates.Kind.CASE_ESCALATED, v);
  }

  /** The single-use evaluation link (一件一评价), to the address the caller found. */
  public void evaluationRequested(CaseFile c, String email, String link, int round) {
    Map<String, String> v = values(c);
    v.put("result", c.resultNote());
    v.put("link", link);
    MailTemplates.Mail mail = templates.render(MailTemplates.Kind.EVALUATION_LINK, v);
    outbox.enqueue("evaluation:" + c.caseNo() + ":" + round, email, mail.subject(), mail.body(), c.id());
  }

  private Map<String, String> values(CaseFile c) {
    Map<String, String> v = new HashMap<>();
    v.put("caseNo", c.caseNo());
    v.put("title", c.title());
    v.put("publicUrl", publicBaseUrl + "/public/cases/" + c.caseNo());
    return v;
  }

  private void send(CaseFile c, String key, MailTemplates.Kind kind, Map<String, String> values) {
    repository.findReporter(c.id()).filter(r -> r.email() != null).ifPresent(r -> {
      MailTemplates.Mail mail = templates.render(kind, values);
      outbox.enqueue(key, r.email(), mail.subject(), mail.body(), c.id());
    });
  }
}
