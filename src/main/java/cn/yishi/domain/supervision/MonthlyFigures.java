package cn.yishi.domain.supervision;

/**
 * The figures of the monthly dispatch report (月调度) for one responsible unit, one community or the
 * whole county, for one calendar month M = [first day 00:00, first day of the next month 00:00) in the
 * offices' zone. Counts only; the rates are derived. Each case counts for the unit that is responsible
 * for it when the report is computed, and for its community. Definitions (also in the README):
 *
 * <dl>
 *   <dt>received 收件</dt><dd>cases created in M, whatever became of them.</dd>
 *   <dt>respondedOnTime 按时响应</dt><dd>of those, the cases whose review decision (受理 or 不予受理, a timeline
 *       entry ACCEPTED or DECLINED) came no later than their response deadline, which is counted in working days
 *       from registration.</dd>
 *   <dt>accepted 受理</dt><dd>cases accepted in M (timeline entry ACCEPTED in M), whenever received.</dd>
 *   <dt>resolved 办结</dt><dd>cases whose resolution (resolved_at) lies in M; a case sent back for rework is no
 *       longer resolved until it is resolved again.</dd>
 *   <dt>resolvedOnTime 按期办结</dt><dd>of those, the cases resolved no later than their deadline that never had
 *       a supervision order (督办单) nor an overdue entry in their timeline.</dd>
 *   <dt>pending 未办结</dt><dd>accepted cases received before the end of M and not resolved by then: still open
 *       when the report is computed, or resolved only after M.</dd>
 *   <dt>overdue 逾期</dt><dd>distinct cases that in M got an overdue entry or a supervision order, were resolved
 *       after their deadline, or are pending with their deadline before the end of M (or before now, for the
 *       running month).</dd>
 *   <dt>reworks 整改</dt><dd>rework entries (群众不满意，退回整改) in M.</dd>
 *   <dt>evaluations, satisfied, satisfactionSum</dt><dd>ratings given in M (一件一评价), those of 3 or more
 *       points, and the sum of the points.</dd>
 *   <dt>listedItems 挂牌督办</dt><dd>cases and resolution items (决议事项) under listed supervision at some time
 *       in M: listed before the end of M and not finished before M began.</dd>
 *   <dt>overdueItems 逾期事项</dt><dd>overdue cases plus the resolution items that in M were open past their
 *       deadline or were completed after it.</dd>
 *   <dt>rejectedResults 结果不实</dt><dd>results the dispatch centre rejected as false in M (督办纠偏: a supervision
 *       order of source REJECTED created in M).</dd>
 *   <dt>itemsEvaluated, itemRatings, itemRatingSum, itemsSentBack 民事民评</dt><dd>rounds of 民事民评 of resolution items
 *       closed in M, the ratings they received and the sum of their points, and the rounds that sent the item back
 *       to its unit (a poor average).</dd>
 * </dl>
 * A resolution item counts for its own unit and the community of its meeting.
 *
 * The three rates of the 12345 assessment: {@link #responseRate()} 响应率 = respondedOnTime / received;
 * {@link #resolutionRate()} 解决率 = resolved / (resolved + pending); {@link #satisfactionRate()} 满意率 =
 * satisfied / evaluations. A rate without a denominator is {@code null} (shown as “—”).
 */
public record MonthlyFigures(int received, int respondedOnTime, int accepted, int resolved, int resolvedOnTime,
    int pending, int overdue, int reworks, int evaluations, int satisfied, int satisfactionSum, int listedItems,
    int overdueItems, int rejectedResults, int itemsEvaluated, int itemRatings, int itemRatingSum, int itemsSentBack) {

  /** A rating of this many points or more counts as satisfied (as it closes the case). */
  public static final int SATISFIED_FROM = 3;

  public static final MonthlyFigures ZERO = new MonthlyFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** The figures without 民事民评 (none in the month). */
  public MonthlyFigures(int received, int respondedOnTime, int accepted, int resolved, int resolvedOnTime, int pending,
      int overdue, int reworks, int evaluations, int satisfied, int satisfactionSum, int listedItems, int overdueItems,
      int rejectedResults) {
    this(received, respondedOnTime, accepted, resolved, resolvedOnTime, pending, overdue, reworks, evaluations, satisfied,
        satisfactionSum, listedItems, overdueItems, rejectedResults, 0, 0, 0, 0);
  }

  public MonthlyFigures {
    for (int n : new int[] {received, respondedOnTime, accepted, resolved, resolvedOnTime, pending, overdue, reworks,
        evaluations, satisfied, satisfactionSum, listedItems, overdueItems, rejectedResults, itemsEvaluated, itemRatings,
        itemRatingSum, itemsSentBack}) {
      if (n < 0) {
        throw new IllegalArgumentException("figures must not be negative");
      }
    }
    if (respondedOnTime > received || resolvedOnTime > resolved || satisfied > evaluations || itemsSentBack > itemsEvaluated) {
      throw new IllegalArgumentException("a part exceeds its whole");
    }
  }

  public MonthlyFigures plus(MonthlyFigures o) {
    return new MonthlyFigures(received + o.received, respondedOnTime + o.respondedOnTime, accepted + o.accepted,
        resolved + o.resolved, resolvedOnTime + o.resolvedOnTime, pending + o.pending, overdue + o.overdue,
        reworks + o.reworks, evaluations + o.evaluations, satisfied + o.satisfied, satisfactionSum + o.satisfactionSum,
        listedItems + o.listedItems, overdueItems + o.overdueItems, rejectedResults + o.rejectedResults,
        itemsEvaluated + o.itemsEvaluated, itemRatings + o.itemRatings, itemRatingSum + o.itemRatingSum,
        itemsSentBack + o.itemsSentBack);
  }

  /** The cases the unit had to resolve in M: resolved in M plus pending at its end (the resolution rate's base). */
  public int caseload() {
    return resolved + pending;
  }

  /** 响应率: received cases answered in time, or null without received cases. */
  public Double responseRate() {
    return ratio(respondedOnTime, received);
  }

  /** 解决率: resolved / (resolved + pending), or null without a caseload. */
  public Double resolutionRate() {
    return ratio(resolved, caseload());
  }

  /** 满意率: ratings of 3 points or more / ratings, or null without ratings. */
  public Double satisfactionRate() {
    return ratio(satisfied, evaluations);
  }

  /** 平均满意度 in points (1–5), to two decimals, or null without ratings. */
  public Double averageSatisfaction() {
    return evaluations == 0 ? null : Math.round(satisfactionSum * 100.0 / evaluations) / 100.0;
  }

  /** 民事民评's average rating of the month (all ratings of the rounds closed in it), or null without ratings. */
  public Double averageItemRating() {
    return itemRatings == 0 ? null : Math.round(itemRatingSum * 100.0 / itemRatings) / 100.0;
  }

  /** Whether nothing at all happened. */
  public boolean isEmpty() {
    return equals(ZERO);
  }

  /** A share to four decimals (0.6667), or null when the whole is zero. */
  static Double ratio(int part, int whole) {
    return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
  }

  /** A rate as Chinese text: 66.7% or — without a denominator. */
  public static String percent(Double rate) {
    return rate == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
  }
}
