package cn.yishi.adapter.process.proxyservice;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.proxy.ProxyRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The time limit (办理时限) passed while the request was handled: recorded for 旬跟进 and the statistics. */
@Component("markProxyOverdueDelegate")
public class MarkProxyOverdueDelegate implements JavaDelegate {
  private final ProxyRequests requests;

  public MarkProxyOverdueDelegate(ProxyRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.markOverdue(Var.REQUEST_ID.required(execution));
  }
}
