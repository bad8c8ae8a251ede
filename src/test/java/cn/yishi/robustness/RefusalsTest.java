package cn.yishi.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.application.IntakeService;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each kind of hostile input that used to be answered with 500, answered with 4xx in a type the client accepts, and
 * nothing stored by a refused request.
 */
class RefusalsTest extends WholeApplication {
  static final String JSON = "application/json";
  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @Autowired DataSource dataSource;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired FilterService filters;
  @Autowired IntakeService intake;

  private static String caseJson(String title, String compound) {
    return """
        {"channel":"HOTLINE_12345","category":"streetlight","title":"%s","description":"3栋门口路灯坏了",
         "community":"hualin","location":{"compound":"%s"}}""".formatted(title, compound);
  }

  /** The H2 of these tests refuses NUL like PostgreSQL, so a test on H2 sees what PostgreSQL would refuse. */
  @Test
  void theTestDatabaseRefusesTextPostgresqlRefuses() {
    assertThatThrownBy(() -> jdbc.sql("select count(*) from yishi_case where title = ?").param("a\u0000b").query(Long.class).single())
        .hasMessageContaining("0x00");
    assertThatThrownBy(() -> jdbc.sql("select count(*) from yishi_case where title = ?").param("a\uD800").query(Long.class).single())
        .hasMessageContaining("lone surrogate");
    assertThat(dataSource.getClass().getName()).contains("Proxy");
  }

  @Nested
  class ARefusalComesInATypeTheClientAccepts {
    @Test
    void aBrowserGetsAChinesePageOnThePublicPaths() throws Exception {
      Reply page = send("GET", "/public/cases/FX-2026-999999", (String) null, "Accept", "text/html");
      assertThat(page.status()).isEqualTo(404);
      assertThat(page.contentType()).startsWith("text/html");
      assertThat(page.body()).contains("<html lang=\"zh-CN\"", "办件不存在").doesNotContain("Whitelabel");

      Reply unknown = send("GET", "/public/no-such-page", (String) null, "Accept", BROWSER);
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(unknown.body()).contains("找不到该页面").doesNotContain("Whitelabel", "Not Found");

      Reply method = send("PUT", "/public/cases", "{}", "Accept", BROWSER, "Content-Type", JSON);
      assertThat(method.status()).isEqualTo(405);
      assertThat(method.body()).contains("不支持该请求方式").doesNotContain("Whitelabel");
    }

    @Test
    void jsonPlainTextOrNothing() throws Exception {
      Reply json = send("GET", "/public/cases/FX-2026-999999", (String) null, "Accept", JSON);
      assertThat(json.status()).isEqualTo(404);
      assertThat(json.contentType()).startsWith(JSON);
      assertThat(json.body()).contains("\"field\":\"caseNo\"", "\"code\":\"not_found\"");

      // a case has a page and JSON, no text: a client that takes text only is told so in text
      Reply plain = send("GET", "/public/cases/FX-2026-999999", (String) null, "Accept", "text/plain");
      assertThat(plain.status()).isEqualTo(406);
      assertThat(plain.contentType()).startsWith("text/plain");
      assertThat(plain.body()).isEqualTo("无法以所要求的格式答复");
      Reply plainApi = send("GET", "/api/cases/FX-2026-999999", (String) null, "Accept", "text/plain", "Authorization", ADMIN);
      assertThat(plainApi.status()).isEqualTo(404);
      assertThat(plainApi.body()).isEqualTo("办件不存在");

      Reply xml = send("GET", "/public/cases/FX-2026-999999", (String) null, "Accept", "application/xml");
      assertThat(xml.status()).isEqualTo(406);
      assertThat(xml.body()).isEmpty();

      Reply api = send("GET", "/api/cases/FX-2026-999999", (String) null, "Accept", "text/html", "Authorization", ADMIN);
      assertThat(api.status()).isEqualTo(404);
      assertThat(api.body()).contains("办件不存在");
    }

    @Test
    void theEngineAnswersInCamundasFormatOrNotAtAll() throws Exception {
      Reply json = send("GET", "/engine-rest/task/no-such-task", (String) null, "Authorization", ADMIN);
      assertThat(json.status()).isEqualTo(404);
      assertThat(json.body()).contains("\"type\"", "\"message\"");

      Reply xml = send("GET", "/engine-rest/task/no-such-task", (String) null, "Authorization", ADMIN, "Accept", "application/xml");
      assertThat(xml.status()).isEqualTo(406);
      assertThat(xml.body()).isEmpty();
    }
  }

