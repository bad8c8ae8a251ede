package cn.yishi.domain.deliberation;

import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A standing party of a deliberating body (the "4" or "5" of 4+N / 5+N, seed 004), and the Camunda groups of the
 * directory that speak for it in one community. The N (相关利益方) are added per session.
 */
public enum StandingParty {
  /** 社区（村）“两委”成员. */
  TWO_COMMITTEES("社区（村）两委"),
  /** 小区党支部成员: the compound's station (its party branch). */
  PARTY_BRANCH("小区党支部"),
  /** 业主委员会成员. */
  OWNERS_COMMITTEE("业主委员会"),
  /** 物业服务企业. */
  PROPERTY("物业服务企业"),
  /** 社会组织负责人（代表）. */
  SOCIAL_ORGS("社会组织"),
  /** 村民小组（党小组）长. */
  GROUP_LEADERS("村民小组（党小组）长"),
  /** 居（村）民代表. */
  RESIDENT_REPS("居（村）民代表"),
  /** 常住外来人口代表 (宜昌). */
  MIGRANTS("常住外来人口代表"),
  /** 共建单位 (奉新's 五方议事). */
  CO_BUILDING("共建单位");

  private final String label;

  StandingParty(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<StandingParty> of(String code) {
    for (StandingParty p : values()) {
      if (p.name().equals(code)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * The groups that speak for this party in {@code community}: its committee, owners, representatives, social
   * organisations, group leaders or migrants' representatives; the property company and co-building units the
   * directory names for it; the party branch of {@code station} (a station body's own, or the topic's compound),
   * else of every compound of the community. Empty when the directory names nobody (a community without a property
   * company).
   */
  public List<String> groups(Directory directory, String community, String station) {
    List<String> ids = new ArrayList<>();
    switch (this) {
      case TWO_COMMITTEES -> ids.add(GroupIds.community(community));
      case PARTY_BRANCH -> directory.community(community).ifPresent(c -> c.stations().stream()
          .filter(s -> station == null || s.code().equals(station))
          .forEach(s -> ids.add(GroupIds.station(s.code()))));
      case OWNERS_COMMITTEE -> ids.add(GroupIds.owners(community));
      case PROPERTY -> directory.propertyCompanyOf(community).ifPresent(u -> ids.add(GroupIds.unit(u.code())));
      case SOCIAL_ORGS -> ids.add(GroupIds.socialOrgs(community));
      case GROUP_LEADERS -> ids.add(GroupIds.groupLeaders(community));
      case RESIDENT_REPS -> ids.add(GroupIds.residents(community));
      case MIGRANTS -> ids.add(GroupIds.migrants(community));
      case CO_BUILDING -> directory.units().stream()
          .filter(u -> u.type() == Directory.UnitType.CO_BUILDING && community.equals(u.community()))
          .forEach(u -> ids.add(GroupIds.unit(u.code())));
    }
    return ids;
  }
}
