package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CASE_ID;
import static cn.yishi.application.ApplicationFixtures.CASE_NO;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.PROCESS;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static cn.yishi.application.ApplicationFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public and the staff view of a case: names from the catalogue and directory, personal data only for staff. */
class CaseQueriesTest {
  private final CaseRepository repository = mock(CaseRepository.class);
  private final Timeline timeline = mock(Timeline.class);
  private final CaseQueries queries = new CaseQueries(repository, timeline, ApplicationFixtures.catalogue(),
      ApplicationFixtures.directory(), ApplicationFixtures.calendar(), ApplicationFixtures.CLOCK, mock(cn.yishi.application.port.CoUnits.class));

  private static final Timeline.Entry REGISTERED = new Timeline.Entry(NOW.minusDays(1), "channel.12345",
      TimelineAction.REGISTERED, "来源渠道：12345热线", true);
  private static final Timeline.Entry OVERRIDDEN = new Timeline.Entry(NOW.minusHours(2), "community.hualin",
      TimelineAction.CLASSIFICATION_OVERRIDDEN, "内部理由", false);
  private static final Timeline.Entry ACCEPTED = new Timeline.Entry(NOW.minusHours(1), "community.hualin",
      TimelineAction.ACCEPTED, "绿色，小区党群会客站，承诺件", true);

  @Test
  void thePublicViewHasNamesAndOnlyThePublicNotes() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05")));
    when(timeline.entries(CASE_ID)).thenReturn(List.of(REGISTERED, OVERRIDDEN, ACCEPTED));

    CaseQueries.PublicCase p = queries.publicCase(CASE_NO).orElseThrow();

