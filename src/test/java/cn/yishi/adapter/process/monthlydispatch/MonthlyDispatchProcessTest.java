package cn.yishi.adapter.process.monthlydispatch;

import static cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch.Var;
import cn.yishi.platform.Schedules;
import cn.yishi.support.ProcessTestEngine;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/monthlyDispatch.bpmn on a plain in-memory engine: the timer fired by hand on a day that is
 * and one that is not the month's first working day, a catch-up start by key, a refused review that recomputes
 * and asks again, a refused completion, an approval that publishes, and a month approved already. The delegates
 * are stubs that write what the real ones write; the figures are tested with the application.
 */
@Deployment(resources = {"bpmn/monthlyDispatch.bpmn", "forms/monthlyReview.form"})
class MonthlyDispatchProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = buildEngine();

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final AtomicBoolean firstWorkingDay = new AtomicBoolean(true);
  private final AtomicBoolean monthApprovedAlready = new AtomicBoolean();
  private final List<String> computedBy = new ArrayList<>();
  private final List<String> published = new ArrayList<>();

  private static ProcessEngine buildEngine() {
    // read by the timer start event when the model is deployed
    BEANS.put("yishiSchedules", new Schedules("0 0 9 1,11,21 * ?", "0 0 9 1-10 * ?", "0 0 9 5,15,25 * ?", "UTC"));
    ProcessEngineConfigurationImpl cfg = ProcessTestEngine.configuration("monthly-dispatch-process-test", BEANS);
    return cfg.buildProcessEngine();
  }

  @BeforeEach
  void replaceDelegates() {
    BEANS.put("determineDispatchMonthDelegate", (JavaDelegate) e -> {
      String asOf = (String) e.getVariable(Var.AS_OF.name());
      e.setVariable(Var.AS_OF.name(), asOf == null ? "2026-12-01" : asOf);
      e.setVariable(Var.MONTH.name(), asOf == null ? "2026-11" : asOf.substring(0, 4) + "-" + String.format("%02d",
          Integer.parseInt(asOf.substring(5, 7)) - 1));
      e.setVariable(Var.DISPATCH_DAY.name(), asOf != null || firstWorkingDay.get());
    });
    BEANS.put("computeMonthlyReportDelegate", (JavaDelegate) e -> {
      computedBy.add(String.valueOf(e.getVariable(Var.TRIGGERED_BY.name())));
      e.setVariable(Var.REPORT_STATUS.name(), monthApprovedAlready.get() ? "APPROVED" : "DRAFT");
      e.setVariable(Var.REPORT_SUMMARY.name(), "2026年11月 月调度报告（第" + computedBy.size() + "版）");
      e.setVariable(Var.REVIEW_DUE.name(), Date.from(Instant.now().plus(2, ChronoUnit.DAYS)));
      e.removeVariable(Var.REVIEW_COMMENT.name());
      e.removeVariable(Var.APPROVED.name());
    });
    BEANS.put("recordMonthlyReviewDelegate", (JavaDelegate) e -> {
      Object approved = e.getVariable(Var.APPROVED.name());
      Object comment = e.getVariable(Var.REVIEW_COMMENT.name());
      if (approved == null || (Boolean.FALSE.equals(approved) && (comment == null || comment.toString().isBlank()))) {
        throw new BadUserRequestException("输入有误：reviewComment: 不同意发布时，请填写审核意见");
      }
      if (Boolean.FALSE.equals(approved)) {
        e.setVariable(Var.TRIGGERED_BY.name(), "dispatch");
      }
    });
    BEANS.put("taskTitleListener", new TaskTitleListener());
    BEANS.put("publishMonthlyReportDelegate", (JavaDelegate) e -> published.add((String) e.getVariable(Var.MONTH.name())));
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

    firstWorkingDay.set(false);
    fireTimer();

    Job next = timer();
    assertThat(next.getId()).as("a cycle: the next check is scheduled").isNotEqualTo(timer.getId());
  }

  @Test
  void onADayThatIsNotTheFirstWorkingDayTheRunEndsAtOnce() {
    firstWorkingDay.set(false);

    HistoricProcessInstance run = fireTimer();

    assertThat(running(run)).isNull();
    assertThat(ENGINE.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId(END_EVENT_NOT_DISPATCH_DAY).count()).isOne();
    assertThat(ENGINE.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(run.getId())
        .activityId(SERVICE_TASK_COMPUTE_REPORT).count()).isZero();
    assertThat(computedBy).isEmpty();
  }

  @Test
  void onTheFirstWorkingDayTheReportIsComputedInAJobAndReviewedByTheDispatchCentre() {
    ProcessInstance pi = running(fireTimer());

    assertThat(pi).hasPassed(SERVICE_TASK_DETERMINE_MONTH).isWaitingAt(SERVICE_TASK_COMPUTE_REPORT);
    assertThat(computedBy).as("computed in a job of its own, not in the timer's").isEmpty();
    execute(job(pi));

    assertThat(pi).isWaitingAt(USER_TASK_REVIEW);
    Task review = task(USER_TASK_REVIEW, pi);
    assertThat(review.getName()).isEqualTo("月调度审核 2026-11");
    assertThat(candidateGroups(review)).containsExactly("dispatch-centre");
    assertThat(review.getDueDate()).isNotNull();
    assertThat(review.getPriority()).isEqualTo(70);
    assertThat(computedBy).containsExactly("null");
  }

  @Test
  void aCatchUpRunStartedByKeyGoesOnWhateverTheDay() {
    firstWorkingDay.set(false);

    ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY,
        withVariables(Var.AS_OF.name(), "2026-11-22", Var.TRIGGERED_BY.name(), "demo"));

    assertThat(pi).hasPassed(SERVICE_TASK_DETERMINE_MONTH, GATEWAY_IS_DISPATCH_DAY).isWaitingAt(SERVICE_TASK_COMPUTE_REPORT);
    execute(job(pi));
    assertThat(pi).isWaitingAt(USER_TASK_REVIEW);
    assertThat(task(USER_TASK_REVIEW, pi).getName()).isEqualTo("月调度审核 2026-10");
    assertThat(computedBy).containsExactly("demo");
  }

  @Test
  void aRefusedReviewRecomputesOnBehalfOfTheReviewerAndAsksAgain() {
    ProcessInstance pi = running(fireTimer());
    execute(job(pi));

    complete(task(USER_TASK_REVIEW, pi), withVariables(Var.APPROVED.name(), false, Var.REVIEW_COMMENT.name(), "华林社区数据需核实"));

    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_REVIEW, GATEWAY_APPROVED).isWaitingAt(SERVICE_TASK_COMPUTE_REPORT);
    execute(job(pi));
    assertThat(pi).isWaitingAt(USER_TASK_REVIEW).hasNotPassed(SERVICE_TASK_PUBLISH);
    assertThat(computedBy).containsExactly("null", "dispatch");
    assertThat(runtimeService().getVariable(pi.getId(), Var.REPORT_SUMMARY.name())).isEqualTo("2026年11月 月调度报告（第2版）");
    assertThat(runtimeService().getVariables(pi.getId())).as("the previous round's decision is cleared")
        .doesNotContainKeys(Var.APPROVED.name(), Var.REVIEW_COMMENT.name());

    complete(task(USER_TASK_REVIEW, pi), withVariables(Var.APPROVED.name(), true, Var.REVIEW_COMMENT.name(), "已核实"));
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed(END_EVENT_PUBLISHED);
    assertThat(published).containsExactly("2026-11");
  }

  @Test
  void aRefusalWithoutCommentIsRefusedAndTheTaskStaysOpen() {
    ProcessInstance pi = running(fireTimer());
    execute(job(pi));
    Task review = task(USER_TASK_REVIEW, pi);

    assertThatThrownBy(() -> ENGINE.getTaskService().complete(review.getId(), withVariables(Var.APPROVED.name(), false)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("审核意见");

    assertThat(pi).isWaitingAt(USER_TASK_REVIEW).hasNotPassed(SERVICE_TASK_RECORD_REVIEW);
    assertThat(task(USER_TASK_REVIEW, pi).getId()).isEqualTo(review.getId());
    assertThat(computedBy).hasSize(1);
  }

  @Test
  void anApprovalPublishesInAJobOfItsOwn() {
    ProcessInstance pi = running(fireTimer());
    execute(job(pi));

    complete(task(USER_TASK_REVIEW, pi), withVariables(Var.APPROVED.name(), true));

    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_REVIEW).isWaitingAt(SERVICE_TASK_PUBLISH);
    assertThat(published).as("not in the reviewer's transaction").isEmpty();
    execute(job(pi));
    assertThat(pi).isEnded().hasPassed(SERVICE_TASK_PUBLISH, END_EVENT_PUBLISHED).hasNotPassed(END_EVENT_ALREADY_APPROVED);
    assertThat(published).containsExactly("2026-11");
  }

  @Test
  void aMonthApprovedAlreadyIsNeitherReviewedNorPublishedAgain() {
    monthApprovedAlready.set(true);

    ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY,
        withVariables(Var.AS_OF.name(), "2026-12-03", Var.TRIGGERED_BY.name(), "demo"));
    execute(job(pi));

    assertThat(pi).isEnded().hasPassed(END_EVENT_ALREADY_APPROVED).hasNotPassed(USER_TASK_REVIEW, SERVICE_TASK_PUBLISH);
    assertThat(published).isEmpty();
  }
}
