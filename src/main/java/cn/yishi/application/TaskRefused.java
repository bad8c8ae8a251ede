package cn.yishi.application;

/** A request about a task that the task does not allow: unknown or completed, not the caller's, or not for this. */
public class TaskRefused extends RuntimeException {
  public enum Reason { NOT_FOUND, NOT_HANDLER, NOT_APPLICABLE }

  private final Reason reason;

  public TaskRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
