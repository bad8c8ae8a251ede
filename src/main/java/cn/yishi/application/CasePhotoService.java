package cn.yishi.application;

import cn.yishi.application.port.CasePhotos;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.CaseReadPolicy;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.photo.PhotoAccess;
import cn.yishi.domain.photo.PhotoMetadata;
import cn.yishi.domain.photo.PhotoRules;
import cn.yishi.domain.photo.PhotoType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos of a case (随手拍): taken with the resident's report on the QR page or added by staff in Tasklist, checked
 * by {@link PhotoRules} (type by signature, size, count per case), shown to whoever may read the case record, and
 * shown publicly only after a reviewer released them ({@link PhotoAccess}), without their metadata (EXIF, GPS).
 * A refused photo stores nothing: with a report, the report is refused too.
 */
@Service
public class CasePhotoService {
  /** The actor of photos taken with a resident's report. */
  public static final String RESIDENT_ACTORS_PREFIX = "public-";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CasePhotos photos;
  private final Timeline timeline;
  private final Cases cases;
  private final IntakeService intake;
  private final PhotoRules rules;
  private final PhotoAccess access;

  public CasePhotoService(CasePhotos photos, Timeline timeline, Cases cases, IntakeService intake,
      Directory directory, @Value("${yishi.photos.max-bytes:5242880}") long maxBytes,
      @Value("${yishi.photos.max-per-case:6}") int maxPerCase) {
    this.photos = photos;
    this.timeline = timeline;
    this.cases = cases;
    this.intake = intake;
    this.rules = new PhotoRules(maxBytes, maxPerCase);
    this.access = new PhotoAccess(directory);
  }

  /** A photo as staff see it; {@code source} is who took it (群众 / 工作人员). */
  public record PhotoView(String id, String contentType, int size, String source, OffsetDateTime uploadedAt,
      boolean released, OffsetDateTime releasedAt) {}

  /** The photos of a case and what the caller may do with them. */
  public record CasePhotoList(String caseNo, boolean mayAdd, boolean mayRelease, int maxPerCase, long maxBytes,
      List<PhotoView> photos) {}

  /** A photo's bytes, its type and a digest for the ETag. */
  public record PhotoContent(String id, String contentType, String extension, String sha256, byte[] data) {}

  public PhotoRules rules() {
    return rules;
  }

  /**
   * A resident's report with its photos, in one transaction: every refusal of the report and of the photos at once,
   * and nothing stored when one is refused (also when a merged case has no room left for the photos).
   */
  @Transactional
  public IntakeResult report(NewCase report, String actor, List<PhotoRules.Upload> uploads) {
    return report(report, actor, null, uploads);
  }

