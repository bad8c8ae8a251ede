package cn.yishi.domain.casefile;

/** 即办件 / 承诺件 / 会商件. */
public enum Disposal {
  IMMEDIATE("即办件"),
  COMMITTED("承诺件"),
  DELIBERATED("会商件");

  private final String label;

  Disposal(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
