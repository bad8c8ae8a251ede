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

  /**
   * 住户名册: the registers of application.yaml (yishi.deliberation.registers) and the imported CSV files
   * (yishi.deliberation.register-files). A malformed or missing file stops start-up, naming the file and line.
   */
  @Bean
  cn.yishi.domain.deliberation.HouseholdRegister householdRegister(ResourceLoader loader, DeliberationProperties properties) {
    cn.yishi.domain.deliberation.HouseholdRegister register = new cn.yishi.domain.deliberation.HouseholdRegister(java.util.Map.of());
    try {
      register = register.with(properties.registers());
      for (String location : properties.registerFiles()) {
        Resource resource = loader.getResource(location);
        if (!resource.exists()) {
          throw new StartupRefusedException("住户名册 " + location + " 不存在", "Correct yishi.deliberation.register-files.");
        }
        try (InputStream in = resource.getInputStream()) {
          register = register.with(cn.yishi.adapter.outbound.csv.HouseholdRegisterCsvReader.read(location, in));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new StartupRefusedException(e.getMessage(), "Correct the household register and start again.", e);
    }
    return register;
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
