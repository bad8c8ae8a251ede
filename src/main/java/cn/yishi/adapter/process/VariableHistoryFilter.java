package cn.yishi.adapter.process;

import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.proxyservice.ProxyService;
import cn.yishi.adapter.process.scheduledlistening.ScheduledListening;
import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps two kinds of variables out of the engine's history tables, which Cockpit shows.
 * <ul>
 *   <li>The reporter's personal data. A start form submits it as variables; registration moves it into its own table
 *       within the same transaction, and this handler drops every history event about those variables and form
 *       fields (the 代办 start form's resident name and phone likewise, {@link ProxyService.Var#PERSONAL}). The same holds for the free text of a listening-day reception (the issues heard and the note,
 *       {@link ScheduledListening.Var#NOT_IN_HISTORY}), which may name residents.</li>
 *   <li>The task-local copies that {@link ListVariablesTaskListener} puts on every new task for Tasklist's lists and
 *       the form's facts ({@link ListVariablesTaskListener#TASK_LOCAL}): copies of process variables and of the case
 *       record, whose history is kept where they come from. Six history rows less for every task (a fifth of a new
 *       case's history inserts).</li>
 * </ul>
 */
public class VariableHistoryFilter implements HistoryEventHandler {
  private final HistoryEventHandler delegate;

  public VariableHistoryFilter(HistoryEventHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isPersonal(event) && !isTaskCopy(event)) {
      delegate.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  static boolean isPersonal(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity v) {
      return isPersonal(v.getVariableName());
    }
    // a submitted form also records each field as a form-property detail
    if (event instanceof HistoricFormPropertyEventEntity f) {
      return isPersonal(f.getPropertyId());
    }
    return false;
  }

  static boolean isTaskCopy(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity v && v.getTaskId() != null
        && ListVariablesTaskListener.TASK_LOCAL.contains(v.getVariableName());
  }

  private static boolean isPersonal(String variable) {
    return IssueLifecycle.Var.PERSONAL.contains(variable) || ScheduledListening.Var.NOT_IN_HISTORY.contains(variable)
        || ProxyService.Var.PERSONAL.contains(variable)
        || cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation.Var.NOT_IN_HISTORY.contains(variable);
  }
}
