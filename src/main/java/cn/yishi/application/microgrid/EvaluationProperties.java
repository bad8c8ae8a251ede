package cn.yishi.application.microgrid;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 双向评价 settings (application.yaml, yishi.micro-grids.evaluation).
 *
 * @param months the months in which the rounds open (on the 1st, 08:00), e.g. [6, 12]
 * @param windowDays how long a round stays open, in working days
 * @param cadres per community code, the cadres who serve its 院坝 (包片干部), one entry {@code 姓名} or {@code 职务 姓名};
 *     rated in the scheduled rounds (a round started in Tasklist names its own)
 */
@ConfigurationProperties("yishi.micro-grids.evaluation")
public record EvaluationProperties(List<Integer> months, int windowDays, Map<String, List<String>> cadres) {
  public EvaluationProperties {
    months = months == null || months.isEmpty() ? List.of(6, 12) : List.copyOf(months);
    if (months.stream().anyMatch(m -> m == null || m < 1 || m > 12)) {
      throw new IllegalArgumentException("yishi.micro-grids.evaluation.months 只能是 1 到 12 的月份：" + months);
    }
    windowDays = windowDays <= 0 ? 10 : windowDays;
    cadres = cadres == null ? Map.of() : Map.copyOf(cadres);
  }

  public List<String> cadresOf(String community) {
    return cadres.getOrDefault(community, List.of());
  }
}
