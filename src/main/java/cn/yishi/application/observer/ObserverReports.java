package cn.yishi.application.observer;

import cn.yishi.application.CasePhotoService;
import cn.yishi.application.CaseTracking;
import cn.yishi.application.Catalogue;
import cn.yishi.application.IntakeResult;
import cn.yishi.application.IntakeService;
import cn.yishi.application.port.ObserverStore;
import cn.yishi.domain.access.MachineKey;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.observer.ObserverKind;
import cn.yishi.domain.observer.ObserverRules;
import cn.yishi.domain.photo.PhotoRules;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 码上拍 (seed 002, 平安社区 “关心事 码上拍”): an observer's own page behind the link's token. A report is a photo (required,
 * the photo rules of 随手拍), where it is (the phone's position inside a community's area, or the community chosen by
 * hand), a category and a short description; it enters intake with channel {@link Channel#OBSERVER}, the observer's
 * name and phone as the reporter's contact (never on a public page, in a process variable or in history), the photo
 * kept with the case. Anything refused stores nothing. The page lists what the observer reported, with the public state
 * of each case and nothing of anybody else's.
 */
@Service
public class ObserverReports {
  /** The actor of an observer's report (its photos count as the public's, 群众). */
  public static final String ACTOR = CasePhotoService.RESIDENT_ACTORS_PREFIX + "observer";
  /** The most reports the page lists. */
  public static final int LIST_MAX = 50;
  private static final Set<String> COVERED = Set.of("title", "description", "community", "location.lat", "location.lon");

  private final ObserverStore store;
  private final CasePhotoService photos;
  private final IntakeService intake;
  private final CaseTracking tracking;
  private final Catalogue catalogue;
  private final Directory directory;
  private final Clock clock;

  public ObserverReports(ObserverStore store, CasePhotoService photos, IntakeService intake, CaseTracking tracking,
      Catalogue catalogue, Directory directory, Clock clock) {
    this.store = store;
    this.photos = photos;
    this.intake = intake;
    this.tracking = tracking;
    this.catalogue = catalogue;
    this.directory = directory;
    this.clock = clock;
  }

  /** What the observer typed; {@code lat}/{@code lng} from the phone, {@code community} chosen by hand without them. */
  public record ReportInput(String category, String description, String compound, String lat, String lng, String community) {}

  /** One of the observer's reports as the page lists it: {@code title} only once the case has been reviewed. */
  public record ReportLine(String caseNo, String categoryName, String communityName, OffsetDateTime reportedAt,
      boolean pending, String statusName, String title, String casePath) {}

  /** The observer's page: who (by kind and company, never the name) and what they reported. */
  public record Page(String kindName, String company, List<ReportLine> reports) {}

  public record Reported(String caseNo, boolean merged, String casePath) {}

  /** The link is unknown, or its observer is withdrawn (停用). */
  public static class LinkRefused extends RuntimeException {
    private final boolean withdrawn;

    LinkRefused(boolean withdrawn) {
      super(withdrawn ? "该观察员链接已停用，如需继续参与，请联系街道（乡镇）或县调度中心" : "链接无效，请核对街道（乡镇）发给您的观察员链接");
      this.withdrawn = withdrawn;
    }

    public boolean withdrawn() {
      return withdrawn;
    }
  }

  /** The id of the link's active observer (the throttle counts per observer). */
  @Transactional(readOnly = true)
  public long observerId(String token) {
    return active(token).id();
  }

  @Transactional(readOnly = true)
  public Page page(String token) {
    ObserverStore.Observer o = active(token);
    List<ReportLine> lines = store.reports(o.id(), LIST_MAX).stream().map(this::line).toList();
    return new Page(ObserverKind.of(o.kind()).map(ObserverKind::label).orElse(o.kind()), o.company(), lines);
  }

  /** Registers a report with its photos; refused as a whole, storing nothing. */
  @Transactional
  public Reported report(String token, ReportInput in, List<PhotoRules.Upload> uploads) {
    ObserverStore.Observer o = active(token);
    List<FieldError> errors = new ArrayList<>();
    if (uploads.isEmpty()) {
      errors.add(new FieldError(PhotoRules.FIELD, "required", "请拍摄或选择一张照片"));
    } else {
      errors.addAll(photos.rules().check(uploads, 0).errors());
    }
    ObserverRules.Location where = ObserverRules.locate(in.lat(), in.lng(), in.community(), directory);
    errors.addAll(where.errors());
    errors.addAll(ObserverRules.checkDescription(in.description()));
    String kind = ObserverKind.of(o.kind()).map(ObserverKind::label).orElse("");
    // the 小区/路段 typed: a compound of the community by its name or code is stored as the compound (三级前置把关 sends
    // the case to its station); other text (a road, a gate) stays with the description
    String place = in.compound() == null || in.compound().isBlank() ? null : in.compound().strip();
    if (place != null && place.length() > cn.yishi.domain.casefile.NewCaseValidator.COMPOUND_MAX) {
      errors.add(new FieldError("compound", "too_long",
          "小区/路段不能超过" + cn.yishi.domain.casefile.NewCaseValidator.COMPOUND_MAX + "个字"));
    }
    String compound = place == null ? null
        : directory.compound(where.community(), place).map(Directory.Station::code).orElse(null);
    String description = place == null || compound != null || in.description() == null ? in.description()
        : in.description() + "（小区/路段：" + place + "）";
    NewCase report = new NewCase(Channel.OBSERVER, null, in.category(), ObserverRules.title(in.description()),
        description, where.community(), compound, null, new Reporter(o.name(), o.phone(), null, null), List.of(),
        where.lat(), where.lng());
    try {
      intake.validate(report);
    } catch (ValidationException e) {
      e.errors().stream().filter(f -> !COVERED.contains(f.field())).forEach(errors::add);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    IntakeResult result = photos.report(report, ACTOR, kind, uploads);
    store.addReport(o.id(), new ObserverStore.Report(result.caseNo(), report.category(), report.community(),
        OffsetDateTime.now(clock)));
    return new Reported(result.caseNo(), result.kind() == IntakeResult.Kind.MERGED, casePath(result.caseNo()));
  }

  private ReportLine line(ObserverStore.Report r) {
    CaseTracking.Tracked t = tracking.track(r.caseNo()).orElse(null);
    boolean pending = t == null || t.pending();
    String status = pending ? CaseTracking.PENDING_NAME : t.record().statusName();
    String title = pending ? null : t.record().title();
    String communityName = directory.community(r.community()).map(Directory.Community::name).orElse(r.community());
    return new ReportLine(r.caseNo(), catalogue.find(r.category()).map(Catalogue.Category::name).orElse(r.category()), communityName, r.reportedAt(), pending, status, title,
        casePath(r.caseNo()));
  }

  private ObserverStore.Observer active(String token) {
    if (!MachineKey.plausible(token)) {
      throw new LinkRefused(false);
    }
    ObserverStore.Observer o = store.findByTokenDigest(MachineKey.digest(token)).orElseThrow(() -> new LinkRefused(false));
    if (!o.active()) {
      throw new LinkRefused(true);
    }
    return o;
  }

  private static String casePath(String caseNo) {
    return "/public/cases/" + caseNo;
  }
}
