package cn.yishi.application.port;

import cn.yishi.domain.proxy.ProxyServiceEntry;
import cn.yishi.domain.proxy.ProxyServiceType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The 代办事项清单 in the project's tables (V26): services, offices, the audit of every change, the one-time seed. */
public interface ProxyServiceList {
  /** One change: ADDED, EDITED or RETIRED, by whom, when, and the service after the change in words. */
  record Change(String code, String action, String changedBy, OffsetDateTime changedAt, String summary) {}

  /** Every service, active ones first, then in the order they were added. */
  List<ProxyServiceEntry> all();

  Optional<ProxyServiceEntry> find(String code);

  /** Stores a new service and its ADDED change; false when the code is taken (also by a retired service). */
  boolean add(ProxyServiceType service, String actor, OffsetDateTime now);

  /** Replaces an active service of the given version, with its EDITED change; false when stale or retired. */
  boolean update(ProxyServiceType service, int version, String actor, OffsetDateTime now);

  /** Retires an active service, with its RETIRED change; false when it was retired already. */
  boolean retire(String code, String actor, OffsetDateTime now);

  /** The changes of one service, oldest first. */
  List<Change> changes(String code);

  /** The offices a service may go to, by name. */
  List<String> offices();

  /** Adds an office; false when it is known already. */
  boolean addOffice(String name, String actor, OffsetDateTime now);

  /** True for the one caller (on any node) that may copy the file into the tables; false ever after. */
  boolean claimSeed(OffsetDateTime now);

  /** Holds the catalogue's lock until the transaction ends, so that changes follow one another. */
  void lock();
}
