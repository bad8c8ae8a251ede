package cn.yishi.adapter.process.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.deliberation.Deliberation.Var;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.residentvote.ResidentVote;
import cn.yishi.support.ProcessTestEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/deliberation.bpmn (with bpmn/residentVote.bpmn as its call activity) on a
 * plain in-memory engine, delegates replaced by stubs that write the routing facts the real ones
 * write. Each test drives the default action at every wait state and overrides only what differs.
 */
@Deployment(resources = {"bpmn/deliberation.bpmn", "bpmn/residentVote.bpmn", "forms/issuePreMeeting.form",
    "forms/issueProblemList.form", "forms/issueMeeting.form", "forms/issueExpertReview.form",
    "forms/issueObjectionDecision.form", "forms/issueImplementItem.form", "forms/residentsAssembly.form",
    "forms/paperBallots.form"})
class DeliberationProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = buildEngine();

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final DeliberationStubs stubs = new DeliberationStubs();

  private static ProcessEngine buildEngine() {
    ProcessEngineConfigurationImpl cfg = ProcessTestEngine.configuration("deliberation-process-test", BEANS);
    return cfg.buildProcessEngine();
  }

  @BeforeEach
  void useThisEngine() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE);
    stubs.install(BEANS);
    BEANS.put("listVariablesTaskListener", new ListVariablesTaskListener());
    BEANS.put("taskTitleListener", new TaskTitleListener());
  }

  @AfterEach
  void forgetThisEngine() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
  }

  // the default action at each wait state

  private ProcessInstance startForCase() {
    return runtimeService().startProcessInstanceByKey(Deliberation.PROCESS_KEY, "FX-2026-000042", withVariables(
        IssueLifecycle.Var.CASE_NO.name(), "FX-2026-000042", Var.TITLE.name(), "御苑小区老楼加装电梯", Var.COMMUNITY.name(), "hualin",
        Var.URGENCY.name(), "YELLOW"));
  }

  /** 会前沟通 and 问题清单: every party states its position, the room drafts the problem list. */
  private void prepare(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_PRE_MEETING);
    for (Task t : tasks(pi, Deliberation.USER_TASK_PRE_MEETING)) {
      complete(t, withVariables(Var.POSITION.name(), "本方同意加装"));
    }
    complete(task(Deliberation.USER_TASK_PROBLEM_LIST, pi), withVariables(Var.PROBLEM_LIST.name(), "加装电梯费用分摊"));
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_MATCH_RESOURCES).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING);
  }

  private void meet(ProcessInstance pi, Object... extra) {
    Map<String, Object> vars = withVariables(Var.PARTICIPANTS.name(), 15, Var.SUMMARY.name(), "五方共议");
    for (int i = 0; i < extra.length; i += 2) {
      vars.put((String) extra[i], extra[i + 1]);
    }
    complete(task(Deliberation.USER_TASK_RECORD_MEETING, pi), vars);
  }

  private void publicityEnds(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Deliberation.TIMER_PUBLICITY);
    execute(job(Deliberation.TIMER_PUBLICITY, pi));
  }

  private void implement(ProcessInstance pi) {
    List<Task> items = tasks(pi, Deliberation.USER_TASK_IMPLEMENT_ITEM);
    assertThat(items).hasSize(2);
    items.forEach(t -> complete(t, withVariables(Var.PROGRESS_NOTE.name(), "已完成")));
    assertThat(pi).hasPassed(Deliberation.END_EVENT_IMPLEMENTED).isEnded();
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

  // the paths

  @Test
  void scheduledMeetingHearsThePartiesThenDecidesPublicisesAndImplements() {
    ProcessInstance pi = startForCase();
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_SCHEDULE);
    List<Task> opinions = tasks(pi, Deliberation.USER_TASK_PRE_MEETING);
    assertThat(opinions).flatExtracting(DeliberationProcessTest::candidateGroups)
        .containsExactlyInAnyOrder("hualin-community", "hualin-owners", "unit-property-hualin", "hualin-residents");
    assertThat(opinions).allSatisfy(t -> {
      assertThat(t.getDueDate()).isNotNull();
      assertThat(t.getName()).isEqualTo("会前沟通 FX-2026-000042 御苑小区老楼加装电梯");
    });
    prepare(pi);
    assertThat(stubs.calls).contains("opinion:hualin-community", "opinion:hualin-owners", "opinion:unit-property-hualin",
        "opinion:hualin-residents");
    Task meeting = task(Deliberation.USER_TASK_RECORD_MEETING, pi);
    assertThat(meeting).hasCandidateGroup("hualin-room");
    assertThat(ENGINE.getTaskService().getVariable(meeting.getId(), Var.AGENDA_FOLLOW_UP.name())).asString().startsWith("议程第一项");
    assertThat(ENGINE.getTaskService().getVariable(meeting.getId(), Var.RESOURCE_MATCHES.name())).isEqualTo("可调用资源：县住建局");

    meet(pi, Var.ON_SITE.name(), true);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY)
        .hasNotPassed(Deliberation.USER_TASK_EXPERT_REVIEW, Deliberation.CALL_ACTIVITY_VOTE);
    publicityEnds(pi);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_COUNT_OBJECTIONS, Deliberation.SERVICE_TASK_ADOPT)
        .hasNotPassed(Deliberation.USER_TASK_DECIDE_OBJECTIONS);
    implement(pi);
    assertThat(stubs.calls).containsSubsequence("schedule", "matchResources", "recordMeeting", "publicity",
        "countObjections", "adopt", "item:11");
  }

  @Test
  void aCommunityMatterWithoutACaseIsDeliberatedToo() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(Deliberation.PROCESS_KEY, withVariables(
        Var.TITLE.name(), "御苑小区居民公约修订", Var.COMMUNITY.name(), "hualin"));
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
    meet(pi, Var.PAUSED.name(), true, Var.PAUSE_REASON.name(), "物业公司代表缺席，需补充费用测算");
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_RESCHEDULE).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING)
        .hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    assertThat(pi).variables().containsEntry(Var.PAUSED.name(), false);
    meet(pi, Var.PAUSED.name(), false);
    publicityEnds(pi);
    implement(pi);
    assertThat(stubs.calls).containsSubsequence("recordMeeting", "reschedule", "recordMeeting", "publicity");
  }

  @Test
  void theExpertPanelRejectsAndTheMeetingRevisesThePlan() {
    ProcessInstance pi = startForCase();
    prepare(pi);
    meet(pi, Var.EXPERT_REVIEW.name(), true);
    Task review = task(Deliberation.USER_TASK_EXPERT_REVIEW, pi);
    assertThat(candidateGroups(review)).containsExactly("expert-panel");
    assertThat(review.getDueDate()).isNotNull();
    complete(review, withVariables(Var.EXPERT_APPROVED.name(), "false", Var.EXPERT_OPINION.name(), "费用分摊方案缺少低楼层补偿"));
    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING).hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);

    meet(pi, Var.EXPERT_REVIEW.name(), true);
    complete(task(Deliberation.USER_TASK_EXPERT_REVIEW, pi), withVariables(Var.EXPERT_APPROVED.name(), "true", Var.EXPERT_OPINION.name(), "合法合理"));
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    publicityEnds(pi);
    implement(pi);
  }

  private void meetWithVote(ProcessInstance pi) {
    meet(pi, Var.RESIDENT_VOTE.name(), true, Var.VOTE_TYPE.name(), "ELEVATOR_RETROFIT", Var.VOTE_COMPOUND.name(), "hualin-yuyuan",
        Var.VOTE_QUESTION.name(), "是否同意1号楼加装电梯");
  }

  @Test
  void aPassedVoteGoesToPublicity() {
    ProcessInstance pi = startForCase();
    prepare(pi);
    meetWithVote(pi);
    assertThat(pi).isWaitingAt(Deliberation.CALL_ACTIVITY_VOTE);
    ProcessInstance vote = vote(pi);
    assertThat(vote).hasBusinessKey("FX-2026-000042").isWaitingAt(ResidentVote.USER_TASK_PAPER_BALLOTS);
    assertThat(vote).variables().containsEntry(ResidentVote.Var.VOTE_TYPE.name(), "ELEVATOR_RETROFIT")
        .containsEntry(ResidentVote.Var.VOTE_COMPOUND.name(), "hualin-yuyuan");
    execute(job(ResidentVote.BOUNDARY_VOTE_CLOSED, vote));
    assertThat(vote).isEnded();
    assertThat(pi).variables().containsEntry(Var.VOTE_PASSED.name(), true).containsEntry(Var.VOTE_OUTCOME.name(), "PASSED");
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    publicityEnds(pi);
    implement(pi);
  }

  @Test
  void aFailedVoteReturnsToTheMeeting() {
    stubs.tallyOutcome = "REJECTED";
    ProcessInstance pi = startForCase();
    prepare(pi);
    meetWithVote(pi);
    execute(job(ResidentVote.BOUNDARY_VOTE_CLOSED, vote(pi)));
    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING).hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    assertThat(pi).variables().containsEntry(Var.VOTE_OUTCOME.name(), "REJECTED");
    stubs.tallyOutcome = "PASSED";
    meetWithVote(pi);
    execute(job(ResidentVote.BOUNDARY_VOTE_CLOSED, vote(pi)));
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
  }

  @Test
  void aVoteWithoutQuorumReturnsToTheMeeting() {
    stubs.tallyOutcome = "NO_QUORUM";
    ProcessInstance pi = startForCase();
    prepare(pi);
    meetWithVote(pi);
    execute(job(ResidentVote.BOUNDARY_VOTE_CLOSED, vote(pi)));
    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING).hasNotPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
    assertThat(pi).variables().containsEntry(Var.VOTE_PASSED.name(), false).containsEntry(Var.VOTE_OUTCOME.name(), "NO_QUORUM");
    meet(pi, Var.RESIDENT_VOTE.name(), false);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_START_PUBLICITY);
  }

  @Test
  void objectionsThenReconvene() {
    stubs.objections = 3;
    ProcessInstance pi = startForCase();
    prepare(pi);
    meet(pi);
    publicityEnds(pi);
    Task decide = task(Deliberation.USER_TASK_DECIDE_OBJECTIONS, pi);
    assertThat(decide).hasCandidateGroup("hualin-room");
    assertThat(ENGINE.getTaskService().getVariable(decide.getId(), Var.OBJECTION_COUNT.name())).isEqualTo(3);
    complete(decide, withVariables(Var.OBJECTION_DECISION.name(), "RECONVENE", Var.DECISION_REASON.name(), "低楼层住户意见较大"));
    assertThat(pi).isWaitingAt(Deliberation.USER_TASK_RECORD_MEETING).hasNotPassed(Deliberation.SERVICE_TASK_ADOPT);

    stubs.objections = 0;
    meet(pi);
    publicityEnds(pi);
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_ADOPT);
    implement(pi);
  }

  @Test
  void objectionsThenConfirm() {
    stubs.objections = 1;
    ProcessInstance pi = startForCase();
    prepare(pi);
    meet(pi);
    publicityEnds(pi);
    complete(task(Deliberation.USER_TASK_DECIDE_OBJECTIONS, pi),
        withVariables(Var.OBJECTION_DECISION.name(), "CONFIRM", Var.DECISION_REASON.name(), "异议已在方案中回应"));
    assertThat(pi).hasPassed(Deliberation.SERVICE_TASK_DECIDE_OBJECTIONS, Deliberation.SERVICE_TASK_ADOPT)
        .isWaitingAt(Deliberation.USER_TASK_IMPLEMENT_ITEM);
    implement(pi);
  }
}
