package cn.yishi.domain.casefile;

import java.util.Optional;

/** 站/室/厅 and the county coordination mechanism above them: 小事不出站、常事不出室、难事不出厅. */
public enum Tier {
  STATION("小区党群会客站"),
  ROOM("社区党群会客室"),
  HALL("社区党工委党群会客厅"),
  COUNTY("县协调机制");

  private final String label;

  Tier(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The tier of a code, empty for anything else. */
  public static Optional<Tier> parse(String code) {
    for (Tier t : values()) {
      if (t.name().equals(code)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The next tier down, or empty at the bottom. */
  public Optional<Tier> down() {
    return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
  }

  /** The next tier up, or empty at the top. */
  public Optional<Tier> up() {
    return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
  }
}
