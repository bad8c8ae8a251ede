package cn.yishi.adapter.inbound.engine;

import static cn.yishi.adapter.inbound.engine.IssueLifecycle.Var;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Copies the facts that Tasklist's filters list (办件编号, 标题, 社区, 紧急程度, 办理期限) onto each new task
 * as task-local variables. Staff may read their own tasks but not the whole process instance (that
 * would show them other communities' cases), and Tasklist shows only the variables a user may read.
 * The copies have their own names ({@code list...}): a form that submits {@code urgency} must change
 * the case's urgency, not a task-local copy of it.
 */
@Component("listVariablesTaskListener")
public class ListVariablesTaskListener implements TaskListener {
  /** Task-local name → the process variable it copies, in the order Tasklist lists them. */
  public static final Map<String, String> LISTED = listed();

  private static Map<String, String> listed() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("listCaseNo", Var.CASE_NO);
    m.put("listTitle", Var.TITLE);
    m.put("listCommunity", Var.COMMUNITY);
    m.put("listUrgency", Var.URGENCY);
    m.put("listDeadline", Var.HANDLING_DEADLINE);
    return java.util.Collections.unmodifiableMap(m);
  }

  @Override
  public void notify(DelegateTask task) {
    LISTED.forEach((local, source) -> {
      Object value = task.getVariable(source);
      if (value != null) {
        task.setVariableLocal(local, value);
      }
    });
  }
}
