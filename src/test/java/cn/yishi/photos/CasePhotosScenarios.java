package cn.yishi.photos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.PhotoSamples;
import cn.yishi.support.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Photos of a case (随手拍) on H2 over HTTP: a resident's report with a photo on the QR page, refusals that store
 * nothing (type by signature, size, count, the whole request, multipart elsewhere), who sees and adds photos
 * (CaseReadPolicy), the reviewer's release, and the public photo only after release and review, without its EXIF.
 * Limits of the subclasses: 200,000 bytes a photo, 3 a case, 700,000 bytes a request.
 */
abstract class CasePhotosScenarios {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SERIAL = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  private final HttpClient http = HttpClient.newHttpClient();
  private TestHttp json;

  @BeforeEach
  void clients() {
    json = new TestHttp(port, true);
  }

  record Reply(int status, String body, byte[] bytes, HttpResponse<byte[]> raw) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  private Reply send(String method, String path, String user, byte[] body, String contentType, String accept) throws Exception {
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
    return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body(), r);
  }

  private Multipart report(String title) {
    return new Multipart().field("community", "hualin").field("category", "streetlight").field("title", title)
        .field("description", "3栋门口路灯不亮，附现场照片").field("compound", "")
        .field("website", "");
  }

  private Reply postReport(Multipart form) throws Exception {
    return send("POST", "/public/report", null, form.body(), Multipart.contentType(), "text/html");
  }

  private static String caseNoOf(Reply done) {
    Matcher m = Pattern.compile("<strong>([A-Z]+-\\d{4}-\\d{6})</strong>").matcher(done.body());
    assertThat(m.find()).as(done.body()).isTrue();
    return m.group(1);
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private long photosOf(String caseNo) {
    return jdbc.sql("select count(*) from yishi_case_photo p join yishi_case c on c.id = p.case_id where c.case_no = ?")
        .param(caseNo).query(Long.class).single();
  }

  private void review(String caseNo) throws Exception {
    List<org.camunda.bpm.engine.task.Task> found = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
        .taskDefinitionKey("userTask_review").list();
    assertThat(found).as("the review task of " + caseNo).hasSize(1);
    TestHttp.Reply done = json.call("POST", "/engine-rest/task/" + found.get(0).getId() + "/complete", "community.hualin", "demo", "{}");
    assertThat(done.status()).as(done.body()).isEqualTo(204);
  }

  private JsonNode photos(String caseNo, String user) throws Exception {
    Reply r = send("GET", "/api/cases/" + caseNo + "/photos", user, null, null, "application/json");
    assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  void aResidentsPhotoIsStoredWithTheCaseAndShownPubliclyOnlyAfterReleaseWithoutItsExif() throws Exception {
    byte[] jpeg = PhotoSamples.jpegWithExif(320, 240);
    Reply done = postReport(report("御苑小区路灯不亮（照片）").file("photos", "路灯.jpg", "image/jpeg", jpeg));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).contains("已收到照片 1 张", "经社区审核同意后才会在公示中显示");
    String caseNo = caseNoOf(done);
    assertThat(photosOf(caseNo)).isEqualTo(1);

    // staff who may read the case see it, as uploaded
    JsonNode list = photos(caseNo, "community.hualin");
    assertThat(list.path("mayRelease").asBoolean()).isTrue();
    assertThat(list.path("mayAdd").asBoolean()).isTrue();
    JsonNode photo = list.path("photos").get(0);
    String id = photo.path("id").asText();
    assertThat(id).matches("[A-Za-z0-9_-]{43}");
    assertThat(photo.path("source").asText()).isEqualTo("群众");
    assertThat(photo.path("contentType").asText()).isEqualTo("image/jpeg");
    assertThat(photo.path("released").asBoolean()).isFalse();
    assertThat(list.toString()).doesNotContain("public-report");
    Reply original = send("GET", "/api/cases/" + caseNo + "/photos/" + id, "grid.hualin", null, null, "*/*");
    assertThat(original.status()).isEqualTo(200);
    assertThat(original.bytes()).isEqualTo(jpeg);
    assertThat(original.raw().headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(original.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(original.raw().headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline; filename=\"photo-")
        .endsWith(".jpg\"");
    assertThat(original.raw().headers().firstValue("Cache-Control").orElseThrow()).contains("private");

    // not public: before review, before release
    assertThat(send("GET", "/public/photos/" + id, null, null, null, "image/webp,*/*;q=0.8").status()).isEqualTo(404);
    review(caseNo);
    TestHttp.Reply view = json.call("GET", "/public/cases/" + caseNo, null, null, null);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().path("photos").size()).isZero();
    assertThat(view.json().path("caseNo").asText()).as("the case's fields stay where they were").isEqualTo(caseNo);
    assertThat(send("GET", "/public/photos/" + id, null, null, null, "image/webp,*/*;q=0.8").status()).isEqualTo(404);

    // a grid worker may not release, the community's reviewer may
    Reply refused = send("POST", "/api/cases/" + caseNo + "/photos/" + id + "/release", "grid.hualin", null, null, "application/json");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("只有本社区两委审核人员和调度中心可以公开照片");
    Reply released = send("POST", "/api/cases/" + caseNo + "/photos/" + id + "/release", "community.hualin", null, null,
        "application/json");
    assertThat(released.status()).as(released.body()).isEqualTo(200);
    assertThat(released.json().path("released").asBoolean()).isTrue();
    // releasing again changes nothing and notes nothing more
    send("POST", "/api/cases/" + caseNo + "/photos/" + id + "/release", "dispatch", null, null, "application/json");
    assertThat(jdbc.sql("select count(*) from yishi_case_event e join yishi_case c on c.id = e.case_id"
        + " where c.case_no = ? and e.action = 'PHOTO_RELEASED'").param(caseNo).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select released_by from yishi_case_photo where public_id = ?").param(id).query(String.class).single())
        .isEqualTo("community.hualin");

    view = json.call("GET", "/public/cases/" + caseNo, null, null, null);
    assertThat(view.json().path("photos").get(0).asText()).endsWith("/public/photos/" + id);
    // Open311's media_url is the released photo
    Reply open311 = send("GET", "/open311/v2/requests/" + caseNo + ".json", null, null, null, "application/json");
    assertThat(open311.status()).as(open311.body()).isEqualTo(200);
    assertThat(open311.json().get(0).path("media_url").asText()).endsWith("/public/photos/" + id);
    Reply pub = send("GET", "/public/photos/" + id, null, null, null, "image/webp,*/*;q=0.8");
    assertThat(pub.status()).isEqualTo(200);
    assertThat(pub.raw().headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(pub.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(new String(pub.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain(PhotoSamples.EXIF_SECRET, "Exif");
    assertThat(pub.bytes().length).isLessThan(jpeg.length);
    assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(pub.bytes())).getWidth()).isEqualTo(320);
    // an unknown or made-up id is not found, in the type asked for
    Reply unknown = send("GET", "/public/photos/nope", null, null, null, "application/json");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"code\":\"not_found\"");
    Reply unknownPage = send("GET", "/public/photos/nope", null, null, null, "text/html");
    assertThat(unknownPage.status()).isEqualTo(404);
    assertThat(unknownPage.body()).contains("照片不存在或尚未公开");
  }

  @Test
  void aRefusedPhotoRefusesTheReportKeepsWhatWasTypedAndStoresNothing() throws Exception {
    long cases = count("yishi_case");
    long photos = count("yishi_case_photo");

    Reply fake = postReport(report("伪装的照片").file("photos", "page.jpg", "image/jpeg", PhotoSamples.htmlPretendingToBeJpeg()));
    assertThat(fake.status()).isEqualTo(400);
    assertThat(fake.body()).contains("照片“page.jpg”不是 JPEG、PNG 或 WebP 格式的图片", "value=\"伪装的照片\"", "请重新选择照片");

    Reply gif = postReport(report("动图").file("photos", "a.gif", "image/gif", PhotoSamples.gif()));
    assertThat(gif.status()).isEqualTo(400);
    assertThat(gif.body()).contains("不是 JPEG、PNG 或 WebP 格式的图片");

    byte[] big = java.util.Arrays.copyOf(PhotoSamples.jpegWithExif(64, 48), 200_001);
    Reply tooLarge = postReport(report("大照片").file("photos", "big.jpg", "image/jpeg", big));
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.body()).contains("照片“big.jpg”超过 0.2 MB，请压缩后再上传", "value=\"大照片\"");

    Multipart four = report("四张照片");
    for (int i = 0; i < 4; i++) {
      four.file("photos", i + ".png", "image/png", PhotoSamples.png(20, 20));
    }
    Reply tooMany = postReport(four);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body()).contains("每件诉求最多上传 3 张照片");

    // a photo and a report error at once: both named
    Reply both = postReport(new Multipart().field("community", "hualin").field("category", "streetlight").field("title", "")
        .field("description", "说明").file("photos", "a.gif", "image/gif", PhotoSamples.gif()));
    assertThat(both.status()).isEqualTo(400);
    assertThat(both.body()).contains("不是 JPEG、PNG 或 WebP 格式的图片", "标题");

    // the whole request over yishi.photos.max-request-bytes: 413 before it is read, a Chinese page
    Multipart huge = report("超大请求");
    for (int i = 0; i < 4; i++) {
      huge.file("photos", i + ".jpg", "image/jpeg", java.util.Arrays.copyOf(PhotoSamples.jpegWithExif(32, 32), 190_000));
    }
    Reply overLimit = postReport(huge);
    assertThat(overLimit.status()).isEqualTo(413);
    assertThat(overLimit.body()).contains("请求内容过大").doesNotContain("Whitelabel", "Tomcat");

    // the same without a length (chunked): cut off by the container at the same limit, 413 too
    HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/public/report"))
        .header("Content-Type", Multipart.contentType()).header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.body()))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("上传的照片总量过大");
    HttpResponse<String> chunkedApi = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/cases/FX-2026-000001/photos"))
        .header("Content-Type", Multipart.contentType()).header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("dispatch:demo".getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.body()))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chunkedApi.statusCode()).isEqualTo(413);
    assertThat(chunkedApi.body()).contains("\"code\":\"too_large\"");

    // a NUL in a file name: the container's parser refuses it while the form is read; a Chinese page, not a 500
    Reply nul = postReport(report("文件名").file("photos", "x\u0000.jpg", "image/jpeg", PhotoSamples.jpegWithExif(16, 16)));
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.body()).contains("照片的文件名含有无法识别的字符");
    Reply nulApi = send("POST", "/api/cases/FX-2026-000001/photos", "dispatch",
        new Multipart().file("photos", "x\u0000.jpg", "image/jpeg", PhotoSamples.jpegWithExif(16, 16)).body(),
        Multipart.contentType(), "application/json");
    assertThat(nulApi.status()).isEqualTo(400);
    assertThat(nulApi.body()).contains("\"code\":\"invalid_character\"");

    assertThat(count("yishi_case")).isEqualTo(cases);
    assertThat(count("yishi_case_photo")).isEqualTo(photos);
  }

  @Test
  void aReportWithoutPhotosAndAnEmptyFileInputIsAnOrdinaryReport() throws Exception {
    Reply done = postReport(report("没有照片").file("photos", "", "application/octet-stream", new byte[0]));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.body()).doesNotContain("已收到照片");
    assertThat(photosOf(caseNoOf(done))).isZero();
  }

  @Test
  void whoMaySeeAndAddPhotosFollowsWhoMayReadTheCase() throws Exception {
    String caseNo = caseNoOf(postReport(report("谁能看照片").file("photos", "a.png", "image/png", PhotoSamples.png(40, 30))));

    assertThat(photos(caseNo, "grid.hualin").path("mayRelease").asBoolean()).isFalse();
    JsonNode owners = photos(caseNo, "owners.hualin");
    assertThat(owners.path("mayAdd").asBoolean()).as("the owners' committee reads the record only").isFalse();
    assertThat(owners.path("photos").size()).isEqualTo(1);
    JsonNode dispatch = photos(caseNo, "dispatch");
    assertThat(dispatch.path("mayRelease").asBoolean()).isTrue();
    for (String other : List.of("grid.shengdian", "community.shengdian")) {
      Reply r = send("GET", "/api/cases/" + caseNo + "/photos", other, null, null, "application/json");
      assertThat(r.status()).as(other).isEqualTo(403);
      String id = owners.path("photos").get(0).path("id").asText();
      assertThat(send("GET", "/api/cases/" + caseNo + "/photos/" + id, other, null, null, "*/*").status()).as(other).isEqualTo(403);
    }
    assertThat(send("GET", "/api/cases/" + caseNo + "/photos", "channel.12345", null, null, "application/json").status())
        .isEqualTo(403);
    assertThat(send("GET", "/api/cases/" + caseNo + "/photos", null, null, null, "application/json").status()).isEqualTo(401);
    assertThat(send("GET", "/api/cases/FX-2026-999999/photos", "dispatch", null, null, "application/json").status()).isEqualTo(404);
    assertThat(send("GET", "/api/cases/" + caseNo + "/photos/unknown", "dispatch", null, null, "application/json").status())
        .isEqualTo(404);

    // staff add photos; the owners' committee and other communities may not
    Reply added = send("POST", "/api/cases/" + caseNo + "/photos", "grid.hualin",
        new Multipart().file("photos", "b.jpg", "image/jpeg", PhotoSamples.jpegWithExif(40, 30)).body(), Multipart.contentType(),
        "application/json");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().size()).isEqualTo(2);
    assertThat(added.json().get(1).path("source").asText()).isEqualTo("工作人员");
    Reply byOwners = send("POST", "/api/cases/" + caseNo + "/photos", "owners.hualin",
        new Multipart().file("photos", "c.png", "image/png", PhotoSamples.png(10, 10)).body(), Multipart.contentType(),
        "application/json");
    assertThat(byOwners.status()).isEqualTo(403);
    assertThat(byOwners.body()).contains("只有办理、审核该办件的工作人员可以添加照片");
    assertThat(send("POST", "/api/cases/" + caseNo + "/photos", "grid.shengdian",
        new Multipart().file("photos", "c.png", "image/png", PhotoSamples.png(10, 10)).body(), Multipart.contentType(),
        "application/json").status()).isEqualTo(403);

    // over the count: all refused, nothing stored
    Reply two = send("POST", "/api/cases/" + caseNo + "/photos", "community.hualin",
        new Multipart().file("photos", "d.png", "image/png", PhotoSamples.png(10, 10))
            .file("photos", "e.png", "image/png", PhotoSamples.png(10, 10)).body(), Multipart.contentType(), "application/json");
    assertThat(two.status()).isEqualTo(400);
    assertThat(two.body()).contains("\"code\":\"too_many\"", "已有 2 张，最多还能上传 1 张");
    // not multipart, or no file
    Reply jsonBody = send("POST", "/api/cases/" + caseNo + "/photos", "community.hualin", "{}".getBytes(StandardCharsets.UTF_8),
        "application/json", "application/json");
    assertThat(jsonBody.status()).isEqualTo(400);
    assertThat(jsonBody.body()).contains("\"field\":\"photos\"");
    Reply none = send("POST", "/api/cases/" + caseNo + "/photos", "community.hualin", new Multipart().field("x", "y").body(),
        Multipart.contentType(), "application/json");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).contains("请选择要上传的照片");
    assertThat(photosOf(caseNo)).isEqualTo(2);

    // a release of a photo of a case still awaiting review is not public yet
    String id = added.json().get(1).path("id").asText();
    assertThat(send("POST", "/api/cases/" + caseNo + "/photos/" + id + "/release", "community.hualin", null, null,
        "application/json").status()).isEqualTo(200);
    assertThat(send("GET", "/public/photos/" + id, null, null, null, "image/webp,*/*;q=0.8").status()).isEqualTo(404);
    review(caseNo);
    assertThat(send("GET", "/public/photos/" + id, null, null, null, "image/webp,*/*;q=0.8").status()).isEqualTo(200);
  }

  @Test
  void multipartIsRefusedWhereNothingTakesPhotos() throws Exception {
    byte[] body = new Multipart().file("photos", "a.png", "image/png", PhotoSamples.png(10, 10)).body();
    Reply r = send("POST", "/api/cases", "channel.12345", body, Multipart.contentType(), "application/json");
    assertThat(r.status()).isEqualTo(415);
    Reply page = send("POST", "/public/evaluations/abc", null, body, Multipart.contentType(), "text/html");
    assertThat(page.status()).isEqualTo(415);
    // a malformed multipart body on a path that takes photos: 400, never 5xx
    Reply malformed = send("POST", "/public/report", null, "--nope\r\ngarbage".getBytes(StandardCharsets.UTF_8),
        "multipart/form-data; boundary=other", "application/json");
    assertThat(malformed.status()).isBetween(400, 499);
    Reply noBoundary = send("POST", "/api/cases/FX-2026-000001/photos", "dispatch", "x".getBytes(StandardCharsets.UTF_8),
        "multipart/form-data", "application/json");
    assertThat(noBoundary.status()).isBetween(400, 499);
  }
}
