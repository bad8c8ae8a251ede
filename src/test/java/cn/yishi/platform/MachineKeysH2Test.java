package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Machine keys over HTTP on H2: a channel account posts with its key (Bearer or X-Api-Key, and as Open311's
 * {@code api_key}); a wrong key is refused without naming anybody; wrong passwords for the account lock its Basic
 * login but not its key; a rotation retires the old key at once; only an admin issues keys.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-robust-accounts-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class MachineKeysH2Test {
  static final String CHANNEL = "channel.12345";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  record Reply(int status, String body, HttpResponse<String> raw) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  private Reply send(String method, String path, Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Accept", "application/json");
    if (body != null && !headers.containsKey("Content-Type")) {
      b.header("Content-Type", "application/json");
    }
    headers.forEach(b::header);
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body(), r);
  }

  private static Map<String, String> basic(String user, String password) {
    return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, String> bearer(String key) {
    return Map.of("Authorization", "Bearer " + key);
  }

  private static String report() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    return """
        {"channel":"HOTLINE_12345","externalId":"key-%s","category":"streetlight","title":"路灯不亮",
         "description":"居民来电：小区路灯不亮。","community":"hualin",
         "location":{"address":"御苑小区%s"},"householdsAffected":3}""".formatted(tag, tag);
  }

  private String rotate(String client) throws Exception {
    Reply r = send("POST", "/api/machine-keys/" + client + "/rotate", basic("demo", "demo"), null);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.raw().headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    return r.json().path("key").asText();
  }

  private Reply open311(String apiKey) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", apiKey);
    form.put("service_code", "drainage");
    form.put("jurisdiction_id", "hualin");
    form.put("address_string", "滨江花园" + UUID.randomUUID().toString().substring(0, 8));
    form.put("description", "雨水井堵塞");
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send("POST", "/open311/v2/requests.json", Map.of("Content-Type", "application/x-www-form-urlencoded"), body);
  }

  private String createdBy(String caseNo) {
    return jdbc.sql("select created_by from yishi_case where case_no = ?").param(caseNo).query(String.class).single();
  }

  @Test
  void aChannelPostsWithItsKeyAsBearerOrApiKeyHeader() throws Exception {
    String key = rotate(CHANNEL);

    Reply asBearer = send("POST", "/api/cases", bearer(key), report());
    assertThat(asBearer.status()).as(asBearer.body()).isEqualTo(201);
    assertThat(createdBy(asBearer.json().path("caseNo").asText())).isEqualTo(CHANNEL);
    Reply asHeader = send("POST", "/api/cases", Map.of("X-Api-Key", key), report());
    assertThat(asHeader.status()).as(asHeader.body()).isEqualTo(201);
    // the key grants the channel's rights and no more
    assertThat(send("GET", "/api/cases/" + asHeader.json().path("caseNo").asText(), bearer(key), null).status()).isEqualTo(403);
    assertThat(send("GET", "/api/machine-keys", bearer(key), null).status()).isEqualTo(403);
  }

  @Test
  void aWrongKeyIsRefusedWithoutNamingAnAccount() throws Exception {
    String key = rotate(CHANNEL);
    long before = jdbc.sql("select count(*) from yishi_case").query(Long.class).single();

    for (Map<String, String> wrong : java.util.List.of(bearer(key + "x"), bearer("ysk_" + "A".repeat(43)),
        Map.of("X-Api-Key", key.substring(1)), Map.of("X-Api-Key", ""), bearer(CHANNEL))) {
      Reply r = send("POST", "/api/cases", wrong, report());
      assertThat(r.status()).as(wrong.toString()).isEqualTo(401);
      assertThat(r.body()).doesNotContain(CHANNEL);
      assertThat(r.raw().headers().map().toString()).doesNotContain(CHANNEL);
    }
    Reply wrongOpen311 = open311("ysk_" + "B".repeat(43));
    assertThat(wrongOpen311.status()).isEqualTo(403);
    assertThat(wrongOpen311.body()).doesNotContain(CHANNEL);
    Reply rightOpen311 = open311(key);
    assertThat(rightOpen311.status()).as(rightOpen311.body()).isEqualTo(201);
    assertThat(rightOpen311.body()).doesNotContain(CHANNEL).doesNotContain("account_id");
    assertThat(jdbc.sql("select count(*) from yishi_case").query(Long.class).single()).isEqualTo(before + 1);
  }

  @Test
  void wrongPasswordsForTheChannelAccountDoNotBlockItsKey() throws Exception {
    String key = rotate(CHANNEL);
    TestHttp basic = new TestHttp(port, true);
    for (int i = 0; i < 6; i++) {
      assertThat(basic.call("GET", "/engine-rest/task?maxResults=1", CHANNEL, "wrong-" + i, null).status()).isEqualTo(401);
    }
    // Camunda now delays this account's logins: even the right password is refused for a while
    assertThat(basic.call("POST", "/api/cases", CHANNEL, "demo", report()).status()).isEqualTo(401);
    // the key is not a password: nothing of the above counts against it
    Reply r = send("POST", "/api/cases", bearer(key), report());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(open311(key).status()).isEqualTo(201);
  }

  @Test
  void aRotationRetiresTheOldKeyAndTheConfiguredOpen311Key() throws Exception {
    String old = rotate(CHANNEL);
    String current = rotate(CHANNEL);
    assertThat(current).isNotEqualTo(old);

    assertThat(send("POST", "/api/cases", bearer(old), report()).status()).isEqualTo(401);
    assertThat(open311(old).status()).isEqualTo(403);
    // the configured demo key belongs to the same account: an issued key retires it
    assertThat(open311("demo-open311-key").status()).isEqualTo(403);
    assertThat(send("POST", "/api/cases", bearer(current), report()).status()).isEqualTo(201);
    assertThat(open311(current).status()).isEqualTo(201);

    Reply list = send("GET", "/api/machine-keys", basic("demo", "demo"), null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).doesNotContain(current).doesNotContain(old)
        .doesNotContain(cn.yishi.domain.access.MachineKey.digest(current));
    JsonNode entry = list.json().get(0);
    assertThat(entry.path("client").asText()).isEqualTo(CHANNEL);
    assertThat(entry.path("fingerprint").asText()).isEqualTo(cn.yishi.domain.access.MachineKey.digest(current).substring(0, 8));
    assertThat(entry.path("issuedBy").asText()).isEqualTo("demo");
  }

  @Test
  void onlyAnAdminIssuesKeysAndOnlyForChannelAccounts() throws Exception {
    String key = rotate(CHANNEL);
    for (Map<String, String> who : java.util.List.of(basic("community.hualin", "demo"), basic("dispatch", "demo"), bearer(key))) {
      assertThat(send("POST", "/api/machine-keys/" + CHANNEL + "/rotate", who, null).status()).isEqualTo(403);
      assertThat(send("DELETE", "/api/machine-keys/" + CHANNEL, who, null).status()).isEqualTo(403);
      assertThat(send("GET", "/api/machine-keys", who, null).status()).isEqualTo(403);
    }
    assertThat(send("POST", "/api/machine-keys/" + CHANNEL + "/rotate", Map.of(), null).status()).isEqualTo(401);
    // nothing changed: the key still works
    assertThat(send("POST", "/api/cases", bearer(key), report()).status()).isEqualTo(201);

    Reply staff = send("POST", "/api/machine-keys/community.hualin/rotate", basic("demo", "demo"), "{\"channel\":\"FAX\"}");
    assertThat(staff.status()).isEqualTo(400);
    assertThat(staff.body()).contains("\"client\"", "\"channel\"", "channel-accounts");
    assertThat(jdbc.sql("select count(*) from yishi_machine_key where client = 'community.hualin'").query(Long.class).single()).isZero();
  }
}
