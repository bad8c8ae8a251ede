package cn.yishi.adapter.process.issuelifecycle;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.*;
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
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.PersonalDataPlugin;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.adapter.process.deliberation.DeliberationServiceMocks;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.ClassificationService;
import cn.yishi.application.CoHandlingService;
import cn.yishi.application.EvaluationService;
import cn.yishi.application.HandlingService;
import cn.yishi.application.IntakeService;
import cn.yishi.application.RegisteredCase;
import cn.yishi.application.ReviewService;
import cn.yishi.application.ReviewTiers;
import cn.yishi.application.Routing;
import cn.yishi.application.TaskFacts;
import cn.yishi.application.supervision.ResultReviews;
import cn.yishi.application.supervision.SupervisionOrders;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ReviewDecision;
import cn.yishi.domain.casefile.ScreeningFacts;
import cn.yishi.domain.casefile.ScreeningGround;
import cn.yishi.domain.casefile.Suggestion;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.Urgency;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.support.ProcessTestEngine;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.mockito.ArgumentCaptor;

/**
 * Every path of bpmn/issueLifecycle.bpmn (with bpmn/deliberation.bpmn as its call activity) on a plain in-memory
 * engine, in the manner of Miragon's BikeLeasingProcessTest: the real delegates and listeners run, on Mockito mocks of
 * the application services they call. Each test stubs the use-case results its path needs and checks the routing,
 * what the delegates handed to the use cases, and what they wrote back as process variables. The use cases
 * themselves are tested with their ports mocked and with the application.
 */
@Deployment(resources = {"bpmn/issueLifecycle.bpmn", "bpmn/deliberation.bpmn", "bpmn/deliberationSession.bpmn", "forms/sessionAgenda.form",
    "forms/sessionOpinion.form", "forms/sessionRecord.form", "forms/issueExpertReview.form", "forms/issueObjectionDecision.form", "forms/issueIntake.form",
    "forms/issueReview.form", "forms/issueDispatch.form", "forms/issueClaim.form", "forms/issueHandle.form",
    "forms/issueSupervise.form", "forms/issueResultReview.form", "forms/issueFollowUpVisit.form", "forms/issueImplementItem.form",
    "bpmn/itemEvaluation.bpmn", "forms/itemEvaluationOrganize.form", "forms/itemEvaluationDistribute.form",
    "forms/itemEvaluationNoRatings.form"})
class IssueLifecycleProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = buildEngine();
  private static final String CASE_NO = "FX-2026-000001";
  private static final RegisteredCase REGISTERED = new RegisteredCase(1L, CASE_NO, "hualin", "hualin-community", "hualin-grid",
      "streetlight", "御苑小区路灯不亮", "3栋前路灯坏了一周", "御苑小区", 40);
  private static final OffsetDateTime REGISTERED_AT = OffsetDateTime.parse("2026-03-02T09:15:00+08:00");
  private static final OffsetDateTime REVIEW_DUE = OffsetDateTime.parse("2026-03-03T18:00:00+08:00");
  private static final OffsetDateTime DEADLINE = OffsetDateTime.parse("2026-03-05T18:00:00+08:00");
  private static final OffsetDateTime NEXT_DEADLINE = OffsetDateTime.parse("2026-03-09T18:00:00+08:00");
  private static final OffsetDateTime VISIT_DUE = OffsetDateTime.parse("2026-03-16T18:00:00+08:00");
  private static final OffsetDateTime SUPERVISION_DUE = OffsetDateTime.parse("2026-03-06T18:00:00+08:00");
  private static final List<String> SUPERVISORS = List.of("hualin-room", "dispatch-centre");
  /** The tables' suggestion for a streetlight: admissible, GREEN, the station, handled at once. */
  private static final Suggestion SUGGESTION = new Suggestion(true, ScreeningGround.PUBLIC_FACILITIES, null, null,
      new Classification(Urgency.GREEN, Tier.STATION, Disposal.IMMEDIATE, null), 1, 5);
  private static final String REVIEWER = "community.hualin";
  private static final String HANDLER = "station.yuyuan";
  private static final String GRID_WORKER = "grid.hualin";
  private static final String DISPATCHER = "dispatch.wang";
  private static final String SUPERVISOR = "room.hualin";

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final IntakeService intake = mock(IntakeService.class);
  private final ClassificationService classification = mock(ClassificationService.class);
  private final ReviewService review = mock(ReviewService.class);
  private final ReviewTiers reviewTiers = mock(ReviewTiers.class);
  private final HandlingService handling = mock(HandlingService.class);
  private final CoHandlingService coHandling = mock(CoHandlingService.class);
  private final EvaluationService evaluation = mock(EvaluationService.class);
  private final SupervisionOrders orders = mock(SupervisionOrders.class);
  private final ResultReviews resultReviews = mock(ResultReviews.class);
  private final CaseQueries queries = mock(CaseQueries.class);
  private final DeliberationServiceMocks deliberation = new DeliberationServiceMocks();

  private static ProcessEngine buildEngine() {
    ProcessEngineConfigurationImpl cfg = ProcessTestEngine.configuration("issue-lifecycle-process-test", BEANS);
    cfg.getProcessEnginePlugins().add(new PersonalDataPlugin());
    return cfg.buildProcessEngine();
  }

  /** camunda-bpm-assert keeps one engine per thread: use this class's, not the previous class's. */
  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(ENGINE);
    ClockUtil.setCurrentTime(Date.from(ProcessTestEngine.CLOCK.instant()));
  }

  @AfterEach
  void forgetThisEngine() {
    BpmnAwareTests.reset();
    ClockUtil.reset();
  }

  /** The real delegates and listeners on the mocked use cases, with the answers of the plain path. */
  @BeforeEach
  void registerDelegates() {
    when(intake.registerFromForm(any(), any(), any())).thenReturn(REGISTERED);
    when(classification.suggest(eq(CASE_NO), any(), any())).thenReturn(new ClassificationService.Suggested(SUGGESTION, REVIEW_DUE));
    when(evaluation.request(CASE_NO)).thenReturn(new EvaluationService.Requested(false, Duration.ofDays(7), VISIT_DUE));
    when(evaluation.record(eq(CASE_NO), any(), any(), any(), any())).thenReturn(true);
    when(queries.taskFacts(CASE_NO, ListVariablesTaskListener.TIMELINE_ENTRIES)).thenReturn(Optional.of(
        new TaskFacts(null, List.of(new TaskFacts.Line(REGISTERED_AT, "登记诉求", "来源渠道：网格员走访")))));
    ProcessTestEngine.register(BEANS,
        new RegisterCaseDelegate(intake),
        new SuggestClassificationDelegate(classification),
        new RecordReviewDelegate(review, coHandling, reviewTiers),
        new RecordDispatchDelegate(handling, coHandling),
        new RecordCoHandlingDelegate(coHandling),
        new RecordClaimDelegate(handling),
        new RecordHandlingDelegate(handling),
        new RecordOverdueDelegate(handling),
        new RecordSupervisionDelegate(orders),
        new RecordResultReviewDelegate(resultReviews),
        new RecordDeliberationResultDelegate(handling),
        new RequestEvaluationDelegate(evaluation),
        new RecordEvaluationDelegate(evaluation),
        new StartReworkDelegate(evaluation),
        new CloseCaseDelegate(evaluation),
        new TaskTitleListener(),
        new ListVariablesTaskListener(queries, ProcessTestEngine.CLOCK));
    deliberation.install(BEANS);
  }

  // use-case results

  /** Where the handling goes: the given groups at the station, due at {@link #DEADLINE}. */
  private static Routing routing(String disposal, String unit, String... handlerGroups) {
    return new Routing(List.of(handlerGroups), SUPERVISORS, DEADLINE, 40, "STATION", disposal, unit);
  }

  private static final Routing AT_THE_STATION = routing("IMMEDIATE", null, "station-hualin-yuyuan");

  // the default action at each wait state

  /** A report through the start event's form, as Tasklist submits it without a reporter. */
  private ProcessInstance report() {
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(
        Var.CATEGORY.name(), "streetlight",
        Var.TITLE.name(), "御苑小区路灯不亮",
        Var.COMMUNITY.name(), "hualin",
        Var.REPORTER_NAME.name(), "李四",
        Var.REPORTER_PHONE.name(), "13800138000"));
  }

  /** A case a channel registered: started by the message, with the registration's facts (CamundaCaseProcesses). */
  private ProcessInstance received() {
    return runtimeService().createMessageCorrelation(MESSAGE_RECEIVED).processInstanceBusinessKey(CASE_NO)
        .setVariables(registered(REGISTERED)).correlateStartMessage();
  }

  /** 前置把关: accepted with the given disposal and unit; the use case routes the case as given. */
  private void accept(ProcessInstance pi, String disposal, String unit, Routing routing) {
    when(review.record(eq(CASE_NO), any(), any())).thenReturn(new ReviewService.Outcome(CaseStatus.ACCEPTED, routing));
    complete(task(USER_TASK_REVIEW, pi), REVIEWER,
        withVariables(Var.ADMISSIBLE.name(), true, Var.DISPOSAL.name(), disposal, Var.RESPONSIBLE_UNIT.name(), unit));
  }

  /** 办理: the handler answers; the use case routes the case as given. */
  private void handle(ProcessInstance pi, String outcome, Routing routing) {
    when(handling.handle(eq(CASE_NO), any(), any(), any(), any())).thenReturn(routing);
    complete(task(USER_TASK_HANDLE, pi), HANDLER, withVariables(
        Var.OUTCOME.name(), outcome, Var.RESULT_NOTE.name(), "已修复", Var.ESCALATION_REASON.name(), "需跨小区协调"));
  }

  /** 回访: the grid worker records the resident's rating, as Tasklist submits a number. */
  private void visit(ProcessInstance pi, long satisfaction) {
    complete(task(USER_TASK_FOLLOW_UP_VISIT, pi), GRID_WORKER,
        withVariables(Var.SATISFACTION.name(), satisfaction, Var.EVALUATION_COMMENT.name(), "好"));
  }

  private static void complete(Task t, String user, Map<String, Object> variables) {
    complete(t, user, List.of(), variables);
  }

  private static void complete(Task t, String user, List<String> groups, Map<String, Object> variables) {
    ProcessTestEngine.as(ENGINE, user, groups, () -> ENGINE.getTaskService().complete(t.getId(), variables));
  }

  /** A supervision order as CamundaCaseProcesses delivers it (SupervisionOrders.raise through CaseProcesses). */
  private static void supervise(String processInstanceId, long orderId) {
    ENGINE.getRuntimeService().createMessageCorrelation(MESSAGE_SUPERVISE).processInstanceId(processInstanceId)
        .setVariableToTriggeredScope(Var.SUPERVISION_ORDER_ID.name(), orderId)
        .setVariableToTriggeredScope(Var.SUPERVISION_GROUPS.name(), String.join(",", SUPERVISORS))
        .setVariableToTriggeredScope(Var.SUPERVISION_DUE.name(), date(SUPERVISION_DUE))
        .setVariableToTriggeredScope(Var.SUPERVISION_REASON.name(), "已超过办理期限")
        .setVariableToTriggeredScope(Var.SUPERVISION_NOTE.name(), "督办邮件已发送")
        .setVariableToTriggeredScope(Var.SUPERVISION_PRIORITY.name(), 70)
        .setVariableToTriggeredScope(Var.SUPERVISION_COMMENT.name(), null)
        .setVariableToTriggeredScope(Var.SUPERVISION_ACKNOWLEDGED.name(), false)
        .correlateWithResult();
  }

  private static Date date(OffsetDateTime t) {
    return Date.from(t.toInstant());
  }

  private static List<String> candidateGroups(Task t) {
    return ENGINE.getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  private static Job handlingTimer(ProcessInstance pi) {
    return ENGINE.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(BOUNDARY_HANDLING_OVERDUE).singleResult();
  }

  private ReviewService.Input recordedReview() {
    ArgumentCaptor<ReviewService.Input> input = ArgumentCaptor.forClass(ReviewService.Input.class);
    verify(review).record(eq(CASE_NO), input.capture(), eq(REVIEWER));
    return input.getValue();
  }

  // registration and review

  @Test
  void registersThenWaitsForPartyReviewByTheCommunityGroup() {
    ProcessInstance pi = report();

    assertThat(pi).hasPassed(SERVICE_TASK_REGISTER, SERVICE_TASK_SUGGEST).isWaitingAt(USER_TASK_REVIEW);
    assertThat(pi).hasBusinessKey(CASE_NO);
    verify(classification).suggest(eq(CASE_NO), eq(ScreeningFacts.NONE), any());
    assertThat(pi).variables().as("the suggestion, prefilled for the review")
        .containsEntry(Var.ADMISSIBLE.name(), true)
        .containsEntry(Var.SCREENING_GROUND.name(), "PUBLIC_FACILITIES")
        .containsEntry(Var.SCREENING_SUGGESTION.name(), "建议予以受理（五议·公共设施运维）。").containsEntry(Var.URGENCY.name(), "GREEN")
        .containsEntry(Var.TIER.name(), "STATION").containsEntry(Var.DISPOSAL.name(), "IMMEDIATE")
        .containsEntry(Var.RESPONSIBLE_UNIT.name(), null).containsEntry(Var.RESPONSE_DAYS.name(), 1)
        .containsEntry(Var.RESOLUTION_DAYS.name(), 5).containsEntry(Var.PRIORITY.name(), Urgency.GREEN.taskPriority());
    Task review = task(USER_TASK_REVIEW, pi);
    assertThat(review).hasCandidateGroup("hualin-community").hasName("前置把关 FX-2026-000001 御苑小区路灯不亮");
    assertThat(review.getDueDate()).isEqualTo(date(REVIEW_DUE));
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
  void aCaseAChannelRegisteredStartsPastRegistrationAndWaitsForTheReview() {
    ProcessInstance pi = received();

    assertThat(pi).hasPassed(START_EVENT_RECEIVED, GATEWAY_REGISTERED, SERVICE_TASK_SUGGEST)
        .hasNotPassed(START_EVENT, SERVICE_TASK_REGISTER).isWaitingAt(USER_TASK_REVIEW);
    assertThat(pi).hasBusinessKey(CASE_NO);
    verifyNoInteractions(intake);
    verify(classification).suggest(eq(CASE_NO), eq(ScreeningFacts.NONE), any());
    assertThat(pi).variables().containsAllEntriesOf(registered(REGISTERED));
    assertThat(task(USER_TASK_REVIEW, pi)).hasCandidateGroup("hualin-community");
  }

  @Test
  void aStartFormCaseIsRegisteredThroughTheIntakeAndItsPersonalDataLeavesTheProcess() {
    String definitionId = ENGINE.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).singleResult().getId();

    ProcessInstance pi = ProcessTestEngine.as(ENGINE, GRID_WORKER, List.of("hualin-grid"), () ->
        ENGINE.getFormService().submitStartForm(definitionId, withVariables(
            Var.CHANNEL.name(), "ONSITE",
            Var.CATEGORY.name(), "streetlight",
            Var.TITLE.name(), "御苑小区路灯不亮",
            Var.DESCRIPTION.name(), "3栋前路灯坏了一周",
            Var.COMMUNITY.name(), "hualin",
            Var.COMPOUND.name(), "御苑小区",
            Var.HOUSEHOLDS_AFFECTED.name(), 40L,
            Var.REPORTER_NAME.name(), "李四",
            Var.REPORTER_PHONE.name(), "13800138000",
            Var.REPORTER_EMAIL.name(), "lisi@example.cn",
            Var.ADDRESS.name(), "御苑小区3栋2单元501")));

    assertThat(pi).hasPassed(START_EVENT, SERVICE_TASK_REGISTER, GATEWAY_REGISTERED)
        .hasNotPassed(START_EVENT_RECEIVED).isWaitingAt(USER_TASK_REVIEW);
    ArgumentCaptor<NewCase> report = ArgumentCaptor.forClass(NewCase.class);
    verify(intake).registerFromForm(report.capture(), eq(GRID_WORKER), eq(pi.getId()));
    assertThat(report.getValue()).isEqualTo(new NewCase(Channel.ONSITE, null, "streetlight", "御苑小区路灯不亮", "3栋前路灯坏了一周",
        "hualin", "御苑小区", 40, new Reporter("李四", "13800138000", "lisi@example.cn", "御苑小区3栋2单元501"), List.of()));
    assertThat(pi).hasBusinessKey(CASE_NO);
    assertThat(ENGINE.getRuntimeService().getVariables(pi.getId()))
        .as("the personal data went to the intake, not into the process")
        .doesNotContainKeys(Var.PERSONAL.toArray(String[]::new))
        .containsAllEntriesOf(registered(REGISTERED))
        .containsEntry(Var.INITIATOR.name(), GRID_WORKER);
  }

  @Test
  void aRefusedRegistrationStartsNothing() {
    when(intake.registerFromForm(any(), any(), any())).thenThrow(new ValidationException(List.of(
        new FieldError("title", "required", "请填写诉求标题"))));

    assertThatThrownBy(this::report).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("请填写诉求标题");

    assertThat(ENGINE.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
    verifyNoInteractions(classification);
  }

  @Test
  void anUnknownChannelIsRefusedBeforeRegistration() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(
        Var.CHANNEL.name(), "FAX", Var.TITLE.name(), "御苑小区路灯不亮")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("未知的来源渠道：FAX");

    verifyNoInteractions(intake);
  }

  @Test
  void theFactsStatedInTheStartFormReachTheTables() {
    runtimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(
        Var.CATEGORY.name(), "road-repair", Var.TITLE.name(), "片区道路破损", Var.COMMUNITY.name(), "hualin",
        Var.SCOPE.name(), "PUBLIC", Var.BEYOND_AUTHORITY.name(), true, Var.SETTLED_BY_POLICY.name(), false,
        Var.RESERVED_TO_ASSEMBLY.name(), false, Var.UNLAWFUL.name(), false, Var.CROSS_COMMUNITY.name(), true,
        Var.MULTI_DEPARTMENT.name(), true, Var.URGENT.name(), false, Var.NEEDS_CONSULTATION.name(), true));

    verify(classification).suggest(eq(CASE_NO),
        eq(new ScreeningFacts("PUBLIC", false, false, false, false, true, true, false, true)), any());
  }

  @Test
  void declinedCaseEnds() {
    ProcessInstance pi = report();
    when(review.record(eq(CASE_NO), any(), any())).thenReturn(new ReviewService.Outcome(CaseStatus.DECLINED, null));

    complete(task(USER_TASK_REVIEW, pi), REVIEWER,
        withVariables(Var.ADMISSIBLE.name(), false, Var.DECLINE_REASON.name(), "属个人纠纷，转人民调解",
            Var.SCREENING_GROUND.name(), "PRIVATE_DISPUTE", Var.OVERRIDE_REASON.name(), "经核实只涉及两户"));

    assertThat(recordedReview()).as("the form's decision with the suggestion it left as it was").isEqualTo(new ReviewService.Input(
        new ReviewDecision(false, "属个人纠纷，转人民调解"), "PRIVATE_DISPUTE", null, "GREEN", "STATION", "IMMEDIATE", null,
        "经核实只涉及两户", 1, 5));
    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_REVIEW, END_EVENT_DECLINED).hasNotPassed(USER_TASK_HANDLE).isEnded();
  }

  @Test
  void refusedReviewLeavesTheTaskOpen() {
    ProcessInstance pi = report();
    when(review.record(eq(CASE_NO), any(), any())).thenThrow(new ValidationException(List.of(
        new FieldError("declineReason", "required", "不予受理时必须填写理由"))));
    Task t = task(USER_TASK_REVIEW, pi);

    assertThatThrownBy(() -> complete(t, REVIEWER, withVariables(Var.ADMISSIBLE.name(), false)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("理由");

    assertThat(pi).isWaitingAt(USER_TASK_REVIEW).hasNotPassed(SERVICE_TASK_RECORD_REVIEW);
    assertThat(pi).variables().as("nothing of the completion is stored").containsEntry(Var.ADMISSIBLE.name(), true);
  }

  // 三级前置把关: the reviewer at the pre-triage's tier, passing up and down

  /** The suggestion at a tier, with the reviewer at that tier. */
  private void suggestedAt(String tier, String reviewGroup, String reviewerName) {
    when(classification.suggest(eq(CASE_NO), any(), any())).thenReturn(new ClassificationService.Suggested(SUGGESTION, REVIEW_DUE,
        reviewGroup, tier, reviewerName));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      "STATION, station-hualin-yuyuan, 御苑小区党群会客站",
      "ROOM, hualin-community, 华林社区两委",
      "HALL, hall-fengchuan, 冯川镇党工委党群会客厅",
      "COUNTY, county-coordination, 奉新县党建引领基层治理协调机制"})
  void theReviewGoesToThePartyOrganisationAtThePreTriagesTier(String tier, String group, String name) {
    suggestedAt(tier, group, name);

    ProcessInstance pi = received();

    assertThat(candidateGroups(task(USER_TASK_REVIEW, pi))).containsExactly(group);
    assertThat(pi).variables().containsEntry(Var.REVIEW_TIER.name(), tier).containsEntry(Var.REVIEWER_NAME.name(), name);
  }

  @Test
  void aReviewerPassesUpTheTaskIsCreatedForTheHallWhichSendsItDownThenTheRoomAccepts() {
    suggestedAt("ROOM", "hualin-community", "华林社区两委");
    ProcessInstance pi = received();
    when(reviewTiers.pass(CASE_NO, "ROOM", "UP", "涉及多个部门", REVIEWER))
        .thenReturn(new ReviewTiers.Reviewer("HALL", "hall-fengchuan", "冯川镇党工委党群会客厅"));

    complete(task(USER_TASK_REVIEW, pi), REVIEWER, withVariables(
        Var.REVIEW_PASS.name(), "UP", Var.REVIEW_PASS_REASON.name(), "涉及多个部门"));

    Task atHall = task(USER_TASK_REVIEW, pi);
    assertThat(candidateGroups(atHall)).containsExactly("hall-fengchuan");
    assertThat(pi).variables().containsEntry(Var.REVIEW_TIER.name(), "HALL").containsEntry(Var.REVIEW_PASS.name(), null)
        .containsEntry(Var.REVIEW_PASS_REASON.name(), null);
    verify(review, never()).record(any(), any(), any());

    when(reviewTiers.pass(CASE_NO, "HALL", "DOWN", "社区权限内", "hall.fengchuan"))
        .thenReturn(new ReviewTiers.Reviewer("ROOM", "hualin-community", "华林社区两委"));
    complete(atHall, "hall.fengchuan", withVariables(Var.REVIEW_PASS.name(), "DOWN", Var.REVIEW_PASS_REASON.name(), "社区权限内"));

    assertThat(candidateGroups(task(USER_TASK_REVIEW, pi))).containsExactly("hualin-community");
    accept(pi, "IMMEDIATE", null, AT_THE_STATION);
    assertThat(pi).isWaitingAt(USER_TASK_HANDLE);
    verify(review).record(eq(CASE_NO), any(), eq(REVIEWER));
  }

  @Test
  void passingUpWithoutAReasonIsRefusedAndTheTaskStaysWithItsGroup() {
    suggestedAt("STATION", "station-hualin-yuyuan", "御苑小区党群会客站");
    ProcessInstance pi = received();
    when(reviewTiers.pass(eq(CASE_NO), eq("STATION"), eq("UP"), any(), any())).thenThrow(new ValidationException(List.of(
        new FieldError("reviewPassReason", "required", "上报上级党组织把关须写明理由"))));
    Task t = task(USER_TASK_REVIEW, pi);

    assertThatThrownBy(() -> complete(t, HANDLER, withVariables(Var.REVIEW_PASS.name(), "UP")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("须写明理由");

    assertThat(pi).isWaitingAt(USER_TASK_REVIEW);
    assertThat(candidateGroups(task(USER_TASK_REVIEW, pi))).containsExactly("station-hualin-yuyuan");
    assertThat(pi).variables().doesNotContainKey(Var.REVIEW_PASS.name());
  }

  // handling

  @Test
  void immediateCaseIsHandledByTheTierThenVisitedAndClosed() {
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null, AT_THE_STATION);

    assertThat(recordedReview()).isEqualTo(new ReviewService.Input(
        new ReviewDecision(true, null), "PUBLIC_FACILITIES", null, "GREEN", "STATION", "IMMEDIATE", null, null, 1, 5));
    assertThat(pi).isWaitingAt(USER_TASK_HANDLE).hasNotPassed(USER_TASK_DISPATCH, CALL_ACTIVITY_DELIBERATION);
    assertThat(pi).variables().as("the routing, written back")
        .containsEntry(Var.HANDLER_GROUPS.name(), "station-hualin-yuyuan").containsEntry(Var.SUPERVISOR_GROUPS.name(), "hualin-room,dispatch-centre")
        .containsEntry(Var.HANDLING_DEADLINE.name(), date(DEADLINE)).containsEntry(Var.TIER.name(), "STATION");
    Task t = task(USER_TASK_HANDLE, pi);
    assertThat(candidateGroups(t)).containsExactly("station-hualin-yuyuan");
    assertThat(t.getDueDate()).isEqualTo(date(DEADLINE));
    assertThat(handlingTimer(pi).getDuedate()).as("the deadline timer").isEqualTo(date(DEADLINE));
    assertThat(t.getName()).as("the model's plain name, then the case (TaskTitleListener)")
        .isEqualTo("办理 " + CASE_NO + " 御苑小区路灯不亮");

    handle(pi, "RESOLVED", AT_THE_STATION);
    verify(handling).handle(CASE_NO, "RESOLVED", "已修复", "需跨小区协调", HANDLER);
    verify(evaluation).request(CASE_NO);
    assertThat(pi).hasPassed(SERVICE_TASK_REQUEST_EVALUATION).isWaitingAt(USER_TASK_FOLLOW_UP_VISIT)
        .hasNotPassed(EVENT_GATEWAY_AWAIT_EVALUATION);
    assertThat(pi).variables().containsEntry(Var.EVALUATION_BY_MAIL.name(), false).containsEntry(Var.VISIT_DUE.name(), date(VISIT_DUE));
    Task visit = task(USER_TASK_FOLLOW_UP_VISIT, pi);
    assertThat(visit).hasCandidateGroup("hualin-grid").hasName("回访 " + CASE_NO + " 御苑小区路灯不亮");
    assertThat(visit.getDueDate()).isEqualTo(date(VISIT_DUE));

    visit(pi, 4);
    verify(evaluation).record(CASE_NO, 4, "好", EvaluationService.SOURCE_VISIT, GRID_WORKER);
    verify(evaluation).close(CASE_NO);
    verify(evaluation, never()).rework(any(), any());
    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_EVALUATION, SERVICE_TASK_CLOSE, END_EVENT_CLOSED)
        .hasNotPassed(SERVICE_TASK_REWORK).isEnded();
  }

  @Test
  void committedCaseWithAUnitGoesStraightToTheUnit() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", "water", routing("COMMITTED", "water", "unit-water"));

    assertThat(recordedReview().disposal()).isEqualTo("COMMITTED");
    assertThat(recordedReview().responsibleUnit()).isEqualTo("water");
    assertThat(pi).isWaitingAt(USER_TASK_HANDLE).hasNotPassed(USER_TASK_DISPATCH);
    assertThat(candidateGroups(task(USER_TASK_HANDLE, pi))).containsExactly("unit-water");
  }

  @Test
  void committedCaseWithoutAUnitIsAssignedByTheDispatchCentre() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", null, routing("COMMITTED", null));
    assertThat(pi).isWaitingAt(USER_TASK_DISPATCH);
    assertThat(task(USER_TASK_DISPATCH, pi)).hasCandidateGroup("dispatch-centre");
    when(handling.dispatch(eq(CASE_NO), any(), any(), any())).thenReturn(HandlingService.DispatchMode.ASSIGN);
    when(handling.routing(CASE_NO)).thenReturn(routing("COMMITTED", "housing", "unit-housing"));

    complete(task(USER_TASK_DISPATCH, pi), DISPATCHER,
        withVariables(Var.ASSIGN_MODE.name(), "ASSIGN", Var.RESPONSIBLE_UNIT.name(), "housing"));

    verify(handling).dispatch(CASE_NO, "ASSIGN", "housing", DISPATCHER);
    assertThat(pi).hasPassed(SERVICE_TASK_DISPATCH).hasNotPassed(USER_TASK_CLAIM).isWaitingAt(USER_TASK_HANDLE);
    assertThat(pi).variables().containsEntry(Var.RESPONSIBLE_UNIT.name(), "housing");
    assertThat(candidateGroups(task(USER_TASK_HANDLE, pi))).containsExactly("unit-housing");
  }

  @Test
  void committedCaseInThePoolIsClaimedByAUnit() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", null, routing("COMMITTED", null));
    when(handling.dispatch(eq(CASE_NO), any(), any(), any())).thenReturn(HandlingService.DispatchMode.POOL);
    when(handling.claimGroups(CASE_NO)).thenReturn(List.of("unit-housing", "unit-water"));
    when(handling.routing(CASE_NO)).thenReturn(routing("COMMITTED", null));

    complete(task(USER_TASK_DISPATCH, pi), DISPATCHER, withVariables(Var.ASSIGN_MODE.name(), " pool "));

    assertThat(pi).variables().as("the mode as the use case read it, for the gateway")
        .containsEntry(Var.ASSIGN_MODE.name(), "POOL").containsEntry(Var.UNIT_GROUPS.name(), "unit-housing,unit-water");
    assertThat(pi).isWaitingAt(USER_TASK_CLAIM);
    assertThat(candidateGroups(task(USER_TASK_CLAIM, pi))).containsExactlyInAnyOrder("unit-housing", "unit-water");
    when(handling.routing(CASE_NO)).thenReturn(routing("COMMITTED", "water", "unit-water"));

    complete(task(USER_TASK_CLAIM, pi), "unit.water", List.of("unit-water"), withVariables(Var.RESPONSIBLE_UNIT.name(), "water"));

    verify(handling).claim(CASE_NO, "water", "unit.water", List.of("unit-water"));
    assertThat(pi).hasPassed(SERVICE_TASK_CLAIM).isWaitingAt(USER_TASK_HANDLE);
    assertThat(candidateGroups(task(USER_TASK_HANDLE, pi))).containsExactly("unit-water");
  }

  @Test
  void deliberatedCaseMeetsImplementsItsItemsAndIsEvaluated() {
    ProcessInstance pi = report();
    accept(pi, "DELIBERATED", null, routing("DELIBERATED", null, "hualin-room"));

    assertThat(pi).isWaitingAt(CALL_ACTIVITY_DELIBERATION);
    verify(deliberation.scheduling).schedule(CASE_NO, "hualin", "御苑小区路灯不亮", "GREEN");
    ProcessInstance meeting = ENGINE.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(Deliberation.PROCESS_KEY).superProcessInstanceId(pi.getId()).singleResult();
    assertThat(meeting).hasBusinessKey(CASE_NO).isWaitingAt(Deliberation.CATCH_TOPIC_RESOLVED);
    // its session resolves the topic (the session process itself: DeliberationProcessTest)
    ENGINE.getRuntimeService().createMessageCorrelation(Deliberation.MESSAGE_TOPIC_RESOLVED)
        .processInstanceId(meeting.getId()).setVariable(Deliberation.Var.EXPERT_REVIEW.name(), false)
        .setVariable(Deliberation.Var.RESIDENT_VOTE.name(), false).correlate();
    execute(job(Deliberation.CATCH_TOPIC_RESOLVED, meeting));
    assertThat(meeting).isWaitingAt(Deliberation.TIMER_PUBLICITY);
    execute(job(Deliberation.TIMER_PUBLICITY, meeting));

    List<Task> items = ENGINE.getTaskService().createTaskQuery().processInstanceId(meeting.getId())
        .taskDefinitionKey(Deliberation.USER_TASK_IMPLEMENT_ITEM).list();
    assertThat(items).flatExtracting(IssueLifecycleProcessTest::candidateGroups).containsExactlyInAnyOrder("unit-housing", "unit-water");
    items.forEach(t -> ENGINE.getTaskService().complete(t.getId(), withVariables(Deliberation.Var.PROGRESS_NOTE.name(), "已完成")));

    assertThat(meeting).hasPassed(Deliberation.END_EVENT_IMPLEMENTED).isEnded();
    verify(handling).resolveAfterDeliberation(CASE_NO);
    assertThat(pi).hasPassed(SERVICE_TASK_DELIBERATION_RESULT, SERVICE_TASK_REQUEST_EVALUATION)
        .hasNotPassed(USER_TASK_HANDLE).isWaitingAt(USER_TASK_FOLLOW_UP_VISIT);
  }

  @Test
  void escalationReturnsToHandlingAtTheNextTier() {
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null, AT_THE_STATION);

    handle(pi, "ESCALATE ", new Routing(List.of("hualin-room"), List.of("hualin-hall", "dispatch-centre"), NEXT_DEADLINE, 60,
        "ROOM", "IMMEDIATE", null));

    verify(handling).handle(CASE_NO, "ESCALATE ", "已修复", "需跨小区协调", HANDLER);
    assertThat(pi).hasPassed(SERVICE_TASK_HANDLING).hasNotPassed(SERVICE_TASK_REQUEST_EVALUATION).isWaitingAt(USER_TASK_HANDLE);
    assertThat(pi).variables().containsEntry(Var.OUTCOME.name(), "ESCALATE").containsEntry(Var.TIER.name(), "ROOM")
        .containsEntry(Var.SUPERVISOR_GROUPS.name(), "hualin-hall,dispatch-centre").containsEntry(Var.PRIORITY.name(), 60);
    Task t = task(USER_TASK_HANDLE, pi);
    assertThat(candidateGroups(t)).containsExactly("hualin-room");
    assertThat(t.getDueDate()).isEqualTo(date(NEXT_DEADLINE));
    assertThat(t.getPriority()).isEqualTo(60);
  }

  // supervision

  @Test
  void aMissedDeadlineRaisesASupervisionOrderAndHandlingContinues() {
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null, AT_THE_STATION);
    when(handling.overdue(CASE_NO)).thenAnswer(a -> {
      supervise(pi.getId(), 7L);
      return new HandlingService.Overdue(new Routing(List.of("station-hualin-yuyuan"), SUPERVISORS, NEXT_DEADLINE, 40,
          "STATION", "IMMEDIATE", null), false);
    });

    execute(handlingTimer(pi));
    assertThat(pi).isWaitingAt(SERVICE_TASK_OVERDUE);
    verify(handling, never()).overdue(any());
    execute(job(SERVICE_TASK_OVERDUE, pi));

    verify(handling).overdue(CASE_NO);
    assertThat(pi).hasPassed(BOUNDARY_HANDLING_OVERDUE, SERVICE_TASK_OVERDUE).isWaitingAt(USER_TASK_SUPERVISE, USER_TASK_HANDLE);
    Task supervise = task(USER_TASK_SUPERVISE, pi);
    assertThat(candidateGroups(supervise)).containsExactly("hualin-room", "dispatch-centre");
    assertThat(supervise.getDueDate()).isEqualTo(date(SUPERVISION_DUE));
    assertThat(supervise.getPriority()).isEqualTo(70);
    assertThat(task(USER_TASK_HANDLE, pi).getDueDate()).as("the new deadline").isEqualTo(date(NEXT_DEADLINE));
    assertThat(handlingTimer(pi).getDuedate()).as("a new deadline timer").isEqualTo(date(NEXT_DEADLINE));

    complete(supervise, SUPERVISOR, withVariables(Var.SUPERVISION_ACKNOWLEDGED.name(), true, Var.SUPERVISION_COMMENT.name(), "已电话督促"));
    verify(orders).complete(7L, CASE_NO, "已电话督促", SUPERVISOR);
    assertThat(pi).isWaitingAt(USER_TASK_HANDLE);
    handle(pi, "RESOLVED", AT_THE_STATION);
    visit(pi, 5);
    assertThat(pi).hasPassed(END_EVENT_CLOSED).isEnded();
  }

  @Test
  void aSweepsOrderReachesTheCaseWhereverItWaitsAndTwoOrdersAreTwoTasks() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", null, routing("COMMITTED", null));
    assertThat(pi).isWaitingAt(USER_TASK_DISPATCH);

    supervise(pi.getId(), 21L);
    supervise(pi.getId(), 22L);

    assertThat(pi).isWaitingAt(USER_TASK_DISPATCH, USER_TASK_SUPERVISE);
    List<Task> orderTasks = ENGINE.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(USER_TASK_SUPERVISE).list();
    assertThat(orderTasks).hasSize(2);
    assertThat(orderTasks).allSatisfy(t -> assertThat(candidateGroups(t)).containsExactly("hualin-room", "dispatch-centre"));
    Task first = orderTasks.stream()
        .filter(t -> Long.valueOf(21L).equals(ENGINE.getRuntimeService().getVariableLocal(t.getExecutionId(), Var.SUPERVISION_ORDER_ID.name())))
        .findFirst().orElseThrow();
    Task second = orderTasks.stream().filter(t -> t != first).findFirst().orElseThrow();
    complete(first, SUPERVISOR, withVariables(Var.SUPERVISION_ACKNOWLEDGED.name(), true, Var.SUPERVISION_COMMENT.name(), "第一单"));
    complete(second, SUPERVISOR, withVariables(Var.SUPERVISION_ACKNOWLEDGED.name(), true));

    verify(orders).complete(21L, CASE_NO, "第一单", SUPERVISOR);
    verify(orders).complete(22L, CASE_NO, null, SUPERVISOR);
    verify(orders, times(2)).complete(anyLong(), any(), any(), any());
    assertThat(pi).isWaitingAt(USER_TASK_DISPATCH);
    assertThat(ENGINE.getRuntimeService().getVariables(pi.getId()))
        .as("the order's facts and answers stay in its scope")
        .doesNotContainKeys(Var.SUPERVISION_ORDER_ID.name(), Var.SUPERVISION_COMMENT.name(), Var.SUPERVISION_ACKNOWLEDGED.name());
  }

  @Test
  void closingEndsAnOpenSupervisionOrderToo() {
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null, AT_THE_STATION);
    when(handling.overdue(CASE_NO)).thenAnswer(a -> {
      supervise(pi.getId(), 7L);
      return new HandlingService.Overdue(AT_THE_STATION, false);
    });
    execute(handlingTimer(pi));
    execute(job(SERVICE_TASK_OVERDUE, pi));
    assertThat(pi).isWaitingAt(USER_TASK_SUPERVISE, USER_TASK_HANDLE);

    handle(pi, "RESOLVED", AT_THE_STATION);
    visit(pi, 3);

    assertThat(pi).hasPassed(END_EVENT_CLOSED).hasNotPassed("endEvent_supervisionDone").isEnded();
    verifyNoInteractions(orders);
  }

  // evaluation

  @Test
  void anEmailedLinkIsAwaitedAndTheRatingArrivesAsAMessage() {
    when(evaluation.request(CASE_NO)).thenReturn(new EvaluationService.Requested(true, Duration.ofDays(7), VISIT_DUE));
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null, AT_THE_STATION);
    handle(pi, "RESOLVED", AT_THE_STATION);

    assertThat(pi).isWaitingAt(EVENT_GATEWAY_AWAIT_EVALUATION);
    assertThat(pi).variables().containsEntry(Var.EVALUATION_BY_MAIL.name(), true);
    // as CamundaCaseProcesses.deliverEvaluation correlates the rating submitted through the link
    Map<String, Object> rating = new HashMap<>();
    Var.SATISFACTION.in(rating, 5);
    Var.EVALUATION_COMMENT.in(rating, "很及时");
    Var.EVALUATION_SOURCE.in(rating, EvaluationService.SOURCE_LINK);
    ENGINE.getRuntimeService().createMessageCorrelation(MESSAGE_EVALUATED).processInstanceBusinessKey(CASE_NO)
        .setVariables(rating).correlate();

    verify(evaluation).record(CASE_NO, 5, "很及时", EvaluationService.SOURCE_LINK, "system");
    assertThat(pi).hasPassed(MESSAGE_EVENT_EVALUATION_RECEIVED, SERVICE_TASK_RECORD_EVALUATION, END_EVENT_CLOSED)
        .hasNotPassed(USER_TASK_FOLLOW_UP_VISIT).isEnded();
  }

  @Test
  void withoutAnAnswerInSevenDaysAGridWorkerVisits() {
    when(evaluation.request(CASE_NO)).thenReturn(new EvaluationService.Requested(true, Duration.ofDays(7), VISIT_DUE));
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null, AT_THE_STATION);
    handle(pi, "RESOLVED", AT_THE_STATION);

    Job wait = ENGINE.getManagementService().createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_EVALUATION_TIMEOUT).singleResult();
    assertThat(wait.getDuedate()).as("the link's validity from now").isEqualTo(Date.from(ProcessTestEngine.CLOCK.instant().plus(Duration.ofDays(7))));
    execute(wait);

    assertThat(pi).hasPassed(TIMER_EVALUATION_TIMEOUT).hasNotPassed(MESSAGE_EVENT_EVALUATION_RECEIVED).isWaitingAt(USER_TASK_FOLLOW_UP_VISIT);
    visit(pi, 4);
    verify(evaluation).record(CASE_NO, 4, "好", EvaluationService.SOURCE_VISIT, GRID_WORKER);
  }

  @Test
  void anUnsatisfiedResidentSendsTheCaseBackForRework() {
    when(evaluation.record(eq(CASE_NO), eq(2), any(), any(), any())).thenReturn(false);
    when(evaluation.rework(eq(CASE_NO), any())).thenReturn(new Routing(List.of("station-hualin-yuyuan"), SUPERVISORS, NEXT_DEADLINE,
        40, "STATION", "IMMEDIATE", null));
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null, AT_THE_STATION);
    handle(pi, "RESOLVED", AT_THE_STATION);

    complete(task(USER_TASK_FOLLOW_UP_VISIT, pi), GRID_WORKER,
        withVariables(Var.SATISFACTION.name(), "2", Var.EVALUATION_COMMENT.name(), "路灯还是时亮时不亮"));

    verify(evaluation).record(CASE_NO, 2, "路灯还是时亮时不亮", EvaluationService.SOURCE_VISIT, GRID_WORKER);
    verify(evaluation).rework(CASE_NO, "路灯还是时亮时不亮");
    assertThat(pi).hasPassed(SERVICE_TASK_REWORK).hasNotPassed(SERVICE_TASK_CLOSE).isWaitingAt(USER_TASK_HANDLE);
    assertThat(pi).variables().as("the last round's answers are cleared for the next")
        .doesNotContainKeys(Var.OUTCOME.name(), Var.RESULT_NOTE.name(), Var.SATISFACTION.name(), Var.EVALUATION_COMMENT.name())
        .containsEntry(Var.SATISFIED.name(), false).containsEntry(Var.HANDLING_DEADLINE.name(), date(NEXT_DEADLINE));
    assertThat(task(USER_TASK_HANDLE, pi).getDueDate()).isEqualTo(date(NEXT_DEADLINE));

    handle(pi, "RESOLVED", AT_THE_STATION);
    visit(pi, 3);
    verify(evaluation).close(CASE_NO);
    assertThat(pi).hasPassed(END_EVENT_CLOSED).isEnded();
  }

  // 督办纠偏: the dispatch centre checks a unit's result

  private static final Routing AT_THE_UNIT = routing("COMMITTED", "water", "unit-water");

  /** 核查办理结果: the dispatch centre's verdict; the use case answers as given. */
  private void reviewResult(ProcessInstance pi, String verdict, String reason, ResultReviews.Reviewed reviewed) {
    when(resultReviews.review(eq(CASE_NO), any(), any(), any())).thenReturn(reviewed);
    complete(task(USER_TASK_REVIEW_RESULT, pi), DISPATCHER, List.of("dispatch-centre"),
        withVariables(Var.RESULT_VERDICT.name(), verdict, Var.REJECTION_REASON.name(), reason));
  }

  @Test
  void aUnitsResultConfirmedByTheDispatchCentreGoesOnToTheEvaluation() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", "water", AT_THE_UNIT);
    handle(pi, "RESOLVED", AT_THE_UNIT);

    assertThat(pi).hasPassed(SERVICE_TASK_HANDLING, GATEWAY_REVIEW_NEEDED).isWaitingAt(USER_TASK_REVIEW_RESULT)
        .hasNotPassed(SERVICE_TASK_REQUEST_EVALUATION);
    Task check = task(USER_TASK_REVIEW_RESULT, pi);
    assertThat(candidateGroups(check)).containsExactly("dispatch-centre");
    assertThat(check.getName()).isEqualTo("核查办理结果 " + CASE_NO + " 御苑小区路灯不亮");
    assertThat(check.getPriority()).isEqualTo(40);
    verifyNoInteractions(resultReviews);

    reviewResult(pi, "CONFIRMED", null, new ResultReviews.Reviewed(true, AT_THE_UNIT));

    verify(resultReviews).review(CASE_NO, "CONFIRMED", null, DISPATCHER);
    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_RESULT_REVIEW, GATEWAY_RESULT_CONFIRMED, SERVICE_TASK_REQUEST_EVALUATION)
        .isWaitingAt(USER_TASK_FOLLOW_UP_VISIT);
    assertThat(pi).variables().containsEntry(Var.RESULT_CONFIRMED.name(), true).containsEntry(Var.RESULT_NOTE.name(), "已修复");
    visit(pi, 4);
    assertThat(pi).hasPassed(END_EVENT_CLOSED).isEnded();
  }

  @Test
  void aResultRejectedAsFalseGoesBackToTheUnitWithASupervisionOrder() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", "water", AT_THE_UNIT);
    handle(pi, "RESOLVED", AT_THE_UNIT);
    Routing again = new Routing(List.of("unit-water"), SUPERVISORS, NEXT_DEADLINE, 40, "STATION", "COMMITTED", "water");
    when(resultReviews.review(eq(CASE_NO), eq("REJECTED"), any(), any())).thenAnswer(a -> {
      supervise(pi.getId(), 9L); // what SupervisionOrders.raise delivers through CaseProcesses
      return new ResultReviews.Reviewed(false, again);
    });
    complete(task(USER_TASK_REVIEW_RESULT, pi), DISPATCHER, List.of("dispatch-centre"),
        withVariables(Var.RESULT_VERDICT.name(), "REJECTED", Var.REJECTION_REASON.name(), "现场查看路灯仍不亮"));

    verify(resultReviews).review(CASE_NO, "REJECTED", "现场查看路灯仍不亮", DISPATCHER);
    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_RESULT_REVIEW).hasNotPassed(SERVICE_TASK_REQUEST_EVALUATION)
        .isWaitingAt(USER_TASK_HANDLE, USER_TASK_SUPERVISE);
    verify(evaluation, never()).request(any());
    assertThat(task(USER_TASK_HANDLE, pi).getDueDate()).as("the new deadline").isEqualTo(date(NEXT_DEADLINE));
    assertThat(handlingTimer(pi).getDuedate()).isEqualTo(date(NEXT_DEADLINE));
    assertThat(pi).variables().as("the round's answers are cleared for the next")
        .doesNotContainKeys(Var.OUTCOME.name(), Var.RESULT_NOTE.name(), Var.RESULT_VERDICT.name(), Var.REJECTION_REASON.name())
        .containsEntry(Var.RESULT_CONFIRMED.name(), false);

    complete(task(USER_TASK_SUPERVISE, pi), SUPERVISOR, withVariables(Var.SUPERVISION_ACKNOWLEDGED.name(), true,
        Var.SUPERVISION_COMMENT.name(), "已约谈责任单位"));
    verify(orders).complete(9L, CASE_NO, "已约谈责任单位", SUPERVISOR);
    handle(pi, "RESOLVED", AT_THE_UNIT);
    assertThat(pi).isWaitingAt(USER_TASK_REVIEW_RESULT);
    reviewResult(pi, "CONFIRMED", "复查已亮", new ResultReviews.Reviewed(true, AT_THE_UNIT));
    visit(pi, 5);
    assertThat(pi).hasPassed(END_EVENT_CLOSED).isEnded();
  }

  @Test
  void aRejectionWithoutAReasonLeavesTheCheckOpen() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", "water", AT_THE_UNIT);
    handle(pi, "RESOLVED", AT_THE_UNIT);
    when(resultReviews.review(eq(CASE_NO), any(), any(), any())).thenThrow(new ValidationException(
        List.of(new FieldError("rejectionReason", "required", "结果不实时请写明理由"))));

    Task check = task(USER_TASK_REVIEW_RESULT, pi);
    assertThatThrownBy(() -> complete(check, DISPATCHER, withVariables(Var.RESULT_VERDICT.name(), "REJECTED")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("结果不实时请写明理由");
    assertThat(pi).isWaitingAt(USER_TASK_REVIEW_RESULT);
  }

  @Test
  void aCaseWithoutAResponsibleUnitSkipsTheCheck() {
    ProcessInstance pi = report();
    accept(pi, "IMMEDIATE", null, AT_THE_STATION);
    handle(pi, "RESOLVED", AT_THE_STATION);
    assertThat(pi).hasNotPassed(USER_TASK_REVIEW_RESULT).isWaitingAt(USER_TASK_FOLLOW_UP_VISIT);
    verifyNoInteractions(resultReviews);
  }

  // personal data and Tasklist's copies

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

  // 组团 (co-handling)

  private static final String CO_UNITS_OPEN = "协办单位尚未全部办结（县交通局）";

  /** A co-unit's task as CamundaCaseProcesses.coHandle raises it (CoHandlingService.assign through CaseProcesses). */
  private static void coHandle(String processInstanceId, String unit, String unitName) {
    ENGINE.getRuntimeService().createMessageCorrelation(MESSAGE_CO_HANDLE).processInstanceId(processInstanceId)
        .setVariableToTriggeredScope(Var.CO_UNIT.name(), unit)
        .setVariableToTriggeredScope(Var.CO_UNIT_NAME.name(), unitName)
        .setVariableToTriggeredScope(Var.CO_HANDLING_GROUP.name(), "unit-" + unit)
        .setVariableToTriggeredScope(Var.CO_HANDLING_RESULT.name(), null)
        .correlateWithResult();
  }

  /** The use case names the co-units: a 协办 task for each, in the dispatch's transaction. */
  private void coUnitsAreNamed(ProcessInstance pi) {
    doAnswer(a -> {
      coHandle(pi.getId(), "roads", "县交通局");
      coHandle(pi.getId(), "water", "县供水公司");
      return "县交通局：协办中\n县供水公司：协办中";
    }).when(coHandling).assign(eq(CASE_NO), eq(List.of("roads", "water")), any());
  }

  /** 派单: 点将 县住建局 with two co-units, as Tasklist submits a taglist (JSON). */
  private ProcessInstance dispatchedWithCoUnits() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", null, routing("COMMITTED", null));
    when(handling.dispatch(eq(CASE_NO), any(), any(), any())).thenReturn(HandlingService.DispatchMode.ASSIGN);
    when(handling.routing(CASE_NO)).thenReturn(routing("COMMITTED", "housing", "unit-housing"));
    coUnitsAreNamed(pi);
    complete(task(USER_TASK_DISPATCH, pi), DISPATCHER, withVariables(Var.ASSIGN_MODE.name(), "ASSIGN",
        Var.RESPONSIBLE_UNIT.name(), "housing", Var.CO_UNITS.name(), org.camunda.spin.Spin.JSON("[\"roads\",\"water\"]")));
    return pi;
  }

  private static List<Task> coUnitTasks(ProcessInstance pi) {
    return ENGINE.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(USER_TASK_CO_HANDLE).orderByTaskId().asc().list();
  }

  private static Task coUnitTask(ProcessInstance pi, String group) {
    return ENGINE.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(USER_TASK_CO_HANDLE).taskCandidateGroup(group).singleResult();
  }

  @Test
  void aDispatchWithCoUnitsGivesEachCoUnitItsOwnTaskBesideTheLeadsHandling() {
    ProcessInstance pi = dispatchedWithCoUnits();

    verify(coHandling).assign(CASE_NO, List.of("roads", "water"), DISPATCHER);
    assertThat(pi).isWaitingAt(USER_TASK_HANDLE, USER_TASK_CO_HANDLE);
    assertThat(candidateGroups(task(USER_TASK_HANDLE, pi))).containsExactly("unit-housing");
    List<Task> co = coUnitTasks(pi);
    assertThat(co).hasSize(2);
    assertThat(co.stream().flatMap(t -> candidateGroups(t).stream()).toList())
        .containsExactlyInAnyOrder("unit-roads", "unit-water");
    for (Task t : co) {
      assertThat(t.getName()).isEqualTo("协办 " + CASE_NO + " 御苑小区路灯不亮");
      assertThat(t.getDueDate()).as("due with the case, like the handling task").isEqualTo(date(DEADLINE));
      assertThat(t.getPriority()).isEqualTo(40);
    }
    assertThat(pi).variables().containsEntry(Var.CO_HANDLING_SUMMARY.name(), "县交通局：协办中\n县供水公司：协办中");
  }

  @Test
  void theLeadCannotReportTheJointResultBeforeEveryCoUnitFinishedAndResolvesAfterwards() {
    ProcessInstance pi = dispatchedWithCoUnits();
    when(handling.handle(eq(CASE_NO), eq("RESOLVED"), any(), any(), any())).thenThrow(
        new ValidationException(List.of(new FieldError("outcome", "co_units_open", CO_UNITS_OPEN))));

    assertThatThrownBy(() -> complete(task(USER_TASK_HANDLE, pi), "unit.housing", withVariables(
        Var.OUTCOME.name(), "RESOLVED", Var.RESULT_NOTE.name(), "已联合整治")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining(CO_UNITS_OPEN);
    assertThat(pi).isWaitingAt(USER_TASK_HANDLE, USER_TASK_CO_HANDLE).hasNotPassed(SERVICE_TASK_HANDLING);

    when(coHandling.finish(eq(CASE_NO), eq("roads"), any(), any(), any())).thenReturn("县交通局：已办结。已清理\n县供水公司：协办中");
    complete(coUnitTask(pi, "unit-roads"), "unit.roads", List.of("unit-roads"),
        withVariables(Var.CO_HANDLING_RESULT.name(), "已清理"));
    verify(coHandling).finish(CASE_NO, "roads", "已清理", "unit.roads", List.of("unit-roads"));
    assertThat(coUnitTasks(pi)).hasSize(1);
    assertThat(pi).variables().as("each co-unit's result stays in its own scope")
        .doesNotContainKey(Var.CO_HANDLING_RESULT.name()).doesNotContainKey(Var.CO_UNIT.name())
        .containsEntry(Var.CO_HANDLING_SUMMARY.name(), "县交通局：已办结。已清理\n县供水公司：协办中");

    when(coHandling.finish(eq(CASE_NO), eq("water"), any(), any(), any())).thenReturn("县交通局：已办结。已清理\n县供水公司：已办结。已检修");
    complete(coUnitTask(pi, "unit-water"), "unit.water", List.of("unit-water"),
        withVariables(Var.CO_HANDLING_RESULT.name(), "已检修"));
    verify(coHandling).finish(CASE_NO, "water", "已检修", "unit.water", List.of("unit-water"));
    assertThat(pi).hasPassed(END_EVENT_CO_HANDLING_DONE).isWaitingAt(USER_TASK_HANDLE);

    when(handling.handle(eq(CASE_NO), eq("RESOLVED"), any(), any(), any())).thenReturn(routing("COMMITTED", "housing", "unit-housing"));
    complete(task(USER_TASK_HANDLE, pi), "unit.housing", withVariables(Var.OUTCOME.name(), "RESOLVED", Var.RESULT_NOTE.name(), "已联合整治"));

    assertThat(pi).hasPassed(SERVICE_TASK_HANDLING).isWaitingAt(USER_TASK_REVIEW_RESULT);
    assertThat(pi).variables().containsEntry(Var.CO_HANDLING_SUMMARY.name(), "县交通局：已办结。已清理\n县供水公司：已办结。已检修");
  }

  @Test
  void aCoUnitsRefusedResultLeavesItsTaskOpen() {
    ProcessInstance pi = dispatchedWithCoUnits();
    when(coHandling.finish(eq(CASE_NO), eq("roads"), any(), any(), any())).thenThrow(
        new ValidationException(List.of(new FieldError("coHandlingResult", "required", "请填写协办结果"))));

    assertThatThrownBy(() -> complete(coUnitTask(pi, "unit-roads"), "unit.roads", List.of("unit-roads"),
        withVariables(Var.CO_HANDLING_RESULT.name(), " ")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("请填写协办结果");
    assertThat(coUnitTasks(pi)).hasSize(2);
  }

  @Test
  void refusedCoUnitsLeaveTheDispatchOpenAndRaiseNoTask() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", null, routing("COMMITTED", null));
    when(handling.dispatch(eq(CASE_NO), any(), any(), any())).thenReturn(HandlingService.DispatchMode.ASSIGN);
    when(handling.routing(CASE_NO)).thenReturn(routing("COMMITTED", "housing", "unit-housing"));
    when(coHandling.assign(eq(CASE_NO), any(), any())).thenThrow(
        new ValidationException(List.of(new FieldError("coUnits", "unknown", "未知的协办单位：nosuch"))));

    assertThatThrownBy(() -> complete(task(USER_TASK_DISPATCH, pi), DISPATCHER, withVariables(Var.ASSIGN_MODE.name(), "ASSIGN",
        Var.RESPONSIBLE_UNIT.name(), "housing", Var.CO_UNITS.name(), List.of("nosuch"))))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("未知的协办单位：nosuch");
    assertThat(pi).isWaitingAt(USER_TASK_DISPATCH);
    assertThat(coUnitTasks(pi)).isEmpty();

    assertThatThrownBy(() -> complete(task(USER_TASK_DISPATCH, pi), DISPATCHER, withVariables(Var.ASSIGN_MODE.name(), "ASSIGN",
        Var.RESPONSIBLE_UNIT.name(), "housing", Var.CO_UNITS.name(), "{\"a\":1}")))
        .as("not a list of units").isInstanceOf(FormFieldValidationException.class).hasMessageContaining("协办单位格式不正确");
    assertThat(pi).isWaitingAt(USER_TASK_DISPATCH);
  }

  @Test
  void theReviewNamingTheUnitMayNameCoUnitsToo() {
    ProcessInstance pi = report();
    when(review.record(eq(CASE_NO), any(), any())).thenReturn(
        new ReviewService.Outcome(CaseStatus.IN_PROGRESS, routing("COMMITTED", "housing", "unit-housing")));
    coUnitsAreNamed(pi);

    complete(task(USER_TASK_REVIEW, pi), REVIEWER, withVariables(Var.ADMISSIBLE.name(), true, Var.DISPOSAL.name(), "COMMITTED",
        Var.RESPONSIBLE_UNIT.name(), "housing", Var.CO_UNITS.name(), List.of("roads", "water")));

    verify(coHandling).assign(CASE_NO, List.of("roads", "water"), REVIEWER);
    assertThat(pi).isWaitingAt(USER_TASK_HANDLE, USER_TASK_CO_HANDLE).hasNotPassed(USER_TASK_DISPATCH);
    assertThat(coUnitTasks(pi)).hasSize(2);
  }

  @Test
  void aCaseWithoutCoUnitsRaisesNoCoUnitTask() {
    ProcessInstance pi = report();
    accept(pi, "COMMITTED", "water", routing("COMMITTED", "water", "unit-water"));

    verify(coHandling).assign(CASE_NO, List.of(), REVIEWER);
    assertThat(coUnitTasks(pi)).isEmpty();
    assertThat(pi).variables().doesNotContainKey(Var.CO_HANDLING_SUMMARY.name());
  }
}
