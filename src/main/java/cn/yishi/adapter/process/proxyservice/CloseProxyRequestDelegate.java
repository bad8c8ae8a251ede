package cn.yishi.adapter.process.proxyservice;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.proxy.ProxyRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 办结: the result is stored and the resident is asked to rate it through the request's link. */
@Component("closeProxyRequestDelegate")
public class CloseProxyRequestDelegate implements JavaDelegate {
  private final ProxyRequests requests;

  public CloseProxyRequestDelegate(ProxyRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EngineVariables.refusingBadInput(() -> requests.close(Var.REQUEST_ID.required(execution),
        Var.SUCCEEDED.from(execution), Var.RESULT.from(execution), EngineVariables.actor(execution)));
  }
}
