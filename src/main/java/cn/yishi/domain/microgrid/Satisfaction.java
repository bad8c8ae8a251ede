package cn.yishi.domain.microgrid;

import java.util.Optional;

/**
 * The scale of 双向评价 ("对干部服务情况开展满意度测评"): three answers a resident can give on a phone or a paper sheet, with
 * the points they count for in a person's score (100 / 60 / 0, so that a person rated 基本满意 by everyone just passes).
 */
public enum Satisfaction {
  SATISFIED("满意", 100),
  BASICALLY_SATISFIED("基本满意", 60),
  DISSATISFIED("不满意", 0);

  private final String label;
  private final int points;

  Satisfaction(String label, int points) {
    this.label = label;
    this.points = points;
  }

  public String label() {
    return label;
  }

  public int points() {
    return points;
  }

  public static Optional<Satisfaction> parse(String value) {
    for (Satisfaction s : values()) {
      if (s.name().equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
