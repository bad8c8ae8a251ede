package cn.yishi.adapter.outbound.csv;

import cn.yishi.application.DeliberationProperties;
import cn.yishi.application.HouseholdRegisterService;
import cn.yishi.platform.StartupRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * 住户名册 at start-up: the CSV files of yishi.deliberation.register-files seed the compounds that have no register in
 * the database yet; the staff maintain the registers while running. A malformed or missing file stops start-up,
 * naming the file and line.
 */
@Component
class HouseholdRegisterConfiguration implements ApplicationRunner {
  private static final Logger LOG = LoggerFactory.getLogger(HouseholdRegisterConfiguration.class);
  private final ResourceLoader loader;
  private final DeliberationProperties properties;
  private final HouseholdRegisterService registers;

  HouseholdRegisterConfiguration(ResourceLoader loader, DeliberationProperties properties, HouseholdRegisterService registers) {
    this.loader = loader;
    this.properties = properties;
    this.registers = registers;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (String location : properties.registerFiles()) {
      Resource resource = loader.getResource(location);
      if (!resource.exists()) {
        throw new StartupRefusedException("住户名册 " + location + " 不存在", "Correct yishi.deliberation.register-files.");
      }
      try (InputStream in = resource.getInputStream()) {
        var seeded = registers.seed(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (!seeded.isEmpty()) {
          LOG.info("Household registers seeded from {}: {}", location, seeded);
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new StartupRefusedException(e.getMessage(), "Correct the household register and start again.", e);
      }
    }
  }
}
