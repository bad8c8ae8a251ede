package cn.yishi.application.port;

import cn.yishi.domain.deliberation.BodySettings;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The settings of the deliberating bodies (议事机构, V23), with the audit of every change. */
public interface BodySettingsStore {
  /** One change: SEEDED or EDITED, by whom, when, and the settings after the change. */
  record Change(String bodyKey, String action, String changedBy, OffsetDateTime changedAt, String summary) {}

  /** The stored settings with who changed them last. */
  record Stored(BodySettings settings, String updatedBy, OffsetDateTime updatedAt) {}

  Map<String, Stored> all();

  Optional<Stored> find(String bodyKey);

  /** Stores the settings of a body that has none yet (version 0); false when it has some already. */
  boolean insert(BodySettings s, String action, String actor, OffsetDateTime now);

  /** Replaces the settings of the given version (the version goes up by one); false when the version is stale. */
  boolean update(BodySettings s, int version, String actor, OffsetDateTime now);

  List<Change> changes(String bodyKey);

  /** True for the one caller (on any node) that may copy the configured settings into the table; false ever after. */
  boolean claimSeed(OffsetDateTime now);
}
