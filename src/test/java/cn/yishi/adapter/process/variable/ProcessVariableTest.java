package cn.yishi.adapter.process.variable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.domain.casefile.ValidationException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

/** Reads as forms and clients submit values, writes as the engine and the models need them, refusals per field. */
class ProcessVariableTest {
  private static final ProcessVariable<String> TEXT = ProcessVariable.string("text");
  private static final ProcessVariable<Integer> NUMBER = ProcessVariable.integer("number");
  private static final ProcessVariable<Long> ID = ProcessVariable.id("id");
  private static final ProcessVariable<Boolean> FLAG = ProcessVariable.bool("flag");
  private static final ProcessVariable<OffsetDateTime> WHEN = ProcessVariable.dateTime("when");
  private static final ProcessVariable<List<String>> CODES = ProcessVariable.stringList("codes");

  @Test
  void readsWhatFormsAndClientsSubmit() {
    assertThat(NUMBER.from(Map.of("number", 3L))).isEqualTo(3);
    assertThat(NUMBER.from(Map.of("number", " 4 "))).isEqualTo(4);
    assertThat(NUMBER.from(Map.of("number", 5.0d))).isEqualTo(5);
    assertThat(ID.from(Map.of("id", 7))).isEqualTo(7L);
    assertThat(FLAG.from(Map.of("flag", "true"))).isTrue();
    assertThat(FLAG.from(Map.of("flag", false))).isFalse();
    assertThat(TEXT.from(Map.of("text", 12))).isEqualTo("12");
    assertThat(CODES.from(Map.of("codes", List.of("a", "b")))).containsExactly("a", "b");
    Date d = Date.from(OffsetDateTime.parse("2026-03-02T10:00:00Z").toInstant());
    assertThat(WHEN.from(Map.of("when", d))).isEqualTo(OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void absentAndBlankAreNullExceptThatTextStaysAsEntered() {
    assertThat(NUMBER.from(Map.of())).isNull();
    assertThat(NUMBER.from(Map.of("number", "  "))).isNull();
    assertThat(FLAG.from(Map.of("flag", ""))).isNull();
    assertThat(TEXT.from(Map.of("text", " "))).isEqualTo(" ");
  }

  @Test
  void refusesWhatIsNotOfTheTypeAsAFieldErrorInChinese() {
    assertRefused(() -> NUMBER.from(Map.of("number", 2.5d)), "number", "应为整数");
    assertRefused(() -> NUMBER.from(Map.of("number", "x")), "number", "应为整数");
    assertRefused(() -> NUMBER.from(Map.of("number", 3_000_000_000L)), "number", "应为整数");
    assertRefused(() -> ID.from(Map.of("id", "1.5")), "id", "应为整数");
    assertRefused(() -> FLAG.from(Map.of("flag", "yes")), "flag", "应为是或否");
    assertRefused(() -> WHEN.from(Map.of("when", "2026-03-02")), "when", "应为日期时间");
    assertRefused(() -> CODES.from(Map.of("codes", "a,b")), "codes", "应为列表");
  }

  @Test
  void writesDatesAsTheEngineSDateAndListsAsAList() {
    Map<String, Object> v = WHEN.in(new HashMap<>(), OffsetDateTime.parse("2026-03-02T18:00:00+08:00"));
    CODES.in(v, List.of("x"));
    NUMBER.in(v, null);
    assertThat(v.get("when")).isEqualTo(Date.from(OffsetDateTime.parse("2026-03-02T10:00:00Z").toInstant()));
    assertThat(v.get("codes")).isEqualTo(List.of("x"));
    assertThat(v).containsEntry("number", null);
  }

  @Test
  void setsReadsAndRemovesOnAScopeLocallyOrVisibly() {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable("number")).thenReturn("8");
    when(scope.getVariableLocal("number")).thenReturn(9L);
    assertThat(NUMBER.from(scope)).isEqualTo(8);
    assertThat(NUMBER.fromLocal(scope)).isEqualTo(9);
    WHEN.on(scope, OffsetDateTime.parse("2026-03-02T10:00:00Z"));
    verify(scope).setVariable("when", Date.from(OffsetDateTime.parse("2026-03-02T10:00:00Z").toInstant()));
    TEXT.onLocal(scope, "x");
    verify(scope).setVariableLocal("text", "x");
    TEXT.removeFrom(scope);
    verify(scope).removeVariable("text");
    assertThat(TEXT.name()).isEqualTo("text").isEqualTo(TEXT.toString());
  }

  @Test
  void textWithACharacterTheDatabaseCannotStoreIsRefused() {
    assertThat(TEXT.from(Map.of("text", "路灯"))).isEqualTo("路灯");
    assertThatThrownBy(() -> TEXT.from(Map.of("text", "路\u0000灯"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("text");
    assertThatThrownBy(() -> TEXT.from(Map.of("text", "路\uD800"))).isInstanceOf(FormFieldValidationException.class);
  }

  @Test
  void aRecordNumberTheProcessNeedsIsRequiredAndANumber() {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable("id")).thenReturn(42, 42L, "42", null, "x", 4.5, true);
    assertThat(ID.required(scope)).isEqualTo(42L);
    assertThat(ID.required(scope)).isEqualTo(42L);
    assertThat(ID.required(scope)).isEqualTo(42L);
    assertRefused(() -> ID.required(scope), "id", "缺少必需的值");
    assertRefused(() -> ID.required(scope), "id", "应为整数");
    assertRefused(() -> ID.required(scope), "id", "应为整数");
    assertRefused(() -> ID.required(scope), "id", "应为整数");
  }

  private static void assertRefused(Runnable read, String field, String message) {
    assertThatThrownBy(read::run).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("输入有误")
        .hasCauseInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e.getCause()).errors())
            .singleElement().satisfies(f -> {
              assertThat(f.field()).isEqualTo(field);
              assertThat(f.message()).isEqualTo(message);
            }));
  }
}
