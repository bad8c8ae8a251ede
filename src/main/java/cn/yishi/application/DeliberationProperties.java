package cn.yishi.application;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The fixed deliberation day (固定议事日) of each community (application.yaml, yishi.deliberation).
 *
 * @param fixedDay the day of the month, for communities not listed
 * @param fixedDays per community code
 */
@ConfigurationProperties("yishi.deliberation")
public record DeliberationProperties(int fixedDay, Map<String, Integer> fixedDays) {
  public DeliberationProperties {
    fixedDay = fixedDay < 1 || fixedDay > 31 ? 15 : fixedDay;
    fixedDays = fixedDays == null ? Map.of() : Map.copyOf(fixedDays);
  }
}
