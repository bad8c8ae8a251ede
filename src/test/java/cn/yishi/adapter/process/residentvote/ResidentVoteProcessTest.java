package cn.yishi.adapter.process.residentvote;

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
import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.adapter.process.deliberation.DeliberationStubs;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.residentvote.ResidentVote.Var;
import cn.yishi.support.ProcessTestEngine;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of bpmn/residentVote.bpmn: ballots (paper entries until the deadline, then the count) and the residents' meeting. */
@Deployment(resources = {"bpmn/residentVote.bpmn", "forms/residentsAssembly.form", "forms/paperBallots.form"})
class ResidentVoteProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = buildEngine();

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final DeliberationStubs stubs = new DeliberationStubs();

  private static ProcessEngine buildEngine() {
    ProcessEngineConfigurationImpl cfg = ProcessTestEngine.configuration("resident-vote-process-test", BEANS);
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

  private ProcessInstance start(String type) {
    return runtimeService().startProcessInstanceByKey(ResidentVote.PROCESS_KEY, withVariables(
        Var.MEETING_ID.name(), 7L, Var.ROOM_GROUP.name(), "hualin-room", Var.VOTE_TYPE.name(), type, Var.VOTE_COMPOUND.name(), "hualin-yuyuan",
        Var.VOTE_QUESTION.name(), "是否同意加装电梯", IssueLifecycle.Var.CASE_NO.name(), null, Deliberation.Var.TITLE.name(), "加装电梯"));
  }

  @Test
  void paperBallotsAreEnteredUntilTheDeadlineThenCounted() {
    ProcessInstance pi = start("ELEVATOR_RETROFIT");
    assertThat(pi).hasPassed(ResidentVote.SERVICE_TASK_OPEN).isWaitingAt(ResidentVote.USER_TASK_PAPER_BALLOTS);
    Task paper = task(ResidentVote.USER_TASK_PAPER_BALLOTS, pi);
    assertThat(paper).hasCandidateGroup("hualin-room");
    assertThat(paper.getDueDate()).isNotNull();
    complete(paper, Map.of(Var.PAPER_BALLOTS.name(), Variables.untypedValue("[{\"token\":\"t1\",\"choice\":\"YES\"}]")));
    assertThat(pi).hasPassed(ResidentVote.SERVICE_TASK_PAPER_BALLOTS).isWaitingAt(ResidentVote.USER_TASK_PAPER_BALLOTS);
    complete(task(ResidentVote.USER_TASK_PAPER_BALLOTS, pi), Map.of(Var.PAPER_BALLOTS.name(), "[]"));
    assertThat(stubs.calls).containsSubsequence("openVote", "paperBallots", "paperBallots");

    execute(job(ResidentVote.BOUNDARY_VOTE_CLOSED, pi));
    assertThat(pi).hasPassed(ResidentVote.SERVICE_TASK_TALLY, ResidentVote.END_EVENT_COUNTED)
        .hasNotPassed(ResidentVote.USER_TASK_ASSEMBLY).isEnded();
  }

  @Test
  void aMatterReservedByLawGoesToTheResidentsMeeting() {
    stubs.assembly = true;
    ProcessInstance pi = start("RESIDENTS_CONVENTION");
    assertThat(pi).isWaitingAt(ResidentVote.USER_TASK_ASSEMBLY).hasNotPassed(ResidentVote.USER_TASK_PAPER_BALLOTS);
    assertThat(task(ResidentVote.USER_TASK_ASSEMBLY, pi)).hasCandidateGroup("hualin-room");
    complete(task(ResidentVote.USER_TASK_ASSEMBLY, pi), withVariables(Var.ASSEMBLY_MEMBERS.name(), 40, Var.ASSEMBLY_YES.name(), 30,
        Var.ASSEMBLY_NO.name(), 5, Var.ASSEMBLY_ABSTAIN.name(), 1));
    assertThat(pi).hasPassed(ResidentVote.SERVICE_TASK_ASSEMBLY, ResidentVote.END_EVENT_COUNTED)
        .hasNotPassed(ResidentVote.SERVICE_TASK_TALLY).isEnded();
  }
}
