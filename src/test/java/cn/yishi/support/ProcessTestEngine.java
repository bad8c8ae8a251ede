package cn.yishi.support;

import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * The in-memory engine of a process test: its own H2 database, full history, no job executor (tests run jobs by
 * hand), the test's beans for delegate expressions, and Spin for JSON variables. A test adds what it needs more
 * (plugins, serialization settings) before building the engine, and registers the real delegates, listeners and
 * glue beans, built on mocked application services, under their Spring bean names ({@link #register}).
 */
public final class ProcessTestEngine {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** Monday to Friday without holidays, days ending at 18:00 in Beijing time: for glue that reads the calendar. */
  public static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(Set.of(), Set.of(), Set.of(), LocalTime.of(18, 0), ZONE);
  /** Monday 2 March 2026, 09:00 in Beijing: "today" for due dates counted in working days. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZONE);

  private ProcessTestEngine() {}

  public static ProcessEngineConfigurationImpl configuration(String database, Map<Object, Object> beans) {
    ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
        .setJobExecutorActivate(false);
    cfg.setBeans(beans);
    cfg.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    return cfg;
  }

  /**
   * Puts each component into {@code beans} under the name of its {@code @Component("...")}, the name the models'
   * expressions use in the application, so that a test cannot register a delegate under a name of its own.
   */
  public static void register(Map<Object, Object> beans, Object... components) {
    for (Object c : components) {
      Component component = c.getClass().getAnnotation(Component.class);
      if (component == null || component.value().isBlank()) {
        throw new IllegalArgumentException(c.getClass().getName() + " is not a @Component with a bean name");
      }
      beans.put(component.value(), c);
    }
  }

  /** Runs {@code action} (completing a task, submitting a form) as {@code user}, a member of {@code groups}. */
  public static void as(ProcessEngine engine, String user, List<String> groups, Runnable action) {
    as(engine, user, groups, () -> {
      action.run();
      return null;
    });
  }

  /** Runs {@code action} (starting a process) as {@code user}, a member of {@code groups}, and returns its result. */
  public static <T> T as(ProcessEngine engine, String user, List<String> groups, Supplier<T> action) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
