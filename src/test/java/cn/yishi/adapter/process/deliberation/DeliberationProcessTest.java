package cn.yishi.adapter.process.deliberation;

import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.AGENDA_FOLLOW_UP;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.HOUSING_ITEM;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.ITEM_HOUSING;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.ITEM_WATER;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.MEETING_DAY;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.MEETING_ID;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.PARTIES;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.PASSED;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.PUBLICITY_ENDS;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.RESCHEDULED_DAY;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.RESOURCE_MATCHES;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.ROOM_GROUP;
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
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.residentvote.ResidentVote;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.ResidentVoteService;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.MeetingMinutes;
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
 * Every path of bpmn/deliberation.bpmn (with bpmn/residentVote.bpmn as its call activity) on a plain in-memory
 * engine, with the real delegates, listeners and glue beans on mocked application services
 * ({@link DeliberationServiceMocks}): the routing, what each delegate hands to its use case, and what it writes
 * back. Each test drives the default action at every wait state and overrides only what differs.
 */
@Deployment(resources = {"bpmn/deliberation.bpmn", "bpmn/residentVote.bpmn", "forms/issuePreMeeting.form",
    "forms/issueProblemList.form", "forms/issueMeeting.form", "forms/issueExpertReview.form",
    "forms/issueObjectionDecision.form", "forms/issueImplementItem.form", "forms/residentsAssembly.form",
    "forms/paperBallots.form"})
class DeliberationProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = ProcessTestEngine.configuration("deliberation-process-test", BEANS)
      .buildProcessEngine();
  private static final String CASE_NO = "FX-2026-000042";
  private static final String CHAIR = "room.hualin";
  /** The meeting form's resolution list as Tasklist submits a dynamic list: a Json variable. */
  private static final String RESOLUTION_ITEMS = """
      [{"unit":"housing","measure":"加装电梯井道施工","deadline":"2026-04-30"},
       {"unit":"water","measure":"迁移供水管线","deadline":"2026-05-29"}]""";

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
    return runtimeService().startProcessInstanceByKey(Deliberation.PROCESS_KEY, CASE_NO, withVariables(
        IssueLifecycle.Var.CASE_NO.name(), CASE_NO, Var.TITLE.name(), "御苑小区老楼加装电梯", Var.COMMUNITY.name(), "hualin",
        Var.URGENCY.name(), "YELLOW"));
  }

  /** 会前沟通 and 问题清单: every party states its position, the room drafts the problem list. */
  private void prepare(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_PRE_MEETING);
    for (Task t : tasks(pi, Deliberation.USER_TASK_PRE_MEETING)) {
      complete(t, "party." + candidateGroups(t).get(0), withVariables(Var.POSITION.name(), "本方同意加装"));
    }
    complete(task(Deliberation.USER_TASK_PROBLEM_LIST, pi), CHAIR, withVariables(Var.PROBLEM_LIST.name(), "加装电梯费用分摊"));
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_MATCH_RESOURCES).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING);
  }

  /** 协商议事: the chair records a meeting of 15 with the two resolution items, plus what the test adds. */
  private void meet(ProcessInstance pi, Object... extra) {
    Map<String, Object> vars = withVariables(Var.PARTICIPANTS.name(), 15L, Var.SUMMARY.name(), "五方共议",
        Var.RESOLUTION_ITEMS.name(), SpinValues.jsonValue(RESOLUTION_ITEMS).create());
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    complete(task(Deliberation.USER_TASK_RECORD_MEETING, pi), CHAIR, vars);
  }

  private void meetWithVote(ProcessInstance pi) {
    meet(pi, Var.RESIDENT_VOTE.name(), true, Var.VOTE_TYPE.name(), "ELEVATOR_RETROFIT", Var.VOTE_COMPOUND.name(), "hualin-yuyuan",
        Var.VOTE_QUESTION.name(), "是否同意1号楼加装电梯");
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

  private MeetingMinutes recordedMinutes(int times) {
    ArgumentCaptor<MeetingMinutes> minutes = ArgumentCaptor.forClass(MeetingMinutes.class);
    verify(services.records, times(times)).record(eq(MEETING_ID), minutes.capture(), eq(CHAIR));
    return minutes.getValue();
  }

  // the paths

  @Test
  void scheduledMeetingHearsThePartiesThenDecidesPublicisesAndImplements() {
    ProcessInstance pi = startForCase();
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_SCHEDULE);
    verify(services.scheduling).schedule(CASE_NO, "hualin", "御苑小区老楼加装电梯", "YELLOW");
    assertThat(pi).variables().containsEntry(Var.MEETING_ID.name(), MEETING_ID).containsEntry(Var.ROOM_GROUP.name(), ROOM_GROUP)
        .containsEntry(Var.MEETING_DUE.name(), endOf(MEETING_DAY));
    List<Task> opinions = tasks(pi, Deliberation.USER_TASK_PRE_MEETING);
    assertThat(opinions).flatExtracting(DeliberationProcessTest::candidateGroups).containsExactlyInAnyOrderElementsOf(PARTIES);
    assertThat(opinions).allSatisfy(t -> {
      assertThat(t.getDueDate()).as("the meeting day's end").isEqualTo(endOf(MEETING_DAY));
      assertThat(t.getName()).isEqualTo("会前沟通 FX-2026-000042 御苑小区老楼加装电梯");
    });

    prepare(pi);
    PARTIES.forEach(party -> verify(services.preparation).recordOpinion(MEETING_ID, party, "本方同意加装", "party." + party));
    verify(services.preparation).draftProblemList(MEETING_ID, "加装电梯费用分摊");
    assertThat(pi).variables().as("a position is stored with the meeting, not kept in the process")
        .doesNotContainKey(Var.POSITION.name());
    Task meeting = task(Deliberation.USER_TASK_RECORD_MEETING, pi);
    assertThat(meeting).hasCandidateGroup(ROOM_GROUP);
    assertThat(ENGINE.getTaskService().getVariable(meeting.getId(), Var.AGENDA_FOLLOW_UP.name())).isEqualTo(AGENDA_FOLLOW_UP);
    assertThat(ENGINE.getTaskService().getVariable(meeting.getId(), Var.RESOURCE_MATCHES.name())).isEqualTo(RESOURCE_MATCHES);

    meet(pi, Var.ON_SITE.name(), true);
    MeetingMinutes minutes = recordedMinutes(1);
    assertThat(minutes.paused()).isFalse();
    assertThat(minutes.onSite()).isTrue();
    assertThat(minutes.participants()).isEqualTo(15);
    assertThat(minutes.summary()).isEqualTo("五方共议");
    assertThat(minutes.items()).as("the dynamic list, parsed").containsExactly(
        new MeetingMinutes.Item("housing", "加装电梯井道施工", "2026-04-30"), new MeetingMinutes.Item("water", "迁移供水管线", "2026-05-29"));
    verify(services.votes, never()).plan(any(), any(), any());
    verify(services.records, never()).putToExperts(anyLong(), any());
    assertThat(pi).variables().as("the list is stored as resolution items, never kept as a variable")
        .doesNotContainKey(Var.RESOLUTION_ITEMS.name())
        .containsEntry(Var.PAUSED.name(), false).containsEntry(Var.EXPERT_REVIEW.name(), false).containsEntry(Var.RESIDENT_VOTE.name(), false);
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
    InOrder order = inOrder(services.scheduling, services.preparation, services.records, services.publicity, services.implementation);
    order.verify(services.scheduling).schedule(any(), any(), any(), any());
    order.verify(services.preparation).draftProblemList(anyLong(), any());
    order.verify(services.records).record(anyLong(), any(), any());
    order.verify(services.publicity).startPublicity(MEETING_ID);
    order.verify(services.publicity).objections(MEETING_ID);
    order.verify(services.implementation).adopt(MEETING_ID);
    verify(services.implementation).completeItem(ITEM_HOUSING, "已完成", "unit.member");
    verify(services.implementation).completeItem(ITEM_WATER, "已完成", "unit.member");
  }

  @Test
  void aCommunityMatterWithoutACaseIsDeliberatedToo() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(Deliberation.PROCESS_KEY, withVariables(
        Var.TITLE.name(), "御苑小区居民公约修订", Var.COMMUNITY.name(), "hualin"));

    verify(services.scheduling).schedule(null, "hualin", "御苑小区居民公约修订", null);
    assertThat(pi).variables().as("declared for the task names, which read it").containsEntry(IssueLifecycle.Var.CASE_NO.name(), null);
    assertThat(tasks(pi, Deliberation.USER_TASK_PRE_MEETING)).allSatisfy(t -> assertThat(t.getName()).isEqualTo("会前沟通 御苑小区居民公约修订"));
    prepare(pi);
    meet(pi);
    publicityEnds(pi);
    implement(pi);
  }

  @Test
  void aPausedMeetingIsRescheduledAndHeldAgain() {
    ProcessInstance pi = startForCase();
    prepare(pi);

    meet(pi, Var.PAUSED.name(), true, Var.PAUSE_REASON.name(), "物业公司代表缺席，需补充费用测算", Var.EXPERT_REVIEW.name(), true);

    MeetingMinutes paused = recordedMinutes(1);
    assertThat(paused.paused()).isTrue();
    assertThat(paused.pauseReason()).isEqualTo("物业公司代表缺席，需补充费用测算");
    assertThat(paused.items()).as("a paused meeting decides nothing").isEmpty();
    verify(services.scheduling).reschedule(MEETING_ID, "物业公司代表缺席，需补充费用测算", CHAIR);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_RESCHEDULE).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING)
        .hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY, Deliberation.USER_TASK_EXPERT_REVIEW);
    assertThat(pi).variables().containsEntry(Var.PAUSED.name(), false).containsEntry(Var.EXPERT_REVIEW.name(), false)
        .containsEntry(Var.MEETING_DUE.name(), endOf(RESCHEDULED_DAY));
    assertThat(task(Deliberation.USER_TASK_RECORD_MEETING, pi).getDueDate()).isEqualTo(endOf(RESCHEDULED_DAY));

    meet(pi, Var.PAUSED.name(), false);
    assertThat(recordedMinutes(2).paused()).isFalse();
    publicityEnds(pi);
    implement(pi);
  }

  @Test
  void theExpertPanelRejectsAndTheMeetingRevisesThePlan() {
    ProcessInstance pi = startForCase();
    prepare(pi);
    meet(pi, Var.EXPERT_REVIEW.name(), true);
    Task review = task(Deliberation.USER_TASK_EXPERT_REVIEW, pi);
    assertThat(candidateGroups(review)).containsExactly("expert-panel");
    verify(services.records).putToExperts(eq(MEETING_ID), any());
    assertThat(review.getDueDate()).as("three working days from Monday 2 March").isEqualTo(endOf(LocalDate.of(2026, 3, 5)));

    complete(review, "expert.li", withVariables(Var.EXPERT_APPROVED.name(), "false", Var.EXPERT_OPINION.name(), "费用分摊方案缺少低楼层补偿"));
    verify(services.records).recordExpertReview(MEETING_ID, false, "费用分摊方案缺少低楼层补偿", "expert.li");
    assertThat(pi).variables().as("the form's text, written back as a yes or no").containsEntry(Var.EXPERT_APPROVED.name(), false);
    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING).hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);

    meet(pi, Var.EXPERT_REVIEW.name(), true);
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
    prepare(pi);
    meetWithVote(pi);

    verify(services.votes, times(2)).plan("ELEVATOR_RETROFIT", "hualin-yuyuan", "是否同意1号楼加装电梯");
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
  void aFailedVoteReturnsToTheMeeting() {
    when(services.votes.tally(VOTE_ID)).thenReturn(new ResidentVoteService.Tally("REJECTED", false, 12, 3, 6, 0), PASSED);
    ProcessInstance pi = startForCase();
    prepare(pi);
    meetWithVote(pi);
    voteCloses(pi);

    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING).hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    assertThat(pi).variables().containsEntry(Var.VOTE_PASSED.name(), false).containsEntry(Var.VOTE_OUTCOME.name(), "REJECTED");
    meetWithVote(pi);
    voteCloses(pi);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    verify(services.votes, times(2)).open(anyLong(), any(), any(), any());
  }

  @Test
  void aVoteWithoutQuorumReturnsToTheMeeting() {
    when(services.votes.tally(VOTE_ID)).thenReturn(new ResidentVoteService.Tally("NO_QUORUM", false, 12, 2, 1, 0));
    ProcessInstance pi = startForCase();
    prepare(pi);
    meetWithVote(pi);
    voteCloses(pi);
    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING).hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    assertThat(pi).variables().containsEntry(Var.VOTE_PASSED.name(), false).containsEntry(Var.VOTE_OUTCOME.name(), "NO_QUORUM");

    meet(pi, Var.RESIDENT_VOTE.name(), false);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
  }

  @Test
  void aVoteWithoutARegisterRefusesTheMeetingRecord() {
    ProcessInstance pi = startForCase();
    prepare(pi);
    when(services.votes.plan(any(), any(), any())).thenThrow(new ValidationException(List.of(
        new FieldError("voteCompound", "no_register", "该小区尚无住户名册，不能发起一户一票表决"))));

    assertThatThrownBy(() -> meetWithVote(pi)).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("住户名册");

    verify(services.records, never()).record(anyLong(), any(), any());
    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING).hasNotPassed(Deliberation.SERVICE_TASK_RECORD_MEETING);
  }

  @Test
  void aMalformedResolutionListIsRefusedAndNothingIsRecorded() {
    ProcessInstance pi = startForCase();
    prepare(pi);

    assertThatThrownBy(() -> meet(pi, Var.RESOLUTION_ITEMS.name(), "[\"加装电梯\"]"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("决议清单格式不正确");

    verify(services.records, never()).record(anyLong(), any(), any());
    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING);
  }

  @Test
  void objectionsThenReconvene() {
    when(services.publicity.objections(MEETING_ID)).thenReturn(3, 0);
    when(services.publicity.decideObjections(MEETING_ID, "RECONVENE", "低楼层住户意见较大", CHAIR)).thenReturn(true);
    ProcessInstance pi = startForCase();
    prepare(pi);
    meet(pi);
    publicityEnds(pi);
    Task decide = task(Deliberation.USER_TASK_DECIDE_OBJECTIONS, pi);
    assertThat(decide).hasCandidateGroup(ROOM_GROUP);
    assertThat(decide.getDueDate()).as("two working days from Monday 2 March").isEqualTo(endOf(LocalDate.of(2026, 3, 4)));
    assertThat(ENGINE.getTaskService().getVariable(decide.getId(), Var.OBJECTION_COUNT.name())).isEqualTo(3);

    complete(decide, CHAIR, withVariables(Var.OBJECTION_DECISION.name(), "RECONVENE", Var.DECISION_REASON.name(), "低楼层住户意见较大"));
    assertThat(pi).variables().containsEntry(Var.RECONVENE.name(), true);
    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING).hasNotPassed(Deliberation.SERVICE_TASK_ADOPT);

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
    prepare(pi);
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
