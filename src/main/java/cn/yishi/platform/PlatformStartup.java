package cn.yishi.platform;

import cn.yishi.application.MicroGrids;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At every start, once the engine is built and before the application takes requests: the
 * directory is synchronised into the identity service, then the models are deployed.
 */
@Component
class PlatformStartup implements SmartInitializingSingleton {
  private final IdentitySync identity;
  private final ModelDeployment models;
  private final MicroGrids microGrids;

  PlatformStartup(IdentitySync identity, ModelDeployment models, MicroGrids microGrids) {
    this.identity = identity;
    this.models = models;
    this.microGrids = microGrids;
  }

  @Override
  public void afterSingletonsInstantiated() {
    identity.synchronise();
    microGrids.seedFromDirectory();
    models.deploy();
  }
}
