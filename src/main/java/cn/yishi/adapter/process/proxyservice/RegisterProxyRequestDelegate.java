package cn.yishi.adapter.process.proxyservice;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.proxy.ProxyRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Registers a request a 代办员 took in Tasklist (start form): the resident's name and phone go to their own table and
 * leave the process; an unknown service or a missing name refuses the start and nothing is stored. A request from
 * the phone page arrives registered (its id set). Either way the routing facts are written: the groups, the time
 * limit for the overdue timer, and the service's documents as the checklist's options.
 */
@Component("registerProxyRequestDelegate")
public class RegisterProxyRequestDelegate implements JavaDelegate {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ProxyRequests requests;

  public RegisterProxyRequestDelegate(ProxyRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Long id = Var.REQUEST_ID.from(execution);
    if (id == null) {
      ProxyRequests.NewProxyRequest request = new ProxyRequests.NewProxyRequest(Var.SERVICE_CODE.from(execution),
          Var.COMMUNITY.from(execution), Var.COMPOUND.from(execution), Var.RESIDENT_NAME.from(execution),
          Var.RESIDENT_PHONE.from(execution));
      execution.removeVariables(Var.PERSONAL);
      ProxyRequests.Registered r = EngineVariables.refusingBadInput(() -> requests.registerFromForm(request,
          EngineVariables.actor(execution), execution.getProcessInstanceId()));
      id = r.id();
      Var.REQUEST_ID.on(execution, id);
    }
    ProxyRequests.Routing routing = requests.routing(id);
    execution.setProcessBusinessKey(routing.requestNo());
    Var.REQUEST_NO.on(execution, routing.requestNo());
    Var.SERVICE_NAME.on(execution, routing.serviceName());
    Var.OFFICE.on(execution, routing.office());
    Var.PROXY_GROUP.on(execution, routing.proxyGroup());
    Var.STREET_GROUP.on(execution, routing.streetGroup());
    Var.DUE_DATE.on(execution, routing.dueAt());
    Var.STATUS_URL.on(execution, routing.statusUrl());
    ArrayNode options = JSON.createArrayNode();
    routing.documents().forEach(d -> options.addObject().put("label", d).put("value", d));
    execution.setVariable(Var.DOCUMENT_OPTIONS.name(), SpinValues.jsonValue(options.toString()).create());
  }
}
