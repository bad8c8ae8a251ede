package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.OpenTasks.OpenTask;
import cn.yishi.application.port.OpenTasks.Purpose;
import cn.yishi.application.port.OpenTasks;
import java.util.Collection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do on an open task besides completing it (the Tasklist panels): progress notes on handling and
 * implementation tasks, and the reporter's contact on the follow-up visit (回访). Only the task's handlers may: its
 * assignee once claimed, the members of its candidate groups while unclaimed. Nothing here is written into process
 * variables, so nothing reaches the engine's history.
 */
@Service
public class StaffTasks {
  /** What the Tasklist panel may offer on a task. */
  public record Panels(String caseNo, boolean progress, boolean contact) {}

  /** The reporter's name and phone for the visit (both may be null: anonymous reports are allowed). */
  public record VisitContact(String caseNo, String name, String phone) {}

  private final OpenTasks tasks;
  private final HandlingService handling;
  private final Cases cases;
  private final CaseRepository repository;

  public StaffTasks(OpenTasks tasks, HandlingService handling, Cases cases, CaseRepository repository) {
    this.tasks = tasks;
    this.handling = handling;
    this.cases = cases;
    this.repository = repository;
  }

  /** The panels of the task for its handler; nothing for anybody else. */
  public Panels panels(String taskId, String user, Collection<String> groups) {
    OpenTask t = handlersTask(taskId, user, groups);
    return new Panels(t.caseNo(), t.purpose() == Purpose.HANDLING, t.purpose() == Purpose.FOLLOW_UP_VISIT);
  }

  /** A progress note on a handling or implementation task, into the case's timeline; the task stays open. */
  @Transactional
  public void progress(String taskId, String note, boolean publicNote, String user, Collection<String> groups) {
    OpenTask t = handlersTask(taskId, user, groups);
    if (t.purpose() != Purpose.HANDLING) {
      throw new TaskRefused(TaskRefused.Reason.NOT_APPLICABLE, "只有办理、协办和落实决议任务可以填写办理进展");
    }
    handling.progress(t.caseNo(), note, publicNote, user);
  }

  /** The reporter's name and phone for the open follow-up visit, to its grid worker only. */
  @Transactional(readOnly = true)
  public VisitContact visitContact(String taskId, String user, Collection<String> groups) {
    OpenTask t = handlersTask(taskId, user, groups);
    if (t.purpose() != Purpose.FOLLOW_UP_VISIT) {
      throw new TaskRefused(TaskRefused.Reason.NOT_APPLICABLE, "只有回访任务可以查看反映人联系方式");
    }
    var reporter = repository.findReporter(cases.load(t.caseNo()).id());
    return new VisitContact(t.caseNo(), reporter.map(r -> r.name()).orElse(null), reporter.map(r -> r.phone()).orElse(null));
  }

  private OpenTask handlersTask(String taskId, String user, Collection<String> groups) {
    OpenTask t = tasks.find(taskId)
        .filter(found -> found.caseNo() != null)
        .orElseThrow(() -> new TaskRefused(TaskRefused.Reason.NOT_FOUND, "任务不存在或已完成"));
    boolean handler = t.assignee() != null
        ? t.assignee().equals(user)
        : t.candidateGroups().stream().anyMatch(groups::contains);
    if (!handler) {
      throw new TaskRefused(TaskRefused.Reason.NOT_HANDLER, "只有该任务的办理人可以这样做");
    }
    return t;
  }
}
