package cn.yishi.platform;

import cn.yishi.application.Catalogue;
import cn.yishi.application.DeliberationProperties;
import cn.yishi.application.HandlingProperties;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableConfigurationProperties({Catalogue.class, HandlingProperties.class, DeliberationProperties.class,
    cn.yishi.application.microgrid.EvaluationProperties.class,
    cn.yishi.application.deliberation.ItemEvaluationProperties.class})
public class PlatformConfiguration {

  /** The engine's clock in the configured zone (see {@link EngineClock}). */
  @Bean
  Clock clock(@Value("${yishi.zone}") String zone) {
    return new EngineClock(ZoneId.of(zone));
  }
}
