package cn.yishi.domain.proxy;

/**
 * One entry of the 代办事项清单 as stored: the service, whether it is offered (retired ones stay with their history), and
 * the version an edit must name.
 */
public record ProxyServiceEntry(ProxyServiceType service, boolean active, int version) {
  public String code() {
    return service.code();
  }
}
