package cn.yishi.domain.deliberation;

import java.util.Optional;

/**
 * Who votes (表决范围): the households of a compound, of one building (楼栋) of it, or of one unit (单元) of a building.
 * Written {@code compound}, {@code compound/building} or {@code compound/building/unit}.
 */
public record Electorate(String compound, String building, String unit) {
  private static final int MAX = 64;

  public Electorate {
    if (compound == null || compound.isBlank() || building == null && unit != null) {
      throw new IllegalArgumentException("表决范围不完整");
    }
  }

  /** Reads {@code compound[/building[/unit]]}; empty for anything else. */
  public static Optional<Electorate> parse(String code) {
    if (code == null || code.isBlank() || code.length() > 3 * MAX + 2) {
      return Optional.empty();
    }
    String[] parts = code.strip().split("/", -1);
    if (parts.length > 3) {
      return Optional.empty();
    }
    for (String p : parts) {
      if (p.isBlank() || p.strip().length() > MAX) {
        return Optional.empty();
      }
    }
    return Optional.of(new Electorate(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null,
        parts.length > 2 ? parts[2].strip() : null));
  }

  public boolean includes(Household h) {
    return compound.equals(h.compound()) && (building == null || building.equals(h.building()))
        && (unit == null || unit.equals(h.unit()));
  }

  public String code() {
    return compound + (building == null ? "" : "/" + building) + (unit == null ? "" : "/" + unit);
  }

  /** In words, with the compound's name: 御苑小区 1栋 2单元. */
  public String label(String compoundName) {
    return compoundName + (building == null ? "全体住户" : " " + building + "栋" + (unit == null ? "" : " " + unit + "单元"));
  }
}
