package cn.yishi.application.points;

/** A points request refused for who asks or what it names (not for its input: that is a ValidationException). */
public class PointsRefused extends RuntimeException {
  /** Why: the caller may not, or the thing named does not exist in the community. */
  public enum Reason { FORBIDDEN, NOT_FOUND }

  private final Reason reason;
  private final String field;

  public PointsRefused(Reason reason, String field, String message) {
    super(message);
    this.reason = reason;
    this.field = field;
  }

  public Reason reason() {
    return reason;
  }

  public String field() {
    return field;
  }

  static PointsRefused forbidden(String message) {
    return new PointsRefused(Reason.FORBIDDEN, "user", message);
  }

  static PointsRefused notFound(String field, String message) {
    return new PointsRefused(Reason.NOT_FOUND, field, message);
  }
}
