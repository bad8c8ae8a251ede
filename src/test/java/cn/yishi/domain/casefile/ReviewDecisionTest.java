package cn.yishi.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class ReviewDecisionTest {

  private static ValidationException refused(ReviewDecision d) {
    ValidationException e = catchThrowableOfType(ValidationException.class, d::validate);
    assertThat(e).as("the decision should have been refused").isNotNull();
    return e;
  }

  @Test
  void admissibleIsRequired() {
    ValidationException e = refused(new ReviewDecision(null, "whatever"));

    assertThat(e.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("admissible", "required"));
  }

  @Test
  void acceptanceNeedsNoReason() {
    assertThatCode(() -> new ReviewDecision(true, null).validate()).doesNotThrowAnyException();
  }

  @Test
  void declineWithReasonIsAccepted() {
    ReviewDecision d = new ReviewDecision(false, "  属于法律诉讼范畴，不予受理  ");

    assertThatCode(d::validate).doesNotThrowAnyException();
    assertThat(d.declineReason()).isEqualTo("属于法律诉讼范畴，不予受理");
  }

  @Test
  void declineWithoutReasonIsRefused() {
    ValidationException e = refused(new ReviewDecision(false, null));

    assertThat(e.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("declineReason", "required"));
  }

  @Test
  void blankReasonCountsAsMissing() {
    ReviewDecision d = new ReviewDecision(false, " \n\t ");

    assertThat(d.declineReason()).isNull();
    assertThat(refused(d).errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("declineReason", "required"));
  }

  @Test
  void reasonOf1000IsAcceptedAnd1001Refused() {
    assertThatCode(() -> new ReviewDecision(false, "理".repeat(ReviewDecision.REASON_MAX)).validate())
        .doesNotThrowAnyException();

    ValidationException e = refused(new ReviewDecision(false, "理".repeat(ReviewDecision.REASON_MAX + 1)));

    assertThat(e.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("declineReason", "too_long"));
  }

  @Test
  void tooLongReasonIsRefusedEvenWhenAccepting() {
    ValidationException e = refused(new ReviewDecision(true, "理".repeat(1001)));

    assertThat(e.errors())
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("declineReason", "too_long"));
  }
}
