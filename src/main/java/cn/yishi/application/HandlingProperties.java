package cn.yishi.application;

import cn.yishi.domain.casefile.Tier;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines of the handling path, in working days unless a Duration (application.yaml, yishi.handling).
 *
 * @param escalationDays working days a case gets at its new tier after an escalation
 * @param supervisionDays the new deadline after a missed one, and the supervisor's due date
 * @param reworkDays the deadline of a rework (整改) after an unsatisfied evaluation
 * @param evaluationWait how long an e-mailed evaluation link is awaited before a grid worker visits
 */
@ConfigurationProperties("yishi.handling")
public record HandlingProperties(Map<Tier, Integer> escalationDays, int supervisionDays, int reworkDays, Duration evaluationWait) {
  public HandlingProperties {
    Map<Tier, Integer> days = new EnumMap<>(Map.of(Tier.STATION, 3, Tier.ROOM, 5, Tier.HALL, 10, Tier.COUNTY, 15));
    if (escalationDays != null) {
      days.putAll(escalationDays);
    }
    escalationDays = Map.copyOf(days);
    supervisionDays = supervisionDays <= 0 ? 2 : supervisionDays;
    reworkDays = reworkDays <= 0 ? 5 : reworkDays;
    evaluationWait = evaluationWait == null ? Duration.ofDays(7) : evaluationWait;
  }
}
