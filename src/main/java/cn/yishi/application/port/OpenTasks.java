package cn.yishi.application.port;

import java.util.List;
import java.util.Optional;

/** The engine's open user tasks, as far as the staff API needs them: what a task is for and who works on it. */
public interface OpenTasks {
  /** What an open task lets its handlers do besides completing it. */
  enum Purpose {
    /** handling (办理), co-handling (协办) or implementing a resolution item (落实决议): progress notes while it is open */
    HANDLING,
    /** the grid worker's follow-up visit (回访): the reporter's contact while it is open */
    FOLLOW_UP_VISIT,
    /** any other task */
    OTHER
  }

  /**
   * An open task of a case.
   *
   * @param caseNo the case the task belongs to, null for a task of no case
   * @param assignee the user who claimed it, null while unclaimed
   * @param candidateGroups the groups it is offered to
   */
  record OpenTask(String taskId, Purpose purpose, String caseNo, String assignee, List<String> candidateGroups) {
    public OpenTask {
      candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    }
  }

  /** The task while it is open, whoever asks (the caller's rights are judged by the use case); empty once completed. */
  Optional<OpenTask> find(String taskId);
}
