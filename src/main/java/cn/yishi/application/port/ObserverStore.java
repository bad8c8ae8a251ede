package cn.yishi.application.port;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The observers (议事观察员) and what each reported. Only the digest of an observer's link token is stored. */
public interface ObserverStore {
  /** An observer as stored; {@code name} and {@code phone} are personal data. */
  record Observer(long id, String name, String phone, String kind, String company, String street, boolean active,
      OffsetDateTime createdAt, String createdBy, OffsetDateTime withdrawnAt, OffsetDateTime tokenIssuedAt, int reports) {}

  record NewObserver(String name, String phone, String kind, String company, String street, String tokenDigest) {}

  /** One report of an observer: the case it became or joined. */
  record Report(String caseNo, String category, String community, OffsetDateTime reportedAt) {}

  Observer insert(NewObserver o, OffsetDateTime at, String by);

  List<Observer> all();

  Optional<Observer> find(long id);

  /** The observer whose link has this digest (active or not). */
  Optional<Observer> findByTokenDigest(String digest);

  /** Marks the observer withdrawn; false when it was withdrawn already. */
  boolean withdraw(long id, OffsetDateTime at, String by);

  /** Replaces the link's digest: the old link stops working. */
  void replaceToken(long id, String digest, OffsetDateTime at);

  void addReport(long observerId, Report report);

  /** The observer's reports, newest first, at most {@code limit}. */
  List<Report> reports(long observerId, int limit);
}
