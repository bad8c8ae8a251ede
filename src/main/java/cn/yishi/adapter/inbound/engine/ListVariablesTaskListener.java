package cn.yishi.adapter.inbound.engine;

import static cn.yishi.adapter.inbound.engine.IssueLifecycle.Var;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Copies the facts that Tasklist's filters list (办件编号, 标题, 社区, 紧急程度, 办理期限) onto each new task
 * as task-local variables. Staff may read their own tasks but not the whole process instance (that
 * would show them other communities' cases), and Tasklist shows only the variables a user may read.
 */
@Component("listVariablesTaskListener")
public class ListVariablesTaskListener implements TaskListener {
  /** The variables a Tasklist filter shows for every task. */
  public static final List<String> LISTED = List.of(Var.CASE_NO, Var.TITLE, Var.COMMUNITY, Var.URGENCY, Var.HANDLING_DEADLINE);

  @Override
  public void notify(DelegateTask task) {
    for (String name : LISTED) {
      Object value = task.getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  }
}
