package cn.yishi.adapter.process.twowayevaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.WorkingDaysGlue;
import cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation.Var;
import cn.yishi.application.MicroGrids;
import cn.yishi.application.microgrid.EvaluationSheets;
import cn.yishi.application.microgrid.TwoWayEvaluations;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.platform.Schedules;
import cn.yishi.support.ProcessTestEngine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
 * Every path of bpmn/twoWayEvaluation.bpmn (and the schedule's timer in bpmn/twoWayEvaluationSchedule.bpmn) with the
 * real delegates on mocked application services: paper sheets until the window closes, the self-evaluation (given or
 * not), the count, and each 不及格 to the township, whose decision replaces the person or keeps them.
 */
@Deployment(resources = {"bpmn/twoWayEvaluation.bpmn", "bpmn/twoWayEvaluationSchedule.bpmn", "forms/evaluationSelf.form",
    "forms/evaluationPaperSheets.form", "forms/evaluationReview.form"})
class TwoWayEvaluationProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = ProcessTestEngine.configuration("two-way-evaluation-process-test", BEANS)
      .buildProcessEngine();
  private static final long ROUND = 7L;
  private static final OffsetDateTime CLOSES = OffsetDateTime.parse("2026-03-13T18:00:00+08:00");

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final TwoWayEvaluations evaluations = mock(TwoWayEvaluations.class);
  private final EvaluationSheets sheets = mock(EvaluationSheets.class);

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(ENGINE);
    when(evaluations.facts(ROUND)).thenReturn(new TwoWayEvaluations.RoundFacts(ROUND, "tangpu-shuitongwan", "水桶湾院坝",
        "tangpu", "塘浦村", "street-fengchuan", "tangpu-community", "yuanba-tangpu-shuitongwan-head", "2026年上半年", CLOSES,
        6, "第1位 院坝长 杨全国；第2位 宣传员 陈晓"));
    when(evaluations.review(41L)).thenReturn(new TwoWayEvaluations.Review(41L, "水桶湾院坝", "院坝长 杨全国", false,
        "得分 20，满意率 20%（满意 1、基本满意 0、不满意 4），不及格"));
    when(evaluations.review(45L)).thenReturn(new TwoWayEvaluations.Review(45L, "水桶湾院坝", "包片干部 张卫东", true,
        "得分 40，满意率 40%（满意 2、基本满意 0、不满意 3），不及格"));
    ProcessTestEngine.register(BEANS, new PrepareRoundDelegate(evaluations), new RecordSelfEvaluationDelegate(evaluations),
        new EnterPaperSheetsDelegate(sheets), new CloseRoundDelegate(evaluations), new PrepareReviewDelegate(evaluations),
        new RecordReviewDelegate(evaluations), new cn.yishi.adapter.process.twowayevaluationschedule.OpenDueRoundsDelegate(evaluations), new TaskTitleListener(),
        new WorkingDaysGlue(ProcessTestEngine.CALENDAR, ProcessTestEngine.CLOCK),
        new Schedules("0 0 9 1,11,21 * ?", "0 0 9 1-10 * ?", "0 0 9 5,15,25 * ?", "Asia/Shanghai"));
  }

  @AfterEach
  void forgetThisEngine() {
    BpmnAwareTests.reset();
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(TwoWayEvaluation.PROCESS_KEY, "yuanba-evaluation-" + ROUND,
        withVariables(Var.ROUND_ID.name(), ROUND, Var.YUANBA.name(), "tangpu-shuitongwan"));
  }

  private static Task taskAt(ProcessInstance pi, String key) {
    return BpmnAwareTests.taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  @Test
  void theScheduleOpensTheDueRoundsOnTheConfiguredMonths() {
    var timer = BpmnAwareTests.jobQuery().processDefinitionKey(cn.yishi.adapter.process.twowayevaluationschedule.TwoWayEvaluationSchedule.PROCESS_KEY).timers().singleResult();
    assertThat(timer).isNotNull();
    when(evaluations.openDue()).thenReturn(List.of());
    execute(timer);
    verify(evaluations).openDue();
  }

  @Test
  void paperSheetsUntilTheWindowClosesThenTheFailedGoToTheTownshipWhoReplaces() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(TwoWayEvaluation.USER_TASK_SELF, TwoWayEvaluation.USER_TASK_PAPER);
    Task paper = taskAt(pi, TwoWayEvaluation.USER_TASK_PAPER);
    assertThat(paper).hasCandidateGroup("tangpu-community").hasName("录入纸质评价表 塘浦村水桶湾院坝 2026年上半年双向评价");
    assertThat(taskAt(pi, TwoWayEvaluation.USER_TASK_SELF)).hasCandidateGroup("yuanba-tangpu-shuitongwan-head");

    // a refused batch keeps the task; an accepted one comes back for more
    doThrow(new ValidationException(List.of(new FieldError("paperSheets[0].token", "used", "第1张：本户已参加本次评价"))))
        .doReturn(1).when(sheets).enterPaper(eq(ROUND), anyList(), any());
    String batch = "[{\"token\":\"tok-1\",\"p1\":\"DISSATISFIED\",\"p2\":\"SATISFIED\",\"p9\":\"SATISFIED\"}]";
    ProcessTestEngine.as(ENGINE, "community.tangpu", List.of("tangpu-community"), () -> assertThatThrownBy(() ->
        ENGINE.getTaskService().complete(paper.getId(), Map.of("paperSheets", Variables.untypedValue(batch))))
        .hasMessageContaining("第1张：本户已参加本次评价"));
    assertThat(pi).isWaitingAt(TwoWayEvaluation.USER_TASK_PAPER);
    ProcessTestEngine.as(ENGINE, "community.tangpu", List.of("tangpu-community"), () ->
        ENGINE.getTaskService().complete(paper.getId(), Map.of("paperSheets", Variables.untypedValue(batch))));
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<EvaluationSheets.PaperSheet>> entered = ArgumentCaptor.forClass(List.class);
    verify(sheets, org.mockito.Mockito.times(2)).enterPaper(eq(ROUND), entered.capture(), eq("community.tangpu"));
    assertThat(entered.getValue()).singleElement().satisfies(s -> {
      assertThat(s.token()).isEqualTo("tok-1");
      assertThat(s.answers()).containsEntry(1, "DISSATISFIED").containsEntry(2, "SATISFIED").hasSize(2);
    });
    assertThat(pi).hasPassed(TwoWayEvaluation.SERVICE_TASK_PAPER).isWaitingAt(TwoWayEvaluation.USER_TASK_PAPER);
    assertThat(ENGINE.getHistoryService().createHistoricVariableInstanceQuery().variableName("paperSheets").list())
        .as("tokens never in history").isEmpty();

    // self-evaluation
    ENGINE.getTaskService().complete(taskAt(pi, TwoWayEvaluation.USER_TASK_SELF).getId(),
        Map.of("selfGrade", "GOOD", "selfText", "议事三次"));
    verify(evaluations).selfEvaluate(eq(ROUND), eq("GOOD"), eq("议事三次"), any());

    // the window closes: two 不及格
    when(evaluations.close(ROUND)).thenReturn(List.of(41L, 45L));
    execute(job(TwoWayEvaluation.BOUNDARY_ROUND_CLOSED, pi));
    assertThat(pi).hasPassed(TwoWayEvaluation.SERVICE_TASK_CLOSE);
    List<Task> reviews = BpmnAwareTests.taskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(TwoWayEvaluation.USER_TASK_REVIEW).list();
    assertThat(reviews).hasSize(2);
    assertThat(reviews.get(0)).hasCandidateGroup("street-fengchuan");
    Task headReview = reviews.stream().filter(t -> "院坝长 杨全国".equals(ENGINE.getTaskService()
        .getVariable(t.getId(), "reviewSubject"))).findFirst().orElseThrow();
    Task cadreReview = reviews.stream().filter(t -> t != headReview).findFirst().orElseThrow();

    doThrow(new ValidationException(List.of(new FieldError("reviewReason", "required", "保留不及格人员须写明理由"))))
        .when(evaluations).decide(eq(45L), eq("KEEP"), eq(""), any(), any(), any(), any());
    ProcessTestEngine.as(ENGINE, "street.fengchuan", List.of("street-fengchuan"), () -> assertThatThrownBy(() ->
        ENGINE.getTaskService().complete(cadreReview.getId(), Map.of("reviewDecision", "KEEP", "reviewReason", "")))
        .hasMessageContaining("保留不及格人员须写明理由"));
    ProcessTestEngine.as(ENGINE, "street.fengchuan", List.of("street-fengchuan"), () ->
        ENGINE.getTaskService().complete(cadreReview.getId(), Map.of("reviewDecision", "KEEP", "reviewReason", "已整改")));
    ProcessTestEngine.as(ENGINE, "street.fengchuan", List.of("street-fengchuan"), () ->
        ENGINE.getTaskService().complete(headReview.getId(), Map.of("reviewDecision", "REPLACE", "newHolderName", "杨立新",
            "newHolderPhone", "13800000000", "newHolderFrom", "2026-03-16")));
    ArgumentCaptor<MicroGrids.Maintainer> who = ArgumentCaptor.forClass(MicroGrids.Maintainer.class);
    verify(evaluations).decide(eq(41L), eq("REPLACE"), eq(null), eq("杨立新"), eq("13800000000"),
        eq(LocalDate.of(2026, 3, 16)), who.capture());
    assertThat(who.getValue().userId()).isEqualTo("street.fengchuan");
    assertThat(who.getValue().groups()).containsExactly("street-fengchuan");
    assertThat(pi).isEnded().hasPassed(TwoWayEvaluation.END_EVENT_EVALUATED);
    List<HistoricVariableInstance> phones = ENGINE.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName("newHolderPhone").list();
    assertThat(phones).as("the new holder's phone is kept by MicroGrids, not the history").isEmpty();
  }

  @Test
  void withoutSelfEvaluationOrFailuresTheRoundEndsAtTheDeadline() {
    ProcessInstance pi = start();
    when(evaluations.close(ROUND)).thenReturn(List.of());
    execute(job(TwoWayEvaluation.BOUNDARY_SELF_CLOSED, pi));
    assertThat(pi).isWaitingAt(TwoWayEvaluation.USER_TASK_PAPER);
    verify(evaluations, never()).close(anyLong());
    execute(job(TwoWayEvaluation.BOUNDARY_ROUND_CLOSED, pi));
    verify(evaluations).close(ROUND);
    verify(evaluations, never()).selfEvaluate(anyLong(), any(), any(), any());
    assertThat(pi).isEnded().hasNotPassed(TwoWayEvaluation.USER_TASK_REVIEW);
  }
}
