package cn.yishi.adapter.process.tendayfollowup;

import cn.yishi.adapter.process.variable.ProcessVariable;

/** Glue for bpmn/tenDayFollowUp.bpmn: its key, element ids and variable names. */
public final class TenDayFollowUp {
  public static final String PROCESS_KEY = "tenDayFollowUp";
  public static final String START_EVENT = "startEvent_tenDaysDue";
  public static final String SERVICE_TASK_SWEEP = "serviceTask_sweep";

  /** Variables of a sweep started by hand (catch-up); a timer start has none. */
  public static final class Var {
    /** yyyy-MM-dd; without it the sweep runs as of today. */
    public static final ProcessVariable<String> AS_OF = ProcessVariable.string("asOf");
    public static final ProcessVariable<String> TRIGGERED_BY = ProcessVariable.string("triggeredBy");
    /** Written by the sweep: the id of its run record. */
    public static final ProcessVariable<Long> RUN_ID = ProcessVariable.id("runId");

    private Var() {}
  }

  private TenDayFollowUp() {}
}
