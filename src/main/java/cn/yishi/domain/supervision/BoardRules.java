package cn.yishi.domain.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules of the red and black board (红黑榜) of the monthly dispatch, from configuration
 * (application.yaml, yishi.monthly.red and yishi.monthly.black).
 *
 * <p>Black board (黑榜), in this order of severity:
 * <ol>
 *   <li>when {@code blackListed}: every unit with an item under listed supervision (挂牌督办) in the month;</li>
 *   <li>when {@code blackOverdueAtLeast > 0}: every unit with at least that many overdue items;</li>
 *   <li>the {@code blackBottom} units with the lowest resolution rate (then the lowest satisfaction rate) among
 *       those with a caseload of at least {@code blackMinCases} and a resolution rate below
 *       {@code blackBelowResolutionRate} (so that a month in which everyone resolved everything blackens no one).</li>
 * </ol>
 * Red board (红榜): the {@code redTop} units with the highest resolution rate, then satisfaction rate, then
 * average satisfaction, then caseload, among those with a caseload of at least {@code redMinCases}, a
 * resolution rate of at least {@code redMinResolutionRate}, and not on the black board. Ties are broken by
 * the unit code, so the same figures always give the same boards.
 *
 * @throws IllegalArgumentException with a Chinese message naming the configuration key when a value is out of range
 */
