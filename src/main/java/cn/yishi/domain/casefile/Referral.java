package cn.yishi.domain.casefile;

import java.util.Optional;

/**
 * Where a declined issue is sent (引导去向) under the 五不议: a decline is never silent. The public words are what
 * the timeline, the public view and the reporter's mail say.
 */
public enum Referral {
  /** 纯个体纠纷 → 人民调解. */
  MEDIATION("已引导至社区人民调解委员会调解"),
  /** 政策已有规定 → 政策解释. */
  POLICY_EXPLANATION("已由工作人员向群众解释相关政策"),
  /** 需代表会议审议 → 居民（代表）会议. */
  RESIDENTS_MEETING("已提交居民（代表）会议审议"),
  /** 超出社区权限 → 主管部门. */
  COMPETENT_DEPARTMENT("已转交主管部门办理");

  private final String publicWords;

  Referral(String publicWords) {
    this.publicWords = publicWords;
  }

  public String publicWords() {
    return publicWords;
  }

  /** The public words, naming the department a case was transferred to when there is one. */
  public String publicWords(String departmentName) {
    return this == COMPETENT_DEPARTMENT && departmentName != null ? "已转交" + departmentName + "办理" : publicWords;
  }

  /** The referral of a stored code; empty for null or an unknown code. */
  public static Optional<Referral> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Referral r : values()) {
      if (r.name().equals(code)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
