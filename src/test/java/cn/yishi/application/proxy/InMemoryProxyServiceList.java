package cn.yishi.application.proxy;

import cn.yishi.application.ApplicationFixtures;
import cn.yishi.application.port.ProxyServiceList;
import cn.yishi.domain.proxy.ProxyServiceEntry;
import cn.yishi.domain.proxy.ProxyServiceType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 代办事项清单 in memory, for application tests. */
public class InMemoryProxyServiceList implements ProxyServiceList {
  private final Map<String, ProxyServiceEntry> services = new LinkedHashMap<>();
  private final List<Change> changes = new ArrayList<>();
  private final List<String> offices = new ArrayList<>();
  private boolean seeded;
  public int locks;

  /** A catalogue over a list holding these services (and their offices), active, version 0. */
  public static ProxyServiceCatalogue catalogue(ProxyServiceType... services) {
    InMemoryProxyServiceList list = new InMemoryProxyServiceList();
    for (ProxyServiceType s : services) {
      list.addOffice(s.office(), "system", null);
      list.add(s, "system", null);
    }
    return new ProxyServiceCatalogue(list, ApplicationFixtures.directory(), cn.yishi.support.ProcessTestEngine.CLOCK,
        new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(
            cn.yishi.application.port.ProxyStartForm.class));
  }

  @Override
  public List<ProxyServiceEntry> all() {
    return services.values().stream().sorted(Comparator.comparing(e -> !e.active())).toList();
  }

  @Override
  public Optional<ProxyServiceEntry> find(String code) {
    return Optional.ofNullable(services.get(code));
  }

  @Override
  public boolean add(ProxyServiceType service, String actor, OffsetDateTime now) {
    if (services.containsKey(service.code())) {
      return false;
    }
    services.put(service.code(), new ProxyServiceEntry(service, true, 0));
    changes.add(new Change(service.code(), "ADDED", actor, now, service.name()));
    return true;
  }

  @Override
  public boolean update(ProxyServiceType service, int version, String actor, OffsetDateTime now) {
    ProxyServiceEntry e = services.get(service.code());
    if (e == null || !e.active() || e.version() != version) {
      return false;
    }
    services.put(service.code(), new ProxyServiceEntry(service, true, version + 1));
    changes.add(new Change(service.code(), "EDITED", actor, now, service.name()));
    return true;
  }

  @Override
  public boolean retire(String code, String actor, OffsetDateTime now) {
    ProxyServiceEntry e = services.get(code);
    if (e == null || !e.active()) {
      return false;
    }
    services.put(code, new ProxyServiceEntry(e.service(), false, e.version() + 1));
    changes.add(new Change(code, "RETIRED", actor, now, e.service().name()));
    return true;
  }

  @Override
  public List<Change> changes(String code) {
    return changes.stream().filter(c -> c.code().equals(code)).toList();
  }

  @Override
  public List<String> offices() {
    return List.copyOf(offices);
  }

  @Override
  public boolean addOffice(String name, String actor, OffsetDateTime now) {
    if (offices.contains(name)) {
      return false;
    }
    offices.add(name);
    return true;
  }

  @Override
  public boolean claimSeed(OffsetDateTime now) {
    if (seeded) {
      return false;
    }
    seeded = true;
    return true;
  }

  @Override
  public void lock() {
    locks++;
  }
}
