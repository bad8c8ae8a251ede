package cn.yishi.adapter.outbound.engine;

import cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch;
import cn.yishi.adapter.process.tendayfollowup.TenDayFollowUp;
import cn.yishi.application.port.SupervisionProcesses;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
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
    Map<String, Object> v = TenDayFollowUp.Var.AS_OF.in(new HashMap<>(), asOf.toString());
    return runtime.startProcessInstanceByKey(TenDayFollowUp.PROCESS_KEY, TenDayFollowUp.Var.TRIGGERED_BY.in(v, triggeredBy)).getId();
  }

  @Override
  public String startMonthly(LocalDate asOf, String triggeredBy) {
    Map<String, Object> v = MonthlyDispatch.Var.AS_OF.in(new HashMap<>(), asOf.toString());
    return runtime.startProcessInstanceByKey(MonthlyDispatch.PROCESS_KEY, MonthlyDispatch.Var.TRIGGERED_BY.in(v, triggeredBy)).getId();
  }
}
