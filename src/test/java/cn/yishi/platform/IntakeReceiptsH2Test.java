package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The receipt (回执) after a grid worker registers a case through Tasklist's start form, and 我登记的诉求, on H2 over
 * HTTP: the case of the process instance, one case, the list and the printable page; only the registering user reads
 * them (403 for colleagues, other communities and the dispatch centre alike), 404 for an instance without a case, 401
 * without a login; the webapps' session reads them; nothing of the reporter's personal data.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-intake-receipts-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class IntakeReceiptsH2Test {
  private static final List<String> PERSONAL = List.of("李四", "13800138000", "lisi@example.org", "御苑小区3栋2单元501");

  @LocalServerPort int port;
  private TestHttp json;
  private TestHttp html;

  @BeforeEach
  void clients() {
    json = new TestHttp(port, true);
    html = new TestHttp(port, false);
  }

  private String register(String user, String community, String title) throws Exception {
    String body = """
        {"variables":{
          "channel":{"value":"GRID_VISIT"},"category":{"value":"streetlight"},
          "community":{"value":"%s"},"compound":{"value":"御苑小区"},"title":{"value":"%s"},
          "description":{"value":"3栋门口路灯已坏一周，晚上出行不便"},
          "householdsAffected":{"value":30,"type":"Long"},
          "reporterName":{"value":"%s"},"reporterPhone":{"value":"%s"},
          "reporterEmail":{"value":"%s"},"address":{"value":"%s"}}}"""
        .formatted(community, title, PERSONAL.get(0), PERSONAL.get(1), PERSONAL.get(2), PERSONAL.get(3));
    Reply r = json.call("POST", "/engine-rest/process-definition/key/issueLifecycle/submit-form", user, "demo", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("id").asText();
  }

  private static void noPersonalData(String body) {
    for (String p : PERSONAL) {
      assertThat(body).as("no personal data").doesNotContain(p);
    }
  }

  @Test
  void theRegisteringGridWorkerGetsTheReceiptOfTheCaseTheirStartFormRegistered() throws Exception {
    String pi = register("grid.hualin", "hualin", "御苑小区路灯不亮（回执）");

    Reply r = json.call("GET", "/api/receipts/process-instance/" + pi, "grid.hualin", "demo", null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode receipt = r.json();
    String caseNo = receipt.path("caseNo").asText();
    assertThat(caseNo).matches("[A-Z]+-\\d{4}-\\d{6}");
    assertThat(receipt.path("categoryName").asText()).isEqualTo("路灯照明");
    assertThat(receipt.path("communityName").asText()).isEqualTo("华林社区");
    assertThat(receipt.path("statusName").asText()).isEqualTo("已登记，待审核");
    assertThat(receipt.path("title").asText()).isEqualTo("御苑小区路灯不亮（回执）");
    assertThat(receipt.path("publicAddress").asText()).endsWith("/public/cases/" + caseNo);
    assertThat(receipt.path("publicNow").asBoolean()).as("public only after review").isFalse();
    assertThat(receipt.path("registeredAt").asText()).isNotBlank();
    noPersonalData(r.body());

    Reply one = json.call("GET", "/api/receipts/" + caseNo, "grid.hualin", "demo", null);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().path("caseNo").asText()).isEqualTo(caseNo);

    Reply mine = json.call("GET", "/api/receipts", "grid.hualin", "demo", null);
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().findValuesAsText("caseNo")).contains(caseNo);
    noPersonalData(mine.body());
  }

  @Test
  void othersAreRefusedTheReceiptAndDoNotListTheCase() throws Exception {
    String pi = register("grid.hualin", "hualin", "华林路灯（他人）");
    String caseNo = json.call("GET", "/api/receipts/process-instance/" + pi, "grid.hualin", "demo", null).json()
        .path("caseNo").asText();

    for (String other : List.of("grid.shengdian", "community.hualin", "dispatch")) {
      Reply byInstance = json.call("GET", "/api/receipts/process-instance/" + pi, other, "demo", null);
      assertThat(byInstance.status()).as(other).isEqualTo(403);
      assertThat(byInstance.body()).contains("只能查看本人登记的诉求");
      assertThat(json.call("GET", "/api/receipts/" + caseNo, other, "demo", null).status()).as(other).isEqualTo(403);
      Reply page = html.call("GET", "/api/receipts/" + caseNo + "/print", other, "demo", null);
      assertThat(page.status()).as(other).isEqualTo(403);
      assertThat(page.body()).contains("只能查看本人登记的诉求").doesNotContain(caseNo + "</strong>");
      Reply list = json.call("GET", "/api/receipts", other, "demo", null);
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.json().findValuesAsText("caseNo")).as(other).doesNotContain(caseNo);
    }
    assertThat(json.call("GET", "/api/receipts", null, null, null).status()).isEqualTo(401);
    // a wrong password (of a user used nowhere else here: Camunda delays the next login after a failed one)
    assertThat(json.call("GET", "/api/receipts/" + caseNo, "grid.jiaoyuyuan", "wrong", null).status()).isEqualTo(401);
  }

  @Test
  void anInstanceWithoutACaseAndAnUnknownCaseAreNotFound() throws Exception {
    Reply none = json.call("GET", "/api/receipts/process-instance/no-such-instance", "grid.hualin", "demo", null);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.body()).contains("该流程没有登记诉求");
    assertThat(json.call("GET", "/api/receipts/FX-2000-999999", "grid.hualin", "demo", null).status()).isEqualTo(404);
    Reply page = html.call("GET", "/api/receipts/FX-2000-999999/print", "grid.hualin", "demo", null);
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("办件不存在");
  }

  @Test
  void theReceiptPrintsOnA4WithNumberDateCategoryAndPublicAddress() throws Exception {
    String pi = register("grid.hualin", "hualin", "路灯<script>alert(1)</script>");
    String caseNo = json.call("GET", "/api/receipts/process-instance/" + pi, "grid.hualin", "demo", null).json()
        .path("caseNo").asText();

    Reply page = html.call("GET", "/api/receipts/" + caseNo + "/print", "grid.hualin", "demo", null);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    assertThat(page.body())
        .contains("群众诉求受理回执", caseNo, "路灯照明", "华林社区", "/public/cases/" + caseNo, "@page", "size: A4", "打印回执")
        .containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}")
        .contains("路灯&lt;script&gt;").doesNotContain("<script>alert(1)");
    noPersonalData(page.body());
  }

  @Test
  void theTasklistSessionReadsTheReceipts() throws Exception {
    String pi = register("grid.hualin", "hualin", "华林路灯（会话）");
    CookieManager cookies = new CookieManager();
    HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(),
        HttpResponse.BodyHandlers.ofString());
    String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .POST(HttpRequest.BodyPublishers.ofString("username=grid.hualin&password=demo"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/receipts/process-instance/" + pi))
        .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("华林路灯（会话）");
  }
}
