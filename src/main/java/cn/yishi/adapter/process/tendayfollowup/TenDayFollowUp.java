package cn.yishi.adapter.process.tendayfollowup;

/** Glue for bpmn/tenDayFollowUp.bpmn: its key, element ids and variable names. */
public final class TenDayFollowUp {
  public static final String PROCESS_KEY = "tenDayFollowUp";
  public static final String START_EVENT = "startEvent_tenDaysDue";
  public static final String SERVICE_TASK_SWEEP = "serviceTask_sweep";

  /** Variables of a sweep started by hand (catch-up); a timer start has none. */
  public static final class Var {
    /** yyyy-MM-dd; without it the sweep runs as of today. */
    public static final String AS_OF = "asOf";
    public static final String TRIGGERED_BY = "triggeredBy";
    /** Written by the sweep: the id of its run record. */
    public static final String RUN_ID = "runId";

    private Var() {}
  }

  private TenDayFollowUp() {}
}