  @Nested
  class Bodies {
    @Test
    void aWildcardContentTypeIsRefusedWith415AndStoresNothing() throws Exception {
      long cases = count("yishi_case");
      Reply r = send("POST", "/api/cases", caseJson("通配类型", "通配小区"), "Authorization", CHANNEL,
          "Content-Type", "application/*", "Accept", JSON);
      assertThat(r.status()).isEqualTo(415);
      assertThat(r.body()).contains("\"field\":\"Content-Type\"", "unsupported_media_type");
      assertThat(count("yishi_case")).isEqualTo(cases);

      assertThat(send("POST", "/public/evaluations/abc", "{\"satisfaction\":4}", "Content-Type", "*/*").status()).isEqualTo(415);
      assertThat(send("POST", "/api/cases", caseJson("字符集", "字符集小区"), "Authorization", CHANNEL,
          "Content-Type", "application/json;charset=nonsense").status()).isEqualTo(415);
      assertThat(send("POST", "/engine-rest/task", "{}", "Authorization", ADMIN, "Content-Type", "application/*").status())
          .isEqualTo(415);
      Reply open311 = send("POST", "/open311/v2/requests.json", "x", "Content-Type", "multipart/form-data; boundary=x");
      assertThat(open311.status()).isEqualTo(415);
      assertThat(open311.body()).contains("\"code\":415");
      assertThat(count("yishi_case")).isEqualTo(cases);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheKey() throws Exception {
      String caseNo = newCase("重复字段");
      long events = count("yishi_case_event");
      Reply r = send("POST", "/api/cases/" + caseNo + "/progress", "{\"note\":\"x\",\"note\":\"y\"}",
          "Authorization", ADMIN, "Content-Type", JSON, "Accept", JSON);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).contains("\"field\":\"note\"", "\"code\":\"duplicate\"");
      assertThat(count("yishi_case_event")).isEqualTo(events);
    }

    @Test
    void bodiesOverTheLimitAreRefusedOnEveryPath() throws Exception {
      String big = "{\"pad\":\"" + "x".repeat(70_000) + "\"}";
      assertThat(send("POST", "/api/cases", big, "Authorization", CHANNEL, "Content-Type", JSON).status()).isEqualTo(413);
      assertThat(send("POST", "/public/evaluations/abc", big, "Content-Type", JSON).status()).isEqualTo(413);

      String huge = "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}";
      Reply engine = send("POST", "/engine-rest/task?maxResults=1", huge, "Authorization", ADMIN, "Content-Type", JSON);
      assertThat(engine.status()).isEqualTo(413);
      assertThat(engine.body()).contains("\"type\":\"InvalidRequestException\"", "请求内容过大");
      assertThat(send("POST", "/camunda/api/engine/engine/default/task?maxResults=1", huge, "Content-Type", JSON).status())
          .isEqualTo(413);
      // the same without a length: refused while reading
      Reply chunked = sendChunked("/engine-rest/process-definition/key/issueLifecycle/start", huge.getBytes(StandardCharsets.UTF_8),
          "Authorization", ADMIN, "Content-Type", JSON);
      assertThat(chunked.status()).isEqualTo(413);
      // a multipart body is not buffered; whatever reads it first finds it over the limit
      assertThat(sendChunked("/engine-rest/task?maxResults=1", huge.getBytes(StandardCharsets.UTF_8), "Authorization", ADMIN,
          "Content-Type", "multipart/form-data; boundary=x").status()).isEqualTo(413);
    }

    @Test
    void aDeploymentMayBeLargerButNotUnbounded() throws Exception {
      byte[] twoMegabytes = multipart("x.bpmn", 2_000_000);
      Reply modelSized = send("POST", "/engine-rest/deployment/create", twoMegabytes, "Authorization", ADMIN,
          "Content-Type", "multipart/form-data; boundary=yishi");
      assertThat(modelSized.status()).as(modelSized.body()).isEqualTo(400);
      assertThat(modelSized.body()).contains("x.bpmn");

      byte[] elevenMegabytes = multipart("x.bpmn", 11_000_000);
      assertThat(sendChunked("/engine-rest/deployment/create", elevenMegabytes, "Authorization", ADMIN,
          "Content-Type", "multipart/form-data; boundary=yishi").status()).isEqualTo(413);
    }

