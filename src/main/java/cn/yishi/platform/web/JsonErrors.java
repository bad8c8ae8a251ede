package cn.yishi.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a Camunda-style JSON error ({@code type}, {@code message}) from a servlet filter. */
final class JsonErrors {
  private JsonErrors() {}

  static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
    response.getWriter().write("{\"type\":\"" + type + "\",\"message\":\"" + escaped + "\"}");
  }
}
