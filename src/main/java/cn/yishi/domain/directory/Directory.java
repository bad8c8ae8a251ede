package cn.yishi.domain.directory;

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

  public record Station(String code, String name) {}

  public record Community(String code, String name, String street, List<Station> stations) {}

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
    for (Street s : streets) {
      put(groups, GroupIds.street(s.code()), s.name() + "工作人员");
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
      put(groups, GroupIds.residents(c.code()), c.name() + "居民代表");
      put(groups, GroupIds.proxy(c.code()), c.name() + "代办员");
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
    ids.add(GroupIds.proxy(c.code()));
    return ids;
  }

  private static void put(Map<String, Group> groups, String id, String name) {
    Group previous = groups.put(id, new Group(id, name));
    if (previous != null) {
      throw new IllegalArgumentException("组 " + id + " 由两个条目生成（" + previous.name() + "、" + name + "），请修改其中一个编码");
    }
  }
}
