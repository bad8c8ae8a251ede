package cn.yishi.domain.microgrid;

/**
 * A person rated in a 双向评价 round, at {@code position} (1..n) on the sheet: one of the 一长三员 ({@code role} set) or a
 * cadre who serves the 院坝 ({@code role} null; {@code title} such as 包片干部). Public officers: their role and name are
 * shown to the households and on the public results.
 */
public record EvaluationSubject(long id, int position, YuanbaRole role, String title, String name) {
  public boolean cadre() {
    return role == null;
  }

  /** 院坝长 杨全国. */
  public String label() {
    return title + " " + name;
  }
}
