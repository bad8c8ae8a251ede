package cn.yishi.platform;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The calendar of the supervision processes (application.yaml, yishi.schedule). The timer start
 * events read these as {@code ${yishiSchedules.tenDayFollowUp}} and so on. Each value is a Camunda
 * cron (second minute hour day-of-month month day-of-week), checked with the engine's own parser at
 * start-up: a malformed one stops start-up, naming the key. The values also go into the model
 * deployment (see {@link ModelDeployment}), so a changed schedule deploys the timers anew.
 */
@Component("yishiSchedules")
public class Schedules {
  private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);

  private final String tenDayFollowUp;
  private final String monthlyDispatch;
  private final String scheduledListening;
  private final String twoWayEvaluation;

  /** With the default evaluation months (June and December). */
  public Schedules(String tenDayFollowUp, String monthlyDispatch, String scheduledListening, String zone) {
    this(tenDayFollowUp, monthlyDispatch, scheduledListening, zone,
        new cn.yishi.application.microgrid.EvaluationProperties(null, 0, null));
  }

  @org.springframework.beans.factory.annotation.Autowired
  public Schedules(
      @Value("${yishi.schedule.ten-day-follow-up:0 0 9 1,11,21 * ?}") String tenDayFollowUp,
      @Value("${yishi.schedule.monthly-dispatch:0 0 9 1-10 * ?}") String monthlyDispatch,
      @Value("${yishi.schedule.scheduled-listening:0 0 9 5,15,25 * ?}") String scheduledListening,
      @Value("${yishi.zone}") String zone,
      cn.yishi.application.microgrid.EvaluationProperties evaluation) {
    this.tenDayFollowUp = check("yishi.schedule.ten-day-follow-up", tenDayFollowUp);
    this.monthlyDispatch = check("yishi.schedule.monthly-dispatch", monthlyDispatch);
    this.scheduledListening = check("yishi.schedule.scheduled-listening", scheduledListening);
    // 双向评价: on the 1st of each configured month, 08:00 (yishi.micro-grids.evaluation.months)
    this.twoWayEvaluation = check("yishi.micro-grids.evaluation.months", "0 0 8 1 "
        + String.join(",", evaluation.months().stream().distinct().sorted().map(String::valueOf).toList()) + " ?");
    TimeZone jvm = TimeZone.getDefault();
    if (!jvm.hasSameRules(TimeZone.getTimeZone(zone))) {
      LOG.warn("JVM 时区 {} 与 yishi.zone={} 不同：定时任务按 JVM 时区触发。yishi.zone 请用环境变量 YISHI_ZONE 设置"
          + "（YishiApplication 启动时据此设置 JVM 时区），或以 -Duser.timezone={} 启动。", jvm.getID(), zone, zone);
    }
  }

  static String check(String key, String value) {
    String v = value == null ? "" : value.strip();
    try {
      CronTimer.parse(v);
      return v;
    } catch (ParseException | RuntimeException e) {
      throw new StartupRefusedException(
          "定时配置 " + key + " 的值 “" + v + "” 不是有效的 cron 表达式（秒 分 时 日 月 周，例如 0 0 9 1,11,21 * ?）："
              + e.getMessage(),
          "Correct " + key + " and start again.", e);
    }
  }

  public String getTenDayFollowUp() { return tenDayFollowUp; }
  public String getMonthlyDispatch() { return monthlyDispatch; }
  public String getScheduledListening() { return scheduledListening; }
  public String getTwoWayEvaluation() { return twoWayEvaluation; }

  /** The resolved schedule, deployed with the models so that a change redeploys the timers. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("tenDayFollowUp", tenDayFollowUp);
    m.put("monthlyDispatch", monthlyDispatch);
    m.put("scheduledListening", scheduledListening);
    m.put("twoWayEvaluation", twoWayEvaluation);
    return m;
  }
}
