package cn.yishi.application.port;

/** The proxyService processes (代办). */
public interface ProxyProcesses {
  /** Starts the process of a request registered by the phone page; returns the process instance id. */
  String start(long requestId, String requestNo);

  /**
   * Raises 代办督办 for a supervision order of 旬跟进 (message proxy.supervise, the order's facts in the task's own
   * scope); false when the process waits for none.
   */
  boolean supervise(String processInstanceId, long orderId, String reason);

  /** Hands the resident's rating to the waiting process; false when it waits for none. */
  boolean rated(String processInstanceId, int rating, boolean satisfied);
}
