package cn.yishi.domain.deliberation;

import cn.yishi.domain.casefile.Tier;

/**
 * A deliberating body (议事主体) at one tier: a station (小区党群会客站, the compound's party branch), a room
 * (社区党群会客室, a community), a hall (党群会客厅 of a street's party working committee, serving its communities)
 * or the county coordination mechanism. It convenes and chairs its sessions (三级书记主持) and reviews the topics at
 * its tier (三级前置把关).
 *
 * @param kind the tier
 * @param code the station's, community's, street's or county's code
 * @param group the Camunda group that convenes, chairs and reviews
 * @param community the community of a station or room; null for a hall or the county
 * @param street the street of a hall; null otherwise
 */
public record Body(Tier kind, String code, String name, String group, String community, String street) {
  /** The key a session stores: STATION:hualin-yuyuan, ROOM:hualin, HALL:fengchuan, COUNTY:fengxin. */
  public String key() {
    return kind.name() + ":" + code;
  }
}
