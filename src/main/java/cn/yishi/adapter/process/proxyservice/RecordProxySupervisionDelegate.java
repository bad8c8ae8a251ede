package cn.yishi.adapter.process.proxyservice;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.proxy.ProxySupervision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 代办督办 (the timer's or 旬跟进's): the street's note on an overdue request; its supervision order is answered. */
@Component("recordProxySupervisionDelegate")
public class RecordProxySupervisionDelegate implements JavaDelegate {
  private final ProxySupervision supervision;

  public RecordProxySupervisionDelegate(ProxySupervision supervision) {
    this.supervision = supervision;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EngineVariables.refusingBadInput(() -> supervision.answered(Var.REQUEST_ID.required(execution),
        Var.ORDER_ID.from(execution), Var.SUPERVISION_NOTE.from(execution), EngineVariables.actor(execution)));
  }
}
