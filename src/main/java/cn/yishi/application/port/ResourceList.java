package cn.yishi.application.port;

import cn.yishi.domain.resource.ResourceDraft;
import cn.yishi.domain.resource.ResourceEntry;
import cn.yishi.domain.resource.ResourceKind;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The resource list and talent pool (资源清单 / 人才库) in the project's tables, with the audit of every change. */
public interface ResourceList {
  /** One change: ADDED, EDITED or RETIRED, by whom, when, and the entry after the change. */
  record Change(long resourceId, String action, String changedBy, OffsetDateTime changedAt, String summary) {}

  /** Every entry, active ones first, then by kind and name. */
  List<ResourceEntry> all();

  Optional<ResourceEntry> find(long id);

  /** Stores a new entry and its ADDED change; returns its id. */
  long add(ResourceKind kind, ResourceDraft d, String actor, OffsetDateTime now);

  /** Replaces an active entry of the given version, with its EDITED change; false when the version is stale. */
  boolean update(long id, int version, ResourceKind kind, ResourceDraft d, String actor, OffsetDateTime now);

  /** Retires an active entry, with its RETIRED change; false when it was retired already. */
  boolean retire(long id, String actor, OffsetDateTime now);

  /** The changes of one entry, oldest first. */
  List<Change> changes(long id);

  /** True for the one caller (on any node) that may copy the configured list into the table; false ever after. */
  boolean claimSeed(OffsetDateTime now);
}
