package cn.yishi.adapter.inbound.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Keeps the reporter's personal data out of the engine's history tables, which Cockpit shows. A
 * start form submits it as variables; registration moves it into its own table within the same
 * transaction, and this handler drops every history event about those variables and form fields.
 * The same holds for the free text of a listening-day reception (the issues heard and the note,
 * {@link ScheduledListening.Var#NOT_IN_HISTORY}), which may name residents.
 */
public class PersonalDataHistoryFilter implements HistoryEventHandler {
  private final HistoryEventHandler delegate;

  public PersonalDataHistoryFilter(HistoryEventHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isPersonal(event)) {
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

  private static boolean isPersonal(String variable) {
    return IssueLifecycle.Var.PERSONAL.contains(variable) || ScheduledListening.Var.NOT_IN_HISTORY.contains(variable);
  }
}
