package cn.yishi.domain.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MonthlyFiguresTest {
  /** received, respondedOnTime, accepted, resolved, resolvedOnTime, pending, overdue, reworks, evaluations, satisfied, sum. */
  static MonthlyFigures f(int received, int responded, int resolved, int pending, int evaluations, int satisfied, int sum) {
    return new MonthlyFigures(received, responded, received, resolved, resolved, pending, 0, 0, evaluations, satisfied, sum, 0, 0, 0);
  }

  @Test
  void theThreeRatesAndTheAverage() {
    MonthlyFigures x = f(6, 4, 2, 1, 3, 2, 11);

    assertThat(x.responseRate()).isEqualTo(0.6667);
    assertThat(x.caseload()).isEqualTo(3);
    assertThat(x.resolutionRate()).isEqualTo(0.6667);
    assertThat(x.satisfactionRate()).isEqualTo(0.6667);
    assertThat(x.averageSatisfaction()).isEqualTo(3.67);
    assertThat(MonthlyFigures.percent(x.resolutionRate())).isEqualTo("66.7%");
  }

  @Test
  void aRateWithoutADenominatorIsNullAndShownAsADash() {
    assertThat(MonthlyFigures.ZERO.responseRate()).isNull();
    assertThat(MonthlyFigures.ZERO.resolutionRate()).isNull();
    assertThat(MonthlyFigures.ZERO.satisfactionRate()).isNull();
    assertThat(MonthlyFigures.ZERO.averageSatisfaction()).isNull();
    assertThat(MonthlyFigures.percent(null)).isEqualTo("—");
    assertThat(MonthlyFigures.ZERO.isEmpty()).isTrue();
    assertThat(f(1, 0, 0, 0, 0, 0, 0).isEmpty()).isFalse();
  }

  @Test
  void figuresAddUpFieldByField() {
    MonthlyFigures sum = f(2, 1, 1, 1, 1, 1, 4).plus(new MonthlyFigures(3, 3, 2, 2, 1, 0, 1, 2, 2, 1, 5, 1, 2, 3));

    assertThat(sum).isEqualTo(new MonthlyFigures(5, 4, 4, 3, 2, 1, 1, 2, 3, 2, 9, 1, 2, 3));
    assertThat(sum.plus(MonthlyFigures.ZERO)).isEqualTo(sum);
  }

  @Test
  void aPartNeverExceedsItsWholeAndNothingIsNegative() {
    assertThatThrownBy(() -> f(1, 2, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f(0, 0, 0, 0, 1, 2, 6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MonthlyFigures(0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f(-1, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itemEvaluationsAddUpAndAverageOverAllRatings() {
    MonthlyFigures a = new MonthlyFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 13, 0);
    MonthlyFigures b = new MonthlyFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 1, 2);
    MonthlyFigures sum = a.plus(b);
    org.assertj.core.api.Assertions.assertThat(sum.itemsEvaluated()).isEqualTo(3);
    org.assertj.core.api.Assertions.assertThat(sum.itemsSentBack()).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(sum.averageItemRating()).isEqualTo(3.5);
    org.assertj.core.api.Assertions.assertThat(MonthlyFigures.ZERO.averageItemRating()).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new MonthlyFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
