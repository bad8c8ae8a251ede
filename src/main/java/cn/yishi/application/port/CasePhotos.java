package cn.yishi.application.port;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The photos of cases (随手拍), kept with the case record: the bytes as uploaded and who released which to the public.
 * Photos are addressed by their public id (256 random bits), the same for staff and, once released, the public.
 */
public interface CasePhotos {
  /** A photo to store. */
  record NewPhoto(String publicId, String contentType, int size, String sha256, byte[] data, String uploadedBy,
      OffsetDateTime uploadedAt) {}

  /** A stored photo without its bytes. */
  record Photo(String publicId, String caseNo, String contentType, int size, String sha256, String uploadedBy,
      OffsetDateTime uploadedAt, boolean released, String releasedBy, OffsetDateTime releasedAt) {}

  /** A photo's bytes and type. */
  record Content(String publicId, String caseNo, String contentType, String sha256, byte[] data) {}

  /**
   * The number of photos of the case, with the case locked until the transaction ends, so that two uploads at once
   * cannot together go over the limit.
   */
  int countLocked(long caseId);

  void add(long caseId, NewPhoto photo);

  /** The case's photos, oldest first. */
  List<Photo> list(long caseId);

  Optional<Content> content(long caseId, String publicId);

  /** Marks the photo released; false when the case has no such photo. Releasing twice keeps the first release. */
  boolean release(long caseId, String publicId, String by, OffsetDateTime at);

  /** A released photo of a case that is public (not awaiting review). */
  Optional<Content> publicContent(String publicId);

  /** The public ids of the released photos of each of the cases (by case number), oldest first; no entry when none. */
  Map<String, List<String>> released(Collection<String> caseNos);
}
