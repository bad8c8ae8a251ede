package cn.yishi.domain.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaseNumberTest {

  @ParameterizedTest
  @CsvSource({
      "FX, 2026, 123, FX-2026-000123",
      "FX, 2026, 1, FX-2026-000001",
      "FX, 2027, 999999, FX-2027-999999",
      "FX, 2026, 1000000, FX-2026-1000000",
      "AB, 2030, 42, AB-2030-000042"})
  void formatsPrefixYearAndZeroPaddedSequence(String prefix, int year, long sequence, String expected) {
    assertThat(CaseNumber.format(prefix, year, sequence)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void refusesSequencesBelowOne(long sequence) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CaseNumber.format("FX", 2026, sequence))
        .withMessageContaining(Long.toString(sequence));
  }
}
