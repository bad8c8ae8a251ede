package cn.yishi.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;

/** JSON calls to a running application, as a channel, a staff member's browser or a resident would make them. */
public final class TestHttp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;
  private final boolean acceptJson;

  public TestHttp(int port, boolean acceptJson) {
    this.port = port;
    this.acceptJson = acceptJson;
  }

  /** A status and a body. */
  public record Reply(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** The fields of a project API refusal ({@code {"errors":[{"field",...}]}}). */
    public List<String> errorFields() {
      return StreamSupport.stream(json().path("errors").spliterator(), false).map(e -> e.path("field").asText()).toList();
    }
  }

  /** Sends a JSON body (or none) with HTTP Basic when {@code user} is given. */
  public Reply call(String method, String path, String user, String password, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (acceptJson) {
      b.header("Accept", "application/json");
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }
}
