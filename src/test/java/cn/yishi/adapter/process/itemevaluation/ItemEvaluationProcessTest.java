package cn.yishi.adapter.process.itemevaluation;

import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.EVALUATION_CLOSES;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.EVALUATION_ID;
import static cn.yishi.adapter.process.deliberation.DeliberationServiceMocks.ITEM_HOUSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.adapter.process.deliberation.DeliberationServiceMocks;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.deliberation.ItemEvaluations;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.ItemEvaluationRules;
import cn.yishi.support.ProcessTestEngine;
import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of bpmn/itemEvaluation.bpmn (民事民评) with the real delegates and listeners on a mocked {@link
 * ItemEvaluations}: the committee opens the round, the window's timer closes it (whether or not the sheets were
 * reported distributed); a pass ends it, a poor result sends the item back to its unit and then to a new round, no
 * ratings is flagged to the committee; a refused choice keeps the committee's task open.
 */
@Deployment(resources = {"bpmn/itemEvaluation.bpmn", "forms/itemEvaluationOrganize.form", "forms/itemEvaluationDistribute.form",
    "forms/itemEvaluationNoRatings.form", "forms/issueImplementItem.form"})
class ItemEvaluationProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = ProcessTestEngine.configuration("item-evaluation-process-test", BEANS)
      .buildProcessEngine();
  private static final String COMMITTEE = "hualin-supervisory-committee";

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final DeliberationServiceMocks services = new DeliberationServiceMocks();
  private final ItemEvaluations evaluations = services.itemEvaluations;

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

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(ItemEvaluation.PROCESS_KEY, "item-" + ITEM_HOUSING,
        Map.of(Deliberation.Var.ITEM_ID.name(), ITEM_HOUSING));
  }

  private static Task task(ProcessInstance pi, String key) {
    return ENGINE.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private static void complete(Task t, String user, String group, Map<String, Object> variables) {
    ProcessTestEngine.as(ENGINE, user, List.of(group), () -> ENGINE.getTaskService().complete(t.getId(), variables));
  }

  private static Map<String, Object> choice() {
    Map<String, Object> v = new HashMap<>();
    v.put(ItemEvaluation.Var.PARTICIPANTS.name(), true);
    v.put(ItemEvaluation.Var.ELECTORATE.name(), "hualin-yuyuan/1");
    v.put(ItemEvaluation.Var.WINDOW_DAYS.name(), 5L);
    return v;
  }

  private void outcome(ItemEvaluationRules.Outcome o, int count, String average) {
    when(evaluations.close(EVALUATION_ID)).thenReturn(new ItemEvaluations.Closed(EVALUATION_ID, ITEM_HOUSING,
        new ItemEvaluationRules.Result(count, average == null ? null : new BigDecimal(average), new int[5], o)));
  }

  /** The committee opens the round; its task shows the item's facts and names it after the case. */
  private ProcessInstance opened() {
    ProcessInstance pi = start();
    assertThat(pi).hasPassed(ItemEvaluation.SERVICE_TASK_PREPARE).isWaitingAt(ItemEvaluation.USER_TASK_ORGANIZE);
    Task organize = task(pi, ItemEvaluation.USER_TASK_ORGANIZE);
    assertThat(organize.getName()).isEqualTo("组织民事民评 FX-2026-000042 御苑小区老楼加装电梯");
    assertThat(BpmnAwareTests.assertThat(organize).hasCandidateGroup(COMMITTEE));
    Map<String, Object> local = ENGINE.getTaskService().getVariablesLocal(organize.getId());
    assertThat(local).containsEntry("itemMeasure", "加装电梯井道施工").containsEntry("itemUnit", "县住建局")
        .containsEntry("itemReport", "井道已完工并通过验收");
    assertThat((String) local.get("electorateChoices")).contains("hualin-yuyuan/1", "御苑小区 1栋", "12户");
    complete(organize, "jianwei.hualin", COMMITTEE, choice());
    verify(evaluations).open(ITEM_HOUSING, true, "hualin-yuyuan/1", 5L, "jianwei.hualin");
    assertThat(pi).isWaitingAt(ItemEvaluation.USER_TASK_DISTRIBUTE);
    assertThat(pi).variables().containsEntry(ItemEvaluation.Var.EVALUATION_ID.name(), EVALUATION_ID)
        .containsEntry(ItemEvaluation.Var.CLOSES_AT.name(), Date.from(EVALUATION_CLOSES.toInstant()));
    assertThat(task(pi, ItemEvaluation.USER_TASK_DISTRIBUTE).getDueDate()).isEqualTo(Date.from(EVALUATION_CLOSES.toInstant()));
    return pi;
  }

  /** The window ends while the sheets task is still open: the boundary timer closes the round. */
  private void windowEnds(ProcessInstance pi) {
    execute(job(ItemEvaluation.TIMER_WHILE_DISTRIBUTING, pi));
    execute(job(ItemEvaluation.SERVICE_TASK_CLOSE, pi));
  }

  @Test
  void aGoodResultEndsTheEvaluation() {
    outcome(ItemEvaluationRules.Outcome.PASSED, 9, "4.22");
    ProcessInstance pi = opened();
    windowEnds(pi);
    verify(evaluations).close(EVALUATION_ID);
    assertThat(pi).hasPassed(ItemEvaluation.END_EVENT_PASSED).isEnded();
  }

  @Test
  void sheetsReportedDistributedThenTheWindowsTimerCloses() {
    outcome(ItemEvaluationRules.Outcome.PASSED, 3, "3.00");
    ProcessInstance pi = opened();
    complete(task(pi, ItemEvaluation.USER_TASK_DISTRIBUTE), "jianwei.hualin", COMMITTEE, Map.of());
    assertThat(pi).isWaitingAt(ItemEvaluation.TIMER_WINDOW);
    execute(job(ItemEvaluation.TIMER_WINDOW, pi));
    execute(job(ItemEvaluation.SERVICE_TASK_CLOSE, pi));
    assertThat(pi).hasPassed(ItemEvaluation.END_EVENT_PASSED).isEnded();
  }

  @Test
  void aPoorResultSendsTheItemBackToItsUnitThenToANewRound() {
    outcome(ItemEvaluationRules.Outcome.REWORK, 6, "2.17");
    ProcessInstance pi = opened();
    windowEnds(pi);
    assertThat(pi).isWaitingAt(ItemEvaluation.USER_TASK_REWORK);
    assertThat(pi).variables().containsEntry(ItemEvaluation.Var.OUTCOME.name(), "REWORK")
        .containsEntry(ItemEvaluation.Var.RESULT.name(), "6人评价，平均2.17分（评价较差，退回整改）");
    Task rework = task(pi, ItemEvaluation.USER_TASK_REWORK);
    assertThat(rework.getName()).startsWith("落实决议");
    assertThat(BpmnAwareTests.assertThat(rework).hasCandidateGroup("unit-housing"));
    complete(rework, "unit.housing", "unit-housing", Map.of(Deliberation.Var.PROGRESS_NOTE.name(), "已返工加固"));
    verify(services.implementation).completeItem(ITEM_HOUSING, "已返工加固", "unit.housing");
    assertThat(pi).isWaitingAt(ItemEvaluation.USER_TASK_ORGANIZE);
    outcome(ItemEvaluationRules.Outcome.PASSED, 5, "4.00");
    complete(task(pi, ItemEvaluation.USER_TASK_ORGANIZE), "jianwei.hualin", COMMITTEE, choice());
    windowEnds(pi);
    verify(evaluations, times(2)).close(EVALUATION_ID);
    assertThat(pi).hasPassed(ItemEvaluation.END_EVENT_PASSED).isEnded();
  }

  @Test
  void noRatingsIsFlaggedToTheCommitteeWithoutRework() {
    outcome(ItemEvaluationRules.Outcome.NO_RATINGS, 0, null);
    ProcessInstance pi = opened();
    windowEnds(pi);
    assertThat(pi).isWaitingAt(ItemEvaluation.USER_TASK_NO_RATINGS).hasNotPassed(ItemEvaluation.USER_TASK_REWORK);
    Task flagged = task(pi, ItemEvaluation.USER_TASK_NO_RATINGS);
    assertThat(BpmnAwareTests.assertThat(flagged).hasCandidateGroup(COMMITTEE));
    assertThat(pi).variables().containsEntry(ItemEvaluation.Var.RESULT.name(), "无人评价");
    complete(flagged, "jianwei.hualin", COMMITTEE, Map.of(ItemEvaluation.Var.NO_RATINGS_NOTE.name(), "评价单未发放到位"));
    assertThat(pi).hasPassed(ItemEvaluation.END_EVENT_NO_RATINGS).isEnded();
  }

  @Test
  void aRefusedChoiceKeepsTheCommitteesTaskOpen() {
    when(evaluations.open(anyLong(), any(), eq("other-compound"), any(), any())).thenThrow(new ValidationException(List.of(
        new FieldError("evaluationElectorate", "unknown", "请选择本社区住户名册中的小区、楼栋或单元"))));
    ProcessInstance pi = start();
    Map<String, Object> bad = choice();
    bad.put(ItemEvaluation.Var.ELECTORATE.name(), "other-compound");
    Task organize = task(pi, ItemEvaluation.USER_TASK_ORGANIZE);
    assertThatThrownBy(() -> complete(organize, "jianwei.hualin", COMMITTEE, bad))
        .isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
        .hasMessageContaining("请选择本社区住户名册中的小区、楼栋或单元");
    assertThat(pi).isWaitingAt(ItemEvaluation.USER_TASK_ORGANIZE);
    assertThat(pi).variables().doesNotContainKey(ItemEvaluation.Var.EVALUATION_ID.name());
  }
}