    private static byte[] multipart(String file, int size) {
      String head = "--yishi\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nrobustness\r\n--yishi\r\n"
          + "Content-Disposition: form-data; name=\"data\"; filename=\"" + file + "\"\r\n"
          + "Content-Type: application/octet-stream\r\n\r\n<definitions>";
      return (head + " ".repeat(size) + "\r\n--yishi--\r\n").getBytes(StandardCharsets.UTF_8);
    }
  }

  Reply sendChunked(String path, byte[] body, String... headers) throws Exception {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
        .build().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  @Nested
  class CharactersTheDatabaseCannotStore {
    @Test
    void aReportThroughTheApiIsRefusedFieldByField() throws Exception {
      long cases = count("yishi_case");
      long reporters = count("yishi_reporter");
      Reply r = send("POST", "/api/cases", """
          {"channel":"HOTLINE_12345","category":"streetlight","title":"路灯\\u0000不亮","description":"半个字\\ud800",
           "community":"hualin","location":{"compound":"御苑小区"},"reporter":{"name":"张\\u0000三"}}""",
          "Authorization", CHANNEL, "Content-Type", JSON, "Accept", JSON);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).contains("\"field\":\"title\",\"code\":\"invalid_character\"",
          "\"field\":\"description\",\"code\":\"invalid_character\"", "\"field\":\"reporter.name\"", "无法保存的字符");
      assertThat(count("yishi_case")).isEqualTo(cases);
      assertThat(count("yishi_reporter")).isEqualTo(reporters);
    }

    @Test
    void aReportOnThePublicPageIsShownAgainWithTheError() throws Exception {
      long cases = count("yishi_case");
      Reply r = send("POST", "/public/report", "community=hualin&category=streetlight&title=%E8%B7%AF%E7%81%AF&description=a%00b"
          + "&compound=x", "Content-Type", "application/x-www-form-urlencoded", "Accept", BROWSER);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).contains("无法保存的字符", "name=\"description\"");
      assertThat(count("yishi_case")).isEqualTo(cases);
    }

