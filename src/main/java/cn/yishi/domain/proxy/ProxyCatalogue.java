package cn.yishi.domain.proxy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The proxy services a 代办员 offers, in the order of the catalogue file. */
public final class ProxyCatalogue {
  private final Map<String, ProxyServiceType> services = new LinkedHashMap<>();

  public ProxyCatalogue(List<ProxyServiceType> services) {
    for (ProxyServiceType s : services) {
      if (this.services.putIfAbsent(s.code(), s) != null) {
        throw new IllegalArgumentException("代办事项编码 " + s.code() + " 重复");
      }
    }
  }

  public List<ProxyServiceType> services() {
    return List.copyOf(services.values());
  }

  public Optional<ProxyServiceType> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(services.get(code.strip()));
  }
}
