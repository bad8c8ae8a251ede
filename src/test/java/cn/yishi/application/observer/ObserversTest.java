package cn.yishi.application.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

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
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.CommunityArea;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.photo.PhotoRules;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * 议事观察员 with the store and the intake mocked: who maintains which observers, refusals that store nothing, only the
 * link's digest stored, withdrawal and a new link; a 码上拍 report's refusals all at once before anything is stored,
 * the observer as the reporter's contact, and the page without anybody's personal data.
 */
class ObserversTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final Directory DIRECTORY = new Directory("fx", "奉新县",
      List.of(new Directory.Street("fengchuan", "冯川镇"), new Directory.Street("ganfang", "甘坊镇")),
      List.of(new Directory.Community("hualin", "华林社区", "fengchuan",
          List.of(new Directory.Station("hualin-yuyuan", "御苑小区党群会客站")), List.of(), new CommunityArea(List.of(
          new CommunityArea.Point(0, 0), new CommunityArea.Point(0, 1), new CommunityArea.Point(1, 1),
          new CommunityArea.Point(1, 0))))),
      List.of(), List.of());

  final ObserverStore store = mock(ObserverStore.class);
  final Observers observers = new Observers(store, DIRECTORY, CLOCK, "https://yishi.example/");

  static Observers.Maintainer user(String... groups) {
    return new Observers.Maintainer("someone", List.of(groups), false);
  }

  static ObserverStore.Observer stored(long id, String street, boolean active) {
    OffsetDateTime at = OffsetDateTime.now(CLOCK);
    return new ObserverStore.Observer(id, "张三", "13800138000", "COURIER", "顺丰速运", street, active, at, "dispatch",
        active ? null : at, at, 0);
  }

  @Test
  void theDispatchCentreMaintainsAllAStreetItsOwnOthersNone() {
    when(store.all()).thenReturn(List.of(stored(1, "fengchuan", true), stored(2, "ganfang", true), stored(3, null, true)));
    assertThat(observers.list(user("dispatch-centre"))).hasSize(3);
    assertThat(observers.list(new Observers.Maintainer("demo", List.of(), true))).hasSize(3);
    assertThat(observers.list(user("street-fengchuan"))).extracting(Observers.ObserverView::id).containsExactly(1L);
    for (String group : List.of("hualin-grid", "hualin-community", "unit-housing", "channel-accounts")) {
      assertThatThrownBy(() -> observers.list(user(group))).isInstanceOfSatisfying(Observers.Refused.class,
          e -> assertThat(e.reason()).isEqualTo(Observers.Refused.Reason.FORBIDDEN));
    }
    assertThat(observers.options(user("street-fengchuan")).streets()).extracting(Observers.Option::code).containsExactly("fengchuan");
    assertThat(observers.options(user("dispatch-centre")).county()).isTrue();
  }

  @Test
  void aRegistrationStoresOnlyTheDigestOfTheLinkItAnswersOnce() {
    when(store.insert(any(), any(), any())).thenAnswer(i -> stored(7, ((ObserverStore.NewObserver) i.getArgument(0)).street(), true));
    Observers.Issued issued = observers.register(new Observers.NewObserver(" 张三 ", "13800138000", "COURIER", "", null),
        user("street-fengchuan"));
    assertThat(issued.link()).matches("https://yishi\\.example/public/observer/[A-Za-z0-9_-]{43}");
    ArgumentCaptor<ObserverStore.NewObserver> saved = ArgumentCaptor.forClass(ObserverStore.NewObserver.class);
    verify(store).insert(saved.capture(), any(), eq("someone"));
    String token = issued.link().substring(issued.link().lastIndexOf('/') + 1);
    assertThat(saved.getValue().tokenDigest()).isEqualTo(MachineKey.digest(token)).doesNotContain(token);
    assertThat(saved.getValue().name()).isEqualTo("张三");
    assertThat(saved.getValue().company()).isNull();
    assertThat(saved.getValue().street()).as("a street's own by default").isEqualTo("fengchuan");
  }

  @Test
  void refusedRegistrationsStoreNothing() {
    assertThatThrownBy(() -> observers.register(new Observers.NewObserver("", "123", "PILOT", null, null), user("dispatch-centre")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
            .containsExactly("name", "phone", "kind"));
    assertThatThrownBy(() -> observers.register(new Observers.NewObserver("张三", "13800138000", "RIDER", null, "ganfang"),
        user("street-fengchuan"))).isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::code).containsExactly("forbidden"));
    assertThatThrownBy(() -> observers.register(new Observers.NewObserver("张三", "13800138000", "RIDER", null, "nowhere"),
        user("dispatch-centre"))).isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::code).containsExactly("unknown"));
    assertThatThrownBy(() -> observers.register(new Observers.NewObserver("张三", "13800138000", "RIDER", null, null),
        user("hualin-grid"))).isInstanceOf(Observers.Refused.class);
    verify(store, never()).insert(any(), any(), any());
  }

  @Test
  void withdrawalAndANewLink() {
    when(store.find(1)).thenReturn(Optional.of(stored(1, "fengchuan", true)));
    when(store.find(2)).thenReturn(Optional.of(stored(2, "ganfang", true)));
    when(store.find(3)).thenReturn(Optional.of(stored(3, "fengchuan", false)));
    observers.withdraw(1, user("street-fengchuan"));
    verify(store).withdraw(eq(1L), any(), eq("someone"));
    assertThatThrownBy(() -> observers.withdraw(2, user("street-fengchuan"))).isInstanceOfSatisfying(Observers.Refused.class,
        e -> assertThat(e.reason()).isEqualTo(Observers.Refused.Reason.FORBIDDEN));
    assertThatThrownBy(() -> observers.withdraw(9, user("dispatch-centre"))).isInstanceOfSatisfying(Observers.Refused.class,
        e -> assertThat(e.reason()).isEqualTo(Observers.Refused.Reason.NOT_FOUND));
    assertThatThrownBy(() -> observers.withdraw(3, user("dispatch-centre"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> observers.reissue(3, user("dispatch-centre"))).isInstanceOf(ValidationException.class);
    Observers.Issued again = observers.reissue(1, user("dispatch-centre"));
    String token = again.link().substring(again.link().lastIndexOf('/') + 1);
    verify(store).replaceToken(eq(1L), eq(MachineKey.digest(token)), any());
    verify(store, never()).withdraw(eq(2L), any(), anyString());
  }

  // 码上拍 ---------------------------------------------------------------------------------------------------------

  final CasePhotoService photos = mock(CasePhotoService.class);
  final IntakeService intake = mock(IntakeService.class);
  final CaseTracking tracking = mock(CaseTracking.class);
  final Catalogue catalogue = new Catalogue(List.of(new Catalogue.Category("streetlight", "路灯照明", "公共设施")));
  final ObserverReports reports = new ObserverReports(store, photos, intake, tracking, catalogue, DIRECTORY, CLOCK);
  static final String TOKEN = "t".repeat(43);
  static final List<PhotoRules.Upload> PHOTO = List.of(new PhotoRules.Upload("a.jpg", cn.yishi.support.PhotoSamples.jpegWithExif(8, 8)));

  void knownObserver(boolean active) {
    when(store.findByTokenDigest(MachineKey.digest(TOKEN))).thenReturn(Optional.of(stored(5, "fengchuan", active)));
    when(photos.rules()).thenReturn(new PhotoRules(1_000_000, 6));
  }

  @Test
  void aReportEntersIntakeAsTheObserversWithThePositionsCommunity() {
    knownObserver(true);
    when(photos.report(any(), any(), any(), any())).thenReturn(new IntakeResult("FX-2026-000009", IntakeResult.Kind.CREATED, "REGISTERED"));
    ObserverReports.Reported done = reports.report(TOKEN,
        new ObserverReports.ReportInput("streetlight", "路灯不亮", null, "0.5", "0.5", null), PHOTO);
    assertThat(done.casePath()).isEqualTo("/public/cases/FX-2026-000009");
    ArgumentCaptor<NewCase> report = ArgumentCaptor.forClass(NewCase.class);
    verify(photos).report(report.capture(), eq(ObserverReports.ACTOR), eq("快递员"), eq(PHOTO));
    assertThat(report.getValue().channel()).isEqualTo(Channel.OBSERVER);
    assertThat(report.getValue().community()).isEqualTo("hualin");
    assertThat(report.getValue().reporter().name()).isEqualTo("张三");
    assertThat(report.getValue().reporter().phone()).isEqualTo("13800138000");
    verify(store).addReport(eq(5L), eq(new ObserverStore.Report("FX-2026-000009", "streetlight", "hualin", OffsetDateTime.now(CLOCK))));
  }

  @Test
  void theTypedPlaceIsTheCompoundOnlyWhenItNamesOneElseItJoinsTheDescription() {
    knownObserver(true);
    when(photos.report(any(), any(), any(), any())).thenReturn(new IntakeResult("FX-2026-000009", IntakeResult.Kind.CREATED, "REGISTERED"));
    reports.report(TOKEN, new ObserverReports.ReportInput("streetlight", "路灯不亮", " 御苑小区 ", "0.5", "0.5", null), PHOTO);
    reports.report(TOKEN, new ObserverReports.ReportInput("streetlight", "路灯不亮", "北门路口", "0.5", "0.5", null), PHOTO);
    ArgumentCaptor<NewCase> report = ArgumentCaptor.forClass(NewCase.class);
    verify(photos, org.mockito.Mockito.times(2)).report(report.capture(), any(), any(), any());
    assertThat(report.getAllValues().get(0).compound()).isEqualTo("hualin-yuyuan");
    assertThat(report.getAllValues().get(0).description()).isEqualTo("路灯不亮");
    assertThat(report.getAllValues().get(1).compound()).isNull();
    assertThat(report.getAllValues().get(1).description()).isEqualTo("路灯不亮（小区/路段：北门路口）");

    assertThatThrownBy(() -> reports.report(TOKEN, new ObserverReports.ReportInput("streetlight", "路灯", "路".repeat(129), "0.5",
        "0.5", null), PHOTO)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(f -> f.field() + ":" + f.code()).containsExactly("compound:too_long"));
  }

  @Test
  void everyRefusalAtOnceAndNothingStored() {
    knownObserver(true);
    assertThatThrownBy(() -> reports.report(TOKEN, new ObserverReports.ReportInput("streetlight", "问".repeat(201), null, "5", "5", null),
        List.of())).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(f -> f.field() + ":" + f.code()).containsExactly("photos:required", "location:outside", "description:too_long"));
    org.mockito.Mockito.doThrow(new ValidationException(List.of(new FieldError("category", "required", "请选择诉求类别"),
        new FieldError("community", "required", "请选择所在社区")))).when(intake).validate(any());
    assertThatThrownBy(() -> reports.report(TOKEN, new ObserverReports.ReportInput(null, "路灯", null, null, null, null), PHOTO))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(f -> f.field() + ":" + f.code()).containsExactly("location:required", "category:required"));
    verify(photos, never()).report(any(), any(), any(), any());
    verify(store, never()).addReport(anyLong(), any());
  }

  @Test
  void anUnknownOrWithdrawnLinkIsRefused() {
    assertThatThrownBy(() -> reports.page(TOKEN)).isInstanceOfSatisfying(ObserverReports.LinkRefused.class,
        e -> assertThat(e.withdrawn()).isFalse());
    assertThatThrownBy(() -> reports.page(" ")).isInstanceOf(ObserverReports.LinkRefused.class);
    knownObserver(false);
    assertThatThrownBy(() -> reports.report(TOKEN, new ObserverReports.ReportInput("streetlight", "路灯", null, "0.5", "0.5", null), PHOTO))
        .isInstanceOfSatisfying(ObserverReports.LinkRefused.class, e -> assertThat(e.withdrawn()).isTrue());
    verify(photos, never()).report(any(), any(), any(), any());
  }

  @Test
  void thePageListsTheReportsWithTheirPublicStateOnly() {
    knownObserver(true);
    OffsetDateTime at = OffsetDateTime.now(CLOCK);
    when(store.reports(5, ObserverReports.LIST_MAX)).thenReturn(List.of(
        new ObserverStore.Report("FX-1", "streetlight", "hualin", at), new ObserverStore.Report("FX-2", "streetlight", "hualin", at)));
    when(tracking.track("FX-1")).thenReturn(Optional.of(new CaseTracking.Tracked("FX-1", true, null, null)));
    when(tracking.track("FX-2")).thenReturn(Optional.empty());
    ObserverReports.Page page = reports.page(TOKEN);
    assertThat(page.kindName()).isEqualTo("快递员");
    assertThat(page.company()).isEqualTo("顺丰速运");
    assertThat(page.toString()).doesNotContain("张三", "13800138000");
    assertThat(page.reports()).extracting(ObserverReports.ReportLine::statusName).containsOnly(CaseTracking.PENDING_NAME);
    assertThat(page.reports()).extracting(ObserverReports.ReportLine::title).containsOnlyNulls();
    assertThat(page.reports().get(0).categoryName()).isEqualTo("路灯照明");
    assertThat(page.reports().get(0).communityName()).isEqualTo("华林社区");
  }
}