    assertThat(p.caseNo()).isEqualTo(CASE_NO);
    assertThat(p.categoryName()).isEqualTo("路灯照明");
    assertThat(p.communityName()).isEqualTo("华林社区");
    assertThat(p.compound()).as("the compound's name, never its code").isEqualTo("华林甲站");
    assertThat(p.status()).isEqualTo("IN_PROGRESS");
    assertThat(p.statusName()).isEqualTo("办理中");
    assertThat(p.disposalName()).isEqualTo("承诺件");
    assertThat(p.responsibleUnitName()).isEqualTo("县供水公司");
    assertThat(p.deadline()).isEqualTo(endOfDay("2026-03-05"));
    assertThat(p.timeline()).containsExactly(
        new CaseQueries.PublicNote(REGISTERED.at(), "登记诉求", "来源渠道：12345热线"),
        new CaseQueries.PublicNote(ACCEPTED.at(), "前置把关：予以受理", "绿色，小区党群会客站，承诺件"));
  }

  @Test
  void aCaseAwaitingReviewOrUnknownIsNotPublic() {
    stored(repository, ApplicationFixtures.registered());

    assertThat(queries.publicCase(CASE_NO)).isEmpty();
    assertThat(queries.publicCase("FX-2026-999999")).isEmpty();
    verifyNoInteractions(timeline);
  }

  @Test
  void unknownCodesAreShownAsTheyAreAndADeclineShowsItsReason() {
    CaseFile c = new CaseFile(9, "FX-2026-000009", Channel.ONSITE, null, "parking", "停车难",
        "d", "nowhere", null, null, NOW.minusDays(2));
    c.decline("属于司法程序", endOfDay("2026-03-03"));
    stored(repository, c);

    CaseQueries.PublicCase p = queries.summary("FX-2026-000009").orElseThrow();

    assertThat(p.categoryName()).isEqualTo("parking");
    assertThat(p.communityName()).isEqualTo("nowhere");
    assertThat(p.result()).isEqualTo("属于司法程序");
    assertThat(p.responsibleUnitName()).isNull();
    assertThat(p.timeline()).as("the summary has no timeline").isEmpty();
    verifyNoInteractions(timeline);
  }

  @Test
  void theSummaryShowsACaseAwaitingReviewToStaff() {
    stored(repository, ApplicationFixtures.registered());

    assertThat(queries.summary(CASE_NO)).get().extracting(CaseQueries.PublicCase::status).isEqualTo("REGISTERED");
    assertThat(queries.summary("FX-2026-999999")).isEmpty();
  }

  @Test
  void theListingAsksForAtMostOnePageOfTheFilter() {
    CaseFile c = ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05"));
    when(repository.findForPublic("hualin", "IN_PROGRESS", "2026-03", CaseQueries.PUBLIC_PAGE_MAX)).thenReturn(List.of(c));

    List<CaseQueries.PublicCase> listed = queries.publicCases("hualin", "IN_PROGRESS", "2026-03");

    assertThat(listed).extracting(CaseQueries.PublicCase::caseNo).containsExactly(CASE_NO);
    assertThat(listed.get(0).timeline()).isEmpty();
    verify(repository).findForPublic("hualin", "IN_PROGRESS", "2026-03", 200);
  }

  @Test
  void noFilterListsEveryCommunity() {
    when(repository.findForPublic(null, null, null, 200)).thenReturn(List.of());

    assertThat(queries.publicCases(null, null, null)).isEmpty();
    verify(repository).findForPublic(null, null, null, 200);
  }

  @Test
  void aBadFilterIsRefusedWithEveryErrorAndNothingIsRead() {
    assertThat(refusal(() -> queries.publicCases("nowhere", "REGISTERED", "2026-13")))
        .containsExactly("community/unknown", "status/invalid", "month/invalid");
    assertThat(refusal(() -> queries.publicCases(null, "LOST", null))).containsExactly("status/invalid");
    assertThat(refusal(() -> queries.publicCases(null, null, "2026/03"))).containsExactly("month/invalid");
    verify(repository, never()).findForPublic(anyString(), anyString(), anyString(), anyInt());
    verify(repository, never()).findForPublic(null, null, null, 200);
  }

  @Test
  void taskFactsKeepOnlyPublicNotes() {
    when(timeline.recent(CASE_NO, 5)).thenReturn(Optional.of(new Timeline.Recent(endOfDay("2026-03-05"),
        List.of(REGISTERED, OVERRIDDEN))));

    TaskFacts f = queries.taskFacts(CASE_NO, 5).orElseThrow();

    assertThat(f.deadline()).isEqualTo(endOfDay("2026-03-05"));
    assertThat(f.latest()).containsExactly(
        new TaskFacts.Line(REGISTERED.at(), "登记诉求", "来源渠道：12345热线"),
        new TaskFacts.Line(OVERRIDDEN.at(), "调整分级分类", null));
    assertThat(queries.taskFacts("FX-2026-999999", 5)).isEmpty();
  }

  @Test
  void theStaffViewHasTheWholeTimelineAndThePersonalDataOnlyWhenAllowed() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05")));
    when(timeline.entries(CASE_ID)).thenReturn(List.of(REGISTERED, OVERRIDDEN));
    when(repository.attachments(CASE_ID)).thenReturn(List.of("photo-1.jpg"));
    Reporter reporter = new Reporter("王芳", "13800000000", "wang@example.cn", "御苑小区3栋2单元");
    when(repository.findReporter(CASE_ID)).thenReturn(Optional.of(reporter));
    when(repository.findPosition(CASE_ID)).thenReturn(Optional.of(new double[] {28.7, 115.4}));

    CaseQueries.StaffCase full = queries.staffCase(CASE_NO, true).orElseThrow();

    assertThat(full.reporter()).isEqualTo(reporter);
    assertThat(full.position()).containsExactly(28.7, 115.4);
    assertThat(full.channel()).isEqualTo("HOTLINE_12345");
    assertThat(full.processInstanceId()).isEqualTo(PROCESS);
    assertThat(full.attachments()).containsExactly("photo-1.jpg");
    assertThat(full.timeline()).containsExactly(
        new CaseQueries.StaffEntry(REGISTERED.at(), "channel.12345", "REGISTERED", "登记诉求", "来源渠道：12345热线", true),
        new CaseQueries.StaffEntry(OVERRIDDEN.at(), "community.hualin", "CLASSIFICATION_OVERRIDDEN", "调整分级分类", "内部理由", false));
    assertThat(full.record().status()).isEqualTo(CaseStatus.IN_PROGRESS.name());
  }

  @Test
  void withoutPermissionThePersonalDataIsNotEvenRead() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05")));

    CaseQueries.StaffCase s = queries.staffCase(CASE_NO, false).orElseThrow();

    assertThat(s.reporter()).isNull();
    assertThat(s.position()).isNull();
    verify(repository, never()).findReporter(anyLong());
    verify(repository, never()).findPosition(anyLong());
    assertThat(queries.staffCase("FX-2026-999999", true)).isEmpty();
  }

  @Test
  void eachRoleReadsThePartsThePolicyAllowsAndAnotherCommunityNothing() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05")));
    when(timeline.entries(CASE_ID)).thenReturn(List.of(REGISTERED, OVERRIDDEN));
    when(repository.findReporter(CASE_ID)).thenReturn(Optional.of(new Reporter("王芳", "13800000000", null, null)));

    CaseQueries.StaffCase reviewer = queries.staffCaseFor(CASE_NO, List.of("hualin-community")).orElseThrow();
    assertThat(reviewer.reporter().phone()).isEqualTo("13800000000");
    assertThat(reviewer.timeline()).extracting(CaseQueries.StaffEntry::note).contains("内部理由");

    CaseQueries.StaffCase owners = queries.staffCaseFor(CASE_NO, List.of("hualin-owners")).orElseThrow();
    assertThat(owners.reporter()).isNull();
    assertThat(owners.position()).isNull();
    assertThat(owners.timeline()).as("public notes only").extracting(CaseQueries.StaffEntry::action).containsExactly("REGISTERED");

    assertThat(refusalOf(() -> queries.staffCaseFor(CASE_NO, List.of("xishan-community")))).isInstanceOf(CaseReadDenied.class);
    assertThat(refusalOf(() -> queries.staffCaseFor(CASE_NO, List.of("expert-panel")))).isInstanceOf(CaseReadDenied.class);
    assertThat(queries.staffCaseFor("FX-2026-999999", List.of("dispatch-centre"))).isEmpty();
  }

  @Test
  void expertsReadTheRecordOnceTheMeetingPutTheCaseToThem() {
    stored(repository, ApplicationFixtures.inProgress(Tier.ROOM, null, endOfDay("2026-03-05")));
    when(timeline.entries(CASE_ID)).thenReturn(List.of(REGISTERED, OVERRIDDEN, new Timeline.Entry(NOW, "room.li",
        TimelineAction.EXPERT_REVIEW_REQUESTED, "议事会决定提请评审团审查方案", true)));

    CaseQueries.StaffCase expert = queries.staffCaseFor(CASE_NO, List.of("expert-panel")).orElseThrow();

    assertThat(expert.reporter()).isNull();
    assertThat(expert.timeline()).extracting(CaseQueries.StaffEntry::action).containsExactly("REGISTERED", "EXPERT_REVIEW_REQUESTED");
    verify(repository, never()).findReporter(anyLong());
  }

  private static Throwable refusalOf(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }
}
