package cn.yishi.domain.points;

import java.util.List;
import java.util.Set;

/** One line of a community's points rules (积分细则): the reason, the points, who may propose it. */
public record PointsRule(String community, String code, String reason, int points, Set<AwarderRole> awardedBy,
    boolean active) {

  public PointsRule {
    awardedBy = Set.copyOf(awardedBy);
  }

  /** Whether a member of these groups may propose this rule's award in its community. */
  public boolean mayBeProposedBy(List<String> groups) {
    return awardedBy.stream().anyMatch(r -> groups.contains(r.group(community)));
  }

  /** The roles in Chinese, for the forms and pages: 院坝长、积分评议员 / 网格员. */
  public String awardedByLabel() {
    return String.join(" / ", awardedBy.stream().sorted().map(AwarderRole::label).toList());
  }
}
