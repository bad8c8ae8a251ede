package cn.yishi.robustness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole application on an in-memory H2 database that refuses text PostgreSQL would refuse
 * ({@link PostgresTextRules}), over HTTP. The robustness tests share this one context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-robustness-test;DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false",
      "yishi.mail.outbox.poll-interval=PT1H",
      "yishi.public-report.max-per-window=100000"
    })
@Import(PostgresTextRules.Config.class)
abstract class WholeApplication {
  static final String ADMIN = basic("demo", "demo");
  static final String CHANNEL = basic("channel.12345", "demo");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** An answer: status, content type (empty when none) and body. */
  record Reply(int status, String contentType, String body) {}

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a request; {@code headers} are name, value pairs. */
  Reply send(String method, String path, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  Reply send(String method, String path, String body, String... headers) throws Exception {
    return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  /** A case registered through the API as the 12345 channel; answers its number. */
  String newCase(String title) throws Exception {
    Reply r = send("POST", "/api/cases", """
        {"channel":"HOTLINE_12345","category":"streetlight","title":"%s","description":"3栋门口路灯坏了",
         "community":"hualin","location":{"address":"御苑小区%s"}}""".formatted(title, System.nanoTime()),
        "Authorization", CHANNEL, "Content-Type", "application/json", "Accept", "application/json");
    if (r.status() != 201) {
      throw new AssertionError(r);
    }
    return r.body().replaceAll(".*\"caseNo\":\"([^\"]+)\".*", "$1");
  }
}
