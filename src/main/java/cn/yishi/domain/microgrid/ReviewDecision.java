package cn.yishi.domain.microgrid;

import java.util.Optional;

/** The township's decision on a person rated 不及格 (研究调整): replace them, or keep them with the reasons. */
public enum ReviewDecision {
  REPLACE("调整"),
  KEEP("保留");

  private final String label;

  ReviewDecision(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<ReviewDecision> parse(String value) {
    for (ReviewDecision d : values()) {
      if (d.name().equals(value)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
