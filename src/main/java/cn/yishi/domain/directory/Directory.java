package cn.yishi.domain.directory;

import cn.yishi.domain.microgrid.YuanbaRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisation directory: one county, its streets/townships, communities with their stations,
 * the responsible units and the staff. Camunda groups are derived from it by {@link GroupIds}.
 */
public record Directory(
    String countyCode,
    String countyName,
    List<Street> streets,
    List<Community> communities,
    List<Unit> units,
    List<StaffUser> users) {

  public record Street(String code, String name) {}

  /** A 小区党群会客站: one per compound (小区, or a village's 村民小组), its code the compound's code. */
  public record Station(String code, String name) {
    /** The compound's name: the station's name without 党群会客站 (御苑小区). */
    public String compoundName() {
      return name.replaceFirst("党群会客站$", "");
    }
  }

  /**
   * A community or village. {@code yuanba} are the 院坝 (micro-grids) the directory file seeds; once stored they are
   * maintained in the application (see {@code MicroGrids}). {@code area} is its outline on the map, if the file gives
   * one (a report with a position, such as an observer's 码上拍, finds its community by it).
   */
  public record Community(String code, String name, String street, List<Station> stations, List<YuanbaSeed> yuanba,
      CommunityArea area) {
    public Community(String code, String name, String street, List<Station> stations) {
      this(code, name, street, stations, List.of(), null);
    }

    public Community(String code, String name, String street, List<Station> stations, List<YuanbaSeed> yuanba) {
      this(code, name, street, stations, yuanba, null);
    }
  }

  /** A 院坝 as the directory file seeds it, with the names of its first 一长三员. */
  public record YuanbaSeed(String code, String name, String area, Map<YuanbaRole, String> officers) {}

  public enum UnitType {
    DEPARTMENT("职能部门"),
    PROPERTY("物业服务企业"),
    CO_BUILDING("共建单位");

    private final String label;

    UnitType(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A responsible unit. It serves its {@code community} when it names one (a property company, a co-building
   * unit), else the communities of its {@code street} when it names one, else the whole county (a county
   * department).
   */
  public record Unit(String code, String name, UnitType type, String community, String street, String email) {
    public Unit(String code, String name, UnitType type, String community, String email) {
      this(code, name, type, community, null, email);
    }

    /** Whether this unit serves the community {@code c}. */
    public boolean serves(Community c) {
      if (community != null) {
        return community.equals(c.code());
      }
      return street == null || street.equals(c.street());
    }
  }

  public record StaffUser(
      String id, String firstName, String lastName, String email, List<String> groups, boolean demo) {}

  public record Group(String id, String name) {}

  public Optional<Community> community(String code) {
    return communities.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** The station of a community's compound, by the compound's code; empty for none or another community's. */
  public Optional<Station> station(String community, String compound) {
    if (compound == null) {
      return Optional.empty();
    }
    return community(community).flatMap(c -> c.stations().stream().filter(s -> s.code().equals(compound)).findFirst());
  }

  /**
   * A community's compound named by its code or (a channel that sends names, 12345) its exact name (御苑小区, or the
   * station's full name); empty when the community has no such compound.
   */
  public Optional<Station> compound(String community, String codeOrName) {
    if (codeOrName == null || codeOrName.isBlank()) {
      return Optional.empty();
    }
    String k = codeOrName.strip();
    return community(community).flatMap(c -> c.stations().stream()
        .filter(s -> s.code().equals(k) || s.name().equals(k) || s.compoundName().equals(k)).findFirst());
  }

  /** The name a person sees for a case's compound: the compound's name for a code, else the stored text as it is. */
  public String compoundName(String community, String compound) {
    return compound == null ? null : station(community, compound).map(Station::compoundName).orElse(compound);
  }

  /**
   * The community whose area holds the position (the first in the file's order where outlines overlap); empty outside
   * every community's area or for a position that is not one.
   */
  public Optional<Community> communityAt(double lat, double lng) {
    if (!CommunityArea.Point.valid(lat, lng)) {
      return Optional.empty();
    }
    CommunityArea.Point p = new CommunityArea.Point(lat, lng);
    return communities.stream().filter(c -> c.area() != null && c.area().contains(p)).findFirst();
  }

  public Optional<Unit> unit(String code) {
    return units.stream().filter(u -> u.code().equals(code)).findFirst();
  }

  /** The units that serve a community: the county's departments, its street's units and its own units. */
  public List<Unit> unitsServing(String community) {
    return community(community).map(c -> units.stream().filter(u -> u.serves(c)).toList()).orElse(List.of());
  }

  /** The property company that serves a community, if the directory names one. */
  public Optional<Unit> propertyCompanyOf(String community) {
    return units.stream()
        .filter(u -> u.type() == UnitType.PROPERTY && community.equals(u.community()))
        .findFirst();
  }

  /**
   * The parties of a community's deliberation (五方/4+N): the community party organisation, the
   * owners' committee, the property company, the resident representatives and the co-building units.
   */
  public List<String> deliberationParties(String community) {
    List<String> ids = new ArrayList<>();
    ids.add(GroupIds.community(community));
    ids.add(GroupIds.owners(community));
    propertyCompanyOf(community).ifPresent(u -> ids.add(GroupIds.unit(u.code())));
    ids.add(GroupIds.residents(community));
    units.stream().filter(u -> u.type() == UnitType.CO_BUILDING && community.equals(u.community()))
        .forEach(u -> ids.add(GroupIds.unit(u.code())));
    return ids;
  }

  public Optional<Street> street(String code) {
    return streets.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  /**
   * The body that deliberates a topic of {@code community} at {@code tier} (三级前置把关, 三级书记主持): the station of
   * the reported compound (never every station of the community; an unknown compound goes to the room), the
   * community's room, the hall of its street (the room when the community has no street), or the county
   * coordination mechanism.
   */
  public cn.yishi.domain.deliberation.Body bodyFor(String community, cn.yishi.domain.casefile.Tier tier, String station) {
    Community c = community(community).orElseThrow(() -> new IllegalArgumentException("unknown community " + community));
    return switch (tier) {
      case STATION -> c.stations().stream().filter(s -> s.code().equals(station)).findFirst()
          .map(s -> new cn.yishi.domain.deliberation.Body(cn.yishi.domain.casefile.Tier.STATION, s.code(), s.name(),
              GroupIds.station(s.code()), c.code(), c.street()))
          .orElseGet(() -> room(c));
      case ROOM -> room(c);
      case HALL -> c.street() == null ? room(c) : street(c.street())
          .map(s -> new cn.yishi.domain.deliberation.Body(cn.yishi.domain.casefile.Tier.HALL, s.code(),
              s.name() + "党工委党群会客厅", GroupIds.streetHall(s.code()), null, s.code()))
          .orElseGet(() -> room(c));
      case COUNTY -> county();
    };
  }

  /**
   * As {@link #bodyFor(String, cn.yishi.domain.casefile.Tier, String)}; a station topic of a case with a 院坝 of the
   * community is the 院坝's (议事协商到院坝, 开州): body kind STATION with the 院坝's code, named "<院坝名>会", convened by its
   * 院坝长 ({@code yuanba-<code>-head}). The 院坝 are kept in the application, so the caller passes the one it found.
   */
  public cn.yishi.domain.deliberation.Body bodyFor(String community, cn.yishi.domain.casefile.Tier tier, String station,
      Optional<cn.yishi.domain.microgrid.Yuanba> yuanba) {
    if (tier == cn.yishi.domain.casefile.Tier.STATION && yuanba.isPresent() && yuanba.get().community().equals(community)
        && community(community).isPresent()) {
      return yuanbaBody(yuanba.get());
    }
    return bodyFor(community, tier, station);
  }

  /** The body of a 院坝 (its 院坝会): kind STATION, the 院坝's code, convened by its 院坝长. */
  public cn.yishi.domain.deliberation.Body yuanbaBody(cn.yishi.domain.microgrid.Yuanba y) {
    return new cn.yishi.domain.deliberation.Body(cn.yishi.domain.casefile.Tier.STATION, y.code(), y.name() + "会",
        GroupIds.yuanbaRole(y.code(), cn.yishi.domain.microgrid.YuanbaRole.HEAD.suffix()), y.community(),
        community(y.community()).map(Community::street).orElse(null));
  }

  /** Whether a body is a 院坝's (its sessions' record shows the six steps 收集、确定、走访、议定、执行、评价). */
  public boolean isYuanbaBody(cn.yishi.domain.deliberation.Body body) {
    return body.kind() == cn.yishi.domain.casefile.Tier.STATION && body.group().startsWith("yuanba-");
  }

  /** A body by its kind and code; a STATION code the directory does not know may be a 院坝 that {@code yuanba} finds. */
  public Optional<cn.yishi.domain.deliberation.Body> body(cn.yishi.domain.casefile.Tier kind, String code,
      java.util.function.Function<String, Optional<cn.yishi.domain.microgrid.Yuanba>> yuanba) {
    Optional<cn.yishi.domain.deliberation.Body> known = body(kind, code);
    if (known.isPresent() || kind != cn.yishi.domain.casefile.Tier.STATION) {
      return known;
    }
    return yuanba.apply(code).filter(y -> community(y.community()).isPresent()).map(this::yuanbaBody);
  }

  /** A body by its kind and code, if the directory knows it. */
  public Optional<cn.yishi.domain.deliberation.Body> body(cn.yishi.domain.casefile.Tier kind, String code) {
    return switch (kind) {
      case STATION -> communities.stream().filter(c -> c.stations().stream().anyMatch(s -> s.code().equals(code)))
          .findFirst().map(c -> bodyFor(c.code(), kind, code));
      case ROOM -> community(code).map(this::room);
      case HALL -> communities.stream().filter(c -> code.equals(c.street())).findFirst().map(c -> bodyFor(c.code(), kind, null));
      case COUNTY -> countyCode.equals(code) ? Optional.of(county()) : Optional.empty();
    };
  }

  /** The communities a body serves: its own (station, room), its street's (hall), or all (county). */
  public List<Community> communitiesServedBy(cn.yishi.domain.deliberation.Body body) {
    return switch (body.kind()) {
      case STATION, ROOM -> community(body.community()).map(List::of).orElse(List.of());
      case HALL -> communities.stream().filter(c -> body.code().equals(c.street())).toList();
      case COUNTY -> communities;
    };
  }

  private cn.yishi.domain.deliberation.Body room(Community c) {
    return new cn.yishi.domain.deliberation.Body(cn.yishi.domain.casefile.Tier.ROOM, c.code(), c.name() + "党群会客室",
        GroupIds.room(c.code()), c.code(), c.street());
  }

  private cn.yishi.domain.deliberation.Body county() {
    return new cn.yishi.domain.deliberation.Body(cn.yishi.domain.casefile.Tier.COUNTY, countyCode,
        countyName + "党建引领基层治理协调机制", GroupIds.COUNTY_COORDINATION, null, null);
  }

  /**
   * Every group the directory defines, keyed by id, in a stable order.
   *
   * @throws IllegalArgumentException when two entries derive the same group id
   */
  public Map<String, Group> groups() {
    Map<String, Group> groups = new LinkedHashMap<>();
    put(groups, GroupIds.DISPATCH_CENTRE, countyName + "调度中心");
    put(groups, GroupIds.CHANNEL_ACCOUNTS, "接入渠道账号（12345、小程序等）");
    put(groups, GroupIds.EXPERT_PANEL, countyName + "议事评审团（法律顾问、专家）");
    put(groups, GroupIds.COUNTY_COORDINATION, countyName + "党建引领基层治理协调机制");
    for (Street s : streets) {
      put(groups, GroupIds.street(s.code()), s.name() + "工作人员");
      put(groups, GroupIds.streetHall(s.code()), s.name() + "党工委党群会客厅");
    }
    for (Community c : communities) {
      put(groups, GroupIds.grid(c.code()), c.name() + "网格员");
      put(groups, GroupIds.community(c.code()), c.name() + "社区两委（前置把关）");
      for (Station st : c.stations()) {
        put(groups, GroupIds.station(st.code()), st.name());
      }
      put(groups, GroupIds.room(c.code()), c.name() + "党群会客室");
      put(groups, GroupIds.hall(c.code()), c.name() + "党群会客厅");
      put(groups, GroupIds.owners(c.code()), c.name() + "业主委员会");
      put(groups, GroupIds.residents(c.code()), c.name() + (isVillage(c) ? "村民代表" : "居民代表"));
      put(groups, GroupIds.socialOrgs(c.code()), c.name() + "社会组织负责人");
      put(groups, GroupIds.groupLeaders(c.code()), c.name() + "村民小组（党小组）长");
      put(groups, GroupIds.migrants(c.code()), c.name() + "常住外来人口代表");
      put(groups, GroupIds.pointsOfficers(c.code()), c.name() + "院坝长、积分评议员");
      put(groups, GroupIds.pointsShop(c.code()), c.name() + "积分超市");
      put(groups, GroupIds.proxy(c.code()), c.name() + "代办员");
      put(groups, GroupIds.supervisoryCommittee(c.code()), c.name() + "居务监督委员会");
    }
    for (Unit u : units) {
      put(groups, GroupIds.unit(u.code()), u.name());
    }
    return groups;
  }

  /** The groups of staff that belong to one community (used for authorizations). */
  public List<String> communityGroups(Community c) {
    List<String> ids = new ArrayList<>();
    ids.add(GroupIds.grid(c.code()));
    ids.add(GroupIds.community(c.code()));
    c.stations().forEach(s -> ids.add(GroupIds.station(s.code())));
    ids.add(GroupIds.room(c.code()));
    ids.add(GroupIds.hall(c.code()));
    ids.add(GroupIds.owners(c.code()));
    ids.add(GroupIds.residents(c.code()));
    ids.add(GroupIds.socialOrgs(c.code()));
    ids.add(GroupIds.groupLeaders(c.code()));
    ids.add(GroupIds.migrants(c.code()));
    ids.add(GroupIds.proxy(c.code()));
    ids.add(GroupIds.supervisoryCommittee(c.code()));
    return ids;
  }

  /** A village (村), not an urban community: its name ends with 村. */
  public static boolean isVillage(Community c) {
    return c.name().endsWith("村");
  }

  private static void put(Map<String, Group> groups, String id, String name) {
    Group previous = groups.put(id, new Group(id, name));
    if (previous != null) {
      throw new IllegalArgumentException("组 " + id + " 由两个条目生成（" + previous.name() + "、" + name + "），请修改其中一个编码");
    }
  }
}
