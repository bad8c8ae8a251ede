package cn.yishi.adapter.process.tendayfollowup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.supervision.TenDaySweep;
import cn.yishi.platform.Schedules;
import cn.yishi.support.ProcessTestEngine;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/tenDayFollowUp.bpmn on a plain in-memory engine: the timer start reads its cron from the yishiSchedules bean,
 * fires at 09:00 on the 1st, 11th and 21st, and schedules the next; a catch-up start passes its date to the sweep.
 * The real delegate runs on a mocked {@link TenDaySweep}; the sweep itself is tested with the application.
 */
class TenDayFollowUpProcessTest {
  private static final ZoneId ZONE = ZoneId.systemDefault();
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final ProcessEngine ENGINE = buildEngine();

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private final TenDaySweep sweep = mock(TenDaySweep.class);

  private static ProcessEngine buildEngine() {
    ProcessEngineConfigurationImpl cfg = ProcessTestEngine.configuration("ten-day-follow-up-process-test", BEANS);
    // read by the timer start event when the model is deployed: the default schedule
    ProcessTestEngine.register(BEANS, new Schedules("0 0 9 1,11,21 * ?", "0 0 9 1-10 * ?", "0 0 9 5,15,25 * ?", ZONE.getId()));
    return cfg.buildProcessEngine();
  }

  /** camunda-bpm-assert keeps one engine per thread: use this class's, not the previous class's. */
  @BeforeEach
  void useThisEngine() {
    BpmnAwareTests.init(ENGINE);
    when(sweep.sweep(any(), any(), any())).thenAnswer(a -> run(41L, a.getArgument(0), a.getArgument(1), a.getArgument(2)));
    ProcessTestEngine.register(BEANS, new TenDaySweepDelegate(sweep));
  }

  @AfterEach
  void reset() {
    BpmnAwareTests.reset();
    ClockUtil.reset();
    ENGINE.getRepositoryService().createDeploymentQuery().list()
        .forEach(d -> ENGINE.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  /** The run record the sweep keeps. */
  private static SupervisionStore.Run run(long id, LocalDate asOf, String triggeredBy, String processInstanceId) {
    return new SupervisionStore.Run(id, TenDaySweep.KIND, asOf, "2026-12-2", triggeredBy, null, null, 0, 0, 0, 0, 0, 0,
        processInstanceId);
  }

  private static void at(LocalDateTime t) {
    ClockUtil.setCurrentTime(Date.from(t.atZone(ZONE).toInstant()));
  }

  private static void deploy() {
    ENGINE.getRepositoryService().createDeployment().addClasspathResource("bpmn/tenDayFollowUp.bpmn").deploy();
  }

  private static Job timer() {
    return ENGINE.getManagementService().createJobQuery().processDefinitionKey(TenDayFollowUp.PROCESS_KEY)
        .timers().singleResult();
  }

  private static Object runId(String processInstanceId) {
    return ENGINE.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
        .variableName(TenDayFollowUp.Var.RUN_ID.name()).singleResult().getValue();
  }

  @Test
  void theTimerFiresAtNineOnTheFirstEleventhAndTwentyFirstAndSchedulesTheNext() {
    when(sweep.today()).thenReturn(LocalDate.of(2026, 12, 11));
    at(LocalDateTime.of(2026, 12, 3, 14, 0));
    deploy();
    Job first = timer();
    assertThat(first.getDuedate()).isEqualTo(Date.from(LocalDateTime.of(2026, 12, 11, 9, 0).atZone(ZONE).toInstant()));

    at(LocalDateTime.of(2026, 12, 11, 9, 0, 5));
    ENGINE.getManagementService().executeJob(first.getId());

    HistoricProcessInstance run = ENGINE.getHistoryService().createHistoricProcessInstanceQuery().finished().singleResult();
    assertThat(run).isNotNull();
    verify(sweep).sweep(LocalDate.of(2026, 12, 11), "timer", run.getId());
    assertThat(runId(run.getId())).as("the run record's id, written back").isEqualTo(41L);
    assertThat(timer().getDuedate()).isEqualTo(Date.from(LocalDateTime.of(2026, 12, 21, 9, 0).atZone(ZONE).toInstant()));

    at(LocalDateTime.of(2026, 12, 21, 9, 0, 5));
    ENGINE.getManagementService().executeJob(timer().getId());
    assertThat(timer().getDuedate()).as("December's last 旬 is followed by January's first")
        .isEqualTo(Date.from(LocalDateTime.of(2027, 1, 1, 9, 0).atZone(ZONE).toInstant()));
  }

  @Test
  void aCatchUpStartPassesItsDateAndOperatorToTheSweep() {
    deploy();
    ProcessInstance pi = ENGINE.getRuntimeService().startProcessInstanceByKey(TenDayFollowUp.PROCESS_KEY,
        Map.of(TenDayFollowUp.Var.AS_OF.name(), "2026-12-11", TenDayFollowUp.Var.TRIGGERED_BY.name(), "ops"));

    assertThat(pi).isEnded().hasPassed(TenDayFollowUp.SERVICE_TASK_SWEEP);
    verify(sweep).sweep(LocalDate.of(2026, 12, 11), "ops", pi.getId());
    verify(sweep, never()).today();
    assertThat(runId(pi.getId())).isEqualTo(41L);
    assertThat(timer()).as("the schedule stays as it was").isNotNull();
  }
}
