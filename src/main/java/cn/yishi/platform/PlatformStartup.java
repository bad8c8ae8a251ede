package cn.yishi.platform;

import cn.yishi.application.MicroGrids;
import cn.yishi.application.proxy.ProxyServiceCatalogue;
import cn.yishi.domain.proxy.ProxyCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At every start, once the engine is built and before the application takes requests: the
 * directory is synchronised into the identity service, the 代办事项清单 is copied from its file at the installation's
 * first start (the start form lists its services), then the models are deployed.
 */
@Component
class PlatformStartup implements SmartInitializingSingleton {
  private final IdentitySync identity;
  private final ModelDeployment models;
  private static final Logger LOG = LoggerFactory.getLogger(PlatformStartup.class);
  private final MicroGrids microGrids;
  private final ProxyServiceCatalogue proxyServices;
  private final ProxyCatalogue proxyFile;

  PlatformStartup(IdentitySync identity, ModelDeployment models, MicroGrids microGrids, ProxyServiceCatalogue proxyServices,
      ProxyCatalogue proxyFile) {
    this.identity = identity;
    this.models = models;
    this.microGrids = microGrids;
    this.proxyServices = proxyServices;
    this.proxyFile = proxyFile;
  }

  @Override
  public void afterSingletonsInstantiated() {
    identity.synchronise();
    microGrids.seedFromDirectory();
    int copied = proxyServices.seed(proxyFile);
    if (copied > 0) {
      LOG.info("代办事项清单：已从配置文件导入 {} 项（此后在系统中维护）", copied);
    }
    models.deploy();
  }
}
