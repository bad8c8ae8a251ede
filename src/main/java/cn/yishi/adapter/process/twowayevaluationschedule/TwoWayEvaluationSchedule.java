package cn.yishi.adapter.process.twowayevaluationschedule;

/**
 * Glue for bpmn/twoWayEvaluationSchedule.bpmn: on the 1st of each configured month (yishi.micro-grids.evaluation.months,
 * {@code ${yishiSchedules.twoWayEvaluation}}) the due 双向评价 rounds open, each starting its own twoWayEvaluation.
 */
public final class TwoWayEvaluationSchedule {
  public static final String PROCESS_KEY = "twoWayEvaluationSchedule";
  public static final String START_EVENT = "startEvent_evaluationSchedule";
  public static final String SERVICE_TASK_OPEN_DUE = "serviceTask_openDueRounds";

  private TwoWayEvaluationSchedule() {}
}
