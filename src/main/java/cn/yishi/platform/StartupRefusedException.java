package cn.yishi.platform;

/** The application refuses to start; the message says why in one line. */
public class StartupRefusedException extends RuntimeException {
  private final String action;

  public StartupRefusedException(String message, String action) {
    super(message);
    this.action = action;
  }

  public StartupRefusedException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
