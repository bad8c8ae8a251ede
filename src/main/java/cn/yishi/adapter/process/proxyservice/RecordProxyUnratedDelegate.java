package cn.yishi.adapter.process.proxyservice;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.proxy.ProxyRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The resident did not rate within the wait: the request ends unrated. */
@Component("recordProxyUnratedDelegate")
public class RecordProxyUnratedDelegate implements JavaDelegate {
  private final ProxyRequests requests;

  public RecordProxyUnratedDelegate(ProxyRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.unrated(Var.REQUEST_ID.required(execution));
  }
}
