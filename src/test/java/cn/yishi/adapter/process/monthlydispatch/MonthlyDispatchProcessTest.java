package cn.yishi.adapter.process.monthlydispatch;

import static cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch.Var;
import cn.yishi.application.supervision.MonthlyDispatchService;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.platform.Schedules;
import cn.yishi.support.ProcessTestEngine;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/monthlyDispatch.bpmn on a plain in-memory engine: the timer fired by hand on a day that is
 * and one that is not the month's first working day, a catch-up start by key, a refused review that recomputes
 * and asks again, a refused completion, an approval that publishes, and a month approved already. The real
 * delegates run on a mocked {@link MonthlyDispatchService}; the figures are tested with the application.
 */
@Deployment(resources = {"bpmn/monthlyDispatch.bpmn", "forms/monthlyReview.form"})
class MonthlyDispatchProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = buildEngine();
  private static final OffsetDateTime REVIEW_DUE = OffsetDateTime.parse("2026-12-03T18:00:00+08:00");
  private static final String REVIEWER = "dispatch.wang";

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final MonthlyDispatchService dispatch = mock(MonthlyDispatchService.class);

  private static ProcessEngine buildEngine() {
    // read by the timer start event when the model is deployed
    ProcessTestEngine.register(BEANS, new Schedules("0 0 9 1,11,21 * ?", "0 0 9 1-10 * ?", "0 0 9 5,15,25 * ?", "UTC"));
    ProcessEngineConfigurationImpl cfg = ProcessTestEngine.configuration("monthly-dispatch-process-test", BEANS);
    return cfg.buildProcessEngine();
  }

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(ENGINE);
  }

  @AfterEach
  void forgetThisEngine() {
    BpmnAwareTests.reset();
  }

  /** The real delegates on the mocked use case: the timer's run on 1 December, the first working day, for November. */
  @BeforeEach
  void registerDelegates() {
    onTheFirstWorkingDay(true);
    when(dispatch.plan("2026-11-22")).thenReturn(new MonthlyDispatchService.Plan("2026-11-22", "2026-10", true));
    when(dispatch.compute(eq("2026-11"), any(), any(), any())).thenReturn(draft(1), draft(2));
    when(dispatch.review(eq("2026-11"), eq(true), any(), any())).thenReturn(true);
    when(dispatch.review(eq("2026-11"), eq(false), any(), any())).thenReturn(false);
    ProcessTestEngine.register(BEANS,
        new DetermineDispatchMonthDelegate(dispatch),
        new ComputeMonthlyReportDelegate(dispatch),
        new RecordMonthlyReviewDelegate(dispatch),
        new PublishMonthlyReportDelegate(dispatch),
        new TaskTitleListener());
  }

  private void onTheFirstWorkingDay(boolean first) {
    when(dispatch.plan(null)).thenReturn(new MonthlyDispatchService.Plan("2026-12-01", "2026-11", first));
  }

  private static MonthlyDispatchService.Computed draft(int revision) {
    return new MonthlyDispatchService.Computed("2026-11", "DRAFT", revision, "2026年11月 月调度报告（第" + revision + "版）", REVIEW_DUE);
  }

  /** 月调度审核: the dispatch centre decides, as a member of it. */
  private static void review(ProcessInstance pi, Map<String, Object> decision) {
    ProcessTestEngine.as(ENGINE, REVIEWER, List.of("dispatch-centre"),
        () -> ENGINE.getTaskService().complete(task(USER_TASK_REVIEW, pi).getId(), decision));
  }

  private static Job timer() {
    List<Job> timers = ENGINE.getManagementService().createJobQuery().timers().processDefinitionKey(PROCESS_KEY).list();
    assertThat(timers).as("the timer start event's job").hasSize(1);
    return timers.get(0);
  }

  /** Fires the timer start event by hand and returns the instance it started. */
  private static HistoricProcessInstance fireTimer() {
    Job timer = timer();
    ENGINE.getManagementService().executeJob(timer.getId());
    List<HistoricProcessInstance> started = ENGINE.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).list();
    assertThat(started).hasSize(1);
    return started.get(0);
  }

  private static ProcessInstance running(HistoricProcessInstance h) {
    return runtimeService().createProcessInstanceQuery().processInstanceId(h.getId()).singleResult();
  }

  private static List<String> candidateGroups(Task t) {
    return ENGINE.getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  @Test
  void theTimerReadsItsCycleFromTheSchedulesAndStaysAfterFiring() {
    Job timer = timer();
    assertThat(ENGINE.getManagementService().createJobDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .activityIdIn(START_EVENT).singleResult().getJobConfiguration()).isEqualTo("CYCLE: ${yishiSchedules.monthlyDispatch}");
    LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
    assertThat(due.getDayOfMonth()).as("the schedule's days: 1 to 10").isBetween(1, 10);
    assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(9, 0));

    onTheFirstWorkingDay(false);
    fireTimer();

    Job next = timer();
    assertThat(next.getId()).as("a cycle: the next check is scheduled").isNotEqualTo(timer.getId());
  }

  @Test
  void onADayThatIsNotTheFirstWorkingDayTheRunEndsAtOnce() {
    onTheFirstWorkingDay(false);

    HistoricProcessInstance run = fireTimer();

    verify(dispatch).plan(null);
    assertThat(running(run)).isNull();
    assertThat(ENGINE.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId(END_EVENT_NOT_DISPATCH_DAY).count()).isOne();
    assertThat(ENGINE.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId(SERVICE_TASK_COMPUTE_REPORT).count()).isZero();
    verify(dispatch, never()).compute(any(), any(), any(), any());
  }

  @Test
  void onTheFirstWorkingDayTheReportIsComputedInAJobAndReviewedByTheDispatchCentre() {
    ProcessInstance pi = running(fireTimer());

    assertThat(pi).hasPassed(SERVICE_TASK_DETERMINE_MONTH).isWaitingAt(SERVICE_TASK_COMPUTE_REPORT);
    assertThat(pi).variables().as("the plan, written back")
        .containsEntry(Var.AS_OF.name(), "2026-12-01").containsEntry(Var.MONTH.name(), "2026-11").containsEntry(Var.DISPATCH_DAY.name(), true);
    verify(dispatch, never().description("computed in a job of its own, not in the timer's")).compute(any(), any(), any(), any());
    execute(job(pi));

    verify(dispatch).compute("2026-11", "2026-12-01", null, pi.getId());
    assertThat(pi).isWaitingAt(USER_TASK_REVIEW);
    assertThat(pi).variables().containsEntry(Var.REPORT_STATUS.name(), "DRAFT")
        .containsEntry(Var.REPORT_SUMMARY.name(), "2026年11月 月调度报告（第1版）");
    Task review = task(USER_TASK_REVIEW, pi);
    assertThat(review.getName()).isEqualTo("月调度审核 2026-11");
    assertThat(candidateGroups(review)).containsExactly("dispatch-centre");
    assertThat(review.getDueDate()).isEqualTo(Date.from(REVIEW_DUE.toInstant()));
    assertThat(review.getPriority()).isEqualTo(70);
  }

  @Test
  void aCatchUpRunStartedByKeyGoesOnWhateverTheDay() {
    when(dispatch.compute(eq("2026-10"), any(), any(), any())).thenReturn(new MonthlyDispatchService.Computed(
        "2026-10", "DRAFT", 1, "2026年10月 月调度报告（第1版）", REVIEW_DUE));

    ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY,
        withVariables(Var.AS_OF.name(), "2026-11-22", Var.TRIGGERED_BY.name(), "demo"));

    verify(dispatch).plan("2026-11-22");
    assertThat(pi).hasPassed(SERVICE_TASK_DETERMINE_MONTH, GATEWAY_IS_DISPATCH_DAY).isWaitingAt(SERVICE_TASK_COMPUTE_REPORT);
    execute(job(pi));
    verify(dispatch).compute("2026-10", "2026-11-22", "demo", pi.getId());
    assertThat(pi).isWaitingAt(USER_TASK_REVIEW);
    assertThat(task(USER_TASK_REVIEW, pi).getName()).isEqualTo("月调度审核 2026-10");
  }

  @Test
  void aRefusedReviewRecomputesOnBehalfOfTheReviewerAndAsksAgain() {
    ProcessInstance pi = running(fireTimer());
    execute(job(pi));

    review(pi, withVariables(Var.APPROVED.name(), false, Var.REVIEW_COMMENT.name(), "华林社区数据需核实"));

    verify(dispatch).review("2026-11", false, "华林社区数据需核实", REVIEWER);
    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_REVIEW, GATEWAY_APPROVED).isWaitingAt(SERVICE_TASK_COMPUTE_REPORT);
    assertThat(pi).variables().as("the recomputation is the reviewer's").containsEntry(Var.TRIGGERED_BY.name(), REVIEWER);
    execute(job(pi));
    assertThat(pi).isWaitingAt(USER_TASK_REVIEW).hasNotPassed(SERVICE_TASK_PUBLISH);
    verify(dispatch).compute("2026-11", "2026-12-01", null, pi.getId());
    verify(dispatch).compute("2026-11", "2026-12-01", REVIEWER, pi.getId());
    assertThat(runtimeService().getVariable(pi.getId(), Var.REPORT_SUMMARY.name())).isEqualTo("2026年11月 月调度报告（第2版）");
    assertThat(runtimeService().getVariables(pi.getId())).as("the previous round's decision is cleared")
        .doesNotContainKeys(Var.APPROVED.name(), Var.REVIEW_COMMENT.name());

    review(pi, withVariables(Var.APPROVED.name(), true, Var.REVIEW_COMMENT.name(), "已核实"));
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed(END_EVENT_PUBLISHED);
    verify(dispatch).publish("2026-11");
  }

  @Test
  void aRefusalWithoutCommentIsRefusedAndTheTaskStaysOpen() {
    when(dispatch.review("2026-11", false, null, REVIEWER)).thenThrow(new ValidationException(List.of(
        new FieldError("reviewComment", "required", "不同意发布时，请填写审核意见"))));
    ProcessInstance pi = running(fireTimer());
    execute(job(pi));
    Task review = task(USER_TASK_REVIEW, pi);

    assertThatThrownBy(() -> review(pi, withVariables(Var.APPROVED.name(), false)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("审核意见");

    assertThat(pi).isWaitingAt(USER_TASK_REVIEW).hasNotPassed(SERVICE_TASK_RECORD_REVIEW);
    assertThat(task(USER_TASK_REVIEW, pi).getId()).isEqualTo(review.getId());
    verify(dispatch, times(1)).compute(any(), any(), any(), any());
  }

  @Test
  void anApprovalPublishesInAJobOfItsOwn() {
    ProcessInstance pi = running(fireTimer());
    execute(job(pi));

    review(pi, withVariables(Var.APPROVED.name(), true));

    verify(dispatch).review("2026-11", true, null, REVIEWER);
    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_REVIEW).isWaitingAt(SERVICE_TASK_PUBLISH);
    verify(dispatch, never().description("not in the reviewer's transaction")).publish(any());
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed(SERVICE_TASK_PUBLISH, END_EVENT_PUBLISHED).hasNotPassed(END_EVENT_ALREADY_APPROVED);
    verify(dispatch).publish("2026-11");
  }

  @Test
  void aMonthApprovedAlreadyIsNeitherReviewedNorPublishedAgain() {
    when(dispatch.plan("2026-12-03")).thenReturn(new MonthlyDispatchService.Plan("2026-12-03", "2026-11", true));
    when(dispatch.compute(eq("2026-11"), any(), any(), any())).thenReturn(new MonthlyDispatchService.Computed(
        "2026-11", "APPROVED", 1, "2026年11月 月调度报告（已审核）", REVIEW_DUE));

    ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY,
        withVariables(Var.AS_OF.name(), "2026-12-03", Var.TRIGGERED_BY.name(), "demo"));
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed(END_EVENT_ALREADY_APPROVED).hasNotPassed(USER_TASK_REVIEW, SERVICE_TASK_PUBLISH);
    verify(dispatch, never()).publish(any());
  }
}