  /** As {@link #report(NewCase, String, List)}; {@code occasion} is added to the channel in the timeline (观察员的类别). */
  @Transactional
  public IntakeResult report(NewCase report, String actor, String occasion, List<PhotoRules.Upload> uploads) {
    List<FieldError> errors = new ArrayList<>();
    try {
      intake.validate(report);
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
    errors.addAll(rules.check(uploads, 0).errors());
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    IntakeResult result = intake.submit(report, actor, occasion);
    if (!uploads.isEmpty() && result.kind() != IntakeResult.Kind.REPEATED) {
      store(cases.load(result.caseNo()), uploads, actor);
    }
    return result;
  }

  /** The case's photos for a member of {@code groups} who may read the case record. */
  @Transactional(readOnly = true)
  public CasePhotoList list(String caseNo, Collection<String> groups) {
    CaseFile c = cases.load(caseNo);
    CaseReadPolicy.CaseFacts facts = facts(c);
    if (!access.mayView(groups, facts)) {
      throw new CaseReadDenied(caseNo);
    }
    return new CasePhotoList(caseNo, access.mayAdd(groups, facts), access.mayRelease(groups, facts), rules.maxPerCase(),
        rules.maxBytes(), photos.list(c.id()).stream().map(CasePhotoService::view).toList());
  }

  /** One photo as uploaded, for a member of {@code groups} who may read the case record. */
  @Transactional(readOnly = true)
  public PhotoContent content(String caseNo, String photoId, Collection<String> groups) {
    CaseFile c = cases.load(caseNo);
    if (!access.mayView(groups, facts(c))) {
      throw new CaseReadDenied(caseNo);
    }
    return photos.content(c.id(), photoId).map(p -> content(p, false)).orElseThrow(() -> new PhotoNotFound(photoId));
  }

  /** Photos added by staff who work on the case; all or none. */
  @Transactional
  public List<PhotoView> add(String caseNo, List<PhotoRules.Upload> uploads, String user, Collection<String> groups) {
    CaseFile c = cases.load(caseNo);
    CaseReadPolicy.CaseFacts facts = facts(c);
    if (!access.mayView(groups, facts)) {
      throw new CaseReadDenied(caseNo);
    }
    if (!access.mayAdd(groups, facts)) {
      throw new PhotoDenied("只有办理、审核该办件的工作人员可以添加照片");
    }
    if (uploads.isEmpty()) {
      throw new ValidationException(List.of(new FieldError(PhotoRules.FIELD, "required", "请选择要上传的照片")));
    }
    store(c, uploads, user);
    return photos.list(c.id()).stream().map(CasePhotoService::view).toList();
  }

  /** Releases a photo to the public case page; only the case's reviewers (社区两委), the dispatch centre and admins. */
  @Transactional
  public PhotoView release(String caseNo, String photoId, String user, Collection<String> groups) {
    CaseFile c = cases.load(caseNo);
    CaseReadPolicy.CaseFacts facts = facts(c);
    if (!access.mayView(groups, facts)) {
      throw new CaseReadDenied(caseNo);
    }
    if (!access.mayRelease(groups, facts)) {
      throw new PhotoDenied("只有本社区两委审核人员和调度中心可以公开照片");
    }
    CasePhotos.Photo before = photos.list(c.id()).stream().filter(p -> p.publicId().equals(photoId)).findFirst()
        .orElseThrow(() -> new PhotoNotFound(photoId));
    if (!before.released()) {
      photos.release(c.id(), photoId, user, cases.now());
      cases.note(c, user, TimelineAction.PHOTO_RELEASED, "公开照片 1 张", true);
    }
    return photos.list(c.id()).stream().filter(p -> p.publicId().equals(photoId)).findFirst().map(CasePhotoService::view)
        .orElseThrow(() -> new PhotoNotFound(photoId));
  }

  /** A released photo of a public case, without its metadata; empty for anything else. */
  @Transactional(readOnly = true)
  public java.util.Optional<PhotoContent> publicPhoto(String photoId) {
    if (photoId == null || photoId.length() > 64) {
      return java.util.Optional.empty();
    }
    return photos.publicContent(photoId).map(p -> content(p, true)).filter(p -> p.data() != null);
  }

  /** The ids of the released photos of a public case, oldest first. */
  @Transactional(readOnly = true)
  public List<String> released(String caseNo) {
    return photos.released(List.of(caseNo)).getOrDefault(caseNo, List.of());
  }

  /** The ids of the released photos of each of the cases; no entry for a case without one. */
  @Transactional(readOnly = true)
  public Map<String, List<String>> released(Collection<String> caseNos) {
    return caseNos.isEmpty() ? Map.of() : photos.released(caseNos);
  }

  private void store(CaseFile c, List<PhotoRules.Upload> uploads, String actor) {
    int existing = photos.countLocked(c.id());
    PhotoRules.Result checked = rules.check(uploads, existing);
    if (!checked.ok()) {
      throw new ValidationException(checked.errors());
    }
    OffsetDateTime now = cases.now();
    for (PhotoRules.Checked p : checked.photos()) {
      byte[] data = p.upload().data();
      photos.add(c.id(), new CasePhotos.NewPhoto(newId(), p.type().mediaType(), data.length, sha256(data), data, actor, now));
    }
    cases.note(c, actor, TimelineAction.PHOTO_ADDED, checked.photos().size() + " 张", false);
  }

  private CaseReadPolicy.CaseFacts facts(CaseFile c) {
    boolean putToExperts = timeline.entries(c.id()).stream().anyMatch(e -> e.action() == TimelineAction.EXPERT_REVIEW_REQUESTED
        || e.action() == TimelineAction.EXPERT_REVIEWED);
    return new CaseReadPolicy.CaseFacts(c.community(), c.tier(), c.responsibleUnit(), putToExperts);
  }

  private static PhotoView view(CasePhotos.Photo p) {
    return new PhotoView(p.publicId(), p.contentType(), p.size(),
        p.uploadedBy() != null && p.uploadedBy().startsWith(RESIDENT_ACTORS_PREFIX) ? "群众" : "工作人员",
        p.uploadedAt(), p.released(), p.releasedAt());
  }

  private static PhotoContent content(CasePhotos.Content p, boolean stripped) {
    PhotoType type = PhotoType.ofMediaType(p.contentType()).orElse(null);
    if (type == null) {
      return new PhotoContent(p.publicId(), "application/octet-stream", "bin", p.sha256(), stripped ? null : p.data());
    }
    byte[] data = stripped ? PhotoMetadata.strip(type, p.data()).orElse(null) : p.data();
    return new PhotoContent(p.publicId(), type.mediaType(), type.extension(), stripped ? p.sha256() + "-public" : p.sha256(), data);
  }

  static String newId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
