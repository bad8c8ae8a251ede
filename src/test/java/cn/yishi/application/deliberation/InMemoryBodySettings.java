package cn.yishi.application.deliberation;

import cn.yishi.application.port.BodySettingsStore;
import cn.yishi.domain.deliberation.BodySettings;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The body settings port in memory, with the table's rules: insert if absent, versions, seed once, an audit entry per change. */
class InMemoryBodySettings implements BodySettingsStore {
  final Map<String, Stored> rows = new LinkedHashMap<>();
  final List<Change> changes = new ArrayList<>();
  private boolean seeded;

  @Override
  public Map<String, Stored> all() {
    return new LinkedHashMap<>(rows);
  }

  @Override
  public Optional<Stored> find(String bodyKey) {
    return Optional.ofNullable(rows.get(bodyKey));
  }

  @Override
  public boolean insert(BodySettings s, String action, String actor, OffsetDateTime now) {
    if (rows.containsKey(s.bodyKey())) {
      return false;
    }
    rows.put(s.bodyKey(), new Stored(withVersion(s, 0), actor, now));
    changes.add(new Change(s.bodyKey(), action, actor, now, s.fixedDaysText()));
    return true;
  }

  @Override
  public boolean update(BodySettings s, int version, String actor, OffsetDateTime now) {
    Stored current = rows.get(s.bodyKey());
    if (current == null || current.settings().version() != version) {
      return false;
    }
    rows.put(s.bodyKey(), new Stored(withVersion(s, version + 1), actor, now));
    changes.add(new Change(s.bodyKey(), "EDITED", actor, now, s.fixedDaysText()));
    return true;
  }

  @Override
  public List<Change> changes(String bodyKey) {
    return changes.stream().filter(c -> c.bodyKey().equals(bodyKey)).toList();
  }

  @Override
  public boolean claimSeed(OffsetDateTime now) {
    boolean first = !seeded;
    seeded = true;
    return first;
  }

  private static BodySettings withVersion(BodySettings s, int version) {
    return new BodySettings(s.bodyKey(), s.place(), s.fixedDays(), s.model(), s.parties(), s.active(), version);
  }
}
