package cn.yishi.domain.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoardRulesTest {
  /** The defaults of application.yaml. */
  static final BoardRules DEFAULTS = new BoardRules(3, 3, 0.8, true, 1, 3, 3, 1.0);

  /** A unit that resolved {@code resolved} of {@code resolved + pending}, with ratings and listed/overdue items. */
  static BoardRules.Standing unit(String code, int resolved, int pending, int evaluations, int satisfied, int listed, int overdueItems) {
    return new BoardRules.Standing(code, "单位" + code, new MonthlyFigures(resolved + pending, 0, resolved + pending,
        resolved, resolved, pending, 0, 0, evaluations, satisfied, satisfied * 5, listed, overdueItems, 0));
  }

  static List<String> units(List<BoardRules.Entry> entries) {
    return entries.stream().map(BoardRules.Entry::unit).toList();
  }

  @Test
  void listedUnitsThenOverdueUnitsThenTheBottomAreBlackAndTheBestOfTheRestRed() {
    BoardRules.Boards b = DEFAULTS.rank(List.of(
        unit("a", 10, 0, 4, 4, 0, 0),   // 100%, all satisfied
        unit("b", 9, 1, 2, 2, 0, 0),    // 90%
        unit("c", 8, 2, 2, 1, 0, 0),    // 80%, half satisfied
        unit("d", 5, 5, 0, 0, 0, 0),    // 50%
        unit("e", 3, 7, 0, 0, 0, 0),    // 30%
        unit("f", 9, 1, 0, 0, 1, 1),    // listed and overdue
        unit("g", 9, 1, 0, 0, 0, 2),    // overdue twice
        unit("h", 1, 0, 0, 0, 0, 0)));  // too few cases to rank

    assertThat(units(b.black())).containsExactly("f", "g", "e", "d", "c");
    assertThat(b.black().get(0).reason()).isEqualTo("挂牌督办 1 件；逾期 1 件");
    assertThat(b.black().get(1).reason()).isEqualTo("逾期 2 件");
    assertThat(b.black().get(2).reason()).isEqualTo("解决率 30.0%，排名末位");
    assertThat(b.black()).extracting(BoardRules.Entry::rank).containsExactly(1, 2, 3, 4, 5);
    assertThat(b.black()).allMatch(e -> e.board() == BoardRules.Board.BLACK);

    assertThat(units(b.red())).containsExactly("a", "b");
    assertThat(b.red().get(0).reason()).isEqualTo("解决率 100.0%（办结 10 件），满意率 100.0%，平均满意度 5.00 分");
    assertThat(b.red().get(1).unitName()).isEqualTo("单位b");
    assertThat(b.all()).hasSize(7);
  }

  @Test
  void nobodyIsBlackForResolvingEverythingAndTiesAreBrokenByTheUnitCode() {
    BoardRules.Boards b = DEFAULTS.rank(List.of(unit("z", 5, 0, 0, 0, 0, 0), unit("y", 5, 0, 0, 0, 0, 0),
        unit("x", 5, 0, 1, 1, 0, 0), unit("w", 5, 0, 0, 0, 0, 0)));

    assertThat(b.black()).isEmpty();
    assertThat(units(b.red())).containsExactly("x", "w", "y");
  }

  @Test
  void theRedBoardNeedsTheMinimumRateAndCases() {
    BoardRules strict = new BoardRules(5, 4, 0.9, false, 0, 0, 3, 1.0);
    BoardRules.Boards b = strict.rank(List.of(unit("a", 9, 1, 0, 0, 2, 3), unit("b", 8, 2, 0, 0, 0, 0),
        unit("c", 3, 0, 0, 0, 0, 0)));

    assertThat(b.black()).as("listed, overdue and bottom all switched off").isEmpty();
    assertThat(units(b.red())).containsExactly("a");
  }

  @Test
  void everyValueOutOfRangeIsNamedWithItsKey() {
    assertThatThrownBy(() -> new BoardRules(-1, 0, 1.5, true, -2, 51, 0, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yishi.monthly.red.top 的值 -1 无效")
        .hasMessageContaining("yishi.monthly.red.min-cases")
        .hasMessageContaining("yishi.monthly.red.min-resolution-rate 的值 1.5")
        .hasMessageContaining("yishi.monthly.black.overdue-at-least")
        .hasMessageContaining("yishi.monthly.black.bottom 的值 51")
        .hasMessageContaining("yishi.monthly.black.min-cases")
        .hasMessageContaining("yishi.monthly.black.below-resolution-rate 的值 -0.1");
    assertThatThrownBy(() -> new BoardRules(3, 3, Double.NaN, true, 1, 3, 3, 1.0))
        .hasMessageContaining("red.min-resolution-rate");
    assertThatThrownBy(() -> new BoardRules(3, 3, 0.8, true, 1, 3, 3, 0))
        .hasMessageContaining("black.below-resolution-rate 为 0 时没有单位能进入末位名单");
    assertThatCode(() -> new BoardRules(0, 1, 0, false, 0, 0, 1, 0)).doesNotThrowAnyException();
  }
}
