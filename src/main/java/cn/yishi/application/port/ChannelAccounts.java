package cn.yishi.application.port;

/** The identity side of the machine clients: which users are channel accounts. */
public interface ChannelAccounts {
  /** Whether {@code userId} is an existing user and a member of the channel accounts' group. */
  boolean isChannelAccount(String userId);
}
