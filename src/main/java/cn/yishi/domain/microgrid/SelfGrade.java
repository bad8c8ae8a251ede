package cn.yishi.domain.microgrid;

import java.util.Optional;

/** The 院坝's self-evaluation ("由院坝长牵头……对'院坝汇'工作开展自治评价"): a grade with the 院坝长's text. */
public enum SelfGrade {
  GOOD("好"),
  FAIRLY_GOOD("较好"),
  AVERAGE("一般"),
  POOR("较差");

  private final String label;

  SelfGrade(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<SelfGrade> parse(String value) {
    for (SelfGrade g : values()) {
      if (g.name().equals(value)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
