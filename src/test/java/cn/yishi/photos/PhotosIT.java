package cn.yishi.photos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import cn.yishi.support.PhotoSamples;
import cn.yishi.support.TestHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 随手拍 in a real browser (src/test/e2e/photos.js): a resident reports with a photo on the 390-px phone page (a fake
 * photo is refused first, the typed text kept); the community's reviewer sees it in Tasklist's tab 照片 on 前置把关, adds
 * one and releases the resident's; it is public only after the release and the review, without its EXIF. Screenshots
 * in target/screenshots/photos-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-photos-journey;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class PhotosIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/photos.js");
  private static final Path FILES = Path.of("target/photos-it");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private int publicPhotoStatus(String caseNo) throws Exception {
    List<String> ids = jdbc.sql("select p.public_id from yishi_case_photo p join yishi_case c on c.id = p.case_id"
        + " where c.case_no = ? order by p.id").param(caseNo).query(String.class).list();
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/public/photos/" + ids.get(0))).header("Accept", "image/*,*/*;q=0.8").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() == 200) {
      assertThat(new String(r.body(), StandardCharsets.ISO_8859_1)).doesNotContain(PhotoSamples.EXIF_SECRET);
    }
    return r.statusCode();
  }

  @Test
  void aResidentsPhotoIsSeenInTasklistAndPublicOnlyAfterItsRelease() throws Exception {
    Files.createDirectories(FILES);
    Path photo = FILES.resolve("路灯.jpg");
    Files.write(photo, PhotoSamples.jpegWithExif(1200, 900));
    Path fake = FILES.resolve("假照片.jpg");
    Files.write(fake, PhotoSamples.htmlPretendingToBeJpeg());
    Path staffPhoto = FILES.resolve("现场复核.png");
    Files.write(staffPhoto, PhotoSamples.png(800, 600));
    String base = "http://localhost:" + port;
    String title = "御苑小区路灯不亮" + UUID.randomUUID().toString().substring(0, 4);

    String out = BrowserSuite.node(SCRIPT, "report", base, photo.toString(), fake.toString(), title);
    Matcher m = Pattern.compile("CASE_NO=(\\S+)").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    String caseNo = m.group(1);
    assertThat(jdbc.sql("select count(*) from yishi_case where title = ?").param(title).query(Long.class).single())
        .as("the refused report stored nothing, the second one case").isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from yishi_case_photo p join yishi_case c on c.id = p.case_id where c.case_no = ?")
        .param(caseNo).query(Long.class).single()).isEqualTo(1);
    assertThat(publicPhotoStatus(caseNo)).isEqualTo(404);

    assertThat(BrowserSuite.node(SCRIPT, "review", base, caseNo, staffPhoto.toString())).contains("REVIEW_OK");
    assertThat(jdbc.sql("select released_by from yishi_case_photo p join yishi_case c on c.id = p.case_id"
        + " where c.case_no = ? and p.released = true").param(caseNo).query(String.class).list())
        .containsExactly("community.hualin");
    // released, but the case still awaits review: not public yet
    assertThat(publicPhotoStatus(caseNo)).isEqualTo(404);

    String review = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("userTask_review")
        .singleResult().getId();
    assertThat(new TestHttp(port, true).call("POST", "/engine-rest/task/" + review + "/submit-form", "community.hualin", "demo",
        "{\"variables\":{}}").status()).isEqualTo(204);
    assertThat(publicPhotoStatus(caseNo)).isEqualTo(200);
    assertThat(BrowserSuite.node(SCRIPT, "public", base, caseNo, "1")).contains("PUBLIC_OK", "/public/photos/");

    // a grid worker adds a photo on the receipt right after registering a case in Tasklist
    String visited = "7栋路灯不亮" + UUID.randomUUID().toString().substring(0, 4);
    Matcher registered = Pattern.compile("CASE_NO=(\\S+)").matcher(BrowserSuite.node(SCRIPT, "intake", base, visited,
        staffPhoto.toString()));
    assertThat(registered.find()).isTrue();
    assertThat(jdbc.sql("select p.uploaded_by || '/' || p.content_type || '/' || p.released from yishi_case_photo p"
        + " join yishi_case c on c.id = p.case_id where c.case_no = ? and c.title = ?").param(registered.group(1)).param(visited)
        .query(String.class).list()).containsExactly("grid.hualin/image/png/FALSE");

    for (String shot : List.of("01-report-refused-fake-photo", "02-report-with-photo", "03-report-done",
        "04-tasklist-photos-tab", "05-tasklist-photo-uploaded", "06-tasklist-photo-release-confirm",
        "07-tasklist-photo-released", "08-public-photo-on-phone", "09-receipt-photo-added")) {
      assertThat(Path.of("target/screenshots", "photos-" + shot + ".png")).isNotEmptyFile();
    }
  }
}
