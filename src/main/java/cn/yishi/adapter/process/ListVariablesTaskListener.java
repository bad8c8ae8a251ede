package cn.yishi.adapter.process;

import static cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;

import cn.yishi.adapter.process.variable.ProcessVariable;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.TaskFacts;
import cn.yishi.domain.casefile.Urgency;
import cn.yishi.domain.directory.Directory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Copies the facts that Tasklist's filters list (办件编号, 标题, 社区, 紧急程度, 办理期限) onto each new task
 * as task-local variables. Staff may read their own tasks but not the whole process instance (that
 * would show them other communities' cases), and Tasklist shows only the variables a user may read.
 * The copies have their own names ({@code list...}): a form that submits {@code urgency} must change
 * the case's urgency, not a task-local copy of it.
 *
 * <p>For the task's form it also sets the case's facts that are not process variables, read from the
 * case record in one query: the deadline ({@code factDeadline}) and the latest timeline entries
 * ({@code factTimeline}), as Chinese text (see {@link TaskFacts}). A task without a case (no
 * {@code caseNo}, such as a monthly review or a reception) gets the list facts it has and nothing else.
 *
 * <p>Tasklist's cards show the Chinese names, never the codes: the community's name from the directory
 * ({@code listCommunityName}) and the urgency's ({@code listUrgencyName}, for example 红色（紧急）). A code the
 * directory or the domain does not know gets no name.
 */
@Component("listVariablesTaskListener")
public class ListVariablesTaskListener implements TaskListener {
  /** A task-local copy of a process variable. */
  private record Copy<T>(ProcessVariable<T> local, ProcessVariable<T> source) {
    void onto(DelegateTask task) {
      T value = source.from(task);
      if (value != null) {
        local.onLocal(task, value);
      }
    }
  }

  /** The copies, in the order Tasklist lists them. */
  private static final List<Copy<?>> COPIES = List.of(
      new Copy<>(ProcessVariable.string("listCaseNo"), Var.CASE_NO),
      new Copy<>(ProcessVariable.string("listTitle"), Var.TITLE),
      new Copy<>(ProcessVariable.string("listCommunity"), Var.COMMUNITY),
      new Copy<>(ProcessVariable.string("listUrgency"), Var.URGENCY),
      new Copy<>(Var.LIST_DEADLINE, Var.HANDLING_DEADLINE));
  /** Task-local: the community's Chinese name, shown on Tasklist's cards. */
  public static final ProcessVariable<String> LIST_COMMUNITY_NAME = ProcessVariable.string("listCommunityName");
  /** Task-local: the urgency's Chinese name, shown on Tasklist's cards. */
  public static final ProcessVariable<String> LIST_URGENCY_NAME = ProcessVariable.string("listUrgencyName");
  /** Task-local name → the name of the process variable it copies, in the order Tasklist lists them. */
  public static final Map<String, String> LISTED = listed();
  /** Task-local: the case's deadline as text, for example 2026年3月2日 星期一 18:00. */
  public static final ProcessVariable<String> FACT_DEADLINE = Var.FACT_DEADLINE;
  /** Task-local: the latest timeline entries, one line each (time, action, public note). */
  public static final ProcessVariable<String> FACT_TIMELINE = ProcessVariable.string("factTimeline");
  /** The task-local variables this listener sets and the forms read. */
  public static final Set<String> TASK_LOCAL = taskLocal();
  /** How many timeline entries the form shows. */
  public static final int TIMELINE_ENTRIES = 5;

  private final Function<String, Optional<TaskFacts>> facts;
  private final Function<String, Optional<String>> communityNames;
  private final ZoneId zone;

  @Autowired
  public ListVariablesTaskListener(CaseQueries queries, Directory directory, Clock clock) {
    this(caseNo -> queries.taskFacts(caseNo, TIMELINE_ENTRIES),
        code -> directory.community(code).map(Directory.Community::name), clock.getZone());
  }

  /** Without a directory: the communities get no Chinese name (process tests). */
  public ListVariablesTaskListener(CaseQueries queries, Clock clock) {
    this(caseNo -> queries.taskFacts(caseNo, TIMELINE_ENTRIES), code -> Optional.empty(), clock.getZone());
  }

  /** With the case facts from {@code facts} (case number → facts), shown in {@code zone}. */
  public ListVariablesTaskListener(Function<String, Optional<TaskFacts>> facts, ZoneId zone) {
    this(facts, code -> Optional.empty(), zone);
  }

  /**
   * With the case facts from {@code facts} (case number → facts) and the communities' names from
   * {@code communityNames} (code → name), shown in {@code zone}.
   */
  public ListVariablesTaskListener(Function<String, Optional<TaskFacts>> facts,
      Function<String, Optional<String>> communityNames, ZoneId zone) {
    this.facts = facts;
    this.communityNames = communityNames;
    this.zone = zone;
  }

  /** The list facts only, without a case record: for process tests on a plain engine. */
  public ListVariablesTaskListener() {
    this(caseNo -> Optional.empty(), ZoneId.systemDefault());
  }

  /** The urgency's Chinese name, or empty for a code the domain does not know. */
  static Optional<String> urgencyName(String code) {
    return Arrays.stream(Urgency.values()).filter(u -> u.name().equals(code)).findFirst().map(Urgency::label);
  }

  private static Map<String, String> listed() {
    Map<String, String> m = new LinkedHashMap<>();
    COPIES.forEach(c -> m.put(c.local().name(), c.source().name()));
    return Collections.unmodifiableMap(m);
  }

  private static Set<String> taskLocal() {
    Set<String> names = new LinkedHashSet<>(LISTED.keySet());
    names.add(LIST_COMMUNITY_NAME.name());
    names.add(LIST_URGENCY_NAME.name());
    names.add(FACT_DEADLINE.name());
    names.add(FACT_TIMELINE.name());
    return Collections.unmodifiableSet(names);
  }

  @Override
  public void notify(DelegateTask task) {
    COPIES.forEach(c -> c.onto(task));
    Optional.ofNullable(Var.COMMUNITY.from(task)).flatMap(communityNames)
        .ifPresent(name -> LIST_COMMUNITY_NAME.onLocal(task, name));
    Optional.ofNullable(Var.URGENCY.from(task)).flatMap(ListVariablesTaskListener::urgencyName)
        .ifPresent(name -> LIST_URGENCY_NAME.onLocal(task, name));
    String caseNo = Var.CASE_NO.from(task);
    if (caseNo == null) {
      return;
    }
    facts.apply(caseNo).ifPresent(f -> {
      FACT_DEADLINE.onLocal(task, f.deadlineText(zone));
      FACT_TIMELINE.onLocal(task, f.timelineText(zone));
    });
  }
}
