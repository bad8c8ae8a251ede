package cn.yishi.adapter.process.residentvote;

import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.ASSEMBLY;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.MEETING_ID;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.ROOM_GROUP;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.VOTE_CLOSES;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.VOTE_ID;
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
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.adapter.process.deliberation.DeliberationServiceMocks;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.residentvote.ResidentVote.Var;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.ResidentVoteService;
import cn.yishi.support.ProcessTestEngine;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Every path of bpmn/residentVote.bpmn: ballots (paper entries until the deadline, then the count) and the residents'
 * meeting, with the real delegates on a mocked {@link ResidentVoteService} ({@link DeliberationServiceMocks}).
 */
@Deployment(resources = {"bpmn/residentVote.bpmn", "forms/residentsAssembly.form", "forms/paperBallots.form"})
class ResidentVoteProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = ProcessTestEngine.configuration("resident-vote-process-test", BEANS)
      .buildProcessEngine();
  private static final String STAFF = "room.hualin";

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final DeliberationServiceMocks services = new DeliberationServiceMocks();
  private final ResidentVoteService votes = services.votes;

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

  /** As deliberation.bpmn's call activity starts it, for a community matter without a case. */
  private ProcessInstance start(String type) {
    return runtimeService().startProcessInstanceByKey(ResidentVote.PROCESS_KEY, withVariables(
        Var.MEETING_ID.name(), MEETING_ID, Var.ROOM_GROUP.name(), ROOM_GROUP, Var.VOTE_TYPE.name(), type,
        Var.VOTE_COMPOUND.name(), "hualin-yuyuan", Var.VOTE_QUESTION.name(), "是否同意加装电梯",
        IssueLifecycle.Var.CASE_NO.name(), null, Deliberation.Var.TITLE.name(), "加装电梯"));
  }

  /** 录入纸质选票: staff enter a batch, as Tasklist submits the dynamic list (JSON text). */
  private static void enterPaper(Task t, String ballotsJson) {
    ProcessTestEngine.as(ENGINE, STAFF, List.of(ROOM_GROUP), () -> ENGINE.getTaskService().complete(t.getId(),
        Map.of(Var.PAPER_BALLOTS.name(), Variables.untypedValue(ballotsJson))));
  }

  private List<String[]> enteredBatch(int batches) {
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<String[]>> ballots = ArgumentCaptor.forClass(List.class);
    verify(votes, times(batches)).enterPaper(eq(VOTE_ID), ballots.capture(), eq(STAFF));
    return ballots.getValue();
  }

  private static Object historic(ProcessInstance pi, String name) {
    HistoricVariableInstance v = ENGINE.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName(name).singleResult();
    return v == null ? null : v.getValue();
  }

  @Test
  void paperBallotsAreEnteredUntilTheDeadlineThenCounted() {
    ProcessInstance pi = start("ELEVATOR_RETROFIT");

    verify(votes).plan("ELEVATOR_RETROFIT", "hualin-yuyuan", "是否同意加装电梯");
    verify(votes).open(MEETING_ID, "ELEVATOR_RETROFIT", "hualin-yuyuan", "是否同意加装电梯");
    assertThat(pi).hasPassed(ResidentVote.SERVICE_TASK_OPEN).isWaitingAt(ResidentVote.USER_TASK_PAPER_BALLOTS);
    assertThat(pi).variables().containsEntry(Var.ASSEMBLY.name(), false).containsEntry(Var.VOTE_ID.name(), VOTE_ID)
        .containsEntry(Var.HOUSEHOLDS.name(), 12).containsEntry(Var.VOTE_CLOSES_AT.name(), date(VOTE_CLOSES));
    Task paper = task(ResidentVote.USER_TASK_PAPER_BALLOTS, pi);
    assertThat(paper).hasCandidateGroup(ROOM_GROUP);
    assertThat(paper.getDueDate()).isEqualTo(date(VOTE_CLOSES));
    assertThat(job(ResidentVote.BOUNDARY_VOTE_CLOSED, pi).getDuedate()).isEqualTo(date(VOTE_CLOSES));

    enterPaper(paper, "[{\"token\":\"t1\",\"choice\":\"YES\"},{\"token\":\"t2\",\"choice\":\"NO\"}]");
    assertThat(enteredBatch(1)).extracting(b -> b[0] + ":" + b[1]).containsExactly("t1:YES", "t2:NO");
    assertThat(pi).hasPassed(ResidentVote.SERVICE_TASK_PAPER_BALLOTS).isWaitingAt(ResidentVote.USER_TASK_PAPER_BALLOTS);
    assertThat(pi).variables().as("entered, then gone from the process").doesNotContainKey(Var.PAPER_BALLOTS.name());
    enterPaper(task(ResidentVote.USER_TASK_PAPER_BALLOTS, pi), "[]");
    assertThat(enteredBatch(2)).isEmpty();

    execute(job(ResidentVote.BOUNDARY_VOTE_CLOSED, pi));
    verify(votes).tally(VOTE_ID);
    assertThat(pi).hasPassed(ResidentVote.SERVICE_TASK_TALLY, ResidentVote.END_EVENT_COUNTED)
        .hasNotPassed(ResidentVote.USER_TASK_ASSEMBLY).isEnded();
    assertThat(historic(pi, Var.VOTE_PASSED.name())).isEqualTo(true);
    assertThat(historic(pi, Var.VOTE_OUTCOME.name())).isEqualTo("PASSED");
  }

  @Test
  void aMalformedBallotListIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = start("ELEVATOR_RETROFIT");
    Task paper = task(ResidentVote.USER_TASK_PAPER_BALLOTS, pi);

    assertThatThrownBy(() -> enterPaper(paper, "{\"token\":\"t1\"}"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("纸质选票格式不正确");

    verify(votes, never()).enterPaper(anyLong(), any(), any());
    assertThat(task(ResidentVote.USER_TASK_PAPER_BALLOTS, pi).getId()).isEqualTo(paper.getId());
    assertThat(pi).hasNotPassed(ResidentVote.SERVICE_TASK_PAPER_BALLOTS);
  }

  @Test
  void aMatterReservedByLawGoesToTheResidentsMeeting() {
    when(votes.plan(any(), any(), any()))
        .thenAnswer(a -> new ResidentVoteService.Plan(a.getArgument(0), null, a.getArgument(2), ASSEMBLY, java.util.List.of()));
    when(votes.recordAssembly(anyLong(), any(), any(), any(), any(), any(), any(), any()))
        .thenReturn(new ResidentVoteService.Tally("PASSED", true, 40, 30, 5, 1));
    ProcessInstance pi = start("RESIDENTS_CONVENTION");

    verify(votes, never()).open(anyLong(), any(), any(), any());
    assertThat(pi).isWaitingAt(ResidentVote.USER_TASK_ASSEMBLY).hasNotPassed(ResidentVote.USER_TASK_PAPER_BALLOTS);
    assertThat(pi).variables().containsEntry(Var.ASSEMBLY.name(), true).doesNotContainKey(Var.VOTE_ID.name());
    Task assembly = task(ResidentVote.USER_TASK_ASSEMBLY, pi);
    assertThat(assembly).hasCandidateGroup(ROOM_GROUP);
    assertThat(assembly.getDueDate()).as("ten working days from Monday 2 March").isEqualTo(endOf(LocalDate.of(2026, 3, 16)));

    ProcessTestEngine.as(ENGINE, STAFF, List.of(ROOM_GROUP), () -> ENGINE.getTaskService().complete(assembly.getId(), withVariables(
        Var.ASSEMBLY_MEMBERS.name(), 40L, Var.ASSEMBLY_YES.name(), 30L, Var.ASSEMBLY_NO.name(), 5L, Var.ASSEMBLY_ABSTAIN.name(), 1L)));

    verify(votes).recordAssembly(MEETING_ID, "RESIDENTS_CONVENTION", "是否同意加装电梯", 40, 30, 5, 1, STAFF);
    assertThat(pi).hasPassed(ResidentVote.SERVICE_TASK_ASSEMBLY, ResidentVote.END_EVENT_COUNTED)
        .hasNotPassed(ResidentVote.SERVICE_TASK_TALLY).isEnded();
    assertThat(historic(pi, Var.VOTE_PASSED.name())).isEqualTo(true);
    assertThat(historic(pi, Var.VOTE_OUTCOME.name())).isEqualTo("PASSED");
  }
}
