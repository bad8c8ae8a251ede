package cn.yishi.adapter.process.scheduledlistening;

import static cn.yishi.adapter.process.scheduledlistening.ScheduledListening.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.PersonalDataPlugin;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.scheduledlistening.ScheduledListening.Var;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.ListeningService;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.platform.Schedules;
import cn.yishi.support.ProcessTestEngine;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * bpmn/scheduledListening.bpmn (定期听) on a plain in-memory engine: the timer is fired by hand, one reception task per
 * community, and each completion goes on. The real delegates and glue run on a mocked {@link ListeningService}: the
 * tests check what the receptions hand to it; the use case is tested with the application (ListeningH2Test).
 */
@Deployment(resources = {"bpmn/scheduledListening.bpmn", "forms/listeningReception.form"})
class ScheduledListeningProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = buildEngine();
  private static final LocalDate DAY = LocalDate.of(2026, 12, 15);
  private static final OffsetDateTime DUE = OffsetDateTime.parse("2026-12-15T18:00:00+08:00");
  private static final Map<String, String> COMMUNITIES = Map.of("hualin", "华林社区", "shengdian", "圣殿社区", "jiaoyuyuan", "教育园社区");
  private static final String SECRETARY = "secretary.hualin";

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final ListeningService listening = mock(ListeningService.class);

  private static ProcessEngine buildEngine() {
    ProcessEngineConfigurationImpl cfg = ProcessTestEngine.configuration("scheduled-listening-process-test", BEANS);
    // as in application.yaml: JSON, no Java serialization, validated deserialization
    cfg.setDefaultSerializationFormat("application/json");
    cfg.setJavaSerializationFormatEnabled(false);
    cfg.setDeserializationTypeValidationEnabled(true);
    // the timer start event reads its cron when the model is deployed
    ProcessTestEngine.register(BEANS, new Schedules("0 0 9 1,11,21 * ?", "0 0 9 1-7 * ?", "0 0 9 5,15,25 * ?", "Asia/Shanghai"));
    cfg.getProcessEnginePlugins().add(new PersonalDataPlugin());
    return cfg.buildProcessEngine();
  }

  /**
   * camunda-bpm-assert keeps its engine per thread; other process test classes in the same JVM use
   * their own engine, so this class sets its engine before each test and clears it after.
   */
  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(ENGINE);
  }

  @AfterEach
  void releaseThisEngine() {
    BpmnAwareTests.reset();
  }

  /** The real delegates and glue on the mocked use case: a listening day for the directory's three communities. */
  @BeforeEach
  void registerDelegates() {
    when(listening.plan(any())).thenReturn(new ListeningService.Plan(DAY, DUE, List.of("hualin", "shengdian", "jiaoyuyuan")));
    COMMUNITIES.forEach((code, name) -> {
      when(listening.communityName(code)).thenReturn(name);
      when(listening.receptionGroup(code)).thenReturn(code + "-community");
    });
    ProcessTestEngine.register(BEANS,
        new PlanReceptionsDelegate(listening),
        new RecordReceptionDelegate(listening),
        new ListeningReceptionsGlue(listening),
        new ListVariablesTaskListener(mock(CaseQueries.class), ProcessTestEngine.CLOCK),
        new TaskTitleListener());
  }

  /** What the receptions handed to the use case, in order, each recorded by the secretary. */
  private List<ListeningService.Reception> recorded(int receptions) {
    ArgumentCaptor<ListeningService.Reception> r = ArgumentCaptor.forClass(ListeningService.Reception.class);
    verify(listening, times(receptions)).record(r.capture(), eq(SECRETARY));
    return r.getAllValues();
  }

  private static Job timer() {
    return ENGINE.getManagementService().createJobQuery().processDefinitionKey(PROCESS_KEY).timers().singleResult();
  }

  /** Fires the timer start event by hand and returns the listening day it started. */
  private static ProcessInstance fire() {
    ENGINE.getManagementService().executeJob(timer().getId());
    List<ProcessInstance> started = ENGINE.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).list();
    assertThat(started).hasSize(1);
    return started.get(0);
  }

  private static List<Task> receptions(ProcessInstance pi) {
    return ENGINE.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(USER_TASK_RECEPTION).orderByTaskName().asc().list();
  }

  private static Task reception(ProcessInstance pi, String community) {
    return ENGINE.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(USER_TASK_RECEPTION).taskCandidateGroup(community + "-community").singleResult();
  }

  private static List<String> candidateGroups(Task t) {
    return ENGINE.getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  /** As Tasklist submits the reception form: the dynamic list as a Json variable. */
  private static VariableMap form(int residents, String note, String issuesJson) {
    VariableMap v = Variables.createVariables()
        .putValue(Var.RESIDENTS_RECEIVED.name(), (long) residents)
        .putValue(Var.RECEPTION_NOTE.name(), note)
        .putValue(Var.COMMUNITY_NAME.name(), "（表单回传的只读字段）")
        .putValue(Var.LISTENING_DATE.name(), "2026-12-15");
    if (issuesJson != null) {
      v.putValueTyped(Var.ISSUES.name(), SpinValues.jsonValue(issuesJson).create());
    }
    return v;
  }

  private static final String TWO_ISSUES = """
      [{"category":"streetlight","title":"御苑小区路灯不亮","description":"3栋前路灯坏了一周","compound":"御苑小区","householdsAffected":40},
       {"category":"parking","title":"滨江花园乱停车","description":"消防通道被占","compound":"滨江花园","householdsAffected":null}]""";

  private static void submit(Task t, VariableMap variables) {
    ProcessTestEngine.as(ENGINE, SECRETARY, List.of(), () -> ENGINE.getFormService().submitTaskForm(t.getId(), variables));
  }

  private static List<Job> continuations(ProcessInstance pi) {
    return ENGINE.getManagementService().createJobQuery().processInstanceId(pi.getId()).list();
  }

  @Test
  void theTimerFiresAt9OnThe5th15thAnd25thAndIsSetForTheNextListeningDay() {
    Job first = timer();
    ZonedDateTime due = first.getDuedate().toInstant().atZone(ZoneId.systemDefault());
    assertThat(due.getDayOfMonth()).isIn(5, 15, 25);
    assertThat(due.getHour()).isEqualTo(9);
    assertThat(due.getMinute()).isZero();

    ProcessInstance pi = fire();

    assertThat(pi).hasPassed(START_EVENT, SERVICE_TASK_PLAN).isWaitingAt(USER_TASK_RECEPTION);
    verify(listening).plan(null);
    assertThat(pi).variables().as("the plan, written back")
        .containsEntry(Var.LISTENING_DATE.name(), "2026-12-15").containsEntry(Var.RECEPTION_DUE.name(), Date.from(DUE.toInstant()))
        .containsEntry(Var.COMMUNITIES.name(), List.of("hualin", "shengdian", "jiaoyuyuan"));
    assertThat(timer().getId()).as("the next listening day's timer").isNotEqualTo(first.getId());
  }

  @Test
  void aMissedDayStartedByHandPlansThatDay() {
    when(listening.plan("2026-12-05")).thenReturn(new ListeningService.Plan(LocalDate.of(2026, 12, 5),
        OffsetDateTime.parse("2026-12-07T18:00:00+08:00"), List.of("hualin")));

    ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(Var.LISTENING_DATE.name(), "2026-12-05"));

    verify(listening).plan("2026-12-05");
    assertThat(pi).variables().containsEntry(Var.LISTENING_DATE.name(), "2026-12-05");
    assertThat(receptions(pi)).singleElement().satisfies(t -> {
      assertThat(t.getName()).isEqualTo("定期听接待 华林社区");
      assertThat(t.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-12-07T18:00:00+08:00").toInstant()));
    });
  }

  @Test
  void oneReceptionTaskPerCommunityForItsCommunityGroupDueAtTheEndOfTheDay() {
    ProcessInstance pi = fire();

    List<Task> tasks = receptions(pi);
    assertThat(tasks).extracting(Task::getName)
        .containsExactlyInAnyOrder("定期听接待 华林社区", "定期听接待 圣殿社区", "定期听接待 教育园社区");
    for (String community : COMMUNITIES.keySet()) {
      Task t = reception(pi, community);
      assertThat(candidateGroups(t)).containsExactly(community + "-community");
      assertThat(t.getDueDate()).isEqualTo(Date.from(DUE.toInstant()));
      assertThat(ENGINE.getTaskService().getVariables(t.getId()))
          .as("what the form shows")
          .containsEntry(Var.COMMUNITY_NAME.name(), COMMUNITIES.get(community))
          .containsEntry(Var.LISTENING_DATE.name(), "2026-12-15");
      assertThat(ENGINE.getTaskService().getVariablesLocal(t.getId()))
          .as("listed in Tasklist's filters").containsEntry("listCommunity", community);
    }
    assertThat(ENGINE.getTaskService().createTaskQuery().taskId(tasks.get(0).getId()).initializeFormKeys().singleResult()
        .getCamundaFormRef().getKey()).isEqualTo(FORM_RECEPTION);
  }

  @Test
  void eachCompletionIsRecordedForItsOwnCommunityAndTheDayEndsWhenAllAreDone() {
    ProcessInstance pi = fire();

    submit(reception(pi, "hualin"), form(23, "接待顺利", TWO_ISSUES));
    submit(reception(pi, "shengdian"), form(5, null, "[]"));

    List<ListeningService.Reception> recorded = recorded(2);
    assertThat(recorded.get(0)).as("the form's list parsed into issues, numbers as typed").isEqualTo(new ListeningService.Reception(
        pi.getId(), "hualin", DAY, 23, "接待顺利", List.of(
            new ListeningService.IssueInput("streetlight", "御苑小区路灯不亮", "3栋前路灯坏了一周", "御苑小区", "40"),
            new ListeningService.IssueInput("parking", "滨江花园乱停车", "消防通道被占", "滨江花园", null))));
    assertThat(recorded.get(1)).isEqualTo(new ListeningService.Reception(pi.getId(), "shengdian", DAY, 5, null, List.of()));
    assertThat(ENGINE.getRuntimeService().getVariables(pi.getId()))
        .as("what a reception submits stays in that reception")
        .doesNotContainKeys(Var.ISSUES.name(), Var.RESIDENTS_RECEIVED.name(), Var.RECEPTION_NOTE.name(), Var.COMMUNITY_NAME.name())
        .containsEntry(Var.LISTENING_DATE.name(), "2026-12-15");
    assertThat(receptions(pi)).hasSize(1);

    // the completions go on asynchronously, so that communities completing at once never collide
    List<Job> jobs = continuations(pi);
    assertThat(jobs).hasSize(2);
    jobs.forEach(j -> ENGINE.getManagementService().executeJob(j.getId()));
    assertThat(pi).isNotEnded().isWaitingAt(USER_TASK_RECEPTION);

    submit(reception(pi, "jiaoyuyuan"), form(0, null, null));
    continuations(pi).forEach(j -> ENGINE.getManagementService().executeJob(j.getId()));

    assertThat(recorded(3).get(2)).isEqualTo(new ListeningService.Reception(pi.getId(), "jiaoyuyuan", DAY, 0, null, List.of()));
    assertThat(pi).hasPassed(SERVICE_TASK_RECORD, END_EVENT_RECEPTION_RECORDED, END_EVENT_LISTENING_DAY_DONE).isEnded();
  }

  @Test
  void aRefusedRecordingLeavesTheTaskOpenAndNothingMoves() {
    ProcessInstance pi = fire();
    when(listening.record(any(), any())).thenThrow(new ValidationException(List.of(
        new FieldError("issues[0].title", "required", "第1项诉求：请填写诉求标题"))));
    Task t = reception(pi, "hualin");

    assertThatThrownBy(() -> submit(t, form(3, null, TWO_ISSUES)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("issues[0].title");

    assertThat(reception(pi, "hualin")).isNotNull();
    assertThat(receptions(pi)).hasSize(3);
    assertThat(continuations(pi)).isEmpty();
    assertThat(pi).hasNotPassed(SERVICE_TASK_RECORD);

    doReturn(null).when(listening).record(any(), any());
    submit(t, form(3, null, TWO_ISSUES));
    assertThat(recorded(2).get(1).community()).as("recorded on the second try").isEqualTo("hualin");
    assertThat(receptions(pi)).hasSize(2);
  }

  @Test
  void aMalformedIssueListIsRefusedBeforeTheUseCase() {
    ProcessInstance pi = fire();
    Task t = reception(pi, "hualin");

    assertThatThrownBy(() -> submit(t, form(3, null, "{\"title\":\"路灯\"}")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("诉求清单格式不正确");

    verify(listening, never()).record(any(), any());
    assertThat(receptions(pi)).hasSize(3);
  }

  @Test
  void theIssuesAndTheNoteNeverReachHistory() {
    ProcessInstance pi = fire();
    String issues = """
        [{"category":"noise","title":"夜间施工噪音","description":"张三（13800138000）反映工地夜里施工","compound":"光华小区"}]""";

    submit(reception(pi, "shengdian"), form(7, "李四来访，电话13900139000", issues));
    continuations(pi).forEach(j -> ENGINE.getManagementService().executeJob(j.getId()));

    List<HistoricVariableInstance> variables = ENGINE.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list();
    assertThat(variables).extracting(HistoricVariableInstance::getName)
        .contains(Var.RESIDENTS_RECEIVED.name(), Var.COMMUNITY.name())
        .doesNotContain(Var.ISSUES.name(), Var.RECEPTION_NOTE.name());
    List<HistoricDetail> details = ENGINE.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId()).list();
    assertThat(details).extracting(ScheduledListeningProcessTest::nameAndValue)
        .anyMatch(s -> s.startsWith(Var.RESIDENTS_RECEIVED.name() + "="))
        .noneMatch(s -> s.contains("13800138000") || s.contains("13900139000") || s.contains("张三") || s.contains("李四"));
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
