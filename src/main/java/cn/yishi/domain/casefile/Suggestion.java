package cn.yishi.domain.casefile;

/**
 * What the DMN tables suggest for a case: the 五议五不议 verdict with its ground (and, for a 不议, the reason and the
 * referral) and the triage. The party review confirms or overrides it.
 */
public record Suggestion(
    boolean admissible,
    ScreeningGround ground,
    String declineReason,
    String referral,
    Classification classification,
    int responseDays,
    int resolutionDays) {

  /** The 五议五不议 suggestion in words, as the review form shows it. */
  public String screeningText() {
    if (admissible) {
      return "建议予以受理（五议·" + (ground == null ? "公共事务" : ground.label()) + "）。";
    }
    String to = Referral.of(referral).map(r -> "引导去向：" + r.publicWords().replaceFirst("^已", "") + "。").orElse("");
    return "建议不予受理（五不议" + (ground == null ? "" : "·" + ground.label()) + "）：" + (declineReason == null ? "" : declineReason)
        + to;
  }
}
