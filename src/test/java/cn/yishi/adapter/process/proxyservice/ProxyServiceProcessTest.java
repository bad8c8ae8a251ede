package cn.yishi.adapter.process.proxyservice;

import static cn.yishi.adapter.process.proxyservice.ProxyService.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.adapter.process.PersonalDataPlugin;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.proxy.ProxyRequests;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.support.ProcessTestEngine;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
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

/**
 * bpmn/proxyService.bpmn (代办) on a plain in-memory engine with the real delegates on a mocked {@link ProxyRequests}:
 * the Tasklist and the phone start, the refusals, the hand-over loop, the deadline timer and its supervision, the
 * rating (satisfied, low → rework → rated again, none within the wait).
 */
@Deployment(resources = {"bpmn/proxyService.bpmn", "forms/proxyRequest.form", "forms/proxyCheck.form",
    "forms/proxyHandOver.form", "forms/proxyClose.form", "forms/proxySupervise.form", "forms/proxyRework.form"})
class ProxyServiceProcessTest {
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = buildEngine();
  private static final String OFFICER = "proxy.hualin";
  private static final OffsetDateTime DUE = OffsetDateTime.parse("2026-04-13T18:00:00+08:00");
  private static final long ID = 7L;

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final ProxyRequests requests = mock(ProxyRequests.class);
  private final cn.yishi.application.proxy.ProxySupervision supervision = mock(cn.yishi.application.proxy.ProxySupervision.class);

