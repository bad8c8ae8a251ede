package cn.yishi.application.points;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The points rules and shop items every community starts with (application.yaml, yishi.points.seed). They are
 * copied into the database once per community, at the first start that knows the community; afterwards the
 * community secretary maintains them in Tasklist (积分管理), and a change of this configuration changes nothing.
 */
@ConfigurationProperties("yishi.points")
public record PointsProperties(Seed seed) {
  public PointsProperties {
    seed = seed == null ? new Seed(List.of(), List.of()) : seed;
  }

  public record Seed(List<Rule> rules, List<Item> items) {
    public Seed {
      rules = rules == null ? List.of() : List.copyOf(rules);
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /** A rule: its code, reason, points and the role codes that may propose it (points-officers, grid, community). */
  public record Rule(String code, String reason, Integer points, List<String> awardedBy) {}

  public record Item(String name, Integer price, Integer stock) {}
}
