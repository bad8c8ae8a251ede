package cn.yishi.domain.microgrid;

import java.util.Locale;
import java.util.Optional;

/**
 * 一长三员: "每个院坝明确院坝长1名和宣传员、代办员、信息员各1名" (开州 院坝汇). The 院坝长 is elected by the villagers; the
 * three others are sent by the township.
 */
public enum YuanbaRole {
  HEAD("院坝长"),
  PUBLICITY("宣传员"),
  AGENT("代办员"),
  INFORMATION("信息员");

  private final String label;

  YuanbaRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The suffix of the role's Camunda group ({@code yuanba-<code>-head}). */
  public String suffix() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<YuanbaRole> parse(String value) {
    for (YuanbaRole r : values()) {
      if (r.name().equals(value)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