  private static ProcessEngine buildEngine() {
    ProcessEngineConfigurationImpl cfg = ProcessTestEngine.configuration("proxy-service-process-test", BEANS);
    cfg.setDefaultSerializationFormat("application/json");
    cfg.setJavaSerializationFormatEnabled(false);
    cfg.setDeserializationTypeValidationEnabled(true);
    cfg.getProcessEnginePlugins().add(new PersonalDataPlugin());
    return cfg.buildProcessEngine();
  }

  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(ENGINE);
  }

  @AfterEach
  void releaseThisEngine() {
    BpmnAwareTests.reset();
  }

  @BeforeEach
  void registerDelegates() {
    when(requests.registerFromForm(any(), anyString(), anyString())).thenReturn(new ProxyRequests.Registered(ID, "DB20260302-7", "tok"));
    when(requests.routing(ID)).thenReturn(new ProxyRequests.Routing("DB20260302-7", "低保申请", "乡镇（街道）社会事务办",
        List.of("申请人居民身份证", "户口簿"), "hualin-proxy", "street-fengchuan", DUE, "http://localhost:8080/public/proxy/tok"));
    ProcessTestEngine.register(BEANS, new RegisterProxyRequestDelegate(requests), new RecordDocumentCheckDelegate(requests),
        new RecordHandOverDelegate(requests), new CloseProxyRequestDelegate(requests), new MarkProxyOverdueDelegate(supervision),
        new RecordProxySupervisionDelegate(supervision), new RecordProxyUnratedDelegate(requests),
        new RecordProxyReworkDelegate(requests), new TaskTitleListener());
  }

  private static VariableMap startForm() {
    return Variables.createVariables().putValue(Var.SERVICE_CODE.name(), "subsistence-allowance")
        .putValue(Var.COMMUNITY.name(), "hualin").putValue(Var.COMPOUND.name(), "御苑小区")
        .putValue(Var.RESIDENT_NAME.name(), "王秀英").putValue(Var.RESIDENT_PHONE.name(), "13800001234");
  }

  private static ProcessInstance startInTasklist() {
    return ProcessTestEngine.as(ENGINE, OFFICER, List.of("hualin-proxy"), () -> ENGINE.getFormService()
        .submitStartForm(ENGINE.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
            .singleResult().getId(), startForm()));
  }

  private static ProcessInstance startFromPhone() {
    return ENGINE.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, "DB20260302-7",
        Map.of(Var.REQUEST_ID.name(), ID));
  }

  private static Task task(ProcessInstance pi, String key) {
    return ENGINE.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
  }

  private static void submit(ProcessInstance pi, String key, VariableMap v) {
    Task t = task(pi, key);
    assertThat(t).as(key).isNotNull();
    ProcessTestEngine.as(ENGINE, OFFICER, List.of("hualin-proxy"), () -> ENGINE.getFormService().submitTaskForm(t.getId(), v));
  }

  private static VariableMap check(String... ticked) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < ticked.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(ticked[i]).append('"');
    }
    return Variables.createVariables().putValueTyped(Var.DOCUMENTS_CHECKED.name(), SpinValues.jsonValue(json + "]").create())
        .putValue(Var.MODE.name(), "FULL");
  }

  private static VariableMap handOver(boolean more) {
    return Variables.createVariables().putValue(Var.HAND_OVER_DETAIL.name(), "递交身份证、户口簿复印件到社会事务办窗口")
        .putValue(Var.OFFICE_ANSWER.name(), more ? "需补充收入证明" : "已受理").putValue(Var.MORE_HAND_OVERS.name(), more);
  }

  private static VariableMap close() {
    return Variables.createVariables().putValue(Var.SUCCEEDED.name(), "true").putValue(Var.RESULT.name(), "低保已批准");
  }

  private static void rate(ProcessInstance pi, int rating, boolean satisfied) {
    ENGINE.getRuntimeService().createMessageCorrelation(MESSAGE_RATED).processInstanceId(pi.getId())
        .setVariable(Var.RATING.name(), rating).setVariable(Var.SATISFIED.name(), satisfied).correlate();
  }

  private static List<String> candidateGroups(Task t) {
    return ENGINE.getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
  }

  /** Runs the handling up to the rating: documents checked, handed over twice (补充材料), closed. */
  private void handle(ProcessInstance pi) {
    submit(pi, USER_TASK_CHECK, check("申请人居民身份证", "户口簿"));
    submit(pi, USER_TASK_HAND_OVER, handOver(true));
    submit(pi, USER_TASK_HAND_OVER, handOver(false));
    submit(pi, USER_TASK_CLOSE, close());
  }

  @Test
  void aRequestTakenInTasklistIsRegisteredAndTheResidentsNameAndPhoneLeaveTheProcess() {
    ProcessInstance pi = startInTasklist();

    verify(requests).registerFromForm(new ProxyRequests.NewProxyRequest("subsistence-allowance", "hualin", "御苑小区",
        "王秀英", "13800001234"), OFFICER, pi.getId());
    assertThat(pi).hasPassed(START_EVENT, SERVICE_TASK_REGISTER).isWaitingAt(USER_TASK_CHECK);
    assertThat(pi).variables().doesNotContainKeys(Var.RESIDENT_NAME.name(), Var.RESIDENT_PHONE.name())
        .containsEntry(Var.REQUEST_ID.name(), ID).containsEntry(Var.PROXY_GROUP.name(), "hualin-proxy")
        .containsEntry(Var.DUE_DATE.name(), Date.from(DUE.toInstant()))
        .containsEntry(Var.STATUS_URL.name(), "http://localhost:8080/public/proxy/tok");
    assertThat(ENGINE.getRuntimeService().getVariable(pi.getId(), Var.DOCUMENT_OPTIONS.name()).toString())
        .contains("\"label\":\"申请人居民身份证\"", "\"value\":\"户口簿\"");
    assertThat(ENGINE.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableNameIn(Var.RESIDENT_NAME.name(), Var.RESIDENT_PHONE.name()).count()).as("history").isZero();
    assertThat(ENGINE.getHistoryService().createHistoricDetailQuery().processInstanceId(pi.getId()).list())
        .as("no history detail carries the name or phone").noneMatch(d -> d.toString().contains("王秀英") || d.toString().contains("13800001234"));
    Task check = task(pi, USER_TASK_CHECK);
    assertThat(candidateGroups(check)).containsExactly("hualin-proxy");
    assertThat(check.getDueDate()).isEqualTo(Date.from(DUE.toInstant()));
    assertThat(ENGINE.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey()).isEqualTo("DB20260302-7");
  }

  @Test
  void aRefusedStartStoresNothingAndStartsNoProcess() {
    when(requests.registerFromForm(any(), anyString(), anyString())).thenThrow(new ValidationException(
        List.of(new FieldError("serviceCode", "unknown", "代办事项目录中没有该事项，请从目录中选择"))));

    assertThatThrownBy(ProxyServiceProcessTest::startInTasklist).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("代办事项目录中没有该事项");
    assertThat(ENGINE.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
    assertThat(ENGINE.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
  }

  @Test
  void aPhoneRequestArrivesRegisteredAndIsOnlyRouted() {
    ProcessInstance pi = startFromPhone();

    verify(requests, never()).registerFromForm(any(), anyString(), anyString());
    verify(requests).routing(ID);
    assertThat(pi).isWaitingAt(USER_TASK_CHECK);
  }

  @Test
  void handledRatedSatisfiedEndsDone() {
    ProcessInstance pi = startFromPhone();

    handle(pi);
    verify(requests).checkDocuments(eq(ID), eq(List.of("申请人居民身份证", "户口簿")), eq("FULL"), eq(OFFICER));
    verify(requests).handOver(ID, "递交身份证、户口簿复印件到社会事务办窗口", "需补充收入证明", OFFICER);
    verify(requests).handOver(ID, "递交身份证、户口簿复印件到社会事务办窗口", "已受理", OFFICER);
    verify(requests).close(ID, Boolean.TRUE, "低保已批准", OFFICER);
    assertThat(pi).hasPassed(GATEWAY_HAND_OVER_JOIN, GATEWAY_MORE_HAND_OVERS, END_EVENT_HANDLED).isWaitingAt(RECEIVE_TASK_RATING);

    rate(pi, 5, true);

    assertThat(pi).hasPassed(GATEWAY_SATISFIED, END_EVENT_DONE).hasNotPassed(USER_TASK_REWORK, BOUNDARY_OVERDUE).isEnded();
  }

  @Test
  void missingDocumentsRefuseTheCheckAndTheTaskStaysOpen() {
    ProcessInstance pi = startFromPhone();
    doThrow(new ValidationException(List.of(new FieldError("documentsChecked", "missing", "以下办理要件尚未核对齐全，不能代办：户口簿"))))
        .when(requests).checkDocuments(anyLong(), any(), any(), anyString());

    assertThatThrownBy(() -> submit(pi, USER_TASK_CHECK, check("申请人居民身份证")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("户口簿");

    assertThat(pi).isWaitingAt(USER_TASK_CHECK).hasNotPassed(SERVICE_TASK_RECORD_CHECK);
  }

  @Test
  void aSweepOrderRaisesItsOwnSupervisionInItsOwnScopeWhileTheHandlingGoesOn() {
    ProcessInstance pi = startFromPhone();
    for (long order : new long[] {41L, 42L}) {
      ENGINE.getRuntimeService().createMessageCorrelation(cn.yishi.adapter.process.proxyservice.ProxyService.MESSAGE_SUPERVISE)
          .processInstanceId(pi.getId())
          .setVariablesToTriggeredScope(Variables.createVariables().putValue(Var.ORDER_ID.name(), order)
              .putValue(Var.SUPERVISION_REASON.name(), "旬跟进：超期 " + order).putValue(Var.SUPERVISION_NOTE.name(), null))
          .correlateWithResult();
    }
    List<org.camunda.bpm.engine.task.Task> orders = ENGINE.getTaskService().createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey(cn.yishi.adapter.process.proxyservice.ProxyService.USER_TASK_SWEEP_SUPERVISE).list();
    assertThat(orders).hasSize(2);
    assertThat(candidateGroups(orders.get(0))).containsExactly("street-fengchuan");
    org.camunda.bpm.engine.task.Task second = orders.stream().filter(t -> ENGINE.getTaskService()
        .getVariable(t.getId(), Var.ORDER_ID.name()).equals(42L)).findFirst().orElseThrow();
    ProcessTestEngine.as(ENGINE, "street.fengchuan", List.of("street-fengchuan"), () -> ENGINE.getFormService()
        .submitTaskForm(second.getId(), Variables.createVariables().putValue(Var.SUPERVISION_NOTE.name(), "已电话督促")));

    verify(supervision).answered(ID, 42L, "已电话督促", "street.fengchuan");
    assertThat(ENGINE.getRuntimeService().getVariable(pi.getId(), Var.SUPERVISION_NOTE.name())).as("not on the process").isNull();
    assertThat(pi).isWaitingAt(USER_TASK_CHECK, cn.yishi.adapter.process.proxyservice.ProxyService.USER_TASK_SWEEP_SUPERVISE);
  }

  @Test
  void theDeadlineTimerRaisesSupervisionByTheStreetWhileTheHandlingGoesOn() {
    ProcessInstance pi = startFromPhone();
    Job timer = ENGINE.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).as("the time limit in working days").isEqualTo(Date.from(DUE.toInstant()));

    when(supervision.atDeadline(ID)).thenReturn(new cn.yishi.application.proxy.ProxySupervision.Raised(31L, "已超过办理时限"));
    ENGINE.getManagementService().executeJob(timer.getId());

    verify(supervision).atDeadline(ID);
    assertThat(ENGINE.getFormService().getTaskFormVariables(task(pi, USER_TASK_SUPERVISE).getId())
        .getValue(Var.SUPERVISION_REASON.name(), String.class)).isEqualTo("已超过办理时限");
    assertThat(pi).hasPassed(BOUNDARY_OVERDUE, SERVICE_TASK_MARK_OVERDUE).isWaitingAt(USER_TASK_SUPERVISE, USER_TASK_CHECK);
    assertThat(candidateGroups(task(pi, USER_TASK_SUPERVISE))).containsExactly("street-fengchuan");
    ProcessTestEngine.as(ENGINE, "street.fengchuan", List.of("street-fengchuan"), () -> ENGINE.getFormService()
        .submitTaskForm(task(pi, USER_TASK_SUPERVISE).getId(), Variables.createVariables().putValue(Var.SUPERVISION_NOTE.name(), "请三日内办结")));
    verify(supervision).answered(ID, 31L, "请三日内办结", "street.fengchuan");
    assertThat(pi).hasPassed(END_EVENT_SUPERVISED).isWaitingAt(USER_TASK_CHECK);

    handle(pi);
    rate(pi, 4, true);
    assertThat(pi).isEnded();
  }

  @Test
  void aLowRatingSendsItBackForReworkAndTheResidentRatesAgain() {
    ProcessInstance pi = startFromPhone();
    handle(pi);

    rate(pi, 2, false);

    assertThat(pi).isWaitingAt(USER_TASK_REWORK);
    assertThat(candidateGroups(task(pi, USER_TASK_REWORK))).containsExactly("hualin-proxy");
    submit(pi, USER_TASK_REWORK, Variables.createVariables().putValue(Var.REWORK_NOTE.name(), "补交材料后重新递交，已批准"));
    verify(requests).rework(ID, "补交材料后重新递交，已批准", OFFICER);
    assertThat(pi).hasPassed(SERVICE_TASK_RECORD_REWORK, GATEWAY_RATING_JOIN).isWaitingAt(RECEIVE_TASK_RATING);

    rate(pi, 4, true);
    assertThat(pi).hasPassed(END_EVENT_DONE).isEnded();
  }

  @Test
  void aRefusedReworkKeepsTheTaskOpen() {
    ProcessInstance pi = startFromPhone();
    handle(pi);
    rate(pi, 1, false);
    doThrow(new ValidationException(List.of(new FieldError("reworkNote", "required", "请填写整改情况"))))
        .when(requests).rework(anyLong(), any(), anyString());

    assertThatThrownBy(() -> submit(pi, USER_TASK_REWORK, Variables.createVariables().putValue(Var.REWORK_NOTE.name(), " ")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("请填写整改情况");
    assertThat(pi).isWaitingAt(USER_TASK_REWORK);
  }

  @Test
  void withoutARatingWithinTheWaitTheRequestEndsUnrated() {
    ProcessInstance pi = startFromPhone();
    handle(pi);
    Job wait = ENGINE.getManagementService().createJobQuery().processInstanceId(pi.getId()).timers()
        .activityId(BOUNDARY_RATING_TIMEOUT).singleResult();

    ENGINE.getManagementService().executeJob(wait.getId());

    verify(requests).unrated(ID);
    assertThat(pi).hasPassed(SERVICE_TASK_UNRATED, END_EVENT_UNRATED).hasNotPassed(GATEWAY_SATISFIED).isEnded();
  }
}
