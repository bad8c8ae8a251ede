package cn.yishi.adapter.process.proxyservice;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.proxy.ProxyRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 递交与答复: one hand-over to the office and its answer; both required, or the task stays open. */
@Component("recordHandOverDelegate")
public class RecordHandOverDelegate implements JavaDelegate {
  private final ProxyRequests requests;

  public RecordHandOverDelegate(ProxyRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EngineVariables.refusingBadInput(() -> requests.handOver(Var.REQUEST_ID.required(execution),
        Var.HAND_OVER_DETAIL.from(execution), Var.OFFICE_ANSWER.from(execution), EngineVariables.actor(execution)));
    if (Var.MORE_HAND_OVERS.from(execution) == null) {
      Var.MORE_HAND_OVERS.on(execution, Boolean.FALSE);
    }
  }
}
