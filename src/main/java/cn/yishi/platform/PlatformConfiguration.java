package cn.yishi.platform;

import cn.yishi.adapter.outbound.directory.DirectoryException;
import cn.yishi.adapter.outbound.directory.DirectoryYamlReader;
import cn.yishi.application.Catalogue;
import cn.yishi.application.DeliberationProperties;
import cn.yishi.application.HandlingProperties;
import cn.yishi.application.MailTemplates;
import cn.yishi.adapter.outbound.mail.MailTemplatesYamlReader;
import cn.yishi.domain.directory.Directory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties({Catalogue.class, HandlingProperties.class, DeliberationProperties.class})
public class PlatformConfiguration {

  /** The engine's clock in the configured zone (see {@link EngineClock}). */
  @Bean
  Clock clock(@Value("${yishi.zone}") String zone) {
    return new EngineClock(ZoneId.of(zone));
  }

  /** The organisation directory. A malformed file stops start-up, naming the file, line and problem. */
  @Bean
  Directory directory(ResourceLoader loader, @Value("${yishi.directory.location}") String location) {
    Resource resource = loader.getResource(location);
    if (!resource.exists()) {
      throw new DirectoryException(location, 0, "文件不存在");
    }
    try (InputStream in = resource.getInputStream()) {
      return DirectoryYamlReader.read(location, in);
    } catch (IOException e) {
      throw new DirectoryException(location, 0, "无法读取：" + e.getMessage());
    }
  }

  /** The mail templates. A malformed file stops start-up, naming the file, line and problem. */
  @Bean
  MailTemplates mailTemplates(ResourceLoader loader,
      @Value("${yishi.mail.templates:classpath:mail-templates.yaml}") String location) {
    Resource resource = loader.getResource(location);
    if (!resource.exists()) {
      throw new MailTemplatesYamlReader.MailTemplatesFileException(location, 0, "文件不存在");
    }
    try (InputStream in = resource.getInputStream()) {
      return MailTemplatesYamlReader.read(location, in);
    } catch (IOException e) {
      throw new MailTemplatesYamlReader.MailTemplatesFileException(location, 0, "无法读取：" + e.getMessage());
    }
  }
}
