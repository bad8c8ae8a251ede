package cn.yishi.application;

/**
 * The answer to a report: a new case, the case that the same channel report already created
 * (idempotent repeat), or the open case it was merged into (附议).
 */
public record IntakeResult(String caseNo, Kind kind, String status) {
  public enum Kind { CREATED, REPEATED, MERGED }
}
