package cn.yishi.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
