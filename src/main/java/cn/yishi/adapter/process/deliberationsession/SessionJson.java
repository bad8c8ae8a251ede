package cn.yishi.adapter.process.deliberationsession;

import cn.yishi.adapter.process.EngineVariables;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/** The session forms' dynamic lists: filled as Json variables (Tasklist shows them), read back field by field. */
final class SessionJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SessionJson() {}

  static TypedValue list(List<? extends Map<String, ?>> rows) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<JsonNode> rows(Object value, String field, String message) {
    return EngineVariables.jsonObjects(value, field, message);
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static Long id(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.canConvertToLong() ? null : v.asLong();
  }

  static Integer whole(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    return v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble())) ? v.asInt() : -1;
  }

  static boolean flag(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.asBoolean(false);
  }

  static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    try {
      JsonNode a = JSON.readTree(value.toString());
      if (a == null || !a.isArray()) {
        return List.of();
      }
      java.util.List<String> out = new java.util.ArrayList<>();
      a.forEach(x -> out.add(x.asText()));
      return out;
    } catch (Exception e) {
      return List.of();
    }
  }
}
