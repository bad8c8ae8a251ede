package cn.yishi.domain.casefile;

/** Case numbers (办件编号) such as FX-2026-000123. */
public final class CaseNumber {
  private CaseNumber() {}

  public static String format(String prefix, int year, long sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be positive: " + sequence);
    }
    return String.format("%s-%d-%06d", prefix, year, sequence);
  }
}
