package cn.yishi.domain.points;

import cn.yishi.domain.directory.GroupIds;
import java.util.Optional;

/**
 * Who may propose a points award under a rule (积分规则的「谁可以加分」), as a role of the community's staff. Each role is
 * a Camunda group of the community: 院坝长 and points officers ({@code <community>-points-officers}), grid workers
 * ({@code <community>-grid}), the community committee ({@code <community>-community}). The micro-grid work (一长三员) can
 * map its officers onto {@link #POINTS_OFFICER}.
 */
public enum AwarderRole {
  POINTS_OFFICER("points-officers", "院坝长、积分评议员"),
  GRID("grid", "网格员"),
  COMMUNITY("community", "社区两委");

  private final String code;
  private final String label;

  AwarderRole(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The code used in configuration and the API: {@code points-officers}, {@code grid}, {@code community}. */
  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The role's group in one community. */
  public String group(String community) {
    return switch (this) {
      case POINTS_OFFICER -> GroupIds.pointsOfficers(community);
      case GRID -> GroupIds.grid(community);
      case COMMUNITY -> GroupIds.community(community);
    };
  }

  public static Optional<AwarderRole> ofCode(String code) {
    for (AwarderRole r : values()) {
      if (r.code.equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
