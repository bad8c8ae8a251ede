package cn.yishi.application.port;

/** Starts the process of an opened 双向评价 round (bpmn/twoWayEvaluation.bpmn). */
public interface EvaluationProcesses {
  void start(long roundId, String yuanba);
}
