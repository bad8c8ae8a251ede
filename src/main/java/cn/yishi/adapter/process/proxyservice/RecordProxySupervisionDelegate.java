package cn.yishi.adapter.process.proxyservice;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.proxy.ProxyRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 代办督办: the street's note on an overdue request. */
@Component("recordProxySupervisionDelegate")
public class RecordProxySupervisionDelegate implements JavaDelegate {
  private final ProxyRequests requests;

  public RecordProxySupervisionDelegate(ProxyRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EngineVariables.refusingBadInput(() -> requests.supervise(Var.REQUEST_ID.required(execution),
        Var.SUPERVISION_NOTE.from(execution), EngineVariables.actor(execution)));
  }
}
