package cn.yishi.domain.casefile;

import java.util.Optional;

/**
 * Which of the 五议五不议 applies to an issue (seed 000, 奉新): “五议”聚焦群众切身利益，重点商议公共事务、公共矛盾、公共秩序、
 * 公共设施运维、社区权限内重大事项，涵盖环境整治、邻里纠纷、宠物管理、路灯维护、惠民政策落地等；“五不议”排除政策已规定、
 * 需代表会议审议、纯个体纠纷等无效事项. Each 不议 carries its referral; 违反法律法规 is declined with the reason alone.
 */
public enum ScreeningGround {
  PUBLIC_AFFAIRS("公共事务", true, null),
  PUBLIC_CONFLICT("公共矛盾", true, null),
  PUBLIC_ORDER("公共秩序", true, null),
  PUBLIC_FACILITIES("公共设施运维", true, null),
  MAJOR_MATTER("社区权限内重大事项", true, null),
  POLICY_DELIVERY("惠民政策落地", true, null),
  PRIVATE_DISPUTE("纯个体纠纷", false, Referral.MEDIATION),
  SETTLED_BY_POLICY("政策已有规定", false, Referral.POLICY_EXPLANATION),
  RESERVED_TO_ASSEMBLY("需代表会议审议", false, Referral.RESIDENTS_MEETING),
  BEYOND_AUTHORITY("超出社区权限", false, Referral.COMPETENT_DEPARTMENT),
  UNLAWFUL("违反法律法规", false, null);

  private final String label;
  private final boolean admissible;
  private final Referral referral;

  ScreeningGround(String label, boolean admissible, Referral referral) {
    this.label = label;
    this.admissible = admissible;
    this.referral = referral;
  }

  public String label() {
    return label;
  }

  /** 五议 (true) or 五不议 (false). */
  public boolean admissible() {
    return admissible;
  }

  /** Where a 不议 is referred; null for a 议 and for 违反法律法规 (declined with the reason). */
  public Referral referral() {
    return referral;
  }

  /** The label with its kind, as a form lists it: 五议：公共事务, 五不议：纯个体纠纷（转人民调解）. */
  public String optionLabel() {
    if (admissible) {
      return "五议：" + label;
    }
    return "五不议：" + label + switch (this) {
      case PRIVATE_DISPUTE -> "（转人民调解）";
      case SETTLED_BY_POLICY -> "（政策解释）";
      case RESERVED_TO_ASSEMBLY -> "（提交居民代表会议）";
      case BEYOND_AUTHORITY -> "（转主管部门）";
      default -> "（说明理由，不予受理）";
    };
  }

  /** The ground of a code; empty for null or an unknown code. */
  public static Optional<ScreeningGround> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (ScreeningGround g : values()) {
      if (g.name().equals(code.strip())) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
