package cn.yishi.adapter.outbound.engine;

import cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch;
import cn.yishi.adapter.process.tendayfollowup.TenDayFollowUp;
import cn.yishi.application.port.SupervisionProcesses;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts tenDayFollowUp and monthlyDispatch by key, with the date and the operator as variables. */
@Component
class CamundaSupervisionProcesses implements SupervisionProcesses {
  private final RuntimeService runtime;

  CamundaSupervisionProcesses(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public String startTenDay(LocalDate asOf, String triggeredBy) {
    return runtime.startProcessInstanceByKey(TenDayFollowUp.PROCESS_KEY, Variables.createVariables()
        .putValue(TenDayFollowUp.Var.AS_OF, asOf.toString())
        .putValue(TenDayFollowUp.Var.TRIGGERED_BY, triggeredBy)).getId();
  }

  @Override
  public String startMonthly(LocalDate asOf, String triggeredBy) {
    return runtime.startProcessInstanceByKey(MonthlyDispatch.PROCESS_KEY, Variables.createVariables()
        .putValue(MonthlyDispatch.Var.AS_OF, asOf.toString())
        .putValue(MonthlyDispatch.Var.TRIGGERED_BY, triggeredBy)).getId();
  }
}
