package cn.yishi.adapter.process.tendayfollowup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.yishi.support.ProcessTestEngine;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/tenDayFollowUp.bpmn on a plain in-memory engine: the timer start reads its cron from the
 * yishiSchedules bean, fires at 09:00 on the 1st, 11th and 21st, and schedules the next; a catch-up
 * start passes its date to the sweep. The sweep itself is tested with the application.
 */
class TenDayFollowUpProcessTest {
  private static final ZoneId ZONE = ZoneId.systemDefault();
  private static final Map<Object, Object> BEANS = new HashMap<>();
  private static final List<String> SWEPT = new CopyOnWriteArrayList<>();
  private static final ProcessEngine ENGINE = buildEngine();

  @RegisterExtension
  ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  /** What the timer start event reads: the default schedule. */
  public static class SchedulesStub {
    public String getTenDayFollowUp() {
      return "0 0 9 1,11,21 * ?";
    }
  }

  private static ProcessEngine buildEngine() {
    ProcessEngineConfigurationImpl cfg = ProcessTestEngine.configuration("ten-day-follow-up-process-test", BEANS);
    BEANS.put("yishiSchedules", new SchedulesStub());
    BEANS.put("tenDaySweepDelegate", (JavaDelegate) e -> {
      SWEPT.add(e.getVariable(TenDayFollowUp.Var.AS_OF.name()) + "/" + e.getVariable(TenDayFollowUp.Var.TRIGGERED_BY.name()));
      e.setVariable(TenDayFollowUp.Var.RUN_ID.name(), 1L);
    });
    return cfg.buildProcessEngine();
  }

  /** camunda-bpm-assert keeps one engine per thread: use this class's, not the previous class's. */
  @org.junit.jupiter.api.BeforeEach
  void useThisEngine() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(ENGINE);
  }

  @AfterEach
  void reset() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
    ClockUtil.reset();
    SWEPT.clear();
    ENGINE.getRepositoryService().createDeploymentQuery().list()
        .forEach(d -> ENGINE.getRepositoryService().deleteDeployment(d.getId(), true));
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

  @Test
  void theTimerFiresAtNineOnTheFirstEleventhAndTwentyFirstAndSchedulesTheNext() {
    at(LocalDateTime.of(2026, 12, 3, 14, 0));
    deploy();
    Job first = timer();
    assertThat(first.getDuedate()).isEqualTo(Date.from(LocalDateTime.of(2026, 12, 11, 9, 0).atZone(ZONE).toInstant()));

    at(LocalDateTime.of(2026, 12, 11, 9, 0, 5));
    ENGINE.getManagementService().executeJob(first.getId());

    assertThat(SWEPT).as("a scheduled sweep runs as of today, started by the timer").containsExactly("null/null");
    assertThat(ENGINE.getHistoryService().createHistoricProcessInstanceQuery().finished().count()).isOne();
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
    assertThat(SWEPT).containsExactly("2026-12-11/ops");
    assertThat(timer()).as("the schedule stays as it was").isNotNull();
  }
}
