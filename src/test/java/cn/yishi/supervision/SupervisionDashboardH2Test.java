package cn.yishi.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The supervisor dashboard's API (督办看板 in Cockpit) on H2: overdue items by unit, listed items, the trend of
 * cases received and resolved per month, the latest approved board; who may read them (HTTP Basic and the webapps'
 * login session, GET only), the refusals, no personal data, and the Cockpit plugin being served. Cases are seeded
 * with SQL; the engine's clock stands at 2026-11-22 10:00 in Shanghai.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-supervision-dashboard-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      // the running month is shared for a minute in production; these tests change the data between calls
      "yishi.monthly.current-ttl=PT0S",
      "camunda.bpm.job-execution.enabled=false"
    })
class SupervisionDashboardH2Test {
  private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-22T10:00:00+08:00");
  private static final List<String> PERSONAL = List.of("张小明", "13800001111", "zhang.xm@example.org", "御苑小区3栋502");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static boolean seeded;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private TestHttp http;

  @BeforeEach
  void seedOnce() {
    ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
    http = new TestHttp(port, true);
    if (seeded) {
      return;
    }
    // overdue: 40 hours, 16 hours (listed) and 11 days 16 hours
    long a = seed("A", "hualin", "housing", "IN_PROGRESS", "2026-11-02T10:00", "2026-11-20T18:00", null, null);
    jdbc.sql("insert into yishi_reporter (case_id, name, phone, email, address, created_at) values (?, ?, ?, ?, ?, ?)")
        .param(a).param(PERSONAL.get(0)).param(PERSONAL.get(1)).param(PERSONAL.get(2)).param(PERSONAL.get(3)).param(NOW)
        .update();
    seed("B", "hualin", "housing", "ACCEPTED", "2026-10-10T10:00", "2026-11-21T18:00", null, "2026-11-11T09:00");
    long c = seed("C", "jiaoyuyuan", "water", "REWORK", "2026-11-05T10:00", "2026-11-10T18:00", null, null);
    // not overdue: deadline ahead; no responsible unit; resolved (late, once listed)
    seed("D", "shengdian", "housing", "IN_PROGRESS", "2026-11-12T10:00", "2026-11-25T18:00", null, null);
    seed("E", "hualin", null, "ACCEPTED", "2026-11-01T10:00", "2026-11-01T18:00", null, null);
    seed("F", "hualin", "housing", "RESOLVED", "2026-11-03T10:00", "2026-11-01T18:00", "2026-11-10T10:00", "2026-11-05T09:00");
    // the trend: resolved in October; received on 1 June 00:10 in Shanghai (31 May in UTC); received in May
    seed("H", "shengdian", "water", "CLOSED", "2026-09-15T10:00", "2026-09-30T18:00", "2026-10-02T10:00", null);
    seed("J", "shengdian", "water", "CLOSED", "2026-06-01T00:10", "2026-06-10T18:00", "2026-06-05T10:00", null);
    seed("K", "shengdian", "water", "CLOSED", "2026-05-31T23:50", "2026-06-10T18:00", "2026-06-04T10:00", null);
    // a resolution item of C, overdue since 15 November and listed
    KeyHolder meeting = new GeneratedKeyHolder();
    jdbc.sql("insert into yishi_meeting (case_id, community, due_date, created_at) values (?, 'jiaoyuyuan', ?, ?)")
        .param(c).param(java.sql.Date.valueOf("2026-11-08")).param(t("2026-11-06T10:00")).update(meeting, "id");
    jdbc.sql("""
            insert into yishi_resolution_item (meeting_id, case_id, unit, measure, deadline, status, listed_at)
            values (?, ?, 'water', '更换书香苑雨水管', ?, 'OPEN', ?)""")
        .param(meeting.getKeyAs(Number.class).longValue()).param(c).param(t("2026-11-15T18:00")).param(t("2026-11-21T09:00"))
        .update();
    seeded = true;
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static OffsetDateTime t(String local) {
    return local == null ? null : OffsetDateTime.parse(local + ":00+08:00");
  }

  private long seed(String key, String community, String unit, String status, String created, String deadline,
      String resolved, String listed) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_case (case_no, channel, category, title, description, community, compound, status,
              responsible_unit, created_at, updated_at, deadline, resolved_at, listed_at, disposal, tier, urgency)
            values (:caseNo, 'HOTLINE_12345', 'drainage', :title, '居民反映排水不畅', :community, '御苑小区', :status,
              :unit, :created, :created, :deadline, :resolved, :listed, 'COMMITTED', 'ROOM', 'YELLOW')""")
        .param("caseNo", "FX-2026-8000" + key).param("title", key + " 排水不畅").param("community", community)
        .param("status", status).param("unit", unit).param("created", t(created)).param("deadline", t(deadline))
        .param("resolved", t(resolved)).param("listed", t(listed))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  private Reply get(String path, String user) throws Exception {
    return http.call("GET", path, user, "demo", null);
  }

  private static void noPersonalData(Reply r) {
    PERSONAL.forEach(p -> assertThat(r.body()).doesNotContain(p));
  }

  private static void refused(Reply r, int status, String field, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonNode error = r.json().path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo(field);
    assertThat(error.path("code").asText()).isEqualTo(code);
    assertThat(error.path("message").asText()).matches(".*\\p{IsHan}.*");
  }

  @Test
  void overdueItemsAreGroupedByUnitWithTheirDaysOverdue() throws Exception {
    Reply r = get("/api/supervision/overdue", "dispatch");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    noPersonalData(r);
    JsonNode units = r.json();
    assertThat(units).hasSize(2);
    // two units with two items each: by code
    JsonNode housing = units.get(0);
    assertThat(housing.path("unit").asText()).isEqualTo("housing");
    assertThat(housing.path("unitName").asText()).isEqualTo("县住建局");
    assertThat(housing.path("count").asInt()).isEqualTo(2);
    JsonNode a = housing.path("items").get(0);
    assertThat(a.path("caseNo").asText()).isEqualTo("FX-2026-8000A");
    assertThat(a.path("title").asText()).isEqualTo("A 排水不畅");
    assertThat(a.path("community").asText()).isEqualTo("hualin");
    assertThat(a.path("communityName").asText()).isEqualTo("华林社区");
    assertThat(OffsetDateTime.parse(a.path("deadline").asText()).toInstant()).isEqualTo(t("2026-11-20T18:00").toInstant());
    assertThat(a.path("daysOverdue").asLong()).isEqualTo(2);
    assertThat(a.path("listed").asBoolean()).isFalse();
    assertThat(a.path("type").asText()).isEqualTo("CASE");
    JsonNode b = housing.path("items").get(1);
    assertThat(b.path("caseNo").asText()).isEqualTo("FX-2026-8000B");
    assertThat(b.path("daysOverdue").asLong()).isEqualTo(1);
    assertThat(b.path("listed").asBoolean()).isTrue();

    JsonNode water = units.get(1);
    assertThat(water.path("unit").asText()).isEqualTo("water");
    assertThat(water.path("unitName").asText()).isEqualTo("县供水公司");
    assertThat(water.path("count").asInt()).isEqualTo(2);
    JsonNode c = water.path("items").get(0);
    assertThat(c.path("caseNo").asText()).isEqualTo("FX-2026-8000C");
    assertThat(c.path("daysOverdue").asLong()).isEqualTo(12);
    JsonNode item = water.path("items").get(1);
    assertThat(item.path("type").asText()).isEqualTo("ITEM");
    assertThat(item.path("caseNo").asText()).isEqualTo("FX-2026-8000C");
    assertThat(item.path("measure").asText()).isEqualTo("更换书香苑雨水管");
    assertThat(item.path("daysOverdue").asLong()).isEqualTo(7);
    assertThat(item.path("listed").asBoolean()).isTrue();

    // D (deadline ahead), E (no unit), F (resolved) are not overdue
    assertThat(r.body()).doesNotContain("8000D", "8000E", "8000F");
  }

  @Test
  void listedItemsAreTheOpenOnes() throws Exception {
    Reply r = get("/api/supervision/listed", "demo");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    noPersonalData(r);
    JsonNode items = r.json();
    assertThat(StreamSupport.stream(items.spliterator(), false).map(i -> i.path("caseNo").asText()).toList())
        .containsExactly("FX-2026-8000B", "FX-2026-8000C");
    assertThat(items.get(0).path("unitName").asText()).isEqualTo("县住建局");
    assertThat(items.get(0).path("communityName").asText()).isEqualTo("华林社区");
    assertThat(items.get(1).path("title").asText()).isEqualTo("C 排水不畅");
    assertThat(items.get(1).path("unit").asText()).isEqualTo("water");
    // F was listed and is resolved: not any more
    assertThat(r.body()).doesNotContain("8000F");
  }

  @Test
  void trendCountsReceivedAndResolvedPerMonthInTheOfficesZone() throws Exception {
    Reply r = get("/api/reports/trend?months=6", "dispatch");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode trend = r.json();
    assertThat(trend.path("months").asInt()).isEqualTo(6);
    assertThat(trend.path("from").asText()).isEqualTo("2026-06");
    assertThat(trend.path("to").asText()).isEqualTo("2026-11");
    assertThat(points(trend)).containsExactly(
        "2026-06:1/2", "2026-07:0/0", "2026-08:0/0", "2026-09:1/0", "2026-10:1/1", "2026-11:5/1");

    Reply seven = get("/api/reports/trend?months=7", "dispatch");
    assertThat(points(seven.json())).startsWith("2026-05:1/0", "2026-06:1/2");

    Reply byDefault = get("/api/reports/trend", "demo");
    assertThat(byDefault.json().path("months").asInt()).isEqualTo(6);
    assertThat(points(byDefault.json())).isEqualTo(points(trend));

    Reply one = get("/api/reports/trend?months=1", "dispatch");
    assertThat(points(one.json())).containsExactly("2026-11:5/1");
    assertThat(get("/api/reports/trend?months=24", "dispatch").json().path("from").asText()).isEqualTo("2024-12");
  }

  private static List<String> points(JsonNode trend) {
    return StreamSupport.stream(trend.path("points").spliterator(), false)
        .map(p -> p.path("month").asText() + ":" + p.path("received").asInt() + "/" + p.path("resolved").asInt())
        .toList();
  }

  @Test
  void aBadNumberOfMonthsIsRefused() throws Exception {
    for (String bad : List.of("0", "25", "-1", "abc", "6.5", "1000")) {
      Reply r = get("/api/reports/trend?months=" + URLEncoder.encode(bad, StandardCharsets.UTF_8), "dispatch");
      refused(r, 400, "months", "invalid");
      assertThat(r.json().path("errors").get(0).path("message").asText()).isEqualTo("月数应为 1 到 24 之间的整数");
    }
  }

  @Test
  void latestApprovedBoardOr404() throws Exception {
    refused(get("/api/reports/latest", "dispatch"), 404, "month", "not_found");

    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_monthly_report (period, status, revision, as_of, period_from, period_to, computed_at,
              computed_by, approved_by, approved_at)
            values ('2026-10', 'APPROVED', 1, ?, ?, ?, ?, 'system', 'dispatch', ?)""")
        .param(java.sql.Date.valueOf("2026-11-02")).param(t("2026-10-01T00:00")).param(t("2026-11-01T00:00"))
        .param(t("2026-11-02T09:00")).param(t("2026-11-03T09:00"))
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    jdbc.sql("insert into yishi_monthly_board (report_id, board, rank, unit, reason) values (?, 'RED', 1, 'water', '解决率 100%')")
        .param(id).update();
    jdbc.sql("insert into yishi_monthly_board (report_id, board, rank, unit, reason) values (?, 'BLACK', 1, 'housing', '有挂牌督办事项')")
        .param(id).update();
    try {
      Reply r = get("/api/reports/latest", "dispatch");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().path("month").asText()).isEqualTo("2026-10");
      assertThat(r.json().path("status").asText()).isEqualTo("APPROVED");
      assertThat(r.json().path("red").get(0).path("unitName").asText()).isEqualTo("县供水公司");
      assertThat(r.json().path("black").get(0).path("unit").asText()).isEqualTo("housing");
      refused(get("/api/reports/latest", "community.hualin"), 403, "user", "forbidden");
    } finally {
      jdbc.sql("delete from yishi_monthly_board where report_id = ?").param(id).update();
      jdbc.sql("delete from yishi_monthly_report where id = ?").param(id).update();
    }
  }

  @Test
  void onlyTheDispatchCentreAndAdminsMayRead() throws Exception {
    for (String path : List.of("/api/supervision/overdue", "/api/supervision/listed", "/api/reports/trend?months=3")) {
      assertThat(get(path, "dispatch").status()).as(path).isEqualTo(200);
      assertThat(get(path, "demo").status()).as(path).isEqualTo(200);
      for (String other : List.of("community.hualin", "unit.housing", "grid.hualin", "street.fengchuan")) {
        Reply r = get(path, other);
        refused(r, 403, "user", "forbidden");
        noPersonalData(r);
      }
      // a wrong password (of a user used nowhere else here: Camunda delays the next login after a failed one)
      assertThat(http.call("GET", path, "hall.hualin", "wrong", null).status()).as(path).isEqualTo(401);
      assertThat(get(path, null).status()).as(path).isEqualTo(401);
    }
  }

  /** A browser logged in to a Camunda webapp: its cookies (session and XSRF token). */
  private final class Browser {
    final CookieManager cookies = new CookieManager();
    final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    /** The XSRF token the server set last (the webapps renew it with the session at login). */
    String xsrf;

    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (headers.length > 0) {
        b.headers(headers);
      }
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      r.headers().allValues("Set-Cookie").stream().flatMap(h -> HttpCookie.parse(h).stream())
          .filter(c -> c.getName().equals("XSRF-TOKEN")).forEach(c -> xsrf = c.getValue());
      return r;
    }

    String xsrf() {
      assertThat(xsrf).as("an XSRF-TOKEN cookie").isNotNull();
      return xsrf;
    }

    /** Logs in to a webapp (cockpit, tasklist) as its login page does: with the XSRF token of a first visit. */
    void login(String user, String app) throws Exception {
      send("GET", "/camunda/app/" + app + "/default/", null);
      HttpResponse<String> r = send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
          "username=" + user + "&password=demo", "Content-Type", "application/x-www-form-urlencoded",
          "X-XSRF-TOKEN", xsrf(), "Accept", "application/json");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    HttpResponse<String> api(String method, String path, String body) throws Exception {
      return send(method, path, body, "Accept", "application/json", "Content-Type", "application/json",
          "X-XSRF-TOKEN", xsrf());
    }
  }

  private static String xsrfOf(Browser browser) throws Exception {
    browser.send("GET", "/camunda/app/cockpit/default/", null);
    return browser.xsrf();
  }

  @Test
  void theCockpitSessionReadsTheApiButChangesNothing() throws Exception {
    Browser dispatch = new Browser();
    dispatch.login("dispatch", "cockpit");
    HttpResponse<String> overdue = dispatch.api("GET", "/api/supervision/overdue", null);
    assertThat(overdue.statusCode()).as(overdue.body()).isEqualTo(200);
    assertThat(JSON.readTree(overdue.body())).hasSize(2);
    assertThat(dispatch.api("GET", "/api/reports/current", null).statusCode()).isEqualTo(200);
    assertThat(dispatch.api("GET", "/api/reports/trend?months=2", null).statusCode()).isEqualTo(200);
    // writing with the session alone (without the session's CSRF token) is refused (TaskPanelsH2Test: with it)
    HttpResponse<String> write = dispatch.send("POST", "/api/cases/FX-2026-8000A/progress", "{\"note\":\"已督促\"}",
        "Accept", "application/json", "Content-Type", "application/json");
    assertThat(write.statusCode()).isEqualTo(401);
    assertThat(jdbc.sql("select count(*) from yishi_case_event where note = '已督促'").query(Long.class).single()).isZero();

    Browser community = new Browser();
    // community staff have no Cockpit; their Tasklist login is a webapp session all the same
    assertThat(community.send("POST", "/camunda/api/admin/auth/user/default/login/cockpit", "username=community.hualin&password=demo",
        "Content-Type", "application/x-www-form-urlencoded", "X-XSRF-TOKEN", xsrfOf(community)).statusCode()).isEqualTo(403);
    community.login("community.hualin", "tasklist");
    HttpResponse<String> refused = community.api("GET", "/api/supervision/overdue", null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("只有调度中心和管理员可以查看督办看板");

    // after logging out, the session opens nothing (the login renewed the session: a first GET gives its token)
    dispatch.send("GET", "/camunda/api/admin/auth/user/default", null, "Accept", "application/json");
    HttpResponse<String> logout = dispatch.send("POST", "/camunda/api/admin/auth/user/default/logout", null,
        "X-XSRF-TOKEN", dispatch.xsrf());
    assertThat(logout.statusCode()).isLessThan(300);
    assertThat(dispatch.api("GET", "/api/supervision/overdue", null).statusCode()).isEqualTo(401);
    // and an unknown session cookie neither
    Browser stranger = new Browser();
    stranger.cookies.getCookieStore().add(URI.create("http://localhost:" + port),
        new HttpCookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF"));
    assertThat(stranger.send("GET", "/api/supervision/overdue", null).statusCode()).isEqualTo(401);
  }

  @Test
  void cockpitLoadsTheDashboardPlugin() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> config = browser.send("GET", "/camunda/app/cockpit/scripts/config.js", null);
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("'scripts/yishi-supervision-dashboard'");
    HttpResponse<String> plugin = browser.send("GET", "/camunda/app/cockpit/scripts/yishi-supervision-dashboard.js", null);
    assertThat(plugin.statusCode()).isEqualTo(200);
    assertThat(plugin.body()).contains("pluginPoint: 'cockpit.route'", "pluginPoint: 'cockpit.navigation'",
        "pluginPoint: 'cockpit.dashboard'", "督办看板", "/supervision/overdue", "/reports/trend?months=");
    // no external library or CDN
    assertThat(plugin.body()).doesNotContain("http://cdn", "https://", "import ");
  }
}