public record BoardRules(int redTop, int redMinCases, double redMinResolutionRate, boolean blackListed,
    int blackOverdueAtLeast, int blackBottom, int blackMinCases, double blackBelowResolutionRate) {

  public static final int MAX_PLACES = 50;
  private static final String KEY = "yishi.monthly.";

  public BoardRules {
    List<String> problems = new ArrayList<>();
    range(problems, "red.top", redTop, 0, MAX_PLACES);
    range(problems, "red.min-cases", redMinCases, 1, 100_000);
    share(problems, "red.min-resolution-rate", redMinResolutionRate);
    range(problems, "black.overdue-at-least", blackOverdueAtLeast, 0, 100_000);
    range(problems, "black.bottom", blackBottom, 0, MAX_PLACES);
    range(problems, "black.min-cases", blackMinCases, 1, 100_000);
    share(problems, "black.below-resolution-rate", blackBelowResolutionRate);
    if (problems.isEmpty() && blackBottom > 0 && blackBelowResolutionRate == 0) {
      problems.add(KEY + "black.below-resolution-rate 为 0 时没有单位能进入末位名单，请改为大于 0 的值，或把 "
          + KEY + "black.bottom 设为 0");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("；", problems));
    }
  }

  private static void range(List<String> problems, String key, int value, int min, int max) {
    if (value < min || value > max) {
      problems.add(KEY + key + " 的值 " + value + " 无效，应为 " + min + " 到 " + max + " 之间的整数");
    }
  }

  private static void share(List<String> problems, String key, double value) {
    if (!(value >= 0 && value <= 1)) {
      problems.add(KEY + key + " 的值 " + value + " 无效，应为 0 到 1 之间的小数（例如 0.8 表示 80%）");
    }
  }

  /** One unit's month. */
  public record Standing(String unit, String unitName, MonthlyFigures figures) {}

  public enum Board { RED, BLACK }

  /** A place on a board: rank from 1, the unit, and why (Chinese, shown on the public board). */
  public record Entry(Board board, int rank, String unit, String unitName, String reason) {}

  public record Boards(List<Entry> red, List<Entry> black) {
    public List<Entry> all() {
      List<Entry> all = new ArrayList<>(red);
      all.addAll(black);
      return all;
    }
  }

  private static final Comparator<Double> HIGH_FIRST_NULL_LAST = Comparator.nullsLast(Comparator.reverseOrder());
  private static final Comparator<Double> LOW_FIRST_NULL_LAST = Comparator.nullsLast(Comparator.naturalOrder());

  private static final Comparator<Standing> BEST_FIRST = Comparator
      .comparing((Standing s) -> s.figures().resolutionRate(), HIGH_FIRST_NULL_LAST)
      .thenComparing(s -> s.figures().satisfactionRate(), HIGH_FIRST_NULL_LAST)
      .thenComparing(s -> s.figures().averageSatisfaction(), HIGH_FIRST_NULL_LAST)
      .thenComparing((Standing s) -> s.figures().caseload(), Comparator.reverseOrder())
      .thenComparing(Standing::unit);

  private static final Comparator<Standing> WORST_FIRST = Comparator
      .comparing((Standing s) -> s.figures().resolutionRate(), LOW_FIRST_NULL_LAST)
      .thenComparing(s -> s.figures().satisfactionRate(), LOW_FIRST_NULL_LAST)
      .thenComparing((Standing s) -> s.figures().caseload(), Comparator.reverseOrder())
      .thenComparing(Standing::unit);

  /** Ranks the units of one month. */
  public Boards rank(List<Standing> units) {
    Map<String, List<String>> reasons = new LinkedHashMap<>();
    Map<String, Standing> byUnit = units.stream().collect(Collectors.toMap(Standing::unit, Function.identity(), (a, b) -> a));
    List<Standing> severity = units.stream().sorted(Comparator
        .comparing((Standing s) -> s.figures().listedItems(), Comparator.reverseOrder())
        .thenComparing(s -> s.figures().overdueItems(), Comparator.reverseOrder())
        .thenComparing(Standing::unit)).toList();
    for (Standing s : severity) {
      MonthlyFigures f = s.figures();
      if (blackListed && f.listedItems() > 0) {
        reasons.computeIfAbsent(s.unit(), u -> new ArrayList<>()).add("挂牌督办 " + f.listedItems() + " 件");
      }
      if (blackOverdueAtLeast > 0 && f.overdueItems() >= blackOverdueAtLeast) {
        reasons.computeIfAbsent(s.unit(), u -> new ArrayList<>()).add("逾期 " + f.overdueItems() + " 件");
      }
    }
    List<Standing> bottom = units.stream()
        .filter(s -> s.figures().caseload() >= blackMinCases)
        .filter(s -> s.figures().resolutionRate() != null && s.figures().resolutionRate() < blackBelowResolutionRate)
        .sorted(WORST_FIRST)
        .limit(blackBottom)
        .toList();
    for (Standing s : bottom) {
      reasons.computeIfAbsent(s.unit(), u -> new ArrayList<>()).add(
          "解决率 " + MonthlyFigures.percent(s.figures().resolutionRate()) + "，排名末位");
    }
    List<Entry> black = new ArrayList<>();
    reasons.forEach((unit, why) -> black.add(new Entry(Board.BLACK, black.size() + 1, unit,
        byUnit.get(unit).unitName(), String.join("；", why))));

    Set<String> blackened = reasons.keySet();
    List<Entry> red = new ArrayList<>();
    units.stream()
        .filter(s -> !blackened.contains(s.unit()))
        .filter(s -> s.figures().caseload() >= redMinCases)
        .filter(s -> s.figures().resolutionRate() != null && s.figures().resolutionRate() >= redMinResolutionRate)
        .sorted(BEST_FIRST)
        .limit(redTop)
        .forEach(s -> red.add(new Entry(Board.RED, red.size() + 1, s.unit(), s.unitName(), praise(s.figures()))));
    return new Boards(List.copyOf(red), List.copyOf(black));
  }

  private static String praise(MonthlyFigures f) {
    StringBuilder b = new StringBuilder("解决率 ").append(MonthlyFigures.percent(f.resolutionRate()))
        .append("（办结 ").append(f.resolved()).append(" 件）");
    if (f.evaluations() > 0) {
      b.append("，满意率 ").append(MonthlyFigures.percent(f.satisfactionRate()))
          .append("，平均满意度 ").append(String.format(java.util.Locale.ROOT, "%.2f", f.averageSatisfaction())).append(" 分");
    }
    return b.toString();
  }
}
