package cn.yishi.application.points;

import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.points.AwarderRole;
import java.util.List;

/**
 * Who does what with a community's points, by the caller's groups: the community committee (社区两委, the village or
 * community secretary: {@code <community>-community}) maintains persons, rules and items, approves awards and
 * corrects; the shop keeper ({@code <community>-shop}) records redemptions; the points officers
 * ({@code <community>-points-officers}), grid workers and the committee propose awards as each rule allows. Admins
 * maintain too. Each of these roles of the community reads the ledger's persons (personal data); nobody else.
 */
record PointsRoles(String community, List<String> groups) {
  boolean admin() {
    return groups.contains(GroupIds.ADMIN);
  }

  boolean secretary() {
    return groups.contains(GroupIds.community(community));
  }

  boolean maintains() {
    return secretary() || admin();
  }

  boolean shopKeeper() {
    return groups.contains(GroupIds.pointsShop(community));
  }

  boolean proposer() {
    for (AwarderRole r : AwarderRole.values()) {
      if (groups.contains(r.group(community))) {
        return true;
      }
    }
    return false;
  }

  boolean readsPersons() {
    return maintains() || shopKeeper() || proposer();
  }

  void requireMaintains() {
    if (!maintains()) {
      throw PointsRefused.forbidden("只有本社区（村）两委成员可以维护积分对象、积分规则和积分超市商品");
    }
  }

  void requireSecretary() {
    if (!secretary()) {
      throw PointsRefused.forbidden("只有本社区（村）两委成员可以更正积分");
    }
  }

  void requireShopKeeper() {
    if (!shopKeeper()) {
      throw PointsRefused.forbidden("只有本社区（村）积分超市的管理员可以登记兑换");
    }
  }

  void requireReadsPersons() {
    if (!readsPersons()) {
      throw PointsRefused.forbidden("您无权查看本社区（村）的积分台账");
    }
  }
}
