package cn.yishi.adapter.process.deliberation;

import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.AGENDA_CLOSES;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.FOLLOW_UP_ITEM;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.HOUSING_ITEM;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.ITEM_HOUSING;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.ITEM_WATER;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.MEETING_DAY;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.MEETING_ID;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.NEXT_SESSION_ID;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.PARTIES;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.PASSED;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.PUBLICITY_ENDS;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.RESCHEDULED_DAY;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.ROOM_GROUP;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.SESSION_AGENDA;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.SESSION_ID;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.SESSION_TITLE;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.TOPIC;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.VOTE_CLOSES;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.VOTE_ID;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.WATER_ITEM;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.date;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.endOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.deliberation.Deliberation.Var;
import cn.yishi.adapter.process.deliberationsession.DeliberationSession;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.residentvote.ResidentVote;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.ResidentVoteService;
import cn.yishi.application.deliberation.DeliberationSessions;
import cn.yishi.application.deliberation.MeetingScheduling;
import cn.yishi.application.port.Sessions;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.support.ProcessTestEngine;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
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
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * Every path of bpmn/deliberation.bpmn (one topic) with bpmn/deliberationSession.bpmn (the sessions it joins) and
 * bpmn/residentVote.bpmn on a plain in-memory engine, with the real delegates, listeners and glue beans on mocked
 * application services ({@link DeliberationServiceMocks}): a topic joins a session, the session's agenda, its
 * parties' opinions (one task per party and session, a position per topic) and its record (六步, with the previous
 * session's items rated) resolve the topic, which then goes through expert review, the vote, publicity and
 * implementation. Each test drives the default action at every wait state and overrides only what differs.
 */
@Deployment(resources = {"bpmn/deliberation.bpmn", "bpmn/deliberationSession.bpmn", "bpmn/residentVote.bpmn",
    "forms/sessionAgenda.form", "forms/sessionOpinion.form", "forms/sessionRecord.form", "forms/issueExpertReview.form",
    "forms/issueObjectionDecision.form", "forms/issueImplementItem.form", "forms/residentsAssembly.form",
    "forms/paperBallots.form", "bpmn/itemEvaluation.bpmn", "forms/itemEvaluationOrganize.form",
    "forms/itemEvaluationDistribute.form", "forms/itemEvaluationNoRatings.form"})
class DeliberationProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = ProcessTestEngine.configuration("deliberation-process-test", BEANS)
      .buildProcessEngine();
  private static final String CASE_NO = "FX-2026-000042";
  private static final String CHAIR = "room.hualin";
  /** The record form's resolution list as Tasklist submits a dynamic list: a Json variable. */
  private static final String SESSION_ITEMS = """
      [{"topic":7,"unit":"housing","measure":"加装电梯井道施工","deadline":"2026-04-30"},
       {"topic":7,"unit":"water","measure":"迁移供水管线","deadline":"2026-05-29"}]""";
  private static final String FOLLOW_UPS = """
      [{"item":21,"unitName":"县城管局","measure":"清理楼道堆物","questions":"楼道仍有堆物","rating":4}]""";

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final DeliberationServiceMocks services = new DeliberationServiceMocks();

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(ENGINE);
    services.install(BEANS);
    ProcessTestEngine.register(BEANS, new TaskTitleListener(),
        new ListVariablesTaskListener(mock(CaseQueries.class), ProcessTestEngine.CLOCK));
  }

  @AfterEach
  void forgetThisEngine() {
    BpmnAwareTests.reset();
  }

  // the default action at each wait state

  private ProcessInstance startForCase() {
    return startForCase(CASE_NO, "御苑小区老楼加装电梯", "YELLOW");
  }

  private ProcessInstance startForCase(String caseNo, String title, String urgency) {
    return runtimeService().startProcessInstanceByKey(Deliberation.PROCESS_KEY, caseNo, withVariables(
        IssueLifecycle.Var.CASE_NO.name(), caseNo, Var.TITLE.name(), title, Var.COMMUNITY.name(), "hualin",
        Var.URGENCY.name(), urgency));
  }

  /** The running process of a session. */
  private static ProcessInstance session(long sessionId) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(DeliberationSession.PROCESS_KEY)
        .processInstanceBusinessKey("session-" + sessionId).singleResult();
  }

  private static Object json(String value) {
    return SpinValues.jsonValue(value).create();
  }

  /** 议程截止 → 确定议程 (problem list of each topic) → 会前沟通: every party states its position on each topic. */
  private void convene(ProcessInstance session, long... topics) {
    assertThat(session).isWaitingAt(DeliberationSession.TIMER_AGENDA_CLOSES);
    execute(job(DeliberationSession.TIMER_AGENDA_CLOSES, session));
    StringBuilder agenda = new StringBuilder("[");
    StringBuilder positions = new StringBuilder("[");
    for (long t : topics.length == 0 ? new long[] {MEETING_ID} : topics) {
      agenda.append(agenda.length() > 1 ? "," : "").append("{\"topic\":").append(t).append(",\"problemList\":\"加装电梯费用分摊\"}");
      positions.append(positions.length() > 1 ? "," : "").append("{\"topic\":").append(t).append(",\"position\":\"本方同意加装\"}");
    }
    complete(task(DeliberationSession.USER_TASK_CONFIRM_AGENDA, session), CHAIR, withVariables(
        DeliberationSession.Var.AGENDA_TOPICS.name(), json(agenda + "]"), DeliberationSession.Var.EXTRA_PARTIES.name(),
        json("[\"unit-justice\"]")));
    for (Task t : tasks(session, DeliberationSession.USER_TASK_OPINION)) {
      complete(t, "party." + candidateGroups(t).get(0), withVariables(DeliberationSession.Var.POSITIONS.name(),
          json(positions + "]")));
    }
    assertThat(session).isWaitingAt(DeliberationSession.USER_TASK_RECORD);
  }

  /** 议事会记录: 15 attend, the previous item rated 4, each topic resolved with what the test puts in its part. */
  private void record(ProcessInstance session, String topicsJson, Object... extra) {
    Map<String, Object> vars = withVariables(DeliberationSession.Var.PARTICIPANTS.name(), 15L,
        DeliberationSession.Var.ATTENDEES.name(), "五方代表", DeliberationSession.Var.GROUND_RULES.name(), "依次发言",
        DeliberationSession.Var.TOPICS.name(), json(topicsJson),
        DeliberationSession.Var.RESOLUTION_ITEMS.name(), json(SESSION_ITEMS),
        DeliberationSession.Var.FOLLOW_UPS.name(), json(FOLLOW_UPS));
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    complete(task(DeliberationSession.USER_TASK_RECORD, session), CHAIR, vars);
  }

  private static String topicPart(long topic, String more) {
    return "{\"topic\":" + topic + ",\"statement\":\"阐述\",\"discussion\":\"五方共议\",\"responsibilities\":\"住建局牵头\""
        + (more.isEmpty() ? "" : "," + more) + "}";
  }

  /** The topic's current session convenes and resolves it (with {@code more} in its part of the record). */
  private void meet(ProcessInstance pi, String more) {
    long sessionId = (Long) runtimeService().getVariable(pi.getId(), Var.SESSION_ID.name());
    ProcessInstance session = session(sessionId);
    convene(session);
    record(session, "[" + topicPart(MEETING_ID, more) + "]");
    assertThat(session).hasPassed(DeliberationSession.END_EVENT_HELD).isEnded();
    assertThat(pi).isWaitingAt(Deliberation.CATCH_TOPIC_RESOLVED);
    execute(job(Deliberation.CATCH_TOPIC_RESOLVED, pi));
  }

  private void meet(ProcessInstance pi) {
    meet(pi, "");
  }

  private void meetWithVote(ProcessInstance pi) {
    meet(pi, "\"residentVote\":true,\"voteType\":\"ELEVATOR_RETROFIT\",\"voteCompound\":\"hualin-yuyuan\","
        + "\"voteQuestion\":\"是否同意1号楼加装电梯\"");
  }

  private void publicityEnds(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Deliberation.TIMER_PUBLICITY);
    execute(job(Deliberation.TIMER_PUBLICITY, pi));
  }

  /** 落实决议: each unit reports its item done. */
  private void implement(ProcessInstance pi) {
    List<Task> items = tasks(pi, Deliberation.USER_TASK_IMPLEMENT_ITEM);
    assertThat(items).hasSize(2);
    items.forEach(t -> complete(t, "unit.member", withVariables(Var.PROGRESS_NOTE.name(), "已完成")));
    assertThat(pi).hasPassed(Deliberation.END_EVENT_IMPLEMENTED).isEnded();
    // each item reported done opens its 民事民评 (bpmn/itemEvaluation.bpmn), a process of its own
    assertThat(ENGINE.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(cn.yishi.adapter.process.itemevaluation.ItemEvaluation.PROCESS_KEY).list())
        .extracting(org.camunda.bpm.engine.runtime.ProcessInstance::getBusinessKey)
        .contains("item-" + DeliberationServiceMocks.ITEM_HOUSING, "item-" + DeliberationServiceMocks.ITEM_WATER);
  }

  /** The vote's paper ballots close at the deadline without any entered. */
  private void voteCloses(ProcessInstance pi) {
    execute(job(ResidentVote.BOUNDARY_VOTE_CLOSED, vote(pi)));
  }

  private static void complete(Task t, String user, Map<String, Object> variables) {
    ProcessTestEngine.as(ENGINE, user, List.of(), () -> ENGINE.getTaskService().complete(t.getId(), variables));
  }

  private ProcessInstance vote(ProcessInstance pi) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(ResidentVote.PROCESS_KEY)
        .superProcessInstanceId(pi.getId()).singleResult();
  }

  private static List<Task> tasks(ProcessInstance pi, String key) {
    return ENGINE.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
  }

  private static List<String> candidateGroups(Task t) {
    return ENGINE.getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  private DeliberationSessions.SessionMinutes recordedMinutes(int times) {
    ArgumentCaptor<DeliberationSessions.SessionMinutes> minutes = ArgumentCaptor.forClass(DeliberationSessions.SessionMinutes.class);
    verify(services.sessions, times(times)).record(anyLong(), minutes.capture(), eq(CHAIR));
    return minutes.getValue();
  }

  // the paths

  @Test
  void aTopicJoinsASessionWhichHearsEachPartyOnceRecordsSixStepsAndResolvesIt() {
    ProcessInstance pi = startForCase();
    verify(services.scheduling).schedule(CASE_NO, "hualin", "御苑小区老楼加装电梯", "YELLOW");
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_SCHEDULE).isWaitingAt(Deliberation.CATCH_TOPIC_RESOLVED);
    assertThat(pi).variables().containsEntry(Var.MEETING_ID.name(), MEETING_ID).containsEntry(Var.SESSION_ID.name(), SESSION_ID)
        .containsEntry(Var.ROOM_GROUP.name(), ROOM_GROUP).containsEntry(Var.MEETING_DUE.name(), endOf(MEETING_DAY));

    ProcessInstance session = session(SESSION_ID);
    assertThat(session).as("the new session's process, started by the topic").isNotNull()
        .isWaitingAt(DeliberationSession.TIMER_AGENDA_CLOSES);
    assertThat(session).variables().containsEntry(DeliberationSession.Var.BODY_GROUP.name(), ROOM_GROUP)
        .containsEntry(DeliberationSession.Var.TITLE.name(), SESSION_TITLE)
        .containsEntry(DeliberationSession.Var.SESSION_DUE.name(), endOf(MEETING_DAY));
    assertThat(job(DeliberationSession.TIMER_AGENDA_CLOSES, session).getDuedate()).isEqualTo(date(AGENDA_CLOSES));

    execute(job(DeliberationSession.TIMER_AGENDA_CLOSES, session));
    verify(services.sessions).stopJoining(SESSION_ID);
    Task agenda = task(DeliberationSession.USER_TASK_CONFIRM_AGENDA, session);
    assertThat(agenda).hasCandidateGroup(ROOM_GROUP);
    assertThat(agenda.getName()).isEqualTo("确定议程 " + SESSION_TITLE);
    assertThat(agenda.getDueDate()).isEqualTo(endOf(MEETING_DAY));
    assertThat(runtimeService().getVariable(session.getId(), DeliberationSession.Var.SESSION_AGENDA.name())).isEqualTo(SESSION_AGENDA);
    assertThat(runtimeService().getVariableTyped(session.getId(), DeliberationSession.Var.AGENDA_TOPICS.name()).getValue().toString())
        .as("one row per topic on the agenda, for the form's list").contains("\"topic\":7").contains("御苑小区老楼加装电梯");
    complete(agenda, CHAIR, withVariables(DeliberationSession.Var.AGENDA_TOPICS.name(),
        json("[{\"topic\":7,\"problemList\":\"加装电梯费用分摊\",\"moveToDate\":null}]"),
        DeliberationSession.Var.EXTRA_PARTIES.name(), json("[\"unit-justice\"]")));
    verify(services.sessions).closeAgenda(SESSION_ID, List.of(new DeliberationSessions.AgendaDecision(MEETING_ID, "加装电梯费用分摊", null,
        null, false)), List.of("unit-justice"), List.of(), CHAIR);

    List<Task> opinions = tasks(session, DeliberationSession.USER_TASK_OPINION);
    assertThat(opinions).as("one task per party and session").flatExtracting(DeliberationProcessTest::candidateGroups)
        .containsExactlyInAnyOrderElementsOf(PARTIES);
    assertThat(opinions).allSatisfy(t -> {
      assertThat(t.getName()).isEqualTo("会前沟通 " + SESSION_TITLE);
      assertThat(ENGINE.getTaskService().getVariable(t.getId(), DeliberationSession.Var.POSITIONS.name()).toString())
          .as("a row per topic").contains("\"topic\":7");
    });
    for (Task t : opinions) {
      complete(t, "party." + candidateGroups(t).get(0), withVariables(DeliberationSession.Var.POSITIONS.name(),
          json("[{\"topic\":7,\"position\":\"本方同意加装\"}]")));
    }
    PARTIES.forEach(party -> verify(services.sessions).recordPositions(SESSION_ID, party,
        List.of(new DeliberationSessions.TopicPosition(MEETING_ID, "本方同意加装")), "party." + party));
    assertThat(session).variables().doesNotContainKey(DeliberationSession.Var.POSITIONS.name());

    Task recordTask = task(DeliberationSession.USER_TASK_RECORD, session);
    assertThat(recordTask).hasCandidateGroup(ROOM_GROUP);
    assertThat(runtimeService().getVariableTyped(session.getId(), DeliberationSession.Var.FOLLOW_UPS.name()).getValue().toString())
        .as("the previous session's item opens the agenda").contains("\"item\":21").contains("县城管局");
    record(session, "[" + topicPart(MEETING_ID, "\"onSite\":true") + "]", DeliberationSession.Var.ON_SITE.name(), true);
    DeliberationSessions.SessionMinutes minutes = recordedMinutes(1);
    assertThat(minutes.paused()).isFalse();
    assertThat(minutes.onSite()).isTrue();
    assertThat(minutes.participants()).isEqualTo(15);
    assertThat(minutes.topics()).containsExactly(new DeliberationSessions.TopicMinutes(MEETING_ID, false, null, "阐述", "五方共议",
        "住建局牵头", false, false, null, null, null));
    assertThat(minutes.items()).as("the dynamic list, parsed").containsExactly(
        new DeliberationSessions.ItemInput(MEETING_ID, "housing", "加装电梯井道施工", "2026-04-30"),
        new DeliberationSessions.ItemInput(MEETING_ID, "water", "迁移供水管线", "2026-05-29"));
    assertThat(minutes.followUps()).containsExactly(new DeliberationSessions.FollowUpInput(FOLLOW_UP_ITEM, "楼道仍有堆物", 4));
    assertThat(session).hasPassed(DeliberationSession.END_EVENT_HELD).isEnded();
    assertThat(session).variables().doesNotContainKey(DeliberationSession.Var.RESOLUTION_ITEMS.name());

    assertThat(pi).isWaitingAt(Deliberation.CATCH_TOPIC_RESOLVED);
    execute(job(Deliberation.CATCH_TOPIC_RESOLVED, pi));
    assertThat(pi).variables().containsEntry(Var.EXPERT_REVIEW.name(), false).containsEntry(Var.RESIDENT_VOTE.name(), false);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY)
        .hasNotPassed(Deliberation.USER_TASK_EXPERT_REVIEW, Deliberation.CALL_ACTIVITY_VOTE);
    assertThat(job(Deliberation.TIMER_PUBLICITY, pi).getDuedate()).isEqualTo(date(PUBLICITY_ENDS));

    publicityEnds(pi);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_COUNT_OBJECTIONS, Deliberation.SERVICE_TASK_ADOPT)
        .hasNotPassed(Deliberation.USER_TASK_DECIDE_OBJECTIONS);
    List<Task> items = tasks(pi, Deliberation.USER_TASK_IMPLEMENT_ITEM);
    assertThat(items).flatExtracting(DeliberationProcessTest::candidateGroups).containsExactlyInAnyOrder("unit-housing", "unit-water");
    assertThat(items).extracting(Task::getDueDate).containsExactlyInAnyOrder(date(HOUSING_ITEM.deadline()), date(WATER_ITEM.deadline()));
    assertThat(items).extracting(t -> ENGINE.getTaskService().getVariableLocal(t.getId(), Var.ITEM_MEASURE.name()))
        .as("each task shows its item's measure").containsExactlyInAnyOrder(HOUSING_ITEM.measure(), WATER_ITEM.measure());

    implement(pi);
    InOrder order = inOrder(services.scheduling, services.sessions, services.publicity, services.implementation);
    order.verify(services.scheduling).schedule(any(), any(), any(), any());
    order.verify(services.sessions).closeAgenda(anyLong(), any(), any(), any(), any());
    order.verify(services.sessions).record(anyLong(), any(), any());
    order.verify(services.publicity).startPublicity(MEETING_ID);
    order.verify(services.publicity).objections(MEETING_ID);
    order.verify(services.implementation).adopt(MEETING_ID);
    verify(services.implementation).completeItem(ITEM_HOUSING, "已完成", "unit.member");
    verify(services.implementation).completeItem(ITEM_WATER, "已完成", "unit.member");
  }

  @Test
  void threeTopicsOfOneCommunityLandOnOneSessionWithOneOpinionTaskPerParty() {
    when(services.scheduling.schedule(any(), any(), any(), any())).thenReturn(
        new MeetingScheduling.Scheduled(7L, SESSION_ID, MEETING_DAY, ROOM_GROUP, "", true),
        new MeetingScheduling.Scheduled(8L, SESSION_ID, MEETING_DAY, ROOM_GROUP, "", false),
        new MeetingScheduling.Scheduled(9L, SESSION_ID, MEETING_DAY, ROOM_GROUP, "", false));
    when(services.sessions.topics(SESSION_ID)).thenReturn(List.of(topic(7L), topic(8L), topic(9L)));
    when(services.sessions.closeAgenda(anyLong(), any(), any(), any(), any())).thenReturn(new DeliberationSessions.AgendaClosed(3, List.of()));
    when(services.publicity.startPublicity(anyLong())).thenReturn(new cn.yishi.application.deliberation.ResolutionPublicity.Publicity(
        "t-publicity", PUBLICITY_ENDS));
    ProcessInstance a = startForCase("FX-2026-000042", "御苑小区老楼加装电梯", "YELLOW");
    ProcessInstance b = startForCase("FX-2026-000043", "滨江花园停车位不足", "GREEN");
    ProcessInstance c = startForCase("FX-2026-000044", "御苑小区路灯不亮", "YELLOW");

    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(DeliberationSession.PROCESS_KEY).count())
        .as("one session for the three topics").isEqualTo(1);
    ProcessInstance session = session(SESSION_ID);
    convene(session, 7L, 8L, 9L);
    assertThat(ENGINE.getTaskService().createTaskQuery().processInstanceId(session.getId()).count()).isEqualTo(1);
    verify(services.sessions, times(PARTIES.size())).recordPositions(eq(SESSION_ID), any(), any(), any());
    assertThat(ENGINE.getHistoryService().createHistoricTaskInstanceQuery().taskDefinitionKey(DeliberationSession.USER_TASK_OPINION)
        .count()).as("one opinion task per party, not per topic").isEqualTo(PARTIES.size());

    record(session, "[" + topicPart(7L, "") + "," + topicPart(8L, "\"expertReview\":true") + "," + topicPart(9L, "") + "]");
    assertThat(recordedMinutes(1).topics()).extracting(DeliberationSessions.TopicMinutes::topic).containsExactly(7L, 8L, 9L);
    for (ProcessInstance pi : List.of(a, b, c)) {
      execute(job(Deliberation.CATCH_TOPIC_RESOLVED, pi));
    }
    assertThat(a).isWaitingAt(Deliberation.TIMER_PUBLICITY);
    assertThat(b).as("its own further steps: the expert panel").isWaitingAt(Deliberation.USER_TASK_EXPERT_REVIEW);
    assertThat(c).isWaitingAt(Deliberation.TIMER_PUBLICITY);
  }

  private static Sessions.Topic topic(long id) {
    return new Sessions.Topic(id, id, "FX-2026-0000" + (35 + id), "议题" + id, "hualin", "YELLOW", Sessions.ON_AGENDA, null, null,
        null, null, null, null);
  }

  @Test
  void aRedTopicJoinsAnExtraordinarySessionWhoseAgendaClosesAtOnce() {
    LocalDate nextWorkingDay = LocalDate.of(2026, 3, 3);
    when(services.scheduling.schedule(any(), any(), any(), any())).thenReturn(
        new MeetingScheduling.Scheduled(MEETING_ID, SESSION_ID, nextWorkingDay, ROOM_GROUP, "", true));
    when(services.sessions.agendaClosesAt(SESSION_ID)).thenReturn(ProcessTestEngine.CLOCK.instant().atOffset(java.time.ZoneOffset.UTC));
    ProcessInstance pi = startForCase(CASE_NO, "楼道燃气泄漏", "RED");

    assertThat(pi).variables().containsEntry(Var.MEETING_DUE.name(), endOf(nextWorkingDay));
    ProcessInstance session = session(SESSION_ID);
    assertThat(job(DeliberationSession.TIMER_AGENDA_CLOSES, session).getDuedate()).isEqualTo(java.util.Date.from(ProcessTestEngine.CLOCK.instant()));
    convene(session);
    record(session, "[" + topicPart(MEETING_ID, "") + "]");
    execute(job(Deliberation.CATCH_TOPIC_RESOLVED, pi));
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
  }

  @Test
  void aCommunityMatterWithoutACaseIsDeliberatedToo() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(Deliberation.PROCESS_KEY, withVariables(
        Var.TITLE.name(), "御苑小区居民公约修订", Var.COMMUNITY.name(), "hualin"));

    verify(services.scheduling).schedule(null, "hualin", "御苑小区居民公约修订", null);
    assertThat(pi).variables().as("declared for the task names, which read it").containsEntry(IssueLifecycle.Var.CASE_NO.name(), null);
    meet(pi);
    publicityEnds(pi);
    implement(pi);
  }

  @Test
  void aTopicPausedAtItsSessionWaitsForTheNextSession() {
    org.mockito.Mockito.doReturn(new DeliberationSessions.Recorded(false, List.of(), List.of(MEETING_ID), List.of(NEXT_SESSION_ID)))
        .when(services.sessions).record(eq(SESSION_ID), any(), any());
    ProcessInstance pi = startForCase();
    ProcessInstance first = session(SESSION_ID);
    convene(first);
    record(first, "[{\"topic\":7,\"paused\":true,\"pauseReason\":\"物业公司代表缺席，需补充费用测算\"}]");

    DeliberationSessions.TopicMinutes part = recordedMinutes(1).topics().get(0);
    assertThat(part.paused()).isTrue();
    assertThat(part.pauseReason()).isEqualTo("物业公司代表缺席，需补充费用测算");
    assertThat(first).hasPassed(DeliberationSession.END_EVENT_HELD).isEnded();
    assertThat(pi).as("nothing resolved: the topic waits").isWaitingAt(Deliberation.CATCH_TOPIC_RESOLVED)
        .hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    ProcessInstance next = session(NEXT_SESSION_ID);
    assertThat(next).as("the next session's process, started by the record").isWaitingAt(DeliberationSession.TIMER_AGENDA_CLOSES);

    convene(next);
    record(next, "[" + topicPart(MEETING_ID, "") + "]");
    execute(job(Deliberation.CATCH_TOPIC_RESOLVED, pi));
    publicityEnds(pi);
    implement(pi);
  }

  @Test
  void aWholeSessionPausedIsRescheduledAndHeldThen() {
    ProcessInstance pi = startForCase();
    ProcessInstance session = session(SESSION_ID);
    convene(session);

    complete(task(DeliberationSession.USER_TASK_RECORD, session), CHAIR, withVariables(
        DeliberationSession.Var.SESSION_PAUSED.name(), true, DeliberationSession.Var.SESSION_PAUSE_REASON.name(), "暴雨，无法召开"));
    assertThat(recordedMinutes(1).paused()).isTrue();
    verify(services.sessions).reschedule(SESSION_ID, "暴雨，无法召开", CHAIR);
    assertThat(session).hasPassed(DeliberationSession.SERVICE_TASK_RESCHEDULE).isWaitingAt(DeliberationSession.USER_TASK_RECORD);
    assertThat(session).variables().containsEntry(DeliberationSession.Var.SESSION_PAUSED.name(), false)
        .containsEntry(DeliberationSession.Var.SESSION_DUE.name(), endOf(RESCHEDULED_DAY));
    assertThat(task(DeliberationSession.USER_TASK_RECORD, session).getDueDate()).isEqualTo(endOf(RESCHEDULED_DAY));
    assertThat(pi).isWaitingAt(Deliberation.CATCH_TOPIC_RESOLVED);

    record(session, "[" + topicPart(MEETING_ID, "") + "]");
    assertThat(recordedMinutes(2).paused()).isFalse();
    execute(job(Deliberation.CATCH_TOPIC_RESOLVED, pi));
    publicityEnds(pi);
    implement(pi);
  }

  @Test
  void aRefusedRecordStoresNothingAndKeepsTheTask() {
    startForCase();
    ProcessInstance session = session(SESSION_ID);
    convene(session);
    org.mockito.Mockito.doThrow(new ValidationException(List.of(
        new FieldError("followUps[0].rating", "out_of_range", "第1项跟进事项：满意度测评须为1到5分"))))
        .when(services.sessions).record(anyLong(), any(), any());

    assertThatThrownBy(() -> record(session, "[" + topicPart(MEETING_ID, "") + "]"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("满意度测评须为1到5分");
    assertThat(session).isWaitingAt(DeliberationSession.USER_TASK_RECORD).hasNotPassed(DeliberationSession.SERVICE_TASK_RECORD);
  }

  @Test
  void aMalformedResolutionListIsRefusedAndNothingIsRecorded() {
    startForCase();
    ProcessInstance session = session(SESSION_ID);
    convene(session);

    assertThatThrownBy(() -> record(session, "[" + topicPart(MEETING_ID, "") + "]",
        DeliberationSession.Var.RESOLUTION_ITEMS.name(), "[\"加装电梯\"]"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("决议清单格式不正确");
    verify(services.sessions, never()).record(anyLong(), any(), any());
    assertThat(session).isWaitingAt(DeliberationSession.USER_TASK_RECORD);
  }

  @Test
  void aRefusedAgendaKeepsTheConvenersTask() {
    startForCase();
    ProcessInstance session = session(SESSION_ID);
    execute(job(DeliberationSession.TIMER_AGENDA_CLOSES, session));
    when(services.sessions.closeAgenda(anyLong(), any(), any(), any(), any())).thenThrow(new ValidationException(List.of(
        new FieldError("moveToSession", "other_body", "只能改到华林社区党群会客室的议事会，不能改到其他议事主体"))));

    assertThatThrownBy(() -> complete(task(DeliberationSession.USER_TASK_CONFIRM_AGENDA, session), CHAIR, withVariables(
        DeliberationSession.Var.AGENDA_TOPICS.name(), json("[{\"topic\":7,\"moveToDate\":\"2026-01-01\",\"moveReason\":\"x\"}]"))))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("不能改到其他议事主体");
    assertThat(session).isWaitingAt(DeliberationSession.USER_TASK_CONFIRM_AGENDA);
  }

  @Test
  void anAgendaWhoseTopicsAllMovedEndsTheSessionAndStartsTheOneTheyMovedTo() {
    when(services.sessions.closeAgenda(anyLong(), any(), any(), any(), any()))
        .thenReturn(new DeliberationSessions.AgendaClosed(0, List.of(NEXT_SESSION_ID)));
    ProcessInstance pi = startForCase();
    ProcessInstance session = session(SESSION_ID);
    execute(job(DeliberationSession.TIMER_AGENDA_CLOSES, session));
    complete(task(DeliberationSession.USER_TASK_CONFIRM_AGENDA, session), CHAIR, withVariables(
        DeliberationSession.Var.AGENDA_TOPICS.name(), json("[{\"topic\":7,\"moveToDate\":\"2026-04-15\",\"moveReason\":\"待测算\"}]")));

    verify(services.sessions).closeAgenda(SESSION_ID, List.of(new DeliberationSessions.AgendaDecision(MEETING_ID, null,
        "2026-04-15", "待测算", false)), List.of(), List.of(), CHAIR);
    assertThat(session).hasPassed(DeliberationSession.END_EVENT_CANCELLED).isEnded();
    assertThat(session(NEXT_SESSION_ID)).isWaitingAt(DeliberationSession.TIMER_AGENDA_CLOSES);
    assertThat(pi).isWaitingAt(Deliberation.CATCH_TOPIC_RESOLVED);
  }

  @Test
  void theExpertPanelRejectsAndTheTopicGoesToTheNextSession() {
    ProcessInstance pi = startForCase();
    meet(pi, "\"expertReview\":true");
    Task review = task(Deliberation.USER_TASK_EXPERT_REVIEW, pi);
    assertThat(candidateGroups(review)).containsExactly("expert-panel");
    assertThat(review.getDueDate()).as("three working days from Monday 2 March").isEqualTo(endOf(LocalDate.of(2026, 3, 5)));

    complete(review, "expert.li", withVariables(Var.EXPERT_APPROVED.name(), "false", Var.EXPERT_OPINION.name(), "费用分摊方案缺少低楼层补偿"));
    verify(services.records).recordExpertReview(MEETING_ID, false, "费用分摊方案缺少低楼层补偿", "expert.li");
    assertThat(pi).variables().as("the form's text, written back as a yes or no").containsEntry(Var.EXPERT_APPROVED.name(), false);
    verify(services.sessions).rejoin(MEETING_ID);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_REJOIN_AFTER_REVIEW).isWaitingAt(Deliberation.CATCH_TOPIC_RESOLVED)
        .hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    assertThat(pi).variables().containsEntry(Var.SESSION_ID.name(), NEXT_SESSION_ID)
        .containsEntry(Var.MEETING_DUE.name(), endOf(RESCHEDULED_DAY));

    meet(pi, "\"expertReview\":true");
    complete(task(Deliberation.USER_TASK_EXPERT_REVIEW, pi), "expert.li",
        withVariables(Var.EXPERT_APPROVED.name(), "true", Var.EXPERT_OPINION.name(), "合法合理"));
    verify(services.records).recordExpertReview(MEETING_ID, true, "合法合理", "expert.li");
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    publicityEnds(pi);
    implement(pi);
  }

  @Test
  void aPassedVoteGoesToPublicity() {
    ProcessInstance pi = startForCase();
    meetWithVote(pi);

    assertThat(pi).isWaitingAt(Deliberation.CALL_ACTIVITY_VOTE);
    ProcessInstance vote = vote(pi);
    assertThat(vote).hasBusinessKey(CASE_NO).isWaitingAt(ResidentVote.USER_TASK_PAPER_BALLOTS);
    verify(services.votes).open(MEETING_ID, "ELEVATOR_RETROFIT", "hualin-yuyuan", "是否同意1号楼加装电梯");
    assertThat(vote).variables().containsEntry(ResidentVote.Var.VOTE_ID.name(), VOTE_ID)
        .containsEntry(ResidentVote.Var.VOTE_CLOSES_AT.name(), date(VOTE_CLOSES));
    voteCloses(pi);

    verify(services.votes).tally(VOTE_ID);
    assertThat(vote).isEnded();
    assertThat(pi).variables().containsEntry(Var.VOTE_PASSED.name(), true).containsEntry(Var.VOTE_OUTCOME.name(), "PASSED");
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    publicityEnds(pi);
    implement(pi);
  }

  @Test
  void aFailedVoteSendsTheTopicToTheNextSession() {
    when(services.votes.tally(VOTE_ID)).thenReturn(new ResidentVoteService.Tally("REJECTED", false, 12, 3, 6, 0), PASSED);
    ProcessInstance pi = startForCase();
    meetWithVote(pi);
    voteCloses(pi);

    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_REJOIN_AFTER_VOTE).isWaitingAt(Deliberation.CATCH_TOPIC_RESOLVED)
        .hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    assertThat(pi).variables().containsEntry(Var.VOTE_PASSED.name(), false).containsEntry(Var.VOTE_OUTCOME.name(), "REJECTED");
    meetWithVote(pi);
    voteCloses(pi);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    verify(services.votes, times(2)).open(anyLong(), any(), any(), any());
  }

  @Test
  void aVoteWithoutQuorumSendsTheTopicToTheNextSession() {
    when(services.votes.tally(VOTE_ID)).thenReturn(new ResidentVoteService.Tally("NO_QUORUM", false, 12, 2, 1, 0));
    ProcessInstance pi = startForCase();
    meetWithVote(pi);
    voteCloses(pi);
    assertThat(pi).isWaitingAt(Deliberation.CATCH_TOPIC_RESOLVED).hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    assertThat(pi).variables().containsEntry(Var.VOTE_PASSED.name(), false).containsEntry(Var.VOTE_OUTCOME.name(), "NO_QUORUM");

    meet(pi, "\"residentVote\":false");
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
  }

  @Test
  void objectionsThenReconveneAtTheNextSession() {
    when(services.publicity.objections(MEETING_ID)).thenReturn(3, 0);
    when(services.publicity.decideObjections(MEETING_ID, "RECONVENE", "低楼层住户意见较大", CHAIR)).thenReturn(true);
    ProcessInstance pi = startForCase();
    meet(pi);
    publicityEnds(pi);
    Task decide = task(Deliberation.USER_TASK_DECIDE_OBJECTIONS, pi);
    assertThat(decide).hasCandidateGroup(ROOM_GROUP);
    assertThat(decide.getDueDate()).as("two working days from Monday 2 March").isEqualTo(endOf(LocalDate.of(2026, 3, 4)));
    assertThat(ENGINE.getTaskService().getVariable(decide.getId(), Var.OBJECTION_COUNT.name())).isEqualTo(3);

    complete(decide, CHAIR, withVariables(Var.OBJECTION_DECISION.name(), "RECONVENE", Var.DECISION_REASON.name(), "低楼层住户意见较大"));
    assertThat(pi).variables().containsEntry(Var.RECONVENE.name(), true);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_REJOIN_AFTER_OBJECTIONS).isWaitingAt(Deliberation.CATCH_TOPIC_RESOLVED)
        .hasNotPassed(Deliberation.SERVICE_TASK_ADOPT);

    meet(pi);
    publicityEnds(pi);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_ADOPT);
    verify(services.publicity, times(2)).startPublicity(MEETING_ID);
    implement(pi);
  }

  @Test
  void objectionsThenConfirm() {
    when(services.publicity.objections(MEETING_ID)).thenReturn(1);
    ProcessInstance pi = startForCase();
    meet(pi);
    publicityEnds(pi);

    complete(task(Deliberation.USER_TASK_DECIDE_OBJECTIONS, pi), CHAIR,
        withVariables(Var.OBJECTION_DECISION.name(), "CONFIRM", Var.DECISION_REASON.name(), "异议已在方案中回应"));

    verify(services.publicity).decideObjections(MEETING_ID, "CONFIRM", "异议已在方案中回应", CHAIR);
    assertThat(pi).variables().containsEntry(Var.RECONVENE.name(), false);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_DECIDE_OBJECTIONS, Deliberation.SERVICE_TASK_ADOPT)
        .isWaitingAt(Deliberation.USER_TASK_IMPLEMENT_ITEM);
    implement(pi);
  }

}
