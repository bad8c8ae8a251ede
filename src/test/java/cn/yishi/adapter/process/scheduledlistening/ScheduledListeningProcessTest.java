package cn.yishi.adapter.process.scheduledlistening;

import static cn.yishi.adapter.process.scheduledlistening.ScheduledListening.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.PersonalDataPlugin;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.scheduledlistening.ScheduledListening.Var;
import cn.yishi.platform.Schedules;
import cn.yishi.support.ProcessTestEngine;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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

/**
 * bpmn/scheduledListening.bpmn (定期听) on a plain in-memory engine: the timer is fired by hand, one
 * reception task per community, and each completion goes on. The delegates are replaced by stubs that
 * write what the real ones write; the use case is tested with the application (ListeningH2Test).
 */
@Deployment(resources = {"bpmn/scheduledListening.bpmn", "forms/listeningReception.form"})
class ScheduledListeningProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = buildEngine();
  private static final Date DUE = Date.from(Instant.parse("2026-12-15T10:00:00Z"));
  private static final Map<String, String> COMMUNITIES = Map.of("hualin", "华林社区", "shengdian", "圣殿社区", "jiaoyuyuan", "教育园社区");

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  /** What the recording stub received: community, date, residents and issues of each reception. */
  private final List<Map<String, Object>> recorded = new ArrayList<>();
  private final AtomicBoolean refuse = new AtomicBoolean();

  private static ProcessEngine buildEngine() {
    ProcessEngineConfigurationImpl cfg = ProcessTestEngine.configuration("scheduled-listening-process-test", BEANS);
    // as in application.yaml: JSON, no Java serialization, validated deserialization
    cfg.setDefaultSerializationFormat("application/json");
    cfg.setJavaSerializationFormatEnabled(false);
    cfg.setDeserializationTypeValidationEnabled(true);
    // the timer start event reads its cron when the model is deployed
    BEANS.put("yishiSchedules", new Schedules("0 0 9 1,11,21 * ?", "0 0 9 1-7 * ?", "0 0 9 5,15,25 * ?", "Asia/Shanghai"));
    cfg.getProcessEnginePlugins().add(new PersonalDataPlugin());
    return cfg.buildProcessEngine();
  }

  /** Read by the reception sub-process, as the real ListeningReceptionsGlue. */
  public static class ReceptionsStub {
    public String communityName(String community) {
      return COMMUNITIES.get(community);
    }

    public String receptionGroup(String community) {
      return community + "-community";
    }
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

  @BeforeEach
  void replaceDelegates() {
    BEANS.put("planReceptionsDelegate", (JavaDelegate) e -> {
      e.setVariable(Var.LISTENING_DATE.name(), "2026-12-15");
      e.setVariable(Var.RECEPTION_DUE.name(), DUE);
      e.setVariable(Var.COMMUNITIES.name(), new ArrayList<>(List.of("hualin", "shengdian", "jiaoyuyuan")));
    });
    BEANS.put("recordReceptionDelegate", (JavaDelegate) e -> {
      if (refuse.get()) {
        throw new BadUserRequestException("输入有误：issues[0].title: 第1项诉求：请填写诉求标题");
      }
      Map<String, Object> r = new HashMap<>();
      r.put(Var.COMMUNITY.name(), e.getVariable(Var.COMMUNITY.name()));
      r.put(Var.LISTENING_DATE.name(), e.getVariable(Var.LISTENING_DATE.name()));
      r.put(Var.RESIDENTS_RECEIVED.name(), e.getVariable(Var.RESIDENTS_RECEIVED.name()));
      Object issues = e.getVariable(Var.ISSUES.name());
      r.put(Var.ISSUES.name(), issues == null ? null : issues.toString());
      recorded.add(r);
      e.removeVariable(Var.ISSUES.name());
      e.removeVariable(Var.RECEPTION_NOTE.name());
    });
    BEANS.put("listeningReceptions", new ReceptionsStub());
    BEANS.put("listVariablesTaskListener", new ListVariablesTaskListener());
    BEANS.put("taskTitleListener", new TaskTitleListener());
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
    ENGINE.getFormService().submitTaskForm(t.getId(), variables);
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
    assertThat(timer().getId()).as("the next listening day's timer").isNotEqualTo(first.getId());
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
      assertThat(t.getDueDate()).isEqualTo(DUE);
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

    assertThat(recorded).hasSize(2);
    assertThat(recorded.get(0)).containsEntry(Var.COMMUNITY.name(), "hualin").containsEntry(Var.LISTENING_DATE.name(), "2026-12-15")
        .containsEntry(Var.RESIDENTS_RECEIVED.name(), 23L);
    assertThat((String) recorded.get(0).get(Var.ISSUES.name())).contains("御苑小区路灯不亮", "滨江花园乱停车");
    assertThat(recorded.get(1)).containsEntry(Var.COMMUNITY.name(), "shengdian").containsEntry(Var.ISSUES.name(), "[]");
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

    assertThat(recorded).hasSize(3);
    assertThat(recorded.get(2)).containsEntry(Var.COMMUNITY.name(), "jiaoyuyuan").containsEntry(Var.ISSUES.name(), null);
    assertThat(pi).hasPassed(SERVICE_TASK_RECORD, END_EVENT_RECEPTION_RECORDED, END_EVENT_LISTENING_DAY_DONE).isEnded();
  }

  @Test
  void aRefusedRecordingLeavesTheTaskOpenAndNothingMoves() {
    ProcessInstance pi = fire();
    refuse.set(true);
    Task t = reception(pi, "hualin");

    assertThatThrownBy(() -> submit(t, form(3, null, TWO_ISSUES)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("issues[0].title");

    assertThat(reception(pi, "hualin")).isNotNull();
    assertThat(receptions(pi)).hasSize(3);
    assertThat(continuations(pi)).isEmpty();
    assertThat(pi).hasNotPassed(SERVICE_TASK_RECORD);

    refuse.set(false);
    submit(t, form(3, null, TWO_ISSUES));
    assertThat(recorded).hasSize(1);
    assertThat(receptions(pi)).hasSize(2);
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
