package cn.yishi.domain.directory;

/**
 * Naming conventions for the Camunda groups derived from the directory. BPMN candidate groups
 * and authorizations use these ids, so they are defined in exactly one place.
 */
public final class GroupIds {
  /** 调度中心: supervisors. */
  public static final String DISPATCH_CENTRE = "dispatch-centre";
  /** Accounts of intake channels (12345 hotline, mini-program, city systems) that may submit reports. */
  public static final String CHANNEL_ACCOUNTS = "channel-accounts";
  /** Camunda's built-in administrators group. */
  public static final String ADMIN = "camunda-admin";
  /**
   * 全体工作人员: every staff member (each directory user with a group other than {@link #CHANNEL_ACCOUNTS}, and the
   * 院坝's current holders). It holds the grants common to all staff once (Tasklist, the staff filters, reading and
   * starting the shared processes and decisions) instead of a copy on each of a city's ~25,000 groups.
   */
  public static final String ALL_STAFF = "all-staff";

  private GroupIds() {}

  /** 街道/乡镇工作人员. */
  public static String street(String streetCode) {
    return "street-" + streetCode;
  }

  /** 网格员 of a community. */
  public static String grid(String communityCode) {
    return communityCode + "-grid";
  }

  /** 社区两委: the community's party review (前置把关) and classification. */
  public static String community(String communityCode) {
    return communityCode + "-community";
  }

  /** 小区党群会客站. */
  public static String station(String stationCode) {
    return "station-" + stationCode;
  }

  /** 社区党群会客室. */
  public static String room(String communityCode) {
    return communityCode + "-room";
  }

  /** 社区党工委党群会客厅. */
  public static String hall(String communityCode) {
    return communityCode + "-hall";
  }

  /** 党群会客厅 of a street's party working committee (街道/社区党工委), serving the street's communities. */
  public static String streetHall(String streetCode) {
    return "hall-" + streetCode;
  }

  /** 县党建引领基层治理协调机制: the body above the halls. */
  public static final String COUNTY_COORDINATION = "county-coordination";

  /** 业主委员会 of a community (五方议事). */
  public static String owners(String communityCode) {
    return communityCode + "-owners";
  }

  /** 居民代表 of a community (五方议事). */
  public static String residents(String communityCode) {
    return communityCode + "-residents";
  }

  /** 社会组织负责人 of a community (a standing party of 5+N / 4+N). */
  public static String socialOrgs(String communityCode) {
    return communityCode + "-social-orgs";
  }

  /** 村民小组（党小组）长 of a village (a standing party of the rural 4+N). */
  public static String groupLeaders(String communityCode) {
    return communityCode + "-group-leaders";
  }

  /** 常住外来人口代表 of a community (a standing party of 宜昌's 4+N). */
  public static String migrants(String communityCode) {
    return communityCode + "-migrants";
  }

  /** 评审团: the legal adviser and experts who check a deliberated plan. */
  public static final String EXPERT_PANEL = "expert-panel";

  /**
   * 代办员 of a community (代办, proxyService). Until the micro-grids (院坝, 一长三员) exist in the directory, a
   * community's proxy officers are this one group; a micro-grid's 代办员 can later be made a member of it.
   */
  public static String proxy(String communityCode) {
    return communityCode + "-proxy";
  }

  /** A responsible unit (department, property company, co-building unit). */
  public static String unit(String unitCode) {
    return "unit-" + unitCode;
  }

  /** 院坝长 and points officers of a community: they propose points awards (积分). */
  public static String pointsOfficers(String communityCode) {
    return communityCode + "-points-officers";
  }

  /** The keeper of a community's points shop (积分超市): records redemptions. */
  public static String pointsShop(String communityCode) {
    return communityCode + "-shop";
  }

  /**
   * 居务监督委员会 of a community (宜昌 民事民评): it organises the residents' evaluation of deliberated resolution items.
   */
  public static String supervisoryCommittee(String communityCode) {
    return communityCode + "-supervisory-committee";
  }

  /** The 一长三员 of a 院坝 (micro-grid). */
  public static String yuanba(String yuanbaCode) {
    return "yuanba-" + yuanbaCode;
  }

  /** One role of a 院坝's 一长三员, e.g. {@code yuanba-<code>-head} for its 院坝长. */
  public static String yuanbaRole(String yuanbaCode, String roleSuffix) {
    return "yuanba-" + yuanbaCode + "-" + roleSuffix;
  }
}
