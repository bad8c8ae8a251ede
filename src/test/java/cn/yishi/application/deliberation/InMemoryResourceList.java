package cn.yishi.application.deliberation;

import cn.yishi.application.port.ResourceList;
import cn.yishi.domain.resource.ResourceDraft;
import cn.yishi.domain.resource.ResourceEntry;
import cn.yishi.domain.resource.ResourceKind;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The resource list port in memory, with the same rules as the table: versions, retire once, seed once. */
class InMemoryResourceList implements ResourceList {
  final Map<Long, ResourceEntry> entries = new LinkedHashMap<>();
  final List<Change> changes = new ArrayList<>();
  private long next = 1;
  private boolean seeded;

  @Override
  public List<ResourceEntry> all() {
    return entries.values().stream().sorted(Comparator.comparing((ResourceEntry e) -> !e.active())
        .thenComparing(ResourceEntry::kind).thenComparing(ResourceEntry::name)).toList();
  }

  @Override
  public Optional<ResourceEntry> find(long id) {
    return Optional.ofNullable(entries.get(id));
  }

  @Override
  public long add(ResourceKind kind, ResourceDraft d, String actor, OffsetDateTime now) {
    long id = next++;
    entries.put(id, new ResourceEntry(id, kind, d.name(), d.expertise(), d.keywords(), d.contact(), d.community(),
        d.street(), true, 0));
    changes.add(new Change(id, "ADDED", actor, now, d.name()));
    return id;
  }

  @Override
  public boolean update(long id, int version, ResourceKind kind, ResourceDraft d, String actor, OffsetDateTime now) {
    ResourceEntry e = entries.get(id);
    if (e == null || !e.active() || e.version() != version) {
      return false;
    }
    entries.put(id, new ResourceEntry(id, kind, d.name(), d.expertise(), d.keywords(), d.contact(), d.community(),
        d.street(), true, version + 1));
    changes.add(new Change(id, "EDITED", actor, now, d.name()));
    return true;
  }

  @Override
  public boolean retire(long id, String actor, OffsetDateTime now) {
    ResourceEntry e = entries.get(id);
    if (e == null || !e.active()) {
      return false;
    }
    entries.put(id, new ResourceEntry(id, e.kind(), e.name(), e.expertise(), e.keywords(), e.contact(), e.community(),
        e.street(), false, e.version() + 1));
    changes.add(new Change(id, "RETIRED", actor, now, e.name()));
    return true;
  }

  @Override
  public List<Change> changes(long id) {
    return changes.stream().filter(c -> c.resourceId() == id).toList();
  }

  @Override
  public boolean claimSeed(OffsetDateTime now) {
    if (seeded) {
      return false;
    }
    seeded = true;
    return true;
  }
}
