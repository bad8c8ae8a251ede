package cn.yishi.adapter.outbound.engine;

import cn.yishi.application.port.Transactions;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * New transactions through the engine's "requires new" command executor: a new Spring transaction
 * and a new engine command context, whose entity cache is flushed and dropped at the end. Engine
 * calls made inside (message correlations, task updates) and the project's JDBC statements commit
 * together. Inside a delegate an ordinary engine call would join the running command context and
 * keep every entity in memory until the job ends.
 */
@Component
class EngineTransactions implements Transactions {
  private final ProcessEngineConfigurationImpl configuration;

  EngineTransactions(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @Override
  public <T> T inNewTransaction(Supplier<T> work) {
    return configuration.getCommandExecutorTxRequiresNew().execute(commandContext -> work.get());
  }
}
