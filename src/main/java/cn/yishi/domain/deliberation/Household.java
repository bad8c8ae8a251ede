package cn.yishi.domain.deliberation;

import java.math.BigDecimal;

/**
 * One household of the register (住户名册): its compound (the station code of the 小区), building (楼栋), unit (单元),
 * household code (户号, unique in the compound) and floor area (专有部分面积, m², two decimals).
 */
public record Household(String compound, String building, String unit, String household, BigDecimal area) {
  public Household {
    if (area == null || area.signum() <= 0) {
      throw new IllegalArgumentException("面积应大于0");
    }
  }
}
