package cn.yishi.observers;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.BrowserSuite;
import cn.yishi.support.PhotoSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 议事观察员 and 码上拍 in a real browser (src/test/e2e/observers.js): the dispatch centre registers a courier in Tasklist
 * (a wrong phone refused first) and withdraws a rider; the courier, positioned in 华林社区 on a 390-px phone, is refused
 * without a photo, reports with one and sees the report listed; positioned in Beijing, refused with nothing stored.
 * Screenshots target/screenshots/observers-NN-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-observers-it;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H"
})
class ObserversIT {
  private static final Path SCRIPT = Path.of("src/test/e2e/observers.js");
  private static final Path FILES = Path.of("target/observers-it");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void browserIsThere() {
    BrowserSuite.requireBrowser();
  }

  private List<Long> stored() {
    return List.of(count("yishi_case"), count("yishi_case_photo"), count("yishi_observer_report"));
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void aCourierRegisteredInTasklistReportsWithAPhotoFromThePhone() throws Exception {
    Files.createDirectories(FILES);
    Path photo = FILES.resolve("路灯.jpg");
    Files.write(photo, PhotoSamples.jpegWithExif(1200, 900));
    String base = "http://localhost:" + port;

    String staff = BrowserSuite.node(SCRIPT, "staff", base);
    Matcher link = Pattern.compile("LINK=(\\S+)").matcher(staff);
    assertThat(link.find()).as(staff).isTrue();
    assertThat(jdbc.sql("select name || '/' || kind || '/' || active from yishi_observer order by id").query(String.class).list())
        .containsExactly("张快递/COURIER/TRUE", "李骑手/RIDER/FALSE");

    String reported = BrowserSuite.node(SCRIPT, "report", base, link.group(1), photo.toString());
    Matcher no = Pattern.compile("CASE_NO=(\\S+)").matcher(reported);
    assertThat(no.find()).as(reported).isTrue();
    assertThat(jdbc.sql("select channel || '/' || community from yishi_case where case_no = ?").param(no.group(1))
        .query(String.class).single()).isEqualTo("OBSERVER/hualin");
    assertThat(stored()).as("one case, its photo, one report: the refusal stored nothing").containsExactly(1L, 1L, 1L);

    assertThat(BrowserSuite.node(SCRIPT, "outside", base, link.group(1), photo.toString())).contains("OUTSIDE_OK");
    assertThat(stored()).containsExactly(1L, 1L, 1L);
  }
}
