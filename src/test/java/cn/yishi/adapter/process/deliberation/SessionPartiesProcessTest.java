package cn.yishi.adapter.process.deliberation;

import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.SESSION_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.deliberationsession.DeliberationSession;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.deliberation.DeliberationSessions;
import cn.yishi.application.port.Sessions;
import cn.yishi.domain.deliberation.PartyModel;
import cn.yishi.domain.directory.Directory;
import cn.yishi.support.ProcessTestEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A session of a village's room (塘浦村, 农村 4+N) in bpmn/deliberationSession.bpmn with the real delegates on mocked
 * services: 确定议程 offers the talent pool, hands over the reporter ticked for invitation and the expert chosen, and
 * 会前沟通 goes to the four standing parties of the rural model (their groups as the directory derives them) plus the
 * N the convener added — one task each.
 */
@Deployment(resources = {"bpmn/deliberation.bpmn", "bpmn/deliberationSession.bpmn", "bpmn/residentVote.bpmn",
    "forms/sessionAgenda.form", "forms/sessionOpinion.form", "forms/sessionRecord.form", "forms/issueExpertReview.form",
    "forms/issueObjectionDecision.form", "forms/issueImplementItem.form", "forms/residentsAssembly.form",
    "forms/paperBallots.form"})
class SessionPartiesProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = ProcessTestEngine.configuration("session-parties-process-test", BEANS)
      .buildProcessEngine();
  private static final Directory VILLAGE = new Directory("fx", "奉新县", List.of(new Directory.Street("fc", "冯川镇")),
      List.of(new Directory.Community("tangpu", "塘浦村", "fc", List.of())), List.of(), List.of());
  private static final Sessions.Topic TOPIC = new Sessions.Topic(8L, 2L, "FX-2026-000043", "通组公路硬化", "tangpu", "YELLOW",
      Sessions.ON_AGENDA, null, null, null, null, null, null);

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final DeliberationServiceMocks services = new DeliberationServiceMocks();

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(ENGINE);
    services.install(BEANS);
    ProcessTestEngine.register(BEANS, new TaskTitleListener(),
        new ListVariablesTaskListener(mock(CaseQueries.class), ProcessTestEngine.CLOCK));
    when(services.sessions.facts(anyLong())).thenAnswer(a -> new DeliberationSessions.Facts(a.getArgument(0), "tangpu-room",
        "塘浦村党群会客室", "塘浦村党群会客室2026年3月16日议事会", "tangpu", DeliberationServiceMocks.MEETING_DAY, "议题：通组公路硬化",
        Sessions.OPEN));
    when(services.sessions.topics(anyLong())).thenReturn(List.of(TOPIC));
    when(services.sessions.followUpItems(anyLong())).thenReturn(List.of());
    when(services.sessions.experts(anyLong())).thenReturn(List.of(new DeliberationSessions.Expert(31, "退休工程师周师傅（道路工程）")));
    // the rural model's standing parties as the directory derives their groups, then the N the convener added
    when(services.sessions.parties(anyLong())).thenReturn(Stream.concat(PartyModel.RURAL_4N.parties().stream()
        .flatMap(p -> p.groups(VILLAGE, "tangpu", null).stream()), Stream.of("unit-justice")).toList());
  }

  @AfterEach
  void forgetThisEngine() {
    BpmnAwareTests.reset();
  }

  private static List<String> candidateGroups(Task t) {
    return ENGINE.getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  @Test
  void aVillageSessionAsksItsFourStandingPartiesAndTheNAndInvitesTheReporterAndAnExpert() {
    ProcessInstance session = runtimeService().startProcessInstanceByKey(DeliberationSession.PROCESS_KEY, "session-" + SESSION_ID,
        Map.of(DeliberationSession.Var.SESSION_ID.name(), SESSION_ID));
    execute(job(DeliberationSession.TIMER_AGENDA_CLOSES, session));
    Task agenda = task(DeliberationSession.USER_TASK_CONFIRM_AGENDA, session);
    assertThat(agenda).hasCandidateGroup("tangpu-room");
    assertThat(runtimeService().getVariable(session.getId(), DeliberationSession.Var.TALENT_OPTIONS.name()).toString())
        .as("the talent pool offered to the convener").contains("退休工程师周师傅（道路工程）", "\"value\":\"31\"");
    assertThat(runtimeService().getVariable(session.getId(), DeliberationSession.Var.AGENDA_TOPICS.name()).toString())
        .contains("\"inviteReporter\":false");

    ProcessTestEngine.as(ENGINE, "room.tangpu", List.of(), () -> ENGINE.getTaskService().complete(agenda.getId(), withVariables(
        DeliberationSession.Var.AGENDA_TOPICS.name(), SpinValues.jsonValue(
            "[{\"topic\":8,\"problemList\":\"道路硬化资金\",\"inviteReporter\":true}]").create(),
        DeliberationSession.Var.EXTRA_PARTIES.name(), SpinValues.jsonValue("[\"unit-justice\"]").create(),
        DeliberationSession.Var.INVITED_EXPERTS.name(), SpinValues.jsonValue("[\"31\"]").create())));

    verify(services.sessions).closeAgenda(SESSION_ID, List.of(new DeliberationSessions.AgendaDecision(8L, "道路硬化资金", null, null,
        true)), List.of("unit-justice"), List.of(31L), "room.tangpu");
    assertThat(runtimeService().getVariable(session.getId(), DeliberationSession.Var.TALENT_OPTIONS.name())).isNull();
    List<Task> opinions = ENGINE.getTaskService().createTaskQuery().processInstanceId(session.getId())
        .taskDefinitionKey(DeliberationSession.USER_TASK_OPINION).list();
    assertThat(opinions).flatExtracting(SessionPartiesProcessTest::candidateGroups).containsExactlyInAnyOrder(
        "tangpu-community", "tangpu-group-leaders", "tangpu-residents", "tangpu-social-orgs", "unit-justice");
  }
}
