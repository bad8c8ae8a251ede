package cn.yishi.application.port;

/** The proxyService processes (代办). */
public interface ProxyProcesses {
  /** Starts the process of a request registered by the phone page; returns the process instance id. */
  String start(long requestId, String requestNo);

  /** Hands the resident's rating to the waiting process; false when it waits for none. */
  boolean rated(String processInstanceId, int rating, boolean satisfied);
}
