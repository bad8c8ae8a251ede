package cn.yishi.adapter.outbound.engine;

import cn.yishi.adapter.process.proxyservice.ProxyService;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.port.ProxyProcesses;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts proxyService for a phone request and delivers the resident's rating (message proxy.rated). */
@Component
class CamundaProxyProcesses implements ProxyProcesses {
  private final RuntimeService runtime;

  CamundaProxyProcesses(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public String start(long requestId, String requestNo) {
    Map<String, Object> v = new HashMap<>();
    Var.REQUEST_ID.in(v, requestId);
    return runtime.startProcessInstanceByKey(ProxyService.PROCESS_KEY, requestNo, v).getId();
  }

  @Override
  public boolean rated(String processInstanceId, int rating, boolean satisfied) {
    if (processInstanceId == null) {
      return false;
    }
    boolean waiting = runtime.createExecutionQuery().processInstanceId(processInstanceId)
        .messageEventSubscriptionName(ProxyService.MESSAGE_RATED).count() > 0;
    if (!waiting) {
      return false;
    }
    Map<String, Object> v = new HashMap<>();
    Var.RATING.in(v, rating);
    Var.SATISFIED.in(v, satisfied);
    runtime.createMessageCorrelation(ProxyService.MESSAGE_RATED).processInstanceId(processInstanceId)
        .setVariables(v).correlateWithResult();
    return true;
  }
}
