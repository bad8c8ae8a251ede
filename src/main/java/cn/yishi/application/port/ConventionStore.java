package cn.yishi.application.port;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Conventions (公约), their versions and the comments residents left on a draft. A version's status is the name of
 * a {@code ConventionStatus}; {@code compound} is null for a convention of the whole community.
 */
public interface ConventionStore {
  record Version(long id, long conventionId, String community, String compound, int versionNo, String title, String body,
      String status, String token, OffsetDateTime commentsCloseAt, Long meetingId, LocalDate effectiveDate,
      LocalDate supersededDate) {}

  record Comment(long id, long versionId, String content, String signature, OffsetDateTime receivedAt, String handling) {}

  long insertConvention(String community, String compound, OffsetDateTime now);

  long insertVersion(long conventionId, int versionNo, String title, String body, String status, String token,
      OffsetDateTime commentsCloseAt, String actor, OffsetDateTime now);

  Optional<Version> findVersion(long versionId);

  Optional<Version> findByToken(String token);

  /** Every version of a convention, oldest first. */
  List<Version> versions(long conventionId);

  /** Every version of the community's conventions (its compounds' too), by convention and version. */
  List<Version> versionsOfCommunity(String community);

  /** Sets the status when the version has the expected one; false when it has not (a concurrent step). */
  boolean moveStatus(long versionId, String from, String to);

  void saveBody(long versionId, String body);

  void saveMeeting(long versionId, long meetingId);

  void publish(long versionId, LocalDate effectiveDate);

  void supersede(long versionId, LocalDate date);

  void insertComment(long versionId, String content, String signature, OffsetDateTime now);

  /** The comments of a version, oldest first. */
  List<Comment> comments(long versionId);

  void saveHandling(long commentId, String handling, String actor, OffsetDateTime now);

  void insertStep(long versionId, String step, String note, String actor, OffsetDateTime now);
}
