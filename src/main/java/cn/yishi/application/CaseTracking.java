package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Evaluations;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What anyone may read of one case by its number (the case page of a resident, no login): a case awaiting review
 * only as {@value #PENDING_NAME} (no content, since nobody has checked it yet for personal data); any other case as
 * its public view ({@link CaseQueries#publicCase}) with the state of its evaluation, never the link itself.
 */
@Service
public class CaseTracking {
  /** What the public reads of a case that is registered but not yet reviewed. */
  public static final String PENDING_NAME = "已受理，待审核";

  private final CaseRepository repository;
  private final CaseQueries queries;
  private final Evaluations evaluations;
  private final Clock clock;

  public CaseTracking(CaseRepository repository, CaseQueries queries, Evaluations evaluations, Clock clock) {
    this.repository = repository;
    this.queries = queries;
    this.evaluations = evaluations;
    this.clock = clock;
  }

  /** Where the resident's evaluation stands (一件一评价), in words the public reads. */
  public enum EvaluationState {
    NOT_YET("办结后将邀请反映人评价"),
    LINK_SENT("评价链接已发送给反映人，等待评价"),
    LINK_EXPIRED("评价链接已过期，将由网格员上门回访"),
    VISIT("将由网格员上门回访评价"),
    REWORK("反映人不满意，正在整改，整改后将再次评价"),
    DONE("反映人已评价"),
    NONE("不予受理，无需评价");

    private final String label;

    EvaluationState(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One case as the public reads it; {@code record} is null while {@code pending} (awaiting review). */
  public record Tracked(String caseNo, boolean pending, CaseQueries.PublicCase record, EvaluationState evaluation) {}

  /** The case of that number; empty when there is none. */
  @Transactional(readOnly = true)
  public Optional<Tracked> track(String caseNo) {
    if (caseNo == null || caseNo.isBlank() || caseNo.length() > 64) {
      return Optional.empty();
    }
    Optional<CaseFile> found = repository.findByCaseNo(caseNo);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    CaseFile c = found.get();
    if (c.status() == CaseStatus.REGISTERED) {
      return Optional.of(new Tracked(c.caseNo(), true, null, null));
    }
    return queries.publicCase(c.caseNo()).map(p -> new Tracked(c.caseNo(), false, p, evaluation(c)));
  }

  private EvaluationState evaluation(CaseFile c) {
    return switch (c.status()) {
      case DECLINED -> EvaluationState.NONE;
      case CLOSED -> EvaluationState.DONE;
      case REWORK -> EvaluationState.REWORK;
      case RESOLVED -> evaluations.latestToken(c.id())
          .filter(t -> t.round() == c.reworkCount())
          .map(t -> t.usedAt() != null ? EvaluationState.DONE
              : t.expiresAt().isAfter(OffsetDateTime.now(clock)) ? EvaluationState.LINK_SENT : EvaluationState.LINK_EXPIRED)
          .orElse(EvaluationState.VISIT);
      default -> EvaluationState.NOT_YET;
    };
  }
}
