package cn.yishi.adapter.outbound.csv;

import cn.yishi.application.DeliberationProperties;
import cn.yishi.domain.deliberation.HouseholdRegister;
import cn.yishi.platform.StartupRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** 住户名册: the household register by which votes are counted. */
@Configuration
public class HouseholdRegisterConfiguration {

  /**
   * The registers of application.yaml (yishi.deliberation.registers) and the imported CSV files
   * (yishi.deliberation.register-files). A malformed or missing file stops start-up, naming the file and line.
   */
  @Bean
  HouseholdRegister householdRegister(ResourceLoader loader, DeliberationProperties properties) {
    HouseholdRegister register = new HouseholdRegister(Map.of());
    try {
      register = register.with(properties.registers());
      for (String location : properties.registerFiles()) {
        Resource resource = loader.getResource(location);
        if (!resource.exists()) {
          throw new StartupRefusedException("住户名册 " + location + " 不存在", "Correct yishi.deliberation.register-files.");
        }
        try (InputStream in = resource.getInputStream()) {
          register = register.with(HouseholdRegisterCsvReader.read(location, in));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new StartupRefusedException(e.getMessage(), "Correct the household register and start again.", e);
    }
    return register;
  }
}
