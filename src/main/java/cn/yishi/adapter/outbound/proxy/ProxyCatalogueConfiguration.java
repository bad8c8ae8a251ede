package cn.yishi.adapter.outbound.proxy;

import cn.yishi.domain.proxy.ProxyCatalogue;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The proxy-service catalogue file (代办事项目录, {@code yishi.proxy.catalogue}): copied once into the application's tables
 * at the installation's first start (ProxyServiceCatalogue#seed); after that the 代办事项清单 is maintained in Tasklist.
 */
@Configuration
public class ProxyCatalogueConfiguration {

  /** A malformed file stops start-up, naming the file, line and problem. */
  @Bean
  ProxyCatalogue proxyCatalogue(ResourceLoader loader,
      @Value("${yishi.proxy.catalogue:classpath:proxy-services.yaml}") String location) {
    Resource resource = loader.getResource(location);
    if (!resource.exists()) {
      throw new ProxyCatalogueYamlReader.ProxyCatalogueFileException(location, 0, "文件不存在");
    }
    try (InputStream in = resource.getInputStream()) {
      return ProxyCatalogueYamlReader.read(location, in);
    } catch (IOException e) {
      throw new ProxyCatalogueYamlReader.ProxyCatalogueFileException(location, 0, "无法读取：" + e.getMessage());
    }
  }
}
