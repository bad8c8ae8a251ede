package cn.yishi.platform;

import cn.yishi.application.points.PointsAdministration;
import cn.yishi.application.points.PointsProperties;
import cn.yishi.domain.casefile.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Seeds each community's points rules and shop items from yishi.points.seed, once per community (V18's
 * yishi_points_seeded); a malformed seed stops start-up with the refusal.
 */
@Configuration
@EnableConfigurationProperties(PointsProperties.class)
class PointsSeeding {
  private static final Logger LOG = LoggerFactory.getLogger(PointsSeeding.class);
  private final PointsAdministration administration;

  PointsSeeding(PointsAdministration administration) {
    this.administration = administration;
  }

  @EventListener(ApplicationStartedEvent.class)
  void seed() {
    try {
      administration.checkSeed();
    } catch (ValidationException e) {
      throw new StartupRefusedException("Refusing to start: yishi.points.seed is malformed (积分细则或积分超市商品配置有误): "
          + e.getMessage(), "Correct yishi.points.seed in application.yaml.", e);
    }
    for (String community : administration.communities()) {
      if (administration.seed(community)) {
        LOG.info("Points rules and shop items of {} seeded from configuration", community);
      }
    }
  }
}
