package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.CasePhotos;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.photo.PhotoRules;
import cn.yishi.support.PhotoSamples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Photos of a case: checks before anything is stored, who sees, adds and releases, the public copy; ports mocked. */
class CasePhotoServiceTest {
  private final CasePhotos photos = mock(CasePhotos.class);
  private final CaseRepository repository = mock(CaseRepository.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final Cases cases = new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  private final IntakeService intake = mock(IntakeService.class);
  private final CasePhotoService service = new CasePhotoService(photos, timeline, cases, intake,
      ApplicationFixtures.directory(), 100_000, 3);
  private final CaseFile c = ApplicationFixtures.stored(repository, ApplicationFixtures.registered());

  private static final List<String> REVIEWERS = List.of("hualin-community");
  private static final List<String> GRID = List.of("hualin-grid");
  private static final List<String> OWNERS = List.of("hualin-owners");
  private static final List<String> OTHER_COMMUNITY = List.of("xishan-community");

  private static NewCase report(String title) {
    return new NewCase(Channel.QR_CODE, null, "streetlight", title, "路灯不亮", "hualin", "御苑小区", null,
        new Reporter(null, null, null, null), List.of());
  }

  private static PhotoRules.Upload jpeg() {
    return new PhotoRules.Upload("路灯.jpg", PhotoSamples.jpegWithExif(40, 30));
  }

  private static CasePhotos.Photo stored(String id, boolean released) {
    return new CasePhotos.Photo(id, c().caseNo(), "image/jpeg", 10, "abc", "public-report", ApplicationFixtures.NOW, released,
        released ? "community.hualin" : null, released ? ApplicationFixtures.NOW : null);
  }

  private static CaseFile c() {
    return ApplicationFixtures.registered();
  }

  @Test
  void aReportAndItsPhotosAreRefusedTogetherBeforeAnythingIsStored() {
    org.mockito.Mockito.doThrow(new ValidationException(List.of(new cn.yishi.domain.casefile.FieldError("title", "required", "请填写标题"))))
        .when(intake).validate(any());
    List<String> codes = ApplicationFixtures.refusal(() -> service.report(report(""), "public-report",
        List.of(new PhotoRules.Upload("a.gif", PhotoSamples.gif()))));
    assertThat(codes).containsExactly("title/required", "photos/unsupported_type");
    verify(intake, never()).submit(any(), anyString(), any());
    verifyNoInteractions(photos);
  }

  @Test
  void aReportsPhotosAreStoredWithTheNewCaseAndNotedForStaffOnly() {
    when(intake.submit(any(), eq("public-report"), org.mockito.ArgumentMatchers.isNull())).thenReturn(new IntakeResult(c.caseNo(), IntakeResult.Kind.CREATED, "REGISTERED"));
    PhotoRules.Upload photo = jpeg();
    IntakeResult result = service.report(report("路灯不亮"), "public-report", List.of(photo, new PhotoRules.Upload("b.png",
        PhotoSamples.png(10, 10))));

    assertThat(result.caseNo()).isEqualTo(c.caseNo());
    ArgumentCaptor<CasePhotos.NewPhoto> added = ArgumentCaptor.forClass(CasePhotos.NewPhoto.class);
    verify(photos, org.mockito.Mockito.times(2)).add(eq(c.id()), added.capture());
    CasePhotos.NewPhoto first = added.getAllValues().get(0);
    assertThat(first.publicId()).matches("[A-Za-z0-9_-]{43}");
    assertThat(added.getAllValues().get(1).publicId()).isNotEqualTo(first.publicId());
    assertThat(first.contentType()).isEqualTo("image/jpeg");
    assertThat(added.getAllValues().get(1).contentType()).isEqualTo("image/png");
    assertThat(first.data()).isEqualTo(photo.data());
    assertThat(first.size()).isEqualTo(photo.data().length);
    assertThat(first.sha256()).hasSize(64).isEqualTo(CasePhotoService.sha256(photo.data()));
    assertThat(first.uploadedBy()).isEqualTo("public-report");
    assertThat(first.uploadedAt()).isEqualTo(ApplicationFixtures.NOW);
    assertThat(timeline.all()).singleElement().satisfies(a -> {
      assertThat(a.entry().action()).isEqualTo(TimelineAction.PHOTO_ADDED);
      assertThat(a.entry().note()).isEqualTo("2 张");
      assertThat(a.entry().publicNote()).isFalse();
    });
  }

  @Test
  void aMergedCaseWithoutRoomRefusesTheReportsPhotos() {
    when(intake.submit(any(), anyString(), org.mockito.ArgumentMatchers.isNull())).thenReturn(new IntakeResult(c.caseNo(), IntakeResult.Kind.MERGED, "ACCEPTED"));
    when(photos.countLocked(c.id())).thenReturn(3);
    assertThat(ApplicationFixtures.refusal(() -> service.report(report("附议"), "public-report", List.of(jpeg()))))
        .containsExactly("photos/too_many");
    verify(photos, never()).add(anyLong(), any());
  }

  @Test
  void readersOfTheCaseSeeItsPhotosAndOnlyStaffAddAndOnlyReviewersRelease() {
    when(photos.list(c.id())).thenReturn(List.of(stored("p1", false)));
    CasePhotoService.CasePhotoList reviewers = service.list(c.caseNo(), REVIEWERS);
    assertThat(reviewers.mayAdd()).isTrue();
    assertThat(reviewers.mayRelease()).isTrue();
    assertThat(reviewers.photos()).singleElement().satisfies(p -> {
      assertThat(p.id()).isEqualTo("p1");
      assertThat(p.source()).isEqualTo("群众");
    });
    CasePhotoService.CasePhotoList grid = service.list(c.caseNo(), GRID);
    assertThat(grid.mayAdd()).isTrue();
    assertThat(grid.mayRelease()).isFalse();
    CasePhotoService.CasePhotoList owners = service.list(c.caseNo(), OWNERS);
    assertThat(owners.mayAdd()).isFalse();
    assertThat(owners.photos()).hasSize(1);
    assertThat(service.list(c.caseNo(), List.of("dispatch-centre")).mayRelease()).isTrue();
    assertThatThrownBy(() -> service.list(c.caseNo(), OTHER_COMMUNITY)).isInstanceOf(CaseReadDenied.class);
    assertThatThrownBy(() -> service.content(c.caseNo(), "p1", OTHER_COMMUNITY)).isInstanceOf(CaseReadDenied.class);
    assertThatThrownBy(() -> service.list("FX-2026-000999", REVIEWERS)).isInstanceOf(CaseNotFound.class);
  }

  @Test
  void addingIsRefusedToReadOnlyRolesAndWithoutPhotos() {
    assertThatThrownBy(() -> service.add(c.caseNo(), List.of(jpeg()), "owners.hualin", OWNERS))
        .isInstanceOf(PhotoDenied.class).hasMessage("只有办理、审核该办件的工作人员可以添加照片");
    assertThatThrownBy(() -> service.add(c.caseNo(), List.of(jpeg()), "community.xishan", OTHER_COMMUNITY))
        .isInstanceOf(CaseReadDenied.class);
    assertThat(ApplicationFixtures.refusal(() -> service.add(c.caseNo(), List.of(), "grid.hualin", GRID)))
        .containsExactly("photos/required");
    verify(photos, never()).add(anyLong(), any());

    when(photos.countLocked(c.id())).thenReturn(1);
    service.add(c.caseNo(), List.of(jpeg()), "grid.hualin", GRID);
    verify(photos).add(eq(c.id()), any());
  }

  @Test
  void aReleaseIsTheReviewersAndNotedPubliclyOnce() {
    when(photos.list(c.id())).thenReturn(List.of(stored("p1", false)));
    assertThatThrownBy(() -> service.release(c.caseNo(), "p1", "grid.hualin", GRID)).isInstanceOf(PhotoDenied.class)
        .hasMessage("只有本社区两委审核人员和调度中心可以公开照片");
    assertThatThrownBy(() -> service.release(c.caseNo(), "nope", "community.hualin", REVIEWERS)).isInstanceOf(PhotoNotFound.class);
    verify(photos, never()).release(anyLong(), anyString(), anyString(), any());

    when(photos.list(c.id())).thenReturn(List.of(stored("p1", false)), List.of(stored("p1", true)));
    assertThat(service.release(c.caseNo(), "p1", "community.hualin", REVIEWERS).released()).isTrue();
    verify(photos).release(c.id(), "p1", "community.hualin", ApplicationFixtures.NOW);
    assertThat(timeline.all()).singleElement().satisfies(a -> {
      assertThat(a.entry().action()).isEqualTo(TimelineAction.PHOTO_RELEASED);
      assertThat(a.entry().publicNote()).isTrue();
    });

    when(photos.list(c.id())).thenReturn(List.of(stored("p1", true)));
    service.release(c.caseNo(), "p1", "dispatch", List.of("dispatch-centre"));
    verify(photos).release(anyLong(), anyString(), anyString(), any());
    assertThat(timeline.all()).hasSize(1);
  }

  @Test
  void thePublicCopyHasNoMetadataAndNothingElseIsPublic() {
    byte[] jpeg = PhotoSamples.jpegWithExif(40, 30);
    when(photos.publicContent("p1")).thenReturn(Optional.of(new CasePhotos.Content("p1", c.caseNo(), "image/jpeg", "abc", jpeg)));
    CasePhotoService.PhotoContent pub = service.publicPhoto("p1").orElseThrow();
    assertThat(new String(pub.data(), StandardCharsets.ISO_8859_1)).doesNotContain(PhotoSamples.EXIF_SECRET);
    assertThat(pub.contentType()).isEqualTo("image/jpeg");
    assertThat(pub.extension()).isEqualTo("jpg");
    assertThat(pub.sha256()).as("another ETag than the original's").isNotEqualTo("abc");

    when(photos.publicContent("p2")).thenReturn(Optional.empty());
    assertThat(service.publicPhoto("p2")).isEmpty();
    assertThat(service.publicPhoto("x".repeat(65))).isEmpty();
    verify(photos, never()).publicContent("x".repeat(65));

    when(photos.released(List.of(c.caseNo()))).thenReturn(Map.of(c.caseNo(), List.of("p1")));
    assertThat(service.released(c.caseNo())).containsExactly("p1");
  }
}
