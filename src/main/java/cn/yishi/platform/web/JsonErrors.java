package cn.yishi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * Camunda's error format ({@code {"type","message"}}) from the engine's servlet filters and REST error mappers, in a
 * type the client accepts: JSON, else the message as plain text, else 406 without a body.
 */
final class JsonErrors {
  private JsonErrors() {}

  /** The forms a refusal on the engine's paths can take. */
  enum Form { JSON, PLAIN, NONE }

  static void write(HttpServletRequest request, HttpServletResponse response, int status, String type, String message)
      throws IOException {
    response.setHeader("Vary", "Accept");
    switch (form(request.getHeader("Accept"))) {
      case JSON -> {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(type, message));
      }
      case PLAIN -> {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(message);
      }
      case NONE -> response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
    }
  }

  static String json(String type, String message) {
    return "{\"type\":\"" + escape(type) + "\",\"message\":\"" + escape(message) + "\"}";
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** JSON when the client takes it, else plain text when it takes that; a missing or unreadable Accept takes all. */
  static Form form(String accept) {
    List<MediaType> accepted = AcceptHeader.ranges(accept);
    if (AcceptHeader.quality(accepted, MediaType.APPLICATION_JSON) > 0) {
      return Form.JSON;
    }
    return AcceptHeader.quality(accepted, MediaType.TEXT_PLAIN) > 0 ? Form.PLAIN : Form.NONE;
  }
}
