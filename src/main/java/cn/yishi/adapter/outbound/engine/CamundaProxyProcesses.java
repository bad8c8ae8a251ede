package cn.yishi.adapter.outbound.engine;

import cn.yishi.adapter.process.proxyservice.ProxyService;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.port.ProxyProcesses;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts proxyService for a phone request, raises 旬跟进's 代办督办 (proxy.supervise), delivers the rating (proxy.rated). */
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
  public boolean supervise(String processInstanceId, long orderId, String reason) {
    if (processInstanceId == null) {
      return false;
    }
    Map<String, Object> scope = new HashMap<>();
    Var.ORDER_ID.in(scope, orderId);
    Var.SUPERVISION_REASON.in(scope, reason);
    // declared in the order's scope, so that the street's note stays with this order
    Var.SUPERVISION_NOTE.in(scope, null);
    try {
      runtime.createMessageCorrelation(ProxyService.MESSAGE_SUPERVISE).processInstanceId(processInstanceId)
          .setVariablesToTriggeredScope(scope).correlateWithResult();
      return true;
    } catch (MismatchingMessageCorrelationException e) {
      return false;
    }
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
