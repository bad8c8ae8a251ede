package cn.yishi.adapter.outbound.directory;

import cn.yishi.adapter.outbound.yaml.YamlNodeReader;
import cn.yishi.domain.directory.Directory.Community;
import cn.yishi.domain.directory.Directory.StaffUser;
import cn.yishi.domain.directory.Directory.Station;
import cn.yishi.domain.directory.Directory.Street;
import cn.yishi.domain.directory.Directory.Unit;
import cn.yishi.domain.directory.Directory.YuanbaSeed;
import cn.yishi.domain.microgrid.YuanbaRole;
import java.util.EnumMap;
import cn.yishi.domain.directory.Directory.UnitType;
import cn.yishi.domain.directory.CommunityArea;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the organisation directory from YAML. Works on SnakeYAML's node tree so that every
 * problem, syntactic or semantic (an unknown key, a duplicate code, a reference to a community or
 * group that does not exist), is reported with its line.
 */
public final class DirectoryYamlReader extends YamlNodeReader {
  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern USER_ID = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final int MAX_CODE = 48;

  private DirectoryYamlReader(String file) {
    super(file);
  }

  @Override
  protected DirectoryException problem(int line, String message) {
    return new DirectoryException(file, line, message);
  }

  public static Directory read(String fileName, InputStream in) {
    return new DirectoryYamlReader(fileName).parse(in);
  }

  private Directory parse(InputStream in) {
    Node root = compose(in);
    Map<String, Node> top = mapping(root, Set.of("county", "streets", "communities", "units", "users"));
    Map<String, Node> county = mapping(required(top, "county", root), Set.of("code", "name"));
    String countyCode = code(county, "code", top.get("county"));
    String countyName = text(county, "name", top.get("county"));

    Map<String, Node> codes = new HashMap<>();
    List<Street> streets = new ArrayList<>();
    for (Node n : sequence(top.get("streets"))) {
      Map<String, Node> m = mapping(n, Set.of("code", "name"));
      Street s = new Street(unique(codes, code(m, "code", n), m.get("code")), text(m, "name", n));
      streets.add(s);
    }

    List<Community> communities = new ArrayList<>();
    for (Node n : sequence(required(top, "communities", root))) {
      Map<String, Node> m = mapping(n, Set.of("code", "name", "street", "stations", "yuanba", "area"));
      String code = unique(codes, code(m, "code", n), m.get("code"));
      String street = optionalText(m, "street");
      if (street != null && streets.stream().noneMatch(s -> s.code().equals(street))) {
        throw error(m.get("street"), "社区 " + code + " 所属的街道/乡镇 " + street + " 未在 streets 中定义");
      }
      List<Station> stations = new ArrayList<>();
      for (Node sn : sequence(m.get("stations"))) {
        Map<String, Node> sm = mapping(sn, Set.of("code", "name"));
        stations.add(new Station(unique(codes, code(sm, "code", sn), sm.get("code")), text(sm, "name", sn)));
      }
      List<YuanbaSeed> yuanba = new ArrayList<>();
      for (Node yn : sequence(m.get("yuanba"))) {
        Map<String, Node> ym = mapping(yn, Set.of("code", "name", "area", "officers"));
        String ycode = unique(codes, code(ym, "code", yn), ym.get("code"));
        Map<YuanbaRole, String> officers = new EnumMap<>(YuanbaRole.class);
        Node on = ym.get("officers");
        if (on != null) {
          Map<String, Node> om = mapping(on, Set.of("head", "publicity", "agent", "information"));
          for (YuanbaRole r : YuanbaRole.values()) {
            String person = optionalText(om, r.suffix());
            if (person != null) {
              officers.put(r, person);
            }
          }
        }
        yuanba.add(new YuanbaSeed(ycode, text(ym, "name", yn), optionalText(ym, "area"), Map.copyOf(officers)));
      }
      communities.add(new Community(code, text(m, "name", n), street, List.copyOf(stations), List.copyOf(yuanba),
          area(m.get("area"), code)));
    }
    if (communities.isEmpty()) {
      throw error(top.get("communities"), "至少需要一个社区");
    }

    List<Unit> units = new ArrayList<>();
    for (Node n : sequence(top.get("units"))) {
      Map<String, Node> m = mapping(n, Set.of("code", "name", "type", "community", "street", "email"));
      String code = unique(codes, code(m, "code", n), m.get("code"));
      UnitType type = unitType(m, n);
      String community = optionalText(m, "community");
      if (community != null && communities.stream().noneMatch(c -> c.code().equals(community))) {
        throw error(m.get("community"), "单位 " + code + " 所属的社区 " + community + " 未定义");
      }
      String street = optionalText(m, "street");
      if (street != null && streets.stream().noneMatch(s -> s.code().equals(street))) {
        throw error(m.get("street"), "单位 " + code + " 所属的街道/乡镇 " + street + " 未在 streets 中定义");
      }
      if (street != null && community != null) {
        throw error(m.get("street"), "单位 " + code + " 只能填写 community（服务一个社区）或 street（服务一个街道/乡镇）之一");
      }
      units.add(new Unit(code, text(m, "name", n), type, community, street, email(m)));
    }

    Directory withoutUsers =
        new Directory(countyCode, countyName, List.copyOf(streets), List.copyOf(communities), List.copyOf(units), List.of());
    Set<String> groupIds;
    try {
      groupIds = withoutUsers.groups().keySet();
    } catch (IllegalArgumentException collision) {
      throw new DirectoryException(file, 0, collision.getMessage());
    }

    Map<String, Node> userIds = new HashMap<>();
    List<StaffUser> users = new ArrayList<>();
    for (Node n : sequence(top.get("users"))) {
      Map<String, Node> m = mapping(n, Set.of("id", "firstName", "lastName", "email", "groups", "demo"));
      String id = text(m, "id", n);
      if (!USER_ID.matcher(id).matches() || id.length() > 64) {
        throw error(m.get("id"), "用户名 " + id + " 只能包含小写字母、数字和 . _ -");
      }
      if (userIds.putIfAbsent(id, m.get("id")) != null) {
        throw error(m.get("id"), "用户名 " + id + " 重复（第" + line(userIds.get(id)) + "行已定义）");
      }
      List<String> groups = new ArrayList<>();
      for (Node g : sequence(required(m, "groups", n))) {
        String gid = scalar(g);
        if (!groupIds.contains(gid) && !GroupIds.ADMIN.equals(gid)) {
          throw error(g, "用户 " + id + " 引用了不存在的组 " + gid);
        }
        groups.add(gid);
      }
      boolean demo = "true".equals(optionalText(m, "demo"));
      users.add(new StaffUser(id, text(m, "firstName", n), optionalText(m, "lastName"), email(m), List.copyOf(groups), demo));
    }
    return new Directory(countyCode, countyName, withoutUsers.streets(), withoutUsers.communities(), withoutUsers.units(), List.copyOf(users));
  }

