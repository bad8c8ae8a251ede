package cn.yishi.application.port;

import java.time.LocalDate;

/** Starts the supervision processes by hand (catch-up runs), as the timers would. */
public interface SupervisionProcesses {
  /** Runs tenDayFollowUp as of a date; returns its process instance id once the sweep is done. */
  String startTenDay(LocalDate asOf, String triggeredBy);

  /** Starts monthlyDispatch as of a date; returns its process instance id. */
  String startMonthly(LocalDate asOf, String triggeredBy);
}
