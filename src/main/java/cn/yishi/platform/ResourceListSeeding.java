package cn.yishi.platform;

import cn.yishi.application.DeliberationProperties;
import cn.yishi.application.deliberation.ResourceCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At the first start of an installation, the resource list of application.yaml ({@code yishi.deliberation.resources})
 * is copied into the table (V16); from then on the offices maintain it in the application, and the YAML list is not
 * read again (a changed YAML list does not overwrite their work).
 */
@Component
class ResourceListSeeding implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceListSeeding.class);
  private final ResourceCatalogue catalogue;
  private final DeliberationProperties properties;

  ResourceListSeeding(ResourceCatalogue catalogue, DeliberationProperties properties) {
    this.catalogue = catalogue;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int n = catalogue.seed(properties.resources());
    if (n > 0) {
      LOG.info("资源清单：已从配置文件导入 {} 条（此后在系统中维护）", n);
    }
  }
}
