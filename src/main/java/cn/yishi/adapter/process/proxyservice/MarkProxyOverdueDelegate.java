package cn.yishi.adapter.process.proxyservice;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.proxy.ProxySupervision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The time limit (办理时限) passed while the request was handled: overdue (旬跟进, the counts), and the supervision order
 * that the street's 代办督办 answers (see {@link ProxySupervision} for the rule against supervising twice).
 */
@Component("markProxyOverdueDelegate")
public class MarkProxyOverdueDelegate implements JavaDelegate {
  private final ProxySupervision supervision;

  public MarkProxyOverdueDelegate(ProxySupervision supervision) {
    this.supervision = supervision;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProxySupervision.Raised raised = supervision.atDeadline(Var.REQUEST_ID.required(execution));
    Var.ORDER_ID.on(execution, raised.orderId());
    Var.SUPERVISION_REASON.on(execution, raised.reason());
  }
}
