package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.ZONE;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.ListeningSessions;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * 定期听: the plan of a listening day and the record of a reception, all or nothing, idempotent. Each issue goes
 * through the ordinary intake, which is a mock here (IntakeService has its own tests); its validation refusals
 * are stubbed to show how the reception names them.
 */
class ListeningServiceTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 4);

  private final IntakeService intake = mock(IntakeService.class);
  private final ListeningSessions sessions = mock(ListeningSessions.class);
  private final ListeningService service = service(CLOCK);

  private ListeningService service(Clock clock) {
    Cases cases = new Cases(mock(CaseRepository.class), new RecordingTimeline(), clock, ApplicationFixtures.calendar(),
        ApplicationFixtures.directory(), mock(Deadlines.class));
    return new ListeningService(intake, cases, sessions, ApplicationFixtures.calendar(), ApplicationFixtures.directory());
  }

  private static ListeningService.IssueInput issue(String title, String households) {
    return new ListeningService.IssueInput("streetlight", title, "居民反映：" + title, "御苑小区", households);
  }

  private static ListeningService.Reception reception(Integer residents, String note, List<ListeningService.IssueInput> issues) {
    return new ListeningService.Reception("listening-7", "hualin", DAY, residents, note, issues);
  }

  @Test
  void todaysPlanIsDueAtTheEndOfTheWorkingDayInEveryCommunity() {
    ListeningService.Plan p = service.plan(null);

    assertThat(p).isEqualTo(new ListeningService.Plan(DAY, endOfDay("2026-03-04"), List.of("hualin", "xishan")));
    assertThat(service.plan(" ").date()).isEqualTo(DAY);
  }

  @Test
  void aMissedDayIsPlannedByHandAndDueToday() {
    ListeningService.Plan p = service.plan(" 2026-02-25 ");

    assertThat(p.date()).isEqualTo(LocalDate.of(2026, 2, 25));
    assertThat(p.dueAt()).isEqualTo(endOfDay("2026-03-04"));
  }

  @Test
  void onAHolidayTheReceptionsAreDueOnTheNextWorkingDay() {
    ListeningService onHoliday = service(Clock.fixed(Instant.parse("2026-03-06T01:00:00Z"), ZONE));

    ListeningService.Plan p = onHoliday.plan(null);

    assertThat(p.date()).isEqualTo(ApplicationFixtures.HOLIDAY);
    assertThat(p.dueAt()).isEqualTo(endOfDay("2026-03-09"));
  }

  @Test
  void aMalformedOrFutureDayIsRefused() {
    assertThat(refusal(() -> service.plan("2026/02/25"))).containsExactly("listeningDate/invalid");
    assertThat(refusal(() -> service.plan("2026-03-05"))).containsExactly("listeningDate/in_future");
  }

  @Test
  void theCommunitysCommitteeReceives() {
    assertThat(service.communityName("hualin")).isEqualTo("华林社区");
    assertThat(service.receptionGroup("xishan")).isEqualTo("xishan-community");
    assertThatThrownBy(() -> service.receptionGroup("nowhere")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nowhere");
  }

  @Test
  void eachIssueBecomesACaseThroughTheIntakeAndTheSessionIsRecorded() {
    when(intake.submit(any(), eq("community.hualin"), anyString())).thenReturn(
        new IntakeResult("FX-2026-000050", IntakeResult.Kind.CREATED, "REGISTERED"),
        new IntakeResult("FX-2026-000042", IntakeResult.Kind.MERGED, "IN_PROGRESS"));
    when(sessions.recordIfAbsent(any())).thenReturn(true);

    ListeningService.Recorded r = service.record(reception(23, "  居民踊跃  ",
        List.of(issue("路灯不亮", " 12 "), issue("井盖缺失", null))), "community.hualin");

    assertThat(r.repeated()).isFalse();
    assertThat(r.caseNos()).containsExactly("FX-2026-000050", "FX-2026-000042");
    ArgumentCaptor<NewCase> reports = ArgumentCaptor.forClass(NewCase.class);
    verify(intake, times(2)).submit(reports.capture(), eq("community.hualin"), eq("2026-03-04 华林社区接待"));
    assertThat(reports.getAllValues()).containsExactly(
        new NewCase(Channel.LISTENING_DAY, "listening:listening-7:hualin:0", "streetlight", "路灯不亮", "居民反映：路灯不亮",
            "hualin", "御苑小区", 12, Reporter.ANONYMOUS, List.of()),
        new NewCase(Channel.LISTENING_DAY, "listening:listening-7:hualin:1", "streetlight", "井盖缺失", "居民反映：井盖缺失",
            "hualin", "御苑小区", null, Reporter.ANONYMOUS, List.of()));
    verify(sessions).recordIfAbsent(new ListeningSessions.Session("listening-7:hualin", "listening-7", "hualin", DAY, 23, 2,
        List.of("FX-2026-000050", "FX-2026-000042"), "居民踊跃", "community.hualin", NOW));
  }

  @Test
  void recordingTheSameReceptionAgainSaysSo() {
    when(intake.submit(any(), anyString(), anyString())).thenReturn(
        new IntakeResult("FX-2026-000050", IntakeResult.Kind.REPEATED, "REGISTERED"));
    when(sessions.recordIfAbsent(any())).thenReturn(false);

    ListeningService.Recorded r = service.record(reception(5, null, List.of(issue("路灯不亮", ""))), "community.hualin");

    assertThat(r.repeated()).isTrue();
    assertThat(r.caseNos()).containsExactly("FX-2026-000050");
  }

  @Test
  void aReceptionWithoutIssuesIsRecordedToo() {
    when(sessions.recordIfAbsent(any())).thenReturn(true);

    ListeningService.Recorded r = service.record(reception(0, " ", null), "community.hualin");

    assertThat(r.results()).isEmpty();
    verify(intake, never()).submit(any(), anyString(), anyString());
    verify(sessions).recordIfAbsent(new ListeningSessions.Session("listening-7:hualin", "listening-7", "hualin", DAY, 0, 0,
        List.of(), null, "community.hualin", NOW));
  }

  @Test
  void everyErrorOfEveryIssueRefusesTheWholeReception() {
    doThrow(new ValidationException(List.of(new FieldError("title", "required", "请填写标题"),
        new FieldError("category", "unknown", "未知的类别"))))
        .when(intake).validate(argThat(r -> r != null && r.title() == null));

    ValidationException e = catchThrowableOfType(ValidationException.class, () -> service.record(
        reception(-1, "长".repeat(2001), List.of(issue("路灯不亮", "十二"), issue(null, "3"))), "community.hualin"));

    assertThat(e.errors()).extracting(FieldError::field, FieldError::code).containsExactly(
        tuple("residentsReceived", "out_of_range"),
        tuple("receptionNote", "too_long"),
        tuple("issues[0].householdsAffected", "invalid"),
        tuple("issues[1].title", "required"),
        tuple("issues[1].category", "unknown"));
    assertThat(e.errors().get(3).message()).isEqualTo("第2项诉求：请填写标题");
    verify(intake, never()).submit(any(), anyString(), anyString());
    verifyNoInteractions(sessions);
  }

  @Test
  void theResidentsReceivedAreRequiredAndTheIssuesLimited() {
    List<ListeningService.IssueInput> many = new ArrayList<>(Collections.nCopies(ListeningService.MAX_ISSUES + 1,
        issue("路灯不亮", null)));

    assertThat(refusal(() -> service.record(reception(null, null, List.of()), "community.hualin")))
        .containsExactly("residentsReceived/required");
    assertThat(refusal(() -> service.record(reception(ListeningService.MAX_RESIDENTS + 1, null, List.of()), "c")))
        .containsExactly("residentsReceived/out_of_range");
    assertThat(refusal(() -> service.record(reception(60, null, many), "community.hualin")))
        .containsExactly("issues/too_many");
    verify(intake, times(ListeningService.MAX_ISSUES)).validate(any());
    verify(intake, never()).submit(any(), anyString(), anyString());
    verifyNoInteractions(sessions);
  }
}
