package cn.yishi.platform;

import cn.yishi.application.deliberation.DeliberationBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At the first start of an installation, the settings of every deliberating body (fixed days and places of
 * {@code yishi.deliberation}) are copied into the table (V23); from then on the offices maintain them in Tasklist
 * (议事机构), and the configuration is not read for them again.
 */
@Component
class BodySettingsSeeding implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger(BodySettingsSeeding.class);
  private final DeliberationBodies bodies;

  BodySettingsSeeding(DeliberationBodies bodies) {
    this.bodies = bodies;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int n = bodies.seed();
    if (n > 0) {
      LOG.info("议事机构：已从配置文件导入 {} 个议事机构的设置（此后在系统中维护）", n);
    }
  }
}
