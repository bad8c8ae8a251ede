package cn.yishi.domain.resource;

import java.util.Optional;

/**
 * The four kinds of the resource list (seed 000, 奉新): 行政资源 (departments), 专业资源 (the talent pool: 两代表一委员,
 * lawyers, counsellors, social workers), 社会资源 (property companies, owners' committees, co-building units, merchants'
 * alliances, social organisations) and 阵地资源 (venues: service centres, stations, unused public rooms).
 */
public enum ResourceKind {
  DEPARTMENT("部门", "行政资源"),
  TALENT("人才", "专业人才"),
  SOCIAL("社会资源", "社会资源"),
  VENUE("场地", "阵地资源");

  private final String label;
  private final String group;

  ResourceKind(String label, String group) {
    this.label = label;
    this.group = group;
  }

  /** The short name used in the meeting's problem list (部门、人才、社会资源、场地). */
  public String label() {
    return label;
  }

  /** The seed's name of the group (行政资源、专业人才、社会资源、阵地资源). */
  public String group() {
    return group;
  }

  /** The kind of a code (DEPARTMENT …) or of a Chinese label (部门 …, as the YAML list had it). */
  public static Optional<ResourceKind> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip();
    for (ResourceKind k : values()) {
      if (k.name().equals(v) || k.label.equals(v) || k.group.equals(v)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
