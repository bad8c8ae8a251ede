package cn.yishi.adapter.process.proxyservice;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.proxy.ProxyRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 整改 after a low rating: what was done again; the resident is asked to rate again. */
@Component("recordProxyReworkDelegate")
public class RecordProxyReworkDelegate implements JavaDelegate {
  private final ProxyRequests requests;

  public RecordProxyReworkDelegate(ProxyRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EngineVariables.refusingBadInput(() -> requests.rework(Var.REQUEST_ID.required(execution),
        Var.REWORK_NOTE.from(execution), EngineVariables.actor(execution)));
    Var.REWORK_NOTE.removeFrom(execution);
  }
}
