package cn.yishi.application;

import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Evaluations;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一件一评价: an e-mailed single-use link, or a follow-up visit by a grid worker; a rating ≥ 3 closes
 * the case (销号), ≤ 2 sends it back for rework (整改), and the third unsatisfied rating escalates it.
 */
@Service
public class EvaluationService {
  public static final String SOURCE_LINK = "MAIL_LINK";
  public static final String SOURCE_VISIT = "FOLLOW_UP_VISIT";
  private static final int COMMENT_MAX = 1000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Cases cases;
  private final CaseRepository repository;
  private final Evaluations evaluations;
  private final CaseProcesses processes;
  private final HandlingProperties properties;
  private final ReporterNotices notices;
  private final String publicBaseUrl;

  public EvaluationService(Cases cases, Evaluations evaluations, CaseProcesses processes,
      HandlingProperties properties, ReporterNotices notices, @Value("${yishi.public-base-url}") String publicBaseUrl, CaseRepository repository) {
    this.cases = cases;
    this.repository = repository;
    this.evaluations = evaluations;
    this.processes = processes;
    this.properties = properties;
    this.notices = notices;
    this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
  }

  /**
   * How the resident is asked: by a mailed link ({@code byMail}), valid for {@code linkValidity}; without an e-mail address, or
   * when the link is not used in time, by a grid worker's visit due on {@code visitDue} (working days after the wait).
   */
  public record Requested(boolean byMail, java.time.Duration linkValidity, OffsetDateTime visitDue) {}

  /** Sends an evaluation link when the reporter left an e-mail address; says how the resident is asked. */
  @Transactional
  public Requested request(String caseNo) {
    CaseFile c = cases.load(caseNo);
    OffsetDateTime visitDue = cases.deadlineAt(cases.now().plus(properties.evaluationWait()), properties.supervisionDays());
    var email = repository.findReporter(c.id()).map(r -> r.email()).orElse(null);
    if (email == null) {
      return new Requested(false, properties.evaluationWait(), visitDue);
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    OffsetDateTime now = cases.now();
    int round = c.reworkCount();
    evaluations.insertToken(token, c.id(), round, now, now.plus(properties.evaluationWait()));
    String link = publicBaseUrl + "/public/evaluations/" + token;
    notices.evaluationRequested(c, email, link, round);
    cases.note(c, "system", TimelineAction.EVALUATION_REQUESTED, "已发送评价链接", false);
    return new Requested(true, properties.evaluationWait(), visitDue);
  }

  public record LinkView(String caseNo, String title, String result, OffsetDateTime expiresAt) {}

  /** What the evaluation page shows; refuses unknown, used and expired links. */
  @Transactional(readOnly = true)
  public LinkView view(String token) {
    Evaluations.Token t = usable(token);
    CaseFile c = caseOf(t);
    return new LinkView(c.caseNo(), c.title(), c.resultNote(), t.expiresAt());
  }

  /** A resident rates through the link: single use; delivered to the waiting case in one transaction. */
  @Transactional
  public String submit(String token, Integer satisfaction, String comment) {
    Evaluations.Token t = usable(token);
    validate(satisfaction, comment);
    if (!evaluations.markUsed(t.token(), cases.now())) {
      throw new LinkRefused(LinkRefused.Reason.USED);
    }
    CaseFile c = caseOf(t);
    processes.deliverEvaluation(c.caseNo(), satisfaction, comment == null ? null : comment.strip());
    return c.caseNo();
  }

  /** Records a rating (from the link or the visit); returns whether the resident is satisfied. */
  @Transactional
  public boolean record(String caseNo, Integer satisfaction, String comment, String source, String actor) {
    validate(satisfaction, comment);
    boolean[] satisfied = new boolean[1];
    CaseFile c = cases.change(caseNo, actor, TimelineAction.EVALUATED,
        "满意度 " + satisfaction + " 分" + (SOURCE_VISIT.equals(source) ? "（网格员回访）" : "（群众在线评价）"), true,
        k -> satisfied[0] = k.evaluate(satisfaction));
    evaluations.insertEvaluation(c.id(), c.reworkCount(), satisfaction, comment, source, actor, cases.now());
    return satisfied[0];
  }

  /** Not satisfied: rework with the comment and a new deadline; the third time also escalates. */
  @Transactional
  public Routing rework(String caseNo, String comment) {
    boolean[] escalate = new boolean[1];
    CaseFile c = cases.change(caseNo, "system", TimelineAction.REWORK,
        "群众不满意，退回整改" + (comment == null || comment.isBlank() ? "" : "：" + comment.strip()), true,
        k -> escalate[0] = k.rework(cases.deadlineIn(properties.reworkDays())));
    if (escalate[0]) {
      int days = properties.escalationDays().get(c.tier().up().orElse(c.tier()));
      c = cases.change(caseNo, "system", TimelineAction.ESCALATED, "第" + c.unsatisfiedCount() + "次不满意，自动上报", true,
          k -> k.escalate(cases.deadlineIn(days)));
      notices.escalated(c);
    }
    return cases.routing(c, true);
  }

  /** 销号. */
  @Transactional
  public void close(String caseNo) {
    cases.change(caseNo, "system", TimelineAction.CLOSED, "群众满意，销号", true, k -> k.close(cases.now()));
  }

  private Evaluations.Token usable(String token) {
    Evaluations.Token t = (token == null || token.length() > 64 ? null : evaluations.findToken(token).orElse(null));
    if (t == null) {
      throw new LinkRefused(LinkRefused.Reason.UNKNOWN);
    }
    if (t.usedAt() != null) {
      throw new LinkRefused(LinkRefused.Reason.USED);
    }
    if (cases.now().isAfter(t.expiresAt())) {
      throw new LinkRefused(LinkRefused.Reason.EXPIRED);
    }
    return t;
  }

  private CaseFile caseOf(Evaluations.Token t) {
    return cases.loadById(t.caseId());
  }

  private static void validate(Integer satisfaction, String comment) {
    if (satisfaction == null) {
      throw new ValidationException(List.of(new FieldError("satisfaction", "required", "请选择满意度（1到5分）")));
    }
    if (satisfaction < 1 || satisfaction > 5) {
      throw new ValidationException(List.of(new FieldError("satisfaction", "out_of_range", "满意度应为1到5分")));
    }
    if (!Text.storable(comment)) {
      throw new ValidationException(List.of(Text.unstorable("evaluationComment")));
    }
    if (comment != null && comment.length() > COMMENT_MAX) {
      throw new ValidationException(List.of(new FieldError("evaluationComment", "too_long", "评价意见不能超过" + COMMENT_MAX + "个字")));
    }
  }

  /** An evaluation link that cannot be used. */
  public static class LinkRefused extends RuntimeException {
    public enum Reason { UNKNOWN, USED, EXPIRED }

    private final Reason reason;

    public LinkRefused(Reason reason) {
      super(switch (reason) {
        case UNKNOWN -> "评价链接无效";
        case USED -> "该评价链接已使用过，感谢您的评价";
        case EXPIRED -> "评价链接已过期，网格员将上门回访";
      });
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }
}