    @Test
    void anOpen311RequestIsRefusedInItsFormat() throws Exception {
      long cases = count("yishi_case");
      Reply r = send("POST", "/open311/v2/requests.json", "api_key=demo-open311-key&service_code=streetlight"
          + "&jurisdiction_id=hualin&description=a%00b&attribute%5Bcompound%5D=x", "Content-Type", "application/x-www-form-urlencoded");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).contains("\"code\":400", "无法保存的字符");
      assertThat(count("yishi_case")).isEqualTo(cases);
    }

    @Test
    void aProgressNoteIsRefused() throws Exception {
      String caseNo = newCase("进展空字符");
      long events = count("yishi_case_event");
      Reply r = send("POST", "/api/cases/" + caseNo + "/progress", "{\"note\":\"已联系\\u0000\"}",
          "Authorization", ADMIN, "Content-Type", JSON);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).contains("\"field\":\"note\"", "invalid_character");
      assertThat(count("yishi_case_event")).isEqualTo(events);
    }

    @Test
    void queryParametersAndCredentialsAreRefused() throws Exception {
      Reply query = send("GET", "/public/cases?community=a%00b", (String) null, "Accept", JSON);
      assertThat(query.status()).isEqualTo(400);
      assertThat(query.body()).contains("\"field\":\"community\"", "invalid_character");
      assertThat(send("GET", "/open311/v2/requests.json?service_code=a%00b", (String) null).status()).isEqualTo(400);
      Reply engine = send("GET", "/engine-rest/task?maxResults=1&name=a%00b", (String) null, "Authorization", ADMIN);
      assertThat(engine.status()).isEqualTo(400);
      assertThat(engine.body()).contains("name");
      assertThat(send("GET", "/api/cases/FX-2026-000001", (String) null, "Authorization", basic("demo\u0000", "demo")).status())
          .isEqualTo(401);
      assertThat(send("GET", "/engine-rest/task?maxResults=1", (String) null, "Authorization", basic("demo", "x\u0000")).status())
          .isEqualTo(401);
    }

    @Test
    void engineVariablesAreRefusedBeforeTheEngineStoresThem() throws Exception {
      long instances = runtime.createProcessInstanceQuery().count();
      long cases = count("yishi_case");
      Reply r = send("POST", "/engine-rest/process-definition/key/issueLifecycle/submit-form", """
          {"variables":{"channel":{"value":"GRID_VISIT"},"category":{"value":"streetlight"},"community":{"value":"hualin"},
           "title":{"value":"路灯\\u0000"},"description":{"value":"坏了"}}}""", "Authorization", basic("grid.hualin", "demo"),
          "Content-Type", JSON);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).contains("/variables/title/value", "无法保存的字符");
      assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
      assertThat(count("yishi_case")).isEqualTo(cases);
    }
  }

  @Nested
  class TheEngineRestApi {
    @Test
    void aStartWithInvalidVariablesIsRefusedLikeTheStartForm() throws Exception {
      long instances = runtime.createProcessInstanceQuery().count();
      String body = """
          {"variables":{"channel":{"value":"GRID_VISIT"},"category":{"value":"streetlight"},"community":{"value":"hualin"},
           "title":{"value":"路灯"},"description":{"value":"坏了"},"householdsAffected":{"value":"abc"}}}""";
      for (String how : new String[] {"start", "submit-form"}) {
        Reply r = send("POST", "/engine-rest/process-definition/key/issueLifecycle/" + how, body,
            "Authorization", basic("grid.hualin", "demo"), "Content-Type", JSON);
        assertThat(r.status()).as(how + ": " + r.body()).isEqualTo(400);
        assertThat(r.body()).contains("householdsAffected");
      }
      assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void anUnknownTaskIsNotFound() throws Exception {
      for (String read : new String[] {"", "/form-variables", "/deployed-form", "/variables", "/rendered-form"}) {
        Reply r = send("GET", "/engine-rest/task/no-such-task" + read, (String) null, "Authorization", basic("grid.hualin", "demo"));
        assertThat(r.status()).as(read + ": " + r.body()).isIn(400, 404);
      }
      assertThat(send("GET", "/engine-rest/task/no-such-task/deployed-form", (String) null, "Authorization", ADMIN).status())
          .isEqualTo(404);
      String task = tasks.createTaskQuery().processInstanceBusinessKey(newCase("认领超长")).singleResult().getId();
      Reply tooLong = send("POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + "长".repeat(300) + "\"}",
          "Authorization", ADMIN, "Content-Type", JSON);
      assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
      assertThat(send("POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"community.hualin\"}",
          "Authorization", ADMIN, "Content-Type", JSON).status()).isEqualTo(204);
      Reply claimed = send("POST", "/engine-rest/task/" + task + "/claim", "{\"userId\":\"demo\"}",
          "Authorization", ADMIN, "Content-Type", JSON);
      assertThat(claimed.status()).as(claimed.body()).isEqualTo(409);
      for (String action : new String[] {"complete", "submit-form", "resolve", "claim"}) {
        Reply r = send("POST", "/engine-rest/task/no-such-task/" + action, "{\"userId\":\"demo\",\"variables\":{}}",
            "Authorization", ADMIN, "Content-Type", JSON);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(404);
      }
    }

    @Test
    void deepNullAndWronglyTypedBodiesAreRefused() throws Exception {
      String filter = filters.createFilterQuery().list().get(0).getId();
      String deep = "{\"orQueries\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
      Map<String, String> bodies = Map.of("deep", deep, "null", "null", "string orQueries", "{\"orQueries\":\"x\"}",
          "object orQueries", "{\"orQueries\":{\"name\":\"x\"}}", "number orQueries", "{\"orQueries\":[1]}");
      for (var body : bodies.entrySet()) {
        for (String path : new String[] {"/engine-rest/task?maxResults=1", "/engine-rest/task/count",
            "/engine-rest/filter/" + filter + "/list?maxResults=1", "/engine-rest/process-definition/key/issueLifecycle/start"}) {
          Reply r = send("POST", path, body.getValue(), "Authorization", ADMIN, "Content-Type", JSON);
          assertThat(r.status()).as(body.getKey() + " to " + path + ": " + r.body()).isEqualTo(400);
        }
      }
      Reply nullVariable = send("POST", "/engine-rest/process-definition/key/issueLifecycle/submit-form",
          "{\"variables\":{\"title\":null}}", "Authorization", ADMIN, "Content-Type", JSON);
      assertThat(nullVariable.status()).as(nullVariable.body()).isEqualTo(400);
      Reply emptyType = send("PUT", "/engine-rest/process-instance/no-such-instance/variables/title",
          "{\"value\":\"x\",\"type\":\"\"}", "Authorization", ADMIN, "Content-Type", JSON);
      assertThat(emptyType.status()).as(emptyType.body()).isEqualTo(400);
      Reply invalidId = send("POST", "/engine-rest/user/create",
          "{\"profile\":{\"id\":\"a b/c\",\"firstName\":\"x\",\"lastName\":\"y\"},\"credentials\":{\"password\":\"Fuzz-Pass-2026!x\"}}",
          "Authorization", ADMIN, "Content-Type", JSON);
      assertThat(invalidId.status()).as(invalidId.body()).isEqualTo(400);
    }
  }

  @Nested
  class TheWebappsApi {
    private final java.net.CookieManager cookies = new java.net.CookieManager();
    private final java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
        .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    private java.net.http.HttpResponse<String> call(String method, String path, String contentType, String body)
        throws Exception {
      String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(java.net.HttpCookie::getValue).findFirst().orElse("");
      java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
          .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body))
          .header("X-XSRF-TOKEN", token);
      if (contentType != null) {
        b.header("Content-Type", contentType);
      }
      return browser.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theEngineApiOfTasklistAndCockpitAnswersAsTheRestApi() throws Exception {
      call("GET", "/camunda/app/tasklist/default/", null, null);
      assertThat(call("POST", "/camunda/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded",
          "username=demo&password=demo").statusCode()).isEqualTo(200);
      call("GET", "/camunda/api/engine/engine/default/task/count", null, null);

      assertThat(call("POST", "/camunda/api/engine/engine/default/task/no-such-task/complete", JSON, "{}").statusCode())
          .isEqualTo(404);
      assertThat(call("POST", "/camunda/api/engine/engine/default/process-definition/key/issueLifecycle/submit-form", JSON,
          "{\"variables\":{\"title\":null}}").statusCode()).isEqualTo(400);
      var invalid = call("POST", "/camunda/api/engine/engine/default/process-definition/key/issueLifecycle/start", JSON,
          "{\"variables\":{\"householdsAffected\":{\"value\":\"abc\"}}}");
      assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
      assertThat(call("POST", "/camunda/api/engine/engine/default/task?maxResults=1", JSON, "{\"name\":\"a\\u0000\"}").statusCode())
          .isEqualTo(400);
    }
  }

  @Nested
  class Ratings {
    private String evaluationToken() {
      String caseNo = intake.submit(new NewCase(Channel.HOTLINE_12345, null, "pets", "宠物扰民", "夜间犬吠", "shengdian", null, 2,
          new Reporter(null, null, "li.ming@example.org", null), List.of()), "test").caseNo();
      tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId());
      tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId(),
          Map.of("outcome", "RESOLVED", "resultNote", "已修好"));
      return jdbc.sql("select t.token from yishi_evaluation_token t join yishi_case c on c.id = t.case_id where c.case_no = ?")
          .param(caseNo).query(String.class).single();
    }

    @Test
    void aFractionIsAFieldErrorAndTheLinkStaysUsable() throws Exception {
      String token = evaluationToken();
      long evaluations = count("yishi_evaluation");
      for (String rating : new String[] {"2.5", "2.0", "\"2.5\"", "6", "0", "true"}) {
        Reply r = send("POST", "/public/evaluations/" + token, "{\"satisfaction\":" + rating + "}",
            "Content-Type", JSON, "Accept", JSON);
        assertThat(r.status()).as(rating + ": " + r.body()).isEqualTo(400);
        assertThat(r.body()).contains("\"field\":\"satisfaction\"");
      }
      Reply form = send("POST", "/public/evaluations/" + token, "satisfaction=2.5",
          "Content-Type", "application/x-www-form-urlencoded", "Accept", BROWSER);
      assertThat(form.status()).isEqualTo(400);
      assertThat(count("yishi_evaluation")).isEqualTo(evaluations);

      Reply comment = send("POST", "/public/evaluations/" + token, "{\"satisfaction\":4,\"comment\":\"好\\u0000\"}",
          "Content-Type", JSON, "Accept", JSON);
      assertThat(comment.status()).isEqualTo(400);
      assertThat(comment.body()).contains("invalid_character");

      Reply ok = send("POST", "/public/evaluations/" + token, "{\"satisfaction\":4,\"comment\":\"修得很快\"}",
          "Content-Type", JSON, "Accept", JSON);
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }
  }
}
