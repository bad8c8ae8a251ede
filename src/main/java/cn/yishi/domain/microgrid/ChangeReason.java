package cn.yishi.domain.microgrid;

import java.util.Optional;

/** Why a role holder's term starts or ends. {@link #DIRECTORY} only for the holders seeded from the directory file. */
public enum ChangeReason {
  DIRECTORY("初始登记"),
  ELECTION("换届选举"),
  FAILED_EVALUATION("评价不及格调整"),
  OTHER("其他");

  private final String label;

  ChangeReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A reason staff may give for a replacement (not {@link #DIRECTORY}). */
  public static Optional<ChangeReason> parseForStaff(String value) {
    for (ChangeReason r : values()) {
      if (r != DIRECTORY && r.name().equals(value)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
