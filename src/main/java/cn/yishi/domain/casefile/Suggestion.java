package cn.yishi.domain.casefile;

/**
 * What the DMN tables suggest for a case: the 五议五不议 verdict and the triage. The party review
 * confirms or overrides it.
 */
public record Suggestion(
    boolean admissible,
    String declineReason,
    String referral,
    Classification classification,
    int responseDays,
    int resolutionDays) {}
