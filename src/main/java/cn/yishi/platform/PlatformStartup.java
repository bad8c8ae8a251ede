package cn.yishi.platform;

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

  PlatformStartup(IdentitySync identity, ModelDeployment models) {
    this.identity = identity;
    this.models = models;
  }

  @Override
  public void afterSingletonsInstantiated() {
    identity.synchronise();
    models.deploy();
  }
}
