package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.TierRouting;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 三级前置把关 (seed 000, 奉新): the party organisation at a case's expected tier reviews it; a reviewer may pass the
 * review up one tier (上报上级党组织把关) and the tier above may send it down one tier, each with a reason. The review
 * task is then created anew for the other tier's group; the timeline says so publicly, the reason stays internal.
 */
@Service
public class ReviewTiers {
  static final int REASON_MAX = 500;

  private final Cases cases;
  private final CaseRepository repository;
  private final TierRouting routing;

  public ReviewTiers(Cases cases, CaseRepository repository, Directory directory) {
    this.cases = cases;
    this.repository = repository;
    this.routing = new TierRouting(directory);
  }

  /** Who reviews now: the tier, its group and the group's Chinese name. */
  public record Reviewer(String tier, String group, String name) {}

  /** Who reviews a case expected at {@code tier}. */
  public Reviewer reviewerAt(String caseNo, Tier tier) {
    CaseFile c = cases.load(caseNo);
    return reviewer(c, tier);
  }

  /**
   * Passes the review of the case, now at {@code currentTier}, one tier {@code UP} or {@code DOWN} with a reason.
   * Refused, storing nothing: an unknown direction, no reason, above the county or below the station, or a tier
   * whose reviewer is the same party organisation (a station case without a known compound is reviewed by the 两委).
   */
  @Transactional
  public Reviewer pass(String caseNo, String currentTier, String direction, String reason, String actor) {
    CaseFile c = cases.load(caseNo);
    Tier from = Optional.ofNullable(currentTier).flatMap(Tier::parse)
        .orElse(c.suggested() == null ? Tier.ROOM : c.suggested().tier());
    boolean up = "UP".equals(direction);
    String why = reason == null ? "" : reason.strip();
    if (!up && !"DOWN".equals(direction)) {
      throw refused("reviewPass", "invalid", "请选择上报上级或退回下级党组织把关");
    }
    if (why.isEmpty()) {
      throw refused("reviewPassReason", "required", up ? "上报上级党组织把关须写明理由" : "退回下级党组织把关须写明理由");
    }
    if (why.length() > REASON_MAX) {
      throw refused("reviewPassReason", "too_long", "理由不能超过" + REASON_MAX + "个字");
    }
    Reviewer current = reviewer(c, from);
    Optional<Tier> next = up ? from.up() : from.down();
    // passing up skips a tier whose reviewer is the same (a station case without a station: the 两委 also reviews the room)
    while (up && next.isPresent() && reviewer(c, next.get()).group().equals(current.group())) {
      next = next.get().up();
    }
    if (next.isEmpty()) {
      throw refused("reviewPass", up ? "top" : "bottom", up
          ? "县党建引领基层治理协调机制已是最高一级，不能再上报"
          : "小区党群会客站已是最低一级，不能再退回");
    }
    Reviewer to = reviewer(c, next.get());
    if (to.group().equals(current.group())) {
      throw refused("reviewPass", "same_reviewer", "未选择小区或该小区没有党群会客站，无法退回下级，请由本级把关");
    }
    repository.reviewAt(c.id(), to.group());
    c.place(c.yuanba(), to.group());
    TimelineAction action = up ? TimelineAction.REVIEW_PASSED_UP : TimelineAction.REVIEW_SENT_DOWN;
    cases.note(c, actor, action, current.name() + (up ? "提交" : "退回") + to.name() + "把关", true);
    cases.note(c, actor, action, "理由：" + why, false);
    return to;
  }

  private Reviewer reviewer(CaseFile c, Tier tier) {
    return new Reviewer(tier.name(), routing.reviewGroup(c.community(), tier, c.compound()),
        routing.reviewerName(c.community(), tier, c.compound()));
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
