package cn.yishi.application.deliberation;

import cn.yishi.domain.deliberation.ItemEvaluationRules;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 民事民评 (application.yaml, {@code yishi.item-evaluation}).
 *
 * @param passAverage an item whose average rating is below this goes back to its unit (default 3.00)
 */
@ConfigurationProperties("yishi.item-evaluation")
public record ItemEvaluationProperties(BigDecimal passAverage) {
  public ItemEvaluationProperties {
    passAverage = passAverage == null ? ItemEvaluationRules.DEFAULT_PASS_AVERAGE : passAverage;
    if (passAverage.compareTo(BigDecimal.ONE) < 0 || passAverage.compareTo(BigDecimal.valueOf(5)) > 0) {
      throw new IllegalArgumentException("yishi.item-evaluation.pass-average 应在 1 到 5 之间");
    }
  }
}
