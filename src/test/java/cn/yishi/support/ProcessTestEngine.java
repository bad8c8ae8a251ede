package cn.yishi.support;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The in-memory engine of a process test: its own H2 database, full history, no job executor (tests run jobs by
 * hand), the test's beans for delegate expressions, and Spin for JSON variables. A test adds what it needs more
 * (plugins, serialization settings) before building the engine.
 */
public final class ProcessTestEngine {
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
}
