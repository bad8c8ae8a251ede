package cn.yishi.observers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.photos.Multipart;
import cn.yishi.support.PhotoSamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 议事观察员 and 码上拍 on H2 over HTTP: the dispatch centre and a street register observers (refusals per field, other
 * roles 403), an observer reports with a photo and the phone's position (channel OBSERVER, the community found by the
 * position, the name and phone as the reporter's contact only), by hand-chosen community as JSON, sees the list of what
 * they reported with its public state; every refusal (no photo, not an image, too large, outside every community, no
 * category, description too long, unknown or withdrawn link) stores nothing; the throttle counts per observer. The
 * subclasses allow 3 reports per observer in the window and photos of at most 200,000 bytes.
 */
abstract class ObserversScenarios {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SERIAL = new AtomicInteger();
  /** Inside 华林社区's area of the demo directory; the second point is in Beijing. */
  static final String[] HUALIN = {"28.695", "115.375"};
  static final String[] BEIJING = {"39.9042", "116.4074"};

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  private final HttpClient http = HttpClient.newHttpClient();

  record Reply(int status, String body, HttpResponse<byte[]> raw) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  Reply send(String method, String path, String user, byte[] body, String contentType, String accept) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
  }

  Reply api(String method, String path, String user, Object body) throws Exception {
    return send(method, path, user, body == null ? null : JSON.writeValueAsBytes(body), body == null ? null : "application/json",
        "application/json");
  }

  /** Registers an observer as the dispatch centre; answers the token of the link. */
  String register(String name, String phone) throws Exception {
    Reply r = api("POST", "/api/observers", "dispatch", Map.of("name", name, "phone", phone, "kind", "COURIER",
        "company", "顺丰速运", "street", "fengchuan"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    String link = r.json().path("link").asText();
    assertThat(link).matches(".*/public/observer/[A-Za-z0-9_-]{43}");
    return link.substring(link.lastIndexOf('/') + 1);
  }

  static Multipart form(String category, String description, String[] at, String community) {
    Multipart m = new Multipart();
    if (category != null) {
      m.field("category", category);
    }
    if (description != null) {
      m.field("description", description);
    }
    m.field("compound", "御苑小区北门" + SERIAL.incrementAndGet());
    m.field("lat", at == null ? "" : at[0]).field("lng", at == null ? "" : at[1]);
    m.field("community", community == null ? "" : community);
    return m;
  }

  static Multipart withPhoto(Multipart m) {
    return m.file("photos", "现场.jpg", "image/jpeg", PhotoSamples.jpegWithExif(320, 240));
  }

  Reply post(String token, Multipart m, String accept) throws Exception {
    return send("POST", "/public/observer/" + token, null, m.body(), Multipart.contentType(), accept);
  }

  long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  List<Long> stored() {
    return List.of(count("yishi_case"), count("yishi_case_photo"), count("yishi_observer_report"), count("yishi_reporter"));
  }

  static String caseNo(String html) {
    Matcher m = Pattern.compile("<strong>([A-Z]+-\\d{4}-\\d{6})</strong>").matcher(html);
    assertThat(m.find()).as(html).isTrue();
    return m.group(1);
  }

  @Test
  void anObserverReportsWithAPhotoAndThePositionAndSeesTheReportListed() throws Exception {
    String token = register("张快递", "13800138001");
    Reply page = send("GET", "/public/observer/" + token, null, null, null, "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("码上拍", "顺丰速运 快递员", "获取当前位置", "还没有反映过问题").doesNotContain("张快递", "13800138001");
    assertThat(page.raw().headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(page.raw().headers().firstValue("Referrer-Policy")).contains("no-referrer");

    Reply done = post(token, withPhoto(form("streetlight", "北门路灯不亮，晚上很黑", HUALIN, "shengdian")), "text/html");
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("已提交", "已受理，待审核", "/public/cases/");
    String caseNo = caseNo(done.body());
    assertThat(jdbc.sql("select channel || '/' || community || '/' || title from yishi_case where case_no = ?").param(caseNo)
        .query(String.class).single()).isEqualTo("OBSERVER/hualin/北门路灯不亮，晚上很黑");
    assertThat(jdbc.sql("select r.name || '/' || r.phone from yishi_reporter r join yishi_case c on c.id = r.case_id"
        + " where c.case_no = ?").param(caseNo).query(String.class).single()).isEqualTo("张快递/13800138001");
    assertThat(jdbc.sql("select r.lat from yishi_reporter r join yishi_case c on c.id = r.case_id where c.case_no = ?")
        .param(caseNo).query(Double.class).single()).isEqualTo(28.695);
    assertThat(jdbc.sql("select count(*) from yishi_case_photo p join yishi_case c on c.id = p.case_id where c.case_no = ?")
        .param(caseNo).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from yishi_case_event e join yishi_case c on c.id = e.case_id where c.case_no = ?"
        + " and e.note like '%议事观察员（快递员）%'").param(caseNo).query(Long.class).single()).isEqualTo(1);

    // the page lists it; the case page knows it; nothing personal anywhere public
    Reply again = send("GET", "/public/observer/" + token, null, null, null, "text/html");
    assertThat(again.body()).contains(caseNo, "华林社区", "已受理，待审核").doesNotContain("张快递", "13800138001");
    Reply asJson = send("GET", "/public/observer/" + token + ".json", null, null, null, null);
    assertThat(asJson.status()).isEqualTo(200);
    JsonNode line = asJson.json().path("reports").get(0);
    assertThat(line.path("caseNo").asText()).isEqualTo(caseNo);
    assertThat(line.path("casePath").asText()).isEqualTo("/public/cases/" + caseNo);
    assertThat(line.path("statusName").asText()).isEqualTo("已受理，待审核");
    assertThat(asJson.body()).doesNotContain("张快递", "13800138001", "28.695");
    Reply casePage = send("GET", "/public/cases/" + caseNo, null, null, null, "application/json");
    assertThat(casePage.status()).isEqualTo(200);
    assertThat(casePage.body()).doesNotContain("张快递", "13800138001");

    // neither process variables nor history hold the observer's name or phone
    for (String table : List.of("act_ru_variable", "act_hi_varinst", "act_hi_detail")) {
      assertThat(jdbc.sql("select count(*) from " + table + " where text_ like '%张快递%' or text_ like '%13800138001%'")
          .query(Long.class).single()).as(table).isZero();
    }
  }

  @Test
  void aJsonClientReportsByTheChosenCommunityAsMultipart() throws Exception {
    String token = register("李骑手", "13900139002");
    Reply r = post(token, withPhoto(form("sanitation", "垃圾桶满了没人清", null, "jiaoyuyuan")), "application/json");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("caseNo").asText()).matches("[A-Z]+-\\d{4}-\\d{6}");
    assertThat(r.json().path("caseUrl").asText()).contains("/public/cases/");
    assertThat(jdbc.sql("select community from yishi_case where case_no = ?").param(r.json().path("caseNo").asText())
        .query(String.class).single()).isEqualTo("jiaoyuyuan");
  }

  @Test
  void everyRefusalOfAReportStoresNothingAndKeepsTheInput() throws Exception {
    String token = register("王司机", "13700137003");
    List<Long> before = stored();
    record Case(String name, Multipart form, String field, String code, String message) {}
    String tooLong = "问".repeat(201);
    List<Case> refusals = List.of(
        new Case("no photo", form("streetlight", "井盖松动", HUALIN, null), "photos", "required", "请拍摄或选择一张照片"),
        new Case("not an image", form("streetlight", "井盖松动", HUALIN, null).file("photos", "p.jpg", "image/jpeg",
            PhotoSamples.htmlPretendingToBeJpeg()), "photos", "unsupported_type", "不是 JPEG、PNG 或 WebP"),
        new Case("too large", form("streetlight", "井盖松动", HUALIN, null).file("photos", "big.jpg", "image/jpeg",
            big()), "photos", "too_large", "超过"),
        new Case("outside", withPhoto(form("streetlight", "井盖松动", BEIJING, "hualin")), "location", "outside",
            "位置不在本县任何社区内"),
        new Case("no location", withPhoto(form("streetlight", "井盖松动", null, null)), "location", "required", "手动选择所在社区"),
        new Case("bad position", withPhoto(form("streetlight", "井盖松动", new String[] {"abc", "115"}, null)), "location",
            "invalid", "位置坐标无效"),
        new Case("unknown community", withPhoto(form("streetlight", "井盖松动", null, "nowhere")), "community", "unknown",
            "请从列表中选择所在社区"),
        new Case("no category", withPhoto(form(null, "井盖松动", HUALIN, null)), "category", "required", "请选择诉求类别"),
        new Case("unknown category", withPhoto(form("rocket", "井盖松动", HUALIN, null)), "category", "unknown", "未知的诉求类别"),
        new Case("no description", withPhoto(form("streetlight", null, HUALIN, null)), "description", "required", "请简要描述"),
        new Case("description too long", withPhoto(form("streetlight", tooLong, HUALIN, null)), "description", "too_long",
            "不能超过200个字"));
    for (Case c : refusals) {
      Reply json = post(token, c.form(), "application/json");
      assertThat(json.status()).as(c.name() + ": " + json.body()).isEqualTo(400);
      assertThat(json.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
      assertThat(json.json().path("errors").findValuesAsText("field")).as(c.name()).contains(c.field());
      assertThat(json.json().path("errors").findValuesAsText("code")).as(c.name()).contains(c.code());
      assertThat(json.body()).as(c.name()).contains(c.message());
      Reply page = post(token, c.form(), "text/html");
      assertThat(page.status()).as(c.name()).isEqualTo(400);
      assertThat(page.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
      assertThat(page.body()).as(c.name()).contains("请修改以下内容后再提交", c.message());
      if (c.name().equals("outside")) {
        assertThat(page.body()).contains("不用定位", "value=\"39.9042\"");
      }
      if (!c.name().startsWith("no description") && !c.name().startsWith("description")) {
        assertThat(page.body()).as(c.name() + " keeps the text").contains("井盖松动");
      }
      assertThat(stored()).as(c.name() + " stores nothing").isEqualTo(before);
    }
    // refusals are not counted by the throttle (max 3 in the window)
    assertThat(post(token, withPhoto(form("streetlight", "井盖松动", HUALIN, null)), "application/json").status()).isEqualTo(201);
  }

  @Test
  void anUnknownOrWithdrawnLinkIsRefusedAndStoresNothing() throws Exception {
    List<Long> before = stored();
    String unknown = "A".repeat(43);
    assertThat(send("GET", "/public/observer/" + unknown, null, null, null, "text/html").body()).contains("找不到该观察员链接");
    Reply r = post(unknown, withPhoto(form("streetlight", "井盖松动", HUALIN, null)), "application/json");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.json().path("errors").get(0).path("code").asText()).isEqualTo("not_found");
    assertThat(post(unknown, withPhoto(form("streetlight", "井盖松动", HUALIN, null)), "text/html").status()).isEqualTo(404);
    assertThat(stored()).isEqualTo(before);

    String token = register("赵快递", "13600136004");
    long id = jdbc.sql("select id from yishi_observer where name = '赵快递'").query(Long.class).single();
    assertThat(api("POST", "/api/observers/" + id + "/withdraw", "grid.hualin", null).status()).isEqualTo(403);
    Reply withdrawn = api("POST", "/api/observers/" + id + "/withdraw", "dispatch", null);
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.json().path("active").asBoolean()).isFalse();
    assertThat(api("POST", "/api/observers/" + id + "/withdraw", "dispatch", null).status()).isEqualTo(400);
    Reply page = send("GET", "/public/observer/" + token, null, null, null, "text/html");
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).contains("观察员链接已停用");
    Reply refused = post(token, withPhoto(form("streetlight", "井盖松动", HUALIN, null)), "application/json");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("errors").get(0).path("code").asText()).isEqualTo("withdrawn");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void aNewLinkRetiresTheOldOne() throws Exception {
    String old = register("钱骑手", "13500135005");
    long id = jdbc.sql("select id from yishi_observer where name = '钱骑手'").query(Long.class).single();
    Reply r = api("POST", "/api/observers/" + id + "/link", "dispatch", null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    String fresh = r.json().path("link").asText().replaceAll(".*/", "");
    assertThat(fresh).isNotEqualTo(old);
    assertThat(send("GET", "/public/observer/" + old, null, null, null, "text/html").status()).isEqualTo(404);
    assertThat(send("GET", "/public/observer/" + fresh, null, null, null, "text/html").status()).isEqualTo(200);
    assertThat(jdbc.sql("select count(*) from yishi_observer where token_digest = ? or token_digest = ?").params(old, fresh)
        .query(Long.class).single()).as("only digests are stored").isZero();
  }

  @Test
  void theThrottleCountsPerObserver() throws Exception {
    String token = register("孙快递", "13400134006");
    for (int i = 0; i < 3; i++) {
      assertThat(post(token, withPhoto(form("streetlight", "路灯" + i, HUALIN, null)), "application/json").status()).isEqualTo(201);
    }
    List<Long> before = stored();
    Reply r = post(token, withPhoto(form("streetlight", "路灯再报", HUALIN, null)), "application/json");
    assertThat(r.status()).isEqualTo(429);
    assertThat(post(token, withPhoto(form("streetlight", "路灯再报", HUALIN, null)), "text/html").body()).contains("提交过于频繁");
    assertThat(stored()).isEqualTo(before);
    String other = register("周快递", "13400134007");
    assertThat(post(other, withPhoto(form("streetlight", "路灯", HUALIN, null)), "application/json").status()).isEqualTo(201);
  }

  @Test
  void registrationIsRefusedPerFieldAndOnlyForTheDispatchCentreAndStreets() throws Exception {
    long before = count("yishi_observer");
    Reply r = api("POST", "/api/observers", "dispatch", Map.of("name", "", "phone", "12345", "kind", "PILOT",
        "company", "公".repeat(61), "street", "nowhere"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("errors").findValuesAsText("field")).contains("name", "phone", "kind", "company", "street");
    assertThat(r.body()).contains("请填写观察员姓名", "手机号码应为11位数字", "观察员类别只能是");
    assertThat(api("POST", "/api/observers", "dispatch", null).json().path("errors").findValuesAsText("code"))
        .contains("required");
    for (String user : List.of("grid.hualin", "community.hualin", "unit.housing", "channel.12345")) {
      Reply denied = api("POST", "/api/observers", user, Map.of("name", "某人", "phone", "13800000000", "kind", "RIDER"));
      assertThat(denied.status()).as(user).isEqualTo(403);
      assertThat(api("GET", "/api/observers", user, null).status()).as(user).isEqualTo(403);
    }
    assertThat(api("GET", "/api/observers", null, null).status()).isEqualTo(401);
    assertThat(count("yishi_observer")).isEqualTo(before);

    // a street registers for itself; it sees its own observers with name and phone, not the county's
    Reply street = api("POST", "/api/observers", "street.fengchuan", Map.of("name", "吴骑手", "phone", "13300133008", "kind", "RIDER"));
    assertThat(street.status()).as(street.body()).isEqualTo(201);
    assertThat(street.json().path("observer").path("street").asText()).isEqualTo("fengchuan");
    api("POST", "/api/observers", "dispatch", Map.of("name", "县里的司机", "phone", "13300133009", "kind", "DRIVER"));
    Reply list = api("GET", "/api/observers", "street.fengchuan", null);
    assertThat(list.body()).contains("吴骑手", "13300133008", "外卖骑手").doesNotContain("县里的司机");
    assertThat(api("GET", "/api/observers", "dispatch", null).body()).contains("吴骑手", "县里的司机", "网约车司机");
  }

  private static byte[] big() {
    byte[] jpeg = PhotoSamples.jpegWithExif(320, 240);
    byte[] padded = new byte[250_000];
    System.arraycopy(jpeg, 0, padded, 0, jpeg.length);
    return padded;
  }
}
