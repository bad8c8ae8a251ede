package cn.yishi.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngineVariablesTest {

  @Test
  void aFormsJsonListGivesItsObjects() {
    assertThat(EngineVariables.jsonObjects("[{\"unit\":\"water\"},{\"unit\":\"power\"}]", "items", "决议清单格式不正确"))
        .extracting(n -> n.path("unit").asText())
        .containsExactly("water", "power");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "[]"})
  void noListIsNoObjects(String value) {
    assertThat(EngineVariables.jsonObjects(value, "items", "决议清单格式不正确")).isEmpty();
    assertThat(EngineVariables.jsonObjects(null, "items", "决议清单格式不正确")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[{", "{\"unit\":\"water\"}", "\"text\"", "[1, 2]", "[{\"unit\":\"water\"}, \"x\"]", "[[]]"})
  void anythingButAnArrayOfObjectsIsRefusedAsTheField(String value) {
    assertThatThrownBy(() -> EngineVariables.jsonObjects(value, "items", "决议清单格式不正确"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("决议清单格式不正确");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[{\"unit\":\"wa\\u0000ter\"}]", "[{\"u\\u0000nit\":\"water\"}]", "[{\"a\":[{\"b\":\"\\ud800\"}]}]"})
  void aListWithACharacterTheDatabaseCannotStoreIsRefused(String value) {
    assertThatThrownBy(() -> EngineVariables.jsonObjects(value, "items", "决议清单格式不正确"))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("items").hasMessageContaining("无法保存的字符");
  }

  private static VariableScope scope(String name, Object value) {
    VariableScope scope = mock(VariableScope.class);
    when(scope.getVariable(name)).thenReturn(value);
    return scope;
  }

  @Test
  void textWithACharacterTheDatabaseCannotStoreIsRefused() {
    assertThat(EngineVariables.string(scope("title", "路灯"), "title")).isEqualTo("路灯");
    assertThatThrownBy(() -> EngineVariables.string(scope("title", "路\u0000灯"), "title"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("title");
    assertThatThrownBy(() -> EngineVariables.string(scope("title", "路\uD800"), "title"))
        .isInstanceOf(FormFieldValidationException.class);
  }

  @Test
  void aRecordNumberIsANumberAndNothingElse() {
    assertThat(EngineVariables.id(scope("meetingId", 42L), "meetingId")).isEqualTo(42L);
    assertThat(EngineVariables.id(scope("meetingId", 42), "meetingId")).isEqualTo(42L);
    for (Object wrong : new Object[] {"42", "x", 4.5, null, true}) {
      assertThatThrownBy(() -> EngineVariables.id(scope("meetingId", wrong), "meetingId"))
          .as(String.valueOf(wrong)).isInstanceOf(FormFieldValidationException.class).hasMessageContaining("meetingId");
    }
  }
}
