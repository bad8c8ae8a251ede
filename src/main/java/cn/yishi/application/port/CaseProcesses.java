package cn.yishi.application.port;

/** The engine side of a case: its issueLifecycle process instance. */
public interface CaseProcesses {
  /** Starts issueLifecycle for a registered case, with the case number as business key. */
  String start(String caseNo);

  /** Delivers a resident's evaluation (issue.evaluated) to the waiting case. */
  void deliverEvaluation(String caseNo, int satisfaction, String comment);
}
