package cn.yishi.adapter.process;

import static cn.yishi.adapter.process.ListVariablesTaskListener.FACT_DEADLINE;
import static cn.yishi.adapter.process.ListVariablesTaskListener.FACT_TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;
import cn.yishi.application.TaskFacts;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The task listener on a real (in-memory) engine: it copies the list facts, sets the case's facts
 * for the form, and leaves a task without a case alone.
 */
class ListVariablesTaskListenerTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String CASE_NO = "FX-2026-000042";
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static ProcessEngine engine;

  /** The case numbers the listener asked for. */
  private final List<String> asked = new ArrayList<>();

  @BeforeAll
  static void startEngine() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:list-variables-listener-test;DB_CLOSE_DELAY=-1")
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    cfg.setBeans(BEANS);
    engine = cfg.buildProcessEngine();
    BpmnModelInstance model = Bpmn.createExecutableProcess("listenerTest")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("userTask_work").name("办理").camundaCandidateGroups("hualin-room")
        .camundaTaskListenerDelegateExpression("create", "${listVariablesTaskListener}")
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("listenerTest.bpmn", model).deploy();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void listener() {
    BEANS.put("listVariablesTaskListener", new ListVariablesTaskListener(caseNo -> {
      asked.add(caseNo);
      return CASE_NO.equals(caseNo)
          ? Optional.of(new TaskFacts(OffsetDateTime.parse("2026-03-02T10:00:00Z"), List.of(
              new TaskFacts.Line(OffsetDateTime.parse("2026-02-27T01:15:00Z"), "登记诉求", "来源渠道：12345热线"),
              new TaskFacts.Line(OffsetDateTime.parse("2026-02-27T02:30:00Z"), "调整分级分类", null))))
          : Optional.empty();
    }, code -> "hualin".equals(code) ? Optional.of("华林社区") : Optional.empty(), SHANGHAI));
  }

  private Map<String, Object> localVariablesOfTaskStartedWith(Map<String, Object> variables) {
    String pi = engine.getRuntimeService().startProcessInstanceByKey("listenerTest", variables).getId();
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
    return engine.getTaskService().getVariablesLocal(task.getId());
  }

  @Test
  void setsTheListFactsAndTheCasesFactsOnTheTask() {
    Date deadline = new Date();
    Map<String, Object> local = localVariablesOfTaskStartedWith(Map.of(
        Var.CASE_NO.name(), CASE_NO, Var.TITLE.name(), "御苑小区路灯不亮", Var.COMMUNITY.name(), "hualin", Var.URGENCY.name(), "RED",
        Var.HANDLING_DEADLINE.name(), deadline));

    assertThat(asked).containsExactly(CASE_NO);
    assertThat(local)
        .containsEntry("listCaseNo", CASE_NO).containsEntry("listTitle", "御苑小区路灯不亮")
        .containsEntry("listCommunity", "hualin").containsEntry("listUrgency", "RED").containsEntry("listDeadline", deadline)
        .containsEntry("listCommunityName", "华林社区").containsEntry("listUrgencyName", "红色（紧急）")
        .containsEntry(FACT_DEADLINE.name(), "2026年3月2日 星期一 18:00")
        .containsEntry(FACT_TIMELINE.name(), "2026-02-27 09:15 登记诉求：来源渠道：12345热线\n2026-02-27 10:30 调整分级分类");
    assertThat(local.keySet()).as("only the documented task-local variables").isSubsetOf(ListVariablesTaskListener.TASK_LOCAL);
  }

  @Test
  void aTaskWithoutACaseGetsNoCaseFactsAndNoQuery() {
    Map<String, Object> local = localVariablesOfTaskStartedWith(Map.of(Var.TITLE.name(), "2026年2月月调度", Var.COMMUNITY.name(), "hualin"));

    assertThat(asked).as("no case number, no query").isEmpty();
    assertThat(local).containsEntry("listTitle", "2026年2月月调度").containsEntry("listCommunity", "hualin")
        .doesNotContainKeys("listCaseNo", FACT_DEADLINE.name(), FACT_TIMELINE.name());
  }

  @Test
  void codesThatTheDirectoryOrTheDomainDoNotKnowGetNoName() {
    Map<String, Object> local = localVariablesOfTaskStartedWith(Map.of(
        Var.TITLE.name(), "路灯", Var.COMMUNITY.name(), "nowhere", Var.URGENCY.name(), "PURPLE"));

    assertThat(local).containsEntry("listCommunity", "nowhere").containsEntry("listUrgency", "PURPLE")
        .doesNotContainKeys("listCommunityName", "listUrgencyName");
  }

  @Test
  void everyUrgencyHasAChineseName() {
    for (cn.yishi.domain.casefile.Urgency u : cn.yishi.domain.casefile.Urgency.values()) {
      assertThat(ListVariablesTaskListener.urgencyName(u.name())).contains(u.label());
      assertThat(u.label()).doesNotContain(u.name());
    }
  }

  @Test
  void aCaseNumberWithoutARecordGetsNoCaseFacts() {
    Map<String, Object> local = localVariablesOfTaskStartedWith(Map.of(Var.CASE_NO.name(), "FX-2026-999999"));

    assertThat(asked).containsExactly("FX-2026-999999");
    assertThat(local).containsEntry("listCaseNo", "FX-2026-999999").doesNotContainKeys(FACT_DEADLINE.name(), FACT_TIMELINE.name());
  }

  @Test
  void withoutAFactsSourceOnlyTheListFactsAreSet() {
    BEANS.put("listVariablesTaskListener", new ListVariablesTaskListener());
    Map<String, Object> local = localVariablesOfTaskStartedWith(Map.of(Var.CASE_NO.name(), CASE_NO));

    assertThat(local).containsOnlyKeys("listCaseNo");
  }
}