  /** A community's outline: a list of at least three [latitude, longitude] pairs in degrees (WGS-84). */
  private CommunityArea area(Node n, String community) {
    if (n == null) {
      return null;
    }
    List<CommunityArea.Point> corners = new ArrayList<>();
    for (Node pn : sequence(n)) {
      List<Node> pair = sequence(pn);
      if (pair.size() != 2) {
        throw error(pn, "社区 " + community + " 的范围顶点应写成 [纬度, 经度]");
      }
      double lat = degrees(pair.get(0));
      double lng = degrees(pair.get(1));
      if (!CommunityArea.Point.valid(lat, lng)) {
        throw error(pn, "社区 " + community + " 的范围顶点超出范围：纬度应在-90到90之间，经度应在-180到180之间");
      }
      corners.add(new CommunityArea.Point(lat, lng));
    }
    if (corners.size() < CommunityArea.MIN_CORNERS) {
      throw error(n, "社区 " + community + " 的范围至少需要" + CommunityArea.MIN_CORNERS + "个顶点");
    }
    return new CommunityArea(corners);
  }

  private double degrees(Node n) {
    String s = scalar(n);
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException | NullPointerException e) {
      throw error(n, "经纬度应为数字（度）：" + s);
    }
  }

  private UnitType unitType(Map<String, Node> m, Node owner) {
    String t = text(m, "type", owner);
    try {
      return UnitType.valueOf(t);
    } catch (IllegalArgumentException e) {
      throw error(m.get("type"), "未知的单位类型 " + t + "，应为 DEPARTMENT、PROPERTY 或 CO_BUILDING");
    }
  }

  private String email(Map<String, Node> m) {
    String email = optionalText(m, "email");
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw error(m.get("email"), "电子邮箱格式不正确：" + email);
    }
    return email;
  }

  private String unique(Map<String, Node> seen, String code, Node node) {
    Node previous = seen.putIfAbsent(code, node);
    if (previous != null) {
      throw error(node, "编码 " + code + " 重复（第" + line(previous) + "行已使用）");
    }
    return code;
  }

  private String code(Map<String, Node> m, String key, Node owner) {
    String value = text(m, key, owner);
    if (!CODE.matcher(value).matches() || value.length() > MAX_CODE) {
      throw error(m.get(key), "编码 " + value + " 只能包含小写字母、数字和连字符");
    }
    return value;
  }








}
