package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CASE_ID;
import static cn.yishi.application.ApplicationFixtures.CASE_NO;
import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.PROCESS;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.TimelineAction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Intake: a channel's report is registered and its process started with the registered facts, and the case keeps
 * the process's id; a staff start form's report is registered with the process already running; a repeated channel
 * report answers the same case; a report of an open problem at the same compound is merged (附议); refused input
 * stores and starts nothing.
 */
class IntakeServiceTest {
  private final CaseRepository repository = mock(CaseRepository.class);
  private final CaseProcesses processes = mock(CaseProcesses.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final Cases cases = new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  private final cn.yishi.application.port.MicroGridStore microGrids = mock(cn.yishi.application.port.MicroGridStore.class);
  private final IntakeService intake = new IntakeService(cases, processes, ApplicationFixtures.catalogue(),
      ApplicationFixtures.directory(), "FX", repository, microGrids);

  private static NewCase report(String externalId, String compound) {
    return new NewCase(Channel.HOTLINE_12345, externalId, "streetlight", "路灯不亮", "御苑小区3栋门前路灯不亮", "hualin",
        compound, 12, new Reporter("王芳", "13800000000", null, "3栋2单元"), List.of());
  }

  @BeforeEach
  void sequenceAndInsert() {
    when(repository.nextCaseSequence()).thenReturn(42L);
    when(repository.insert(anyString(), any(), anyString(), any())).thenReturn(ApplicationFixtures.registered());
  }

  @Test
  void aChannelsReportIsRegisteredThenItsProcessStartsWithTheFactsAndTheCaseKeepsItsId() {
    when(processes.start(any())).thenReturn(PROCESS);

    IntakeResult result = intake.submit(report("WO-1", "hualin-a"), "channel.12345");

    assertThat(result).isEqualTo(new IntakeResult(CASE_NO, IntakeResult.Kind.CREATED, CaseStatus.REGISTERED.name()));
    verify(repository).insert(eq(CASE_NO), eq(report("WO-1", "hualin-a")), eq("channel.12345"), eq(NOW));
    ArgumentCaptor<RegisteredCase> started = ArgumentCaptor.forClass(RegisteredCase.class);
    verify(processes).start(started.capture());
    assertThat(started.getValue()).isEqualTo(new RegisteredCase(CASE_ID, CASE_NO, "hualin", "hualin-community",
        "hualin-grid", "streetlight", "路灯不亮", "御苑小区3栋门前路灯不亮", "华林甲站", 12));
    verify(repository).attachProcess(CASE_ID, PROCESS);
    verify(repository, never()).save(any(), any());
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "channel.12345", TimelineAction.REGISTERED, "来源渠道：12345热线", true));
  }

  @Test
  void aStartFormsReportIsRegisteredWithTheRunningProcessAndStartsNothing() {
    RegisteredCase registered = intake.registerFromForm(report("WO-2026-0001", "hualin-a"), "grid.hualin", "pi-7");

    assertThat(registered.caseNo()).isEqualTo(CASE_NO);
    assertThat(registered.reviewGroup()).isEqualTo("hualin-community");
    verify(repository).attachProcess(CASE_ID, "pi-7");
    verifyNoInteractions(processes);
    assertThat(timeline.entries(CASE_ID)).singleElement()
        .satisfies(e -> assertThat(e.action()).isEqualTo(TimelineAction.REGISTERED));
  }

  @Test
  void aStartFormTakesTheChannelsStaffTranscribeAndA12345WorkOrderOnceWithItsNumber() {
    assertThat(refusal(() -> intake.registerFromForm(report(null, "hualin-a"), "grid.hualin", "pi-7")))
        .containsExactly("externalId/required");
    NewCase fromQr = new NewCase(Channel.QR_CODE, null, "streetlight", "路灯不亮", "御苑小区3栋门前路灯不亮", "hualin",
        "hualin-a", 12, Reporter.ANONYMOUS, List.of());
    assertThat(refusal(() -> intake.registerFromForm(fromQr, "grid.hualin", "pi-7"))).containsExactly("channel/not_transcribed");
    ApplicationFixtures.stored(repository, ApplicationFixtures.registered());
    when(repository.findCaseNoByExternalId("HOTLINE_12345", "WO-1")).thenReturn(Optional.of(CASE_NO));
    assertThat(refusal(() -> intake.registerFromForm(report("WO-1", "hualin-a"), "grid.hualin", "pi-7")))
        .containsExactly("externalId/registered");
    verify(repository, never()).insert(anyString(), any(), anyString(), any());
    assertThat(Channel.staffChannels()).contains(Channel.HOTLINE_12345, Channel.GRID_VISIT)
        .doesNotContain(Channel.QR_CODE, Channel.MINI_PROGRAM, Channel.LISTENING_DAY);
  }

  @Test
  void aRepeatedChannelReportAnswersTheSameCase() {
    ApplicationFixtures.stored(repository, ApplicationFixtures.registered());
    when(repository.findCaseNoByExternalId("HOTLINE_12345", "WO-1")).thenReturn(Optional.of(CASE_NO));

    IntakeResult result = intake.submit(report("WO-1", "hualin-a"), "channel.12345");

    assertThat(result).isEqualTo(new IntakeResult(CASE_NO, IntakeResult.Kind.REPEATED, CaseStatus.REGISTERED.name()));
    verify(repository, never()).insert(anyString(), any(), anyString(), any());
    verifyNoInteractions(processes);
  }

  @Test
  void aReportOfAnOpenProblemAtTheSameCompoundIsMerged() {
    CaseFile open = ApplicationFixtures.stored(repository, ApplicationFixtures.registered());
    when(repository.findOpenDuplicate("hualin", "streetlight", "hualin-a")).thenReturn(Optional.of(open));

    IntakeResult result = intake.submit(report(null, "hualin-a"), "channel.12345");

    assertThat(result.kind()).isEqualTo(IntakeResult.Kind.MERGED);
    verify(repository).insertSupportingReport(eq(CASE_ID), eq(report(null, "hualin-a")), eq("channel.12345"), eq(NOW));
    assertThat(open.supportingCount()).isEqualTo(1);
    assertThat(timeline.entries(CASE_ID)).singleElement()
        .satisfies(e -> assertThat(e.action()).isEqualTo(TimelineAction.SUPPORTED));
    verify(repository, never()).insert(anyString(), any(), anyString(), any());
    verifyNoInteractions(processes);
  }

  @Test
  void refusedInputStoresAndStartsNothing() {
    NewCase unknown = new NewCase(Channel.HOTLINE_12345, null, "no-such-category", null, "x", "nowhere", null, -1,
        null, List.of());

    assertThat(refusal(() -> intake.submit(unknown, "channel.12345")))
        .contains("category/unknown", "title/required", "community/unknown");
    assertThat(refusal(() -> intake.registerFromForm(unknown, "grid.hualin", "pi-7"))).isNotEmpty();

    verify(repository, never()).insert(anyString(), any(), anyString(), any());
    verify(repository, never()).attachProcess(anyLong(), anyString());
    verifyNoInteractions(processes);
    assertThat(timeline.all()).isEmpty();
  }

  @Test
  void aCompoundsNameIsStoredAsItsCodeAndTheFormsShowTheNameWithThe院坝() {
    when(processes.start(any())).thenReturn(PROCESS);
    when(microGrids.find("hualin-east")).thenReturn(Optional.of(
        new cn.yishi.domain.microgrid.Yuanba("hualin-east", "hualin", "东头院坝", null)));

    intake.submit(report("WO-9", "华林甲站").withPlace("华林甲站", "hualin-east"), "channel.12345");

    verify(repository).insert(eq(CASE_NO), eq(report("WO-9", "hualin-a").withPlace("hualin-a", "hualin-east")),
        eq("channel.12345"), eq(NOW));
    ArgumentCaptor<RegisteredCase> started = ArgumentCaptor.forClass(RegisteredCase.class);
    verify(processes).start(started.capture());
    assertThat(started.getValue().compound()).isEqualTo("华林甲站（东头院坝）");
  }

  @Test
  void anUnknownCompoundAnotherCommunitysCompoundOrAnUnknown院坝IsRefusedAndNothingIsStored() {
    when(microGrids.find("shengdian-west")).thenReturn(Optional.of(
        new cn.yishi.domain.microgrid.Yuanba("shengdian-west", "shengdian", "西头院坝", null)));

    assertThat(refusal(() -> intake.submit(report("WO-1", "不存在的小区"), "channel.12345")))
        .containsExactly("compound/unknown");
    assertThat(refusal(() -> intake.submit(report("WO-1", "hualin-a").withPlace("hualin-a", "nowhere"), "channel.12345")))
        .containsExactly("yuanba/unknown");
    assertThat(refusal(() -> intake.submit(report("WO-1", "hualin-a").withPlace("hualin-a", "shengdian-west"),
        "channel.12345"))).containsExactly("yuanba/other_community");
    verify(repository, org.mockito.Mockito.never()).insert(anyString(), any(), anyString(), any());
    verify(processes, org.mockito.Mockito.never()).start(any());
  }
}
