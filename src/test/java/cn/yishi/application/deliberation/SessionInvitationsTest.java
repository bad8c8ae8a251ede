package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.CASE_ID;
import static cn.yishi.application.deliberation.DeliberationFixture.CASE_NO;
import static cn.yishi.application.deliberation.DeliberationFixture.NOW;
import static cn.yishi.application.deliberation.DeliberationFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.Sessions;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.resource.ResourceEntry;
import cn.yishi.domain.resource.ResourceKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The N of a session (相关利益方) and its standing parties: the reporter of a topic invited by one mail (date, place,
 * the public notice) and recorded by the topic only; an expert of the talent pool recorded by expertise; an unknown
 * expert refused with nothing stored; a village's room asks its 4+N (农村: 村两委, 村民小组长, 村民代表, 社会组织).
 */
class SessionInvitationsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 16);
  private static final ResourceEntry ENGINEER = new ResourceEntry(31, ResourceKind.TALENT, "退休工程师周师傅", "电梯结构",
      List.of("电梯"), "13900001111", "hualin", null, true, 0);
  private static final ResourceEntry JUSTICE = new ResourceEntry(32, ResourceKind.DEPARTMENT, "县司法局法律顾问", null,
      List.of("纠纷"), null, null, null, true, 0);

  private final DeliberationFixture f = new DeliberationFixture();
  private final DeliberationSessions sessions = f.sessionService();

  private void agenda(String community, Sessions.Topic... topics) {
    Sessions.Session s = new Sessions.Session(5, "ROOM", community, DAY, false, Sessions.AGENDA, "社区二楼议事厅", null, null,
        null, null, false, null, null, 0);
    when(f.sessions.find(5)).thenReturn(Optional.of(s));
    when(f.sessions.topics(5, false)).thenReturn(List.of(topics));
    when(f.resources.serving("hualin")).thenReturn(List.of(ENGINEER, JUSTICE));
  }

  private static Sessions.Topic topic(long id, Long caseId, String community) {
    return new Sessions.Topic(id, caseId, caseId == null ? null : CASE_NO, "三栋加装电梯", community, "YELLOW", Sessions.ON_AGENDA,
        null, null, null, null, null, null);
  }

  private static DeliberationSessions.AgendaDecision keep(long topic, boolean inviteReporter) {
    return new DeliberationSessions.AgendaDecision(topic, "电梯费用分摊", null, null, inviteReporter);
  }

  @Test
  void theReporterOfATickedTopicGetsOneMailAndTheSessionCountsThemWithoutPersonalData() {
    f.elevatorCase("housing");
    when(f.caseRepository.findReporter(CASE_ID)).thenReturn(Optional.of(new Reporter("李四", "13800138000", "li@example.cn", "御苑1栋")));
    agenda("hualin", topic(41, CASE_ID, "hualin"), topic(42, null, "hualin"));
    when(f.outbox.enqueue(anyString(), anyString(), anyString(), anyString(), any())).thenReturn(true);

    sessions.closeAgenda(5, List.of(keep(41, true), keep(42, true)), List.of(), List.of(31L), "chair");

    ArgumentCaptor<String> subject = ArgumentCaptor.forClass(String.class);
    ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
    verify(f.outbox, times(1)).enqueue(eq("session-invitation:5:" + CASE_NO), eq("li@example.cn"), subject.capture(),
        body.capture(), eq(CASE_ID));
    assertThat(subject.getValue()).isEqualTo("session-invitation");
    assertThat(body.getValue()).contains("body=[华林社区党群会客室]", "caseNo=[" + CASE_NO + "]", "date=[2026年3月16日]", "place=[社区二楼议事厅]",
        "meetingsUrl=[https://yishi.example/public/meetings?community=hualin]").doesNotContain("李四", "13800138000");
    ArgumentCaptor<Sessions.Invitee> invitees = ArgumentCaptor.forClass(Sessions.Invitee.class);
    verify(f.sessions, times(2)).addInvitee(eq(5L), invitees.capture(), eq("chair"), eq(NOW));
    assertThat(invitees.getAllValues()).containsExactly(new Sessions.Invitee(Sessions.TALENT, 31L, null, "电梯结构", false),
        new Sessions.Invitee(Sessions.REPORTER, null, 41L, null, true));
  }

  @Test
  void aReporterWithoutAnAddressIsCountedButNotMailed() {
    f.elevatorCase("housing");
    when(f.caseRepository.findReporter(CASE_ID)).thenReturn(Optional.of(new Reporter("李四", "13800138000", null, null)));
    agenda("hualin", topic(41, CASE_ID, "hualin"));

    sessions.closeAgenda(5, List.of(keep(41, true)), List.of(), List.of(), "chair");

    verify(f.outbox, never()).enqueue(anyString(), anyString(), anyString(), anyString(), any());
    verify(f.sessions).addInvitee(5, new Sessions.Invitee(Sessions.REPORTER, null, 41L, null, false), "chair", NOW);
  }

  @Test
  void anExpertOutsideTheTalentPoolIsRefusedAndNothingIsStored() {
    agenda("hualin", topic(41, null, "hualin"));

    assertThat(refusal(() -> sessions.closeAgenda(5, List.of(keep(41, false)), List.of(), List.of(32L), "chair")))
        .as("a department is not an expert of the talent pool").containsExactly("invitedExperts unknown");
    assertThat(refusal(() -> sessions.closeAgenda(5, List.of(keep(41, false)), List.of(), List.of(-1L), "chair")))
        .containsExactly("invitedExperts unknown");
    verify(f.sessions, never()).addInvitee(anyLong(), any(), any(), any());
    verify(f.sessions, never()).setStatus(anyLong(), any());
    verify(f.preparation, never()).draftProblemList(anyLong(), any());
    assertThat(sessions.experts(5)).extracting(DeliberationSessions.Expert::label).containsExactly("退休工程师周师傅（电梯结构）");
  }

  @Test
  void theAgendaAndThePublicNoticeShowTheExpertsByExpertiseAndCountTheReporters() {
    agenda("hualin", topic(41, null, "hualin"));
    when(f.sessions.invitees(5)).thenReturn(List.of(new Sessions.Invitee(Sessions.TALENT, 31L, null, "电梯结构", false),
        new Sessions.Invitee(Sessions.REPORTER, null, 41L, null, true), new Sessions.Invitee(Sessions.REPORTER, null, 43L, null, false)));
    Sessions.Session held = f.sessions.find(5).orElseThrow();
    when(f.sessions.ofBodies(any(), any(), eq(true), any(Integer.class))).thenReturn(List.of(held));

    assertThat(sessions.facts(5).agenda()).endsWith("邀请列席：人才库专家（电梯结构）；反映人 2 位（已邮件邀请 1 位）");
    DeliberationSessions.PublicSession shown = sessions.notice("hualin").upcoming().get(0);
    assertThat(shown.invited()).containsExactly("电梯结构");
    assertThat(shown.toString()).doesNotContain("周师傅");
  }

  @Test
  void aVillagesRoomAsksItsFourStandingPartiesOfTheRuralModelAndTheN() {
    Sessions.Session s = new Sessions.Session(6, "ROOM", "tangpu", DAY, false, Sessions.CONVENED, null, "unit-school", null, null,
        null, false, null, null, 0);
    when(f.sessions.find(6)).thenReturn(Optional.of(s));
    when(f.sessions.topics(6, false)).thenReturn(List.of(topic(51, null, "tangpu")));

    assertThat(sessions.parties(6)).containsExactly("tangpu-community", "tangpu-group-leaders", "tangpu-residents",
        "tangpu-social-orgs", "unit-school");
  }
}
