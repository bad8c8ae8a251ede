package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.PersonalDataPlugin;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.adapter.process.deliberation.DeliberationStubs;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;
import cn.yishi.application.TaskFacts;
import cn.yishi.support.ProcessTestEngine;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
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
 * Every path of bpmn/issueLifecycle.bpmn (and the minimal bpmn/deliberation.bpmn) on a plain
 * in-memory engine. The delegates are replaced by stubs that write the routing facts the real
 * ones write: this test is about the model; the use cases are tested with the application.
 */
@Deployment(resources = {"bpmn/issueLifecycle.bpmn", "bpmn/deliberation.bpmn", "forms/issuePreMeeting.form",
    "forms/issueProblemList.form", "forms/issueExpertReview.form", "forms/issueObjectionDecision.form", "forms/issueIntake.form",
    "forms/issueReview.form", "forms/issueDispatch.form", "forms/issueClaim.form", "forms/issueHandle.form",
    "forms/issueSupervise.form", "forms/issueFollowUpVisit.form", "forms/issueMeeting.form", "forms/issueImplementItem.form"})
class IssueLifecycleProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = buildEngine();
  private static final String CASE_NO = "FX-2026-000001";
  private static final OffsetDateTime REGISTERED_AT = OffsetDateTime.parse("2026-03-02T09:15:00+08:00");

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final AtomicBoolean refuseReview = new AtomicBoolean();
  private final DeliberationStubs deliberation = new DeliberationStubs();
  private final AtomicBoolean reporterHasEmail = new AtomicBoolean();
  private final List<String> recordedSupervision = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A supervision order as CamundaCaseProcesses delivers it. */
  private static void supervise(org.camunda.bpm.engine.RuntimeService runtime, String processInstanceId, long orderId) {
    runtime.createMessageCorrelation(MESSAGE_SUPERVISE).processInstanceId(processInstanceId)
        .setVariableToTriggeredScope(Var.SUPERVISION_ORDER_ID.name(), orderId)
        .setVariableToTriggeredScope(Var.SUPERVISION_GROUPS.name(), "hualin-room,dispatch-centre")
        .setVariableToTriggeredScope(Var.SUPERVISION_DUE.name(), Date.from(Instant.now().plus(2, ChronoUnit.DAYS)))
        .setVariableToTriggeredScope(Var.SUPERVISION_REASON.name(), "已超过办理期限")
        .setVariableToTriggeredScope(Var.SUPERVISION_NOTE.name(), "督办邮件已发送")
        .setVariableToTriggeredScope(Var.SUPERVISION_PRIORITY.name(), 70)
        .setVariableToTriggeredScope(Var.SUPERVISION_COMMENT.name(), null)
        .setVariableToTriggeredScope(Var.SUPERVISION_ACKNOWLEDGED.name(), false)
        .correlateWithResult();
  }

  private static ProcessEngine buildEngine() {
    ProcessEngineConfigurationImpl cfg = ProcessTestEngine.configuration("issue-lifecycle-process-test", BEANS);
    cfg.getProcessEnginePlugins().add(new PersonalDataPlugin());
    return cfg.buildProcessEngine();
  }

  /** The routing facts the real delegates write. */
  private static void route(DelegateExecution e, String handlerGroups) {
    e.setVariable(Var.HANDLER_GROUPS.name(), handlerGroups);
    e.setVariable(Var.SUPERVISOR_GROUPS.name(), "hualin-room,dispatch-centre");
    e.setVariable(Var.HANDLING_DEADLINE.name(), Date.from(Instant.now().plus(3, ChronoUnit.DAYS)));
    e.setVariable(Var.PRIORITY.name(), 40);
  }

  /** camunda-bpm-assert keeps one engine per thread: use this class's, not the previous class's. */
  @BeforeEach
  void useThisEngine() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE);
  }

  @org.junit.jupiter.api.AfterEach
  void forgetThisEngine() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
  }

  @BeforeEach
  void replaceDelegates() {
    BEANS.put("registerCaseDelegate", (JavaDelegate) e -> {
      e.removeVariables(Var.PERSONAL);
      e.setProcessBusinessKey(CASE_NO);
      e.setVariable(Var.CASE_NO.name(), CASE_NO);
      e.setVariable(Var.REVIEW_GROUP.name(), "hualin-community");
      e.setVariable(Var.GRID_GROUP.name(), "hualin-grid");
    });
    BEANS.put("suggestClassificationDelegate", (JavaDelegate) e -> {
      e.setVariable(Var.ADMISSIBLE.name(), true);
      e.setVariable(Var.URGENCY.name(), "GREEN");
      e.setVariable(Var.TIER.name(), "STATION");
      e.setVariable(Var.DISPOSAL.name(), "IMMEDIATE");
      e.setVariable(Var.RESPONSIBLE_UNIT.name(), null);
      e.setVariable(Var.PRIORITY.name(), 40);
      e.setVariable(Var.REVIEW_DUE.name(), Date.from(Instant.now().plus(1, ChronoUnit.DAYS)));
    });
    BEANS.put("recordReviewDelegate", (JavaDelegate) e -> {
      if (refuseReview.get()) {
        throw new BadUserRequestException("输入有误：declineReason: 不予受理时必须填写理由");
      }
      route(e, e.getVariable(Var.RESPONSIBLE_UNIT.name()) == null ? "station-hualin-yuyuan" : "unit-" + e.getVariable(Var.RESPONSIBLE_UNIT.name()));
    });
    BEANS.put("recordDispatchDelegate", (JavaDelegate) e -> {
      e.setVariable(Var.UNIT_GROUPS.name(), "unit-housing,unit-water");
      route(e, "unit-housing");
    });
    BEANS.put("recordClaimDelegate", (JavaDelegate) e -> route(e, "unit-water"));
    BEANS.put("recordHandlingDelegate", (JavaDelegate) e -> route(e,
        "ESCALATE".equals(e.getVariable(Var.OUTCOME.name())) ? "hualin-room" : (String) e.getVariable(Var.HANDLER_GROUPS.name())));
    BEANS.put("recordOverdueDelegate", (JavaDelegate) e -> {
      route(e, (String) e.getVariable(Var.HANDLER_GROUPS.name()));
      // as SupervisionOrders does through CaseProcesses.supervise: into this very process
      supervise(e.getProcessEngineServices().getRuntimeService(), e.getProcessInstanceId(), 7L);
    });
    BEANS.put("recordSupervisionDelegate", (JavaDelegate) e ->
        recordedSupervision.add(e.getVariable(Var.SUPERVISION_ORDER_ID.name()) + ":" + e.getVariable(Var.SUPERVISION_COMMENT.name())));
    BEANS.put("requestEvaluationDelegate", (JavaDelegate) e -> {
      e.setVariable(Var.EVALUATION_BY_MAIL.name(), reporterHasEmail.get());
      e.setVariable(Var.EVALUATION_WAIT.name(), "P7D");
      e.setVariable(Var.VISIT_DUE.name(), Date.from(Instant.now().plus(9, ChronoUnit.DAYS)));
    });
    BEANS.put("recordEvaluationDelegate", (JavaDelegate) e ->
        e.setVariable(Var.SATISFIED.name(), Integer.parseInt(e.getVariable(Var.SATISFACTION.name()).toString()) >= 3));
    BEANS.put("startReworkDelegate", (JavaDelegate) e -> route(e, (String) e.getVariable(Var.HANDLER_GROUPS.name())));
    BEANS.put("closeCaseDelegate", (JavaDelegate) e -> { });
    BEANS.put("recordDeliberationResultDelegate", (JavaDelegate) e -> { });
    deliberation.install(BEANS);
    BEANS.put("taskTitleListener", new TaskTitleListener());
    BEANS.put("listVariablesTaskListener", new ListVariablesTaskListener(caseNo -> CASE_NO.equals(caseNo)
        ? Optional.of(new TaskFacts(null, List.of(new TaskFacts.Line(REGISTERED_AT, "登记诉求", "来源渠道：网格员走访"))))
        : Optional.empty(), ZoneId.of("Asia/Shanghai")));
  }

  private ProcessInstance report() {
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(
        Var.CATEGORY.name(), "streetlight",
        Var.TITLE.name(), "御苑小区路灯不亮",
        Var.COMMUNITY.name(), "hualin",
        Var.REPORTER_NAME.name(), "李四",
        Var.REPORTER_PHONE.name(), "13800138000"));
  }

  /** Default action for the review: accept as suggested, with the given disposal and unit. */
  private void accept(ProcessInstance pi, String disposal, String unit) {
    complete(task(USER_TASK_REVIEW, pi), withVariables(Var.ADMISSIBLE.name(), true, Var.DISPOSAL.name(), disposal, Var.RESPONSIBLE_UNIT.name(), unit));
  }

  private void handle(ProcessInstance pi, String outcome) {
    complete(task(USER_TASK_HANDLE, pi), withVariables(Var.OUTCOME.name(), outcome, Var.RESULT_NOTE.name(), "已修复", Var.ESCALATION_REASON.name(), "需跨小区协调"));
  }

  private void visit(ProcessInstance pi, String satisfaction) {
    complete(task(USER_TASK_FOLLOW_UP_VISIT, pi), withVariables(Var.SATISFACTION.name(), satisfaction, Var.EVALUATION_COMMENT.name(), "好"));
  }

  private static List<String> candidateGroups(Task t) {
    return ENGINE.getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  @Test
  void registersThenWaitsForPartyReviewByTheCommunityGroup() {
    ProcessInstance pi = report();

    assertThat(pi).hasPassed(SERVICE_TASK_REGISTER, SERVICE_TASK_SUGGEST).isWaitingAt(USER_TASK_REVIEW);
    assertThat(pi).hasBusinessKey(CASE_NO);
    Task review = task(USER_TASK_REVIEW, pi);
    assertThat(review).hasCandidateGroup("hualin-community").hasName("前置把关 FX-2026-000001 御苑小区路灯不亮");
    assertThat(review.getDueDate()).isNotNull();
    assertThat(review.getPriority()).isEqualTo(40);
    assertThat(ENGINE.getTaskService().getVariablesLocal(review.getId()))
        .as("the facts Tasklist lists, readable with the task alone")
        .containsEntry("listCaseNo", CASE_NO).containsEntry("listTitle", "御苑小区路灯不亮").containsEntry("listUrgency", "GREEN")
        .doesNotContainKeys(Var.CASE_NO.name(), Var.URGENCY.name());
    assertThat(ENGINE.getTaskService().getVariablesLocal(review.getId()))
        .as("the case's facts the review form shows")
        .containsEntry(ListVariablesTaskListener.FACT_DEADLINE.name(), TaskFacts.NO_DEADLINE)
        .containsEntry(ListVariablesTaskListener.FACT_TIMELINE.name(), "2026-03-02 09:15 登记诉求：来源渠道：网格员走访");
  }

  @Test
  void declinedCaseEnds() {
    ProcessInstance pi = report();

    complete(task(USER_TASK_REVIEW, pi), withVariables(Var.ADMISSIBLE.name(), false, Var.DECLINE_REASON.name(), "属个人纠纷，转人民调解"));

    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_REVIEW, END_EVENT_DECLINED).hasNotPassed(USER_TASK_HANDLE).isEnded();
  }

  @Test
  void refusedReviewLeavesTheTaskOpen() {
    ProcessInstance pi = report();
    refuseReview.set(true);
    String taskId = task(USER_TASK_REVIEW, pi).getId();

    assertThatThrownBy(() -> ENGINE.getTaskService().complete(taskId, withVariables(Var.ADMISSIBLE.name(), false)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("理由");

    assertThat(pi).isWaitingAt(USER_TASK_REVIEW).hasNotPassed(SERVICE_TASK_RECORD_REVIEW);
  }

  @Test
  void immediateCaseIsHandledByTheTierThenVisitedAndClosed() {
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null);

    assertThat(pi).isWaitingAt(USER_TASK_HANDLE).hasNotPassed(USER_TASK_DISPATCH, CALL_ACTIVITY_DELIBERATION);
    Task t = task(USER_TASK_HANDLE, pi);
    assertThat(candidateGroups(t)).containsExactly("station-hualin-yuyuan");
    assertThat(t.getDueDate()).isNotNull();
    assertThat(t.getName()).as("the model's plain name, then the case (TaskTitleListener)")
        .isEqualTo("办理 " + CASE_NO + " 御苑小区路灯不亮");
    handle(pi, "RESOLVED");

    assertThat(pi).hasPassed(SERVICE_TASK_REQUEST_EVALUATION).isWaitingAt(USER_TASK_FOLLOW_UP_VISIT)
        .hasNotPassed(EVENT_GATEWAY_AWAIT_EVALUATION);
    assertThat(task(USER_TASK_FOLLOW_UP_VISIT, pi)).hasCandidateGroup("hualin-grid").hasName("回访 " + CASE_NO + " 御苑小区路灯不亮");
    visit(pi, "4");

    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_EVALUATION, SERVICE_TASK_CLOSE, END_EVENT_CLOSED)
        .hasNotPassed(SERVICE_TASK_REWORK).isEnded();
  }

  @Test
  void committedCaseWithAUnitGoesStraightToTheUnit() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", "water");

    assertThat(pi).isWaitingAt(USER_TASK_HANDLE).hasNotPassed(USER_TASK_DISPATCH);
    assertThat(candidateGroups(task(USER_TASK_HANDLE, pi))).containsExactly("unit-water");
  }

  @Test
  void committedCaseWithoutAUnitIsAssignedByTheDispatchCentre() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", null);

    assertThat(pi).isWaitingAt(USER_TASK_DISPATCH);
    assertThat(task(USER_TASK_DISPATCH, pi)).hasCandidateGroup("dispatch-centre");
    complete(task(USER_TASK_DISPATCH, pi), withVariables(Var.ASSIGN_MODE.name(), "ASSIGN", Var.RESPONSIBLE_UNIT.name(), "housing"));

    assertThat(pi).hasPassed(SERVICE_TASK_DISPATCH).hasNotPassed(USER_TASK_CLAIM).isWaitingAt(USER_TASK_HANDLE);
    assertThat(candidateGroups(task(USER_TASK_HANDLE, pi))).containsExactly("unit-housing");
  }

  @Test
  void committedCaseInThePoolIsClaimedByAUnit() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", null);
    complete(task(USER_TASK_DISPATCH, pi), withVariables(Var.ASSIGN_MODE.name(), "POOL"));

    assertThat(pi).isWaitingAt(USER_TASK_CLAIM);
    assertThat(candidateGroups(task(USER_TASK_CLAIM, pi))).containsExactlyInAnyOrder("unit-housing", "unit-water");
    complete(task(USER_TASK_CLAIM, pi), withVariables(Var.RESPONSIBLE_UNIT.name(), "water"));

    assertThat(pi).hasPassed(SERVICE_TASK_CLAIM).isWaitingAt(USER_TASK_HANDLE);
    assertThat(candidateGroups(task(USER_TASK_HANDLE, pi))).containsExactly("unit-water");
  }

  @Test
  void deliberatedCaseMeetsImplementsItsItemsAndIsEvaluated() {
    ProcessInstance pi = report();
    accept(pi, "DELIBERATED", null);

    assertThat(pi).isWaitingAt(CALL_ACTIVITY_DELIBERATION);
    ProcessInstance meeting = ENGINE.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(Deliberation.PROCESS_KEY).superProcessInstanceId(pi.getId()).singleResult();
    assertThat(meeting).hasBusinessKey(CASE_NO).isWaitingAt(Deliberation.USER_TASK_PRE_MEETING);
    ENGINE.getTaskService().createTaskQuery().processInstanceId(meeting.getId()).list()
        .forEach(t -> ENGINE.getTaskService().complete(t.getId(), withVariables(Deliberation.Var.POSITION.name(), "同意")));
    complete(task(Deliberation.USER_TASK_PROBLEM_LIST, meeting), withVariables(Deliberation.Var.PROBLEM_LIST.name(), "加装电梯"));
    assertThat(task(Deliberation.USER_TASK_RECORD_MEETING, meeting)).hasCandidateGroup("hualin-room");
    complete(task(Deliberation.USER_TASK_RECORD_MEETING, meeting), withVariables(Deliberation.Var.PARTICIPANTS.name(), 12));
    assertThat(meeting).isWaitingAt(Deliberation.TIMER_PUBLICITY);
    execute(job(Deliberation.TIMER_PUBLICITY, meeting));

    List<Task> items = ENGINE.getTaskService().createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey(Deliberation.USER_TASK_IMPLEMENT_ITEM).list();
    assertThat(items).hasSize(2);
    assertThat(items).flatExtracting(IssueLifecycleProcessTest::candidateGroups).containsExactlyInAnyOrder("unit-housing", "unit-water");
    assertThat(items).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
    items.forEach(t -> ENGINE.getTaskService().complete(t.getId(), withVariables(Deliberation.Var.PROGRESS_NOTE.name(), "已完成")));

    assertThat(meeting).hasPassed(Deliberation.END_EVENT_IMPLEMENTED).isEnded();
    assertThat(pi).hasPassed(SERVICE_TASK_DELIBERATION_RESULT, SERVICE_TASK_REQUEST_EVALUATION)
        .hasNotPassed(USER_TASK_HANDLE).isWaitingAt(USER_TASK_FOLLOW_UP_VISIT);
  }

  @Test
  void escalationReturnsToHandlingAtTheNextTier() {
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null);
    handle(pi, "ESCALATE");

    assertThat(pi).hasPassed(SERVICE_TASK_HANDLING).hasNotPassed(SERVICE_TASK_REQUEST_EVALUATION).isWaitingAt(USER_TASK_HANDLE);
    assertThat(candidateGroups(task(USER_TASK_HANDLE, pi))).containsExactly("hualin-room");
  }

  @Test
  void aMissedDeadlineRaisesASupervisionOrderAndHandlingContinues() {
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null);
    Job timer = ENGINE.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(BOUNDARY_HANDLING_OVERDUE).singleResult();
    assertThat(timer.getDuedate()).isNotNull();

    execute(timer);
    assertThat(pi).isWaitingAt(SERVICE_TASK_OVERDUE);
    execute(job(SERVICE_TASK_OVERDUE, pi));

    assertThat(pi).hasPassed(BOUNDARY_HANDLING_OVERDUE, SERVICE_TASK_OVERDUE).isWaitingAt(USER_TASK_SUPERVISE, USER_TASK_HANDLE);
    Task supervise = task(USER_TASK_SUPERVISE, pi);
    assertThat(candidateGroups(supervise)).containsExactly("hualin-room", "dispatch-centre");
    assertThat(supervise.getDueDate()).isNotNull();
    assertThat(supervise.getPriority()).isEqualTo(70);
    assertThat(ENGINE.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(BOUNDARY_HANDLING_OVERDUE).count()).as("a new deadline timer").isOne();

    complete(supervise, withVariables(Var.SUPERVISION_ACKNOWLEDGED.name(), true, Var.SUPERVISION_COMMENT.name(), "已电话督促"));
    assertThat(recordedSupervision).containsExactly("7:已电话督促");
    assertThat(pi).isWaitingAt(USER_TASK_HANDLE);
    handle(pi, "RESOLVED");
    visit(pi, "5");
    assertThat(pi).hasPassed(END_EVENT_CLOSED).isEnded();
  }

  @Test
  void aSweepsOrderReachesTheCaseWhereverItWaitsAndTwoOrdersAreTwoTasks() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", null);
    assertThat(pi).isWaitingAt(USER_TASK_DISPATCH);

    supervise(runtimeService(), pi.getId(), 21L);
    supervise(runtimeService(), pi.getId(), 22L);

    assertThat(pi).isWaitingAt(USER_TASK_DISPATCH, USER_TASK_SUPERVISE);
    List<Task> orders = ENGINE.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(USER_TASK_SUPERVISE).list();
    assertThat(orders).hasSize(2);
    assertThat(orders).allSatisfy(t -> assertThat(candidateGroups(t)).containsExactly("hualin-room", "dispatch-centre"));
    assertThat(orders.stream().map(t -> ENGINE.getRuntimeService().getVariableLocal(t.getExecutionId(), Var.SUPERVISION_ORDER_ID.name())))
        .containsExactlyInAnyOrder(21L, 22L);
    complete(orders.get(0), withVariables(Var.SUPERVISION_ACKNOWLEDGED.name(), true, Var.SUPERVISION_COMMENT.name(), "第一单"));
    complete(orders.get(1), withVariables(Var.SUPERVISION_ACKNOWLEDGED.name(), true));
    assertThat(recordedSupervision).as("each order records its own comment").hasSize(2);
    assertThat(recordedSupervision).containsExactlyInAnyOrder("21:第一单", "22:null");
    assertThat(pi).isWaitingAt(USER_TASK_DISPATCH);
    assertThat(ENGINE.getRuntimeService().getVariables(pi.getId()))
        .as("the order's facts and answers stay in its scope")
        .doesNotContainKeys(Var.SUPERVISION_ORDER_ID.name(), Var.SUPERVISION_COMMENT.name(), Var.SUPERVISION_ACKNOWLEDGED.name());
  }

  @Test
  void closingEndsAnOpenSupervisionOrderToo() {
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null);
    execute(ENGINE.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(BOUNDARY_HANDLING_OVERDUE).singleResult());
    execute(job(SERVICE_TASK_OVERDUE, pi));

    handle(pi, "RESOLVED");
    visit(pi, "3");

    assertThat(pi).hasPassed(END_EVENT_CLOSED).hasNotPassed("endEvent_supervisionDone").isEnded();
  }

  @Test
  void anEmailedLinkIsAwaitedAndTheRatingArrivesAsAMessage() {
    reporterHasEmail.set(true);
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null);
    handle(pi, "RESOLVED");

    assertThat(pi).isWaitingAt(EVENT_GATEWAY_AWAIT_EVALUATION);
    ENGINE.getRuntimeService().createMessageCorrelation(MESSAGE_EVALUATED).processInstanceBusinessKey(CASE_NO)
        .setVariable(Var.SATISFACTION.name(), 5).correlate();

    assertThat(pi).hasPassed(MESSAGE_EVENT_EVALUATION_RECEIVED, SERVICE_TASK_RECORD_EVALUATION, END_EVENT_CLOSED)
        .hasNotPassed(USER_TASK_FOLLOW_UP_VISIT).isEnded();
  }

  @Test
  void withoutAnAnswerInSevenDaysAGridWorkerVisits() {
    reporterHasEmail.set(true);
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null);
    handle(pi, "RESOLVED");

    Job wait = ENGINE.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_EVALUATION_TIMEOUT).singleResult();
    assertThat(wait.getDuedate()).isAfter(Date.from(Instant.now().plus(6, ChronoUnit.DAYS)));
    execute(wait);

    assertThat(pi).hasPassed(TIMER_EVALUATION_TIMEOUT).hasNotPassed(MESSAGE_EVENT_EVALUATION_RECEIVED).isWaitingAt(USER_TASK_FOLLOW_UP_VISIT);
  }

  @Test
  void anUnsatisfiedResidentSendsTheCaseBackForRework() {
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null);
    handle(pi, "RESOLVED");
    visit(pi, "2");

    assertThat(pi).hasPassed(SERVICE_TASK_REWORK).hasNotPassed(SERVICE_TASK_CLOSE).isWaitingAt(USER_TASK_HANDLE);
    handle(pi, "RESOLVED");
    visit(pi, "3");
    assertThat(pi).hasPassed(END_EVENT_CLOSED).isEnded();
  }

  @Test
  void personalDataNeverReachesRuntimeOrHistory() {
    String definitionId = ENGINE.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).singleResult().getId();
    // as Tasklist submits the start form
    ProcessInstance pi = ENGINE.getFormService().submitStartForm(definitionId, withVariables(
        Var.TITLE.name(), "御苑小区路灯不亮",
        Var.REPORTER_NAME.name(), "李四",
        Var.REPORTER_PHONE.name(), "13800138000",
        Var.ADDRESS.name(), "御苑小区3栋2单元501"));

    assertThat(ENGINE.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys(
        Var.REPORTER_NAME.name(), Var.REPORTER_PHONE.name(), Var.REPORTER_EMAIL.name(), Var.ADDRESS.name());
    assertThat(ENGINE.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list())
        .extracting(v -> v.getName())
        .contains(Var.TITLE.name())
        .doesNotContain(Var.REPORTER_NAME.name(), Var.REPORTER_PHONE.name(), Var.ADDRESS.name());
    List<HistoricDetail> details = ENGINE.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(pi.getId()).list();
    assertThat(details).isNotEmpty();
    assertThat(details).extracting(IssueLifecycleProcessTest::nameAndValue)
        .anyMatch(s -> s.contains("御苑小区路灯不亮"))
        .noneMatch(s -> s.contains("13800138000") || s.contains("李四") || s.contains("3栋2单元501"));
  }

  @Test
  void theTasksListCopiesStayOutOfHistory() {
    ProcessInstance pi = report();

    Task review = ENGINE.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(ENGINE.getTaskService().getVariablesLocal(review.getId())).containsKeys("listTitle", "listCommunity");
    assertThat(ENGINE.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
        .extracting(v -> v.getName())
        .contains(Var.TITLE.name(), Var.COMMUNITY.name())
        .doesNotContainAnyElementsOf(ListVariablesTaskListener.TASK_LOCAL);
  }

  private static String nameAndValue(HistoricDetail d) {
    if (d instanceof HistoricVariableUpdate v) {
      return v.getVariableName() + "=" + v.getValue();
    }
    if (d instanceof HistoricFormField f) {
      return f.getFieldId() + "=" + f.getFieldValue();
    }
    return d.toString();
  }
}
