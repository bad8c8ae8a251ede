package cn.yishi.domain.casefile;

/** 红/黄/绿: red at once; yellow many households, on the fixed deliberation day; green specific groups. */
public enum Urgency {
  RED("红色（紧急）", 90),
  YELLOW("黄色（涉及户数多）", 60),
  GREEN("绿色（特定群体需求）", 40);

  private final String label;
  private final int taskPriority;

  Urgency(String label, int taskPriority) {
    this.label = label;
    this.taskPriority = taskPriority;
  }

  public String label() {
    return label;
  }

  /** Tasklist priority: RED is the highest. */
  public int taskPriority() {
    return taskPriority;
  }
}
