package cn.yishi.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.deliberation.ItemEvaluations;
import cn.yishi.application.deliberation.ItemRatings;
import cn.yishi.application.port.ItemEvaluationStore;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 民事民评 on a real PostgreSQL server: one conditional update per token (two threads submitting at once store exactly
 * one rating), the refused ratings over JSON and the phone page (the token stays usable), the round closed with its
 * result (the item reopened on a poor one), the public result and the monthly figures' SQL.
 */
@PostgresSuite
class ItemEvaluationPostgresIT {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_item_eval");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ItemEvaluations evaluations;
  @Autowired ItemRatings ratings;
  @Autowired ItemEvaluationStore store;
  @Autowired cn.yishi.application.port.MonthlyStatistics statistics;
  private TestHttp http;

  @BeforeEach
  void client() {
    http = new TestHttp(port, true);
  }

  private long doneItem() {
    var key = new GeneratedKeyHolder();
    jdbc.sql("insert into yishi_meeting (community, title, due_date, created_at) values ('hualin', '楼道改造', ?, ?)")
        .param(java.sql.Date.valueOf(LocalDate.now())).param(OffsetDateTime.now()).update(key, "id");
    long meeting = key.getKeyAs(Number.class).longValue();
    var item = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_resolution_item (meeting_id, unit, measure, deadline, status, note, completed_at)
            values (?, 'housing', '楼道照明改造', ?, 'DONE', '灯具已全部更换', ?)""")
        .param(meeting).param(OffsetDateTime.now().plusDays(10)).param(OffsetDateTime.now()).update(item, "id");
    return item.getKeyAs(Number.class).longValue();
  }

  private List<String> tokens(long evaluationId) {
    return store.tokens(evaluationId).stream().map(ItemEvaluationStore.Token::token).toList();
  }

  private long stored(String token) {
    return jdbc.sql("select count(*) from yishi_item_rating where token = ? and rating is not null").param(token)
        .query(Long.class).single();
  }

  private Reply browser(String method, String path, String form) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
        .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }

  @Test
  void twoSubmissionsOfOneTokenAtOnceStoreExactlyOneRating() throws Exception {
    ItemEvaluations.Opened o = evaluations.open(doneItem(), false, "hualin-yuyuan/1", 5, "jianwei.hualin");
    assertThat(o.households()).isEqualTo(6);
    for (int round = 0; round < 5; round++) {
      String t = tokens(o.evaluationId()).get(round);
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          int rating = 4 + i;
          results.add(pool.submit(() -> {
            start.await(10, TimeUnit.SECONDS);
            try {
              ratings.rate(t, rating, null);
              return "stored";
            } catch (ValidationException e) {
              return e.errors().get(0).code();
            }
          }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
          outcomes.add(f.get(30, TimeUnit.SECONDS));
        }
        assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("stored", "used");
      } finally {
        pool.shutdownNow();
      }
      assertThat(stored(t)).isEqualTo(1);
    }
  }

  @Test
  void aBadRatingIsRefusedByFieldAndLeavesTheTokenUsable() throws Exception {
    ItemEvaluations.Opened o = evaluations.open(doneItem(), false, "hualin-yuyuan/1/1", 5, "jianwei.hualin");
    String t = tokens(o.evaluationId()).get(0);
    String path = "/public/item-ratings/" + t;
    for (String body : List.of("{\"rating\":2.5}", "{\"rating\":0}", "{\"rating\":6}", "{\"rating\":\"x\"}", "{}")) {
      Reply r = http.call("POST", path, null, null, body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.body()).as(body).contains("\"field\":\"rating\"");
    }
    Reply tooLong = http.call("POST", path, null, null, "{\"rating\":3,\"comment\":\"" + "评".repeat(301) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body()).contains("\"field\":\"comment\"", "评价意见不能超过300个字");
    Reply page = browser("POST", path, "rating=2.5&comment=%E5%A5%BD");
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("评分应为1到5之间的整数", "楼道照明改造", ">好</textarea>");
    assertThat(stored(t)).isZero();

    Reply view = http.call("GET", path, null, null, null);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body()).contains("\"state\":\"OPEN\"", "楼道照明改造", "灯具已全部更换").doesNotContain("hualin-yuyuan");
    Reply confirm = browser("POST", path, "rating=4&comment=%E4%BA%AE%E4%BA%86");
    assertThat(confirm.body()).contains("请确认您的评价", "4 分", "亮了", "确认提交");
    assertThat(stored(t)).isZero();
    Reply receipt = browser("POST", path, "rating=4&comment=%E4%BA%AE%E4%BA%86&confirmed=yes");
    assertThat(receipt.status()).isEqualTo(200);
    assertThat(receipt.body()).contains("评价回执", ItemRatings.receiptNo(t));
    assertThat(stored(t)).isEqualTo(1);
    assertThat(http.call("POST", path, null, null, "{\"rating\":5}").status()).isEqualTo(409);
    assertThat(browser("GET", path, null).body()).contains("已经评价过了");
    assertThat(http.call("GET", "/public/item-ratings/unknown-token", null, null, null).status()).isEqualTo(404);
    assertThat(browser("GET", "/public/item-ratings/unknown-token", null).body()).contains("评价链接不存在");
  }

  @Test
  void thePoorlyRatedItemIsReopenedAndTheResultIsPublicAndCounted() throws Exception {
    long item = doneItem();
    ItemEvaluations.Opened o = evaluations.open(item, false, "hualin-yuyuan/1/1", 5, "jianwei.hualin");
    List<String> t = tokens(o.evaluationId());
    ratings.rate(t.get(0), 1, "没修好");
    ratings.rate(t.get(1), 3, null);
    ItemEvaluations.Closed c = evaluations.close(o.evaluationId());
    assertThat(c.result().outcome().name()).isEqualTo("REWORK");
    assertThat(c.result().average()).isEqualByComparingTo("2.00");
    assertThat(jdbc.sql("select status from yishi_resolution_item where id = ?").param(item).query(String.class).single())
        .isEqualTo("OPEN");
    assertThat(jdbc.sql("select distribution from yishi_item_evaluation where id = ?").param(o.evaluationId())
        .query(String.class).single()).isEqualTo("1,0,1,0,0");
    assertThat(browser("POST", "/public/item-ratings/" + t.get(2), "rating=5&confirmed=yes").status()).isEqualTo(410);
    // 月调度: the unit's round, its two ratings (4 points) and the send-back, for the unit and the meeting's community
    var figures = statistics.figures(OffsetDateTime.now().minusDays(1), OffsetDateTime.now().plusDays(1),
        OffsetDateTime.now().plusDays(1)).get(new cn.yishi.application.port.MonthlyStatistics.Pair("housing", "hualin"));
    assertThat(figures.itemsEvaluated()).isGreaterThanOrEqualTo(1);
    assertThat(figures.itemsSentBack()).isGreaterThanOrEqualTo(1);
    assertThat(figures.itemRatings()).isGreaterThanOrEqualTo(2);
    assertThat(figures.itemRatingSum()).isGreaterThanOrEqualTo(4);
  }
}
