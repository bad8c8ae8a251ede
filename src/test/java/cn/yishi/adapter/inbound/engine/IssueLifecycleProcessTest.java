package cn.yishi.adapter.inbound.engine;

import static cn.yishi.adapter.inbound.engine.IssueLifecycle.END_EVENT_ACCEPTED;
import static cn.yishi.adapter.inbound.engine.IssueLifecycle.END_EVENT_DECLINED;
import static cn.yishi.adapter.inbound.engine.IssueLifecycle.PROCESS_KEY;
import static cn.yishi.adapter.inbound.engine.IssueLifecycle.SERVICE_TASK_RECORD_REVIEW;
import static cn.yishi.adapter.inbound.engine.IssueLifecycle.SERVICE_TASK_REGISTER;
import static cn.yishi.adapter.inbound.engine.IssueLifecycle.USER_TASK_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.yishi.adapter.inbound.engine.IssueLifecycle.Var;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing of bpmn/issueLifecycle.bpmn on a plain in-memory engine. The delegates are replaced:
 * this test is about the model, the use cases are tested elsewhere.
 */
@Deployment(resources = {"bpmn/issueLifecycle.bpmn", "forms/issueIntake.form", "forms/issueReview.form"})
class IssueLifecycleProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = buildEngine();

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final AtomicBoolean refuseReview = new AtomicBoolean();

  private static ProcessEngine buildEngine() {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:issue-lifecycle-process-test;DB_CLOSE_DELAY=-1")
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    cfg.setBeans(BEANS);
    cfg.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    cfg.getProcessEnginePlugins().add(new PersonalDataPlugin());
    return cfg.buildProcessEngine();
  }

  @BeforeEach
  void replaceDelegates() {
    JavaDelegate register = execution -> {
      execution.removeVariables(Var.PERSONAL);
      execution.setProcessBusinessKey("FX-2026-000001");
      execution.setVariable(Var.CASE_NO, "FX-2026-000001");
      execution.setVariable(Var.REVIEW_GROUP, "hualin-community");
    };
    JavaDelegate recordReview = execution -> {
      if (refuseReview.get()) {
        throw new BadUserRequestException("输入有误：declineReason: 不予受理时必须填写理由");
      }
    };
    BEANS.put("registerCaseDelegate", register);
    BEANS.put("recordReviewDelegate", recordReview);
  }

  private ProcessInstance report() {
    return ENGINE.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(
        Var.CATEGORY, "streetlight",
        Var.TITLE, "御苑小区路灯不亮",
        Var.COMMUNITY, "hualin",
        Var.REPORTER_NAME, "李四",
        Var.REPORTER_PHONE, "13800138000"));
  }

  @Test
  void registersThenWaitsForPartyReviewByTheCommunityGroup() {
    ProcessInstance pi = report();

    assertThat(pi).hasPassed(SERVICE_TASK_REGISTER).isWaitingAt(USER_TASK_REVIEW);
    assertThat(pi).hasBusinessKey("FX-2026-000001");
    assertThat(task(pi)).hasCandidateGroup("hualin-community").hasName("前置把关 FX-2026-000001 御苑小区路灯不亮");
    assertThat(ENGINE.getTaskService().getIdentityLinksForTask(task(pi).getId()))
        .extracting(IdentityLink::getGroupId).containsExactly("hualin-community");
  }

  @Test
  void admissibleCaseIsAccepted() {
    ProcessInstance pi = report();

    complete(task(pi), withVariables(Var.ADMISSIBLE, true));

    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_REVIEW, END_EVENT_ACCEPTED)
        .hasNotPassed(END_EVENT_DECLINED).isEnded();
  }

  @Test
  void inadmissibleCaseIsDeclined() {
    ProcessInstance pi = report();

    complete(task(pi), withVariables(Var.ADMISSIBLE, false, Var.DECLINE_REASON, "属个人纠纷，转人民调解"));

    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_REVIEW, END_EVENT_DECLINED)
        .hasNotPassed(END_EVENT_ACCEPTED).isEnded();
  }

  @Test
  void refusedReviewLeavesTheTaskOpen() {
    ProcessInstance pi = report();
    refuseReview.set(true);
    String taskId = task(pi).getId();

    assertThatThrownBy(() -> ENGINE.getTaskService().complete(taskId, withVariables(Var.ADMISSIBLE, false)))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("理由");

    assertThat(pi).isWaitingAt(USER_TASK_REVIEW).hasNotPassed(SERVICE_TASK_RECORD_REVIEW);
  }

  @Test
  void personalDataNeverReachesRuntimeOrHistory() {
    String definitionId = ENGINE.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).singleResult().getId();
    // as Tasklist submits the start form
    ProcessInstance pi = ENGINE.getFormService().submitStartForm(definitionId, withVariables(
        Var.TITLE, "御苑小区路灯不亮",
        Var.REPORTER_NAME, "李四",
        Var.REPORTER_PHONE, "13800138000",
        Var.ADDRESS, "御苑小区3栋2单元501"));

    assertThat(ENGINE.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys(
        Var.REPORTER_NAME, Var.REPORTER_PHONE, Var.REPORTER_EMAIL, Var.ADDRESS);
    assertThat(ENGINE.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).list())
        .extracting(v -> v.getName())
        .contains(Var.TITLE)
        .doesNotContain(Var.REPORTER_NAME, Var.REPORTER_PHONE, Var.ADDRESS);
    List<HistoricDetail> details = ENGINE.getHistoryService().createHistoricDetailQuery()
        .processInstanceId(pi.getId()).list();
    assertThat(details).isNotEmpty();
    assertThat(details).extracting(IssueLifecycleProcessTest::nameAndValue)
        .anyMatch(s -> s.contains("御苑小区路灯不亮"))
        .noneMatch(s -> s.contains("13800138000") || s.contains("李四") || s.contains("501"));
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
