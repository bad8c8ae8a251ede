package cn.yishi.application.port;

/**
 * The Tasklist start form of 代办 (proxyRequest) lists the active services; after a change of the 代办事项清单 it is
 * deployed anew, so that the next 发起流程 offers the current list.
 */
public interface ProxyStartForm {
  void refresh();
}
