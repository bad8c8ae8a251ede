package cn.yishi.adapter.process.proxyservice;

import cn.yishi.adapter.process.EngineVariables;
import cn.yishi.adapter.process.proxyservice.ProxyService.Var;
import cn.yishi.application.proxy.ProxyRequests;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 材料核对: every document of the service ticked (Tasklist submits the checklist as Json) and the mode chosen. A missing
 * document or mode refuses the completion: the task stays open and nothing is stored.
 */
@Component("recordDocumentCheckDelegate")
public class RecordDocumentCheckDelegate implements JavaDelegate {
  private final ProxyRequests requests;

  public RecordDocumentCheckDelegate(ProxyRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> ticked = EngineVariables.jsonStrings(Var.DOCUMENTS_CHECKED.from(execution), Var.DOCUMENTS_CHECKED.name(),
        "材料核对清单格式不正确");
    EngineVariables.refusingBadInput(() -> requests.checkDocuments(Var.REQUEST_ID.required(execution), ticked,
        Var.MODE.from(execution), EngineVariables.actor(execution)));
  }
}
