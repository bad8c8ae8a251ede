package cn.yishi.adapter.process.tendayfollowup;

import cn.yishi.adapter.process.tendayfollowup.TenDayFollowUp.Var;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.supervision.TenDaySweep;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 旬跟进: sweeps every open item as of {@code asOf} (a catch-up run) or today (the timer). */
@Component("tenDaySweepDelegate")
public class TenDaySweepDelegate implements JavaDelegate {
  private final TenDaySweep sweep;

  public TenDaySweepDelegate(TenDaySweep sweep) {
    this.sweep = sweep;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String asOf = Var.AS_OF.from(execution);
    String by = Var.TRIGGERED_BY.from(execution);
    SupervisionStore.Run run = sweep.sweep(asOf == null ? sweep.today() : LocalDate.parse(asOf),
        by == null ? "timer" : by, execution.getProcessInstanceId());
    Var.RUN_ID.on(execution, run.id());
  }
}
