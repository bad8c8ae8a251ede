package cn.yishi.publicpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.yishi.application.IntakeService;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The residents' pages: rendering, escaping, refusals, throttling, caching, and no personal data. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-public-pages-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "yishi.mail.outbox.poll-interval=PT1H",
    "yishi.public-report.max-per-window=3",
    "yishi.board.version-ttl=PT0S"
})
@AutoConfigureMockMvc
class PublicPagesTest {
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired IntakeService intake;
  @Autowired TaskService tasks;

  private static String ip() {
    return "10.1." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
  }

  private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse r = mvc.perform(request).andReturn().getResponse();
    r.setCharacterEncoding("UTF-8");
    return r;
  }

  private MockHttpServletRequestBuilder report(String ip, Map<String, String> fields) {
    MockHttpServletRequestBuilder b = post("/public/report").contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .accept(MediaType.TEXT_HTML).characterEncoding(StandardCharsets.UTF_8)
        .with(r -> {
          r.setRemoteAddr(ip);
          return r;
        });
    fields.forEach(b::param);
    return b;
  }

  private static Map<String, String> valid(String title) {
    return Map.of("community", "hualin", "category", "streetlight", "title", title,
        "description", "路灯坏了一周", "compound", "");
  }

  long cases() {
    return jdbc.sql("select count(*) from yishi_case").query(Long.class).single();
  }

  @Test
  void theReportPageHasTheFormTheConsentLineAndAHoneypot() throws Exception {
    MockHttpServletResponse page = send(get("/public/report").param("community", "hualin").accept(MediaType.TEXT_HTML));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("华林社区", "路灯照明", "我同意社区为办理本诉求使用我填写的联系方式", "name=\"website\"");
    assertThat(send(get("/public/report").param("community", "atlantis").accept(MediaType.TEXT_HTML)).getStatus()).isEqualTo(404);
  }

  @Test
  void aReportIsRegisteredAndShowsItsNumberAndPublicLink() throws Exception {
    Map<String, String> fields = new java.util.HashMap<>(valid("<script>alert(1)</script>路灯"));
    fields.put("phone", "13900139000");
    fields.put("consent", "true");
    MockHttpServletResponse done = send(report(ip(), fields));

    assertThat(done.getStatus()).isEqualTo(200);
    String html = done.getContentAsString();
    assertThat(html).containsPattern("FX-\\d{4}-\\d{6}").contains("/public/cases/FX-");
    String caseNo = html.replaceAll("(?s).*(FX-\\d{4}-\\d{6}).*", "$1");
    assertThat(jdbc.sql("select channel from yishi_case where case_no = ?").param(caseNo).query(String.class).single()).isEqualTo("QR_CODE");
    assertThat(jdbc.sql("select title from yishi_case where case_no = ?").param(caseNo).query(String.class).single())
        .isEqualTo("<script>alert(1)</script>路灯");
  }

  @Test
  void refusalsStoreNothing() throws Exception {
    long before = cases();
    Map<String, String> honeypot = new java.util.HashMap<>(valid("路灯"));
    honeypot.put("website", "http://spam.example");
    assertThat(send(report(ip(), honeypot)).getStatus()).isEqualTo(400);

    Map<String, String> noConsent = new java.util.HashMap<>(valid("路灯"));
    noConsent.put("phone", "13900139000");
    MockHttpServletResponse r = send(report(ip(), noConsent));
    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentAsString()).contains("请勾选同意");

    Map<String, String> invalid = new java.util.HashMap<>(valid(""));
    invalid.put("category", "unicorns");
    MockHttpServletResponse bad = send(report(ip(), invalid));
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString()).contains("请填写诉求标题", "未知的诉求类别");

    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void aFloodFromOneAddressIsThrottledWithAClearMessage() throws Exception {
    String ip = ip();
    for (int i = 0; i < 3; i++) {
      assertThat(send(report(ip, valid("路灯" + i))).getStatus()).isEqualTo(200);
    }
    long before = cases();
    MockHttpServletResponse throttled = send(report(ip, valid("路灯4")));
    assertThat(throttled.getStatus()).isEqualTo(429);
    assertThat(throttled.getContentAsString()).contains("提交过于频繁");
    assertThat(cases()).isEqualTo(before);
    assertThat(send(report(ip(), valid("另一位居民"))).getStatus()).isEqualTo(200);
  }

  @Test
  void theBoardEscapesEverythingShowsNoPersonalDataAndIsCached() throws Exception {
    String title = "<img src=x onerror=alert(1)>楼道杂物";
    String caseNo = intake.submit(new NewCase(Channel.HOTLINE_12345, null, "corridor-clutter", title, "楼道堆满杂物",
        "jiaoyuyuan", null, 5,
        new Reporter("王五", "13700137000", "wang.wu@example.org", "桃李小区2栋301"), List.of()), "test").caseNo();
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId());

    MockHttpServletResponse board = send(get("/public/board").param("community", "jiaoyuyuan").accept(MediaType.TEXT_HTML));
    assertThat(board.getStatus()).isEqualTo(200);
    String html = board.getContentAsString();
    assertThat(html).contains(caseNo, "&lt;img src=x onerror=alert(1)&gt;楼道杂物", "即办件", "正在办理")
        .doesNotContain("<img src=x", "王五", "13700137000", "wang.wu@example.org", "2栋301");
    String etag = board.getHeader("ETag");
    assertThat(etag).isNotBlank();
    assertThat(send(get("/public/board").param("community", "jiaoyuyuan").accept(MediaType.TEXT_HTML)
        .header("If-None-Match", etag)).getStatus()).isEqualTo(304);

    MockHttpServletResponse json = send(get("/public/board.json").param("community", "jiaoyuyuan"));
    assertThat(json.getStatus()).isEqualTo(200);
    assertThat(json.getContentAsString()).contains(caseNo).doesNotContain("13700137000", "王五", "wang.wu");
    assertThat(send(get("/public/board.json").param("community", "jiaoyuyuan").header("If-None-Match", json.getHeader("ETag"))).getStatus()).isEqualTo(304);

    MockHttpServletResponse atom = send(get("/public/board.atom").param("community", "jiaoyuyuan"));
    assertThat(atom.getStatus()).isEqualTo(200);
    assertThat(atom.getContentType()).startsWith("application/atom+xml");
    assertThat(atom.getContentAsString()).contains("<feed", caseNo, "&lt;img").doesNotContain("<img", "13700137000");

    // a change gives a new version
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId(),
        Map.of("outcome", "RESOLVED", "resultNote", "已清理"));
    MockHttpServletResponse after = send(get("/public/board").param("community", "jiaoyuyuan").accept(MediaType.TEXT_HTML)
        .header("If-None-Match", etag));
    assertThat(after.getStatus()).isEqualTo(200);
    assertThat(after.getContentAsString()).contains("已办结", "已清理");

    assertThat(send(get("/public/board").param("community", "atlantis").accept(MediaType.TEXT_HTML)).getStatus()).isEqualTo(404);
    assertThat(send(get("/public/board.json").param("community", "atlantis")).getStatus()).isEqualTo(400);
  }

  @Test
  void theEvaluationPageRatesOnceAndExplainsUsedAndUnknownLinks() throws Exception {
    String caseNo = intake.submit(new NewCase(Channel.HOTLINE_12345, null, "pets", "宠物扰民", "夜间犬吠",
        "shengdian", null, 2, new Reporter(null, null, "li.ming@example.org", null), List.of()), "test").caseNo();
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId());
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId(),
        Map.of("outcome", "RESOLVED", "resultNote", "已上门劝导养犬户"));
    String token = jdbc.sql("select t.token from yishi_evaluation_token t join yishi_case c on c.id = t.case_id where c.case_no = ?")
        .param(caseNo).query(String.class).single();

    MockHttpServletResponse page = send(get("/public/evaluations/" + token).accept(MediaType.TEXT_HTML));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains(caseNo, "已上门劝导养犬户", "非常满意").doesNotContain("li.ming");

    MockHttpServletRequestBuilder rate = post("/public/evaluations/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .accept(MediaType.TEXT_HTML).param("satisfaction", "5").param("comment", "<b>好</b>");
    MockHttpServletResponse thanks = send(rate);
    assertThat(thanks.getStatus()).isEqualTo(200);
    assertThat(thanks.getContentAsString()).contains("感谢您的评价");
    assertThat(jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single()).isEqualTo("CLOSED");

    MockHttpServletResponse again = send(post("/public/evaluations/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .accept(MediaType.TEXT_HTML).param("satisfaction", "1"));
    assertThat(again.getStatus()).isEqualTo(410);
    assertThat(again.getContentAsString()).contains("已使用过");
    assertThat(send(get("/public/evaluations/nope").accept(MediaType.TEXT_HTML)).getStatus()).isEqualTo(404);
  }

  private String html(String path) throws Exception {
    MockHttpServletResponse r = send(get(path).accept(MediaType.TEXT_HTML));
    assertThat(r.getStatus()).as(path).isEqualTo(200);
    assertThat(r.getContentType()).startsWith("text/html");
    return r.getContentAsString();
  }

  private String json(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse r = send(request);
    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentType()).startsWith("application/json");
    return r.getContentAsString();
  }

  @Test
  void theCasePageFollowsACaseFromItsReportToItsEvaluationWithoutPersonalData() throws Exception {
    String title = "<script>alert(1)</script>井盖松动";
    String caseNo = intake.submit(new NewCase(Channel.HOTLINE_12345, null, "streetlight", title, "3栋门口井盖松动，夜里有人绊倒",
        "jiaoyuyuan", "jiaoyuyuan-taoli", 5,
        new Reporter("赵六", "13600136000", "zhao.liu@example.org", "桃李小区3栋502"), List.of()), "test").caseNo();
    List<String> personal = List.of("赵六", "13600136000", "zhao.liu", "3栋502", "夜里有人绊倒");

    // awaiting review: that it exists, nothing of its content, not a 404
    String pending = html("/public/cases/" + caseNo);
    assertThat(pending).contains(caseNo, "已受理，待审核").doesNotContain("井盖松动", "路灯照明", "桃李小区");
    assertThat(pending).doesNotContain(personal.toArray(String[]::new));
    for (MockHttpServletRequestBuilder asJson : List.of(get("/public/cases/" + caseNo).accept(MediaType.APPLICATION_JSON),
        get("/public/cases/" + caseNo + ".json"), get("/public/cases/" + caseNo + ".json").accept(MediaType.ALL))) {
      assertThat(json(asJson)).isEqualTo("{\"caseNo\":\"" + caseNo + "\",\"status\":\"REGISTERED\",\"statusName\":\"已受理，待审核\",\"pending\":true}");
    }

    // reviewed: status in words, category, compound, the public timeline, the way back to the community's board
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId());
    String inProgress = html("/public/cases/" + caseNo);
    assertThat(inProgress).contains("办理中", "&lt;script&gt;alert(1)&lt;/script&gt;井盖松动", "路灯照明", "教育园社区", "桃李小区",
            "办理进展", "办结后将邀请反映人评价", "href=\"/public/board?community=jiaoyuyuan\"", "/public/cases/" + caseNo + ".json")
        .doesNotContain("<script>alert(1)").doesNotContain(personal.toArray(String[]::new));
    String inProgressJson = json(get("/public/cases/" + caseNo).accept(MediaType.APPLICATION_JSON));
    assertThat(inProgressJson).contains("\"caseNo\":\"" + caseNo + "\"", "\"statusName\":\"办理中\"", "\"categoryName\":\"路灯照明\"",
        "\"timeline\":[", "\"evaluation\":\"NOT_YET\"", "\"evaluationName\":\"办结后将邀请反映人评价\"")
        .doesNotContain(personal.toArray(String[]::new));

    // the board links the case to its page
    assertThat(html("/public/board?community=jiaoyuyuan")).contains("href=\"/public/cases/" + caseNo + "\"");

    // resolved: the result, and the link is out (never the link itself)
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId(),
        Map.of("outcome", "RESOLVED", "resultNote", "已更换井盖"));
    String token = jdbc.sql("select t.token from yishi_evaluation_token t join yishi_case c on c.id = t.case_id where c.case_no = ?")
        .param(caseNo).query(String.class).single();
    String resolved = html("/public/cases/" + caseNo);
    assertThat(resolved).contains("已办结，待评价", "办理结果", "已更换井盖", "评价链接已发送给反映人，等待评价").doesNotContain(token);
    assertThat(json(get("/public/cases/" + caseNo + ".json"))).contains("\"evaluation\":\"LINK_SENT\"").doesNotContain(token);

    // rated through the link: closed, with its satisfaction
    assertThat(send(post("/public/evaluations/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .accept(MediaType.TEXT_HTML).param("satisfaction", "4")).getStatus()).isEqualTo(200);
    assertThat(html("/public/cases/" + caseNo)).contains("已销号", "满意度", "4 分", "已评价")
        .doesNotContain(personal.toArray(String[]::new));
    assertThat(json(get("/public/cases/" + caseNo).accept(MediaType.APPLICATION_JSON)))
        .contains("\"satisfaction\":4", "\"evaluation\":\"DONE\"");
  }

  @Test
  void aDeclinedCaseSaysSoAndWhyAndAnUnknownOneIsAChinese404() throws Exception {
    String caseNo = intake.submit(new NewCase(Channel.HOTLINE_12345, null, "neighbour-dispute", "邻居占用楼道", "邻居家杂物堆在楼道",
        "hualin", null, 1, new Reporter(null, null, null, null), List.of()), "test").caseNo();
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId());
    assertThat(jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single()).isEqualTo("DECLINED");
    assertThat(html("/public/cases/" + caseNo)).contains("不予受理", "个体纠纷", "不予受理，无需评价").doesNotContain("办理期限");
    assertThat(json(get("/public/cases/" + caseNo + ".json"))).contains("\"status\":\"DECLINED\"", "\"evaluation\":\"NONE\"");

    MockHttpServletResponse unknown = send(get("/public/cases/FX-2026-999998").accept(MediaType.TEXT_HTML));
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(unknown.getContentType()).startsWith("text/html");
    assertThat(unknown.getContentAsString()).contains("办件不存在", "FX-2026-999998");
    MockHttpServletResponse hostile = send(get("/public/cases/{no}", "<img src=x>").accept(MediaType.TEXT_HTML));
    assertThat(hostile.getStatus()).isEqualTo(404);
    assertThat(hostile.getContentAsString()).contains("&lt;img src=x&gt;").doesNotContain("<img src=x>");
    MockHttpServletResponse unknownJson = send(get("/public/cases/FX-2026-999998.json"));
    assertThat(unknownJson.getStatus()).isEqualTo(404);
    assertThat(unknownJson.getContentType()).startsWith("application/json");
    assertThat(unknownJson.getContentAsString()).contains("\"code\":\"not_found\"", "办件不存在");
  }

  @Test
  void theCaseListAndTheBoardAnswerAPageOrJsonAtOneAddress() throws Exception {
    assertThat(html("/public/cases?community=hualin")).contains("公开办件", "本社区公示栏");
    assertThat(json(get("/public/cases").param("community", "hualin").accept(MediaType.APPLICATION_JSON))).contains("\"cases\":[");
    assertThat(json(get("/public/board").param("community", "hualin").accept(MediaType.APPLICATION_JSON))).contains("\"community\":\"hualin\"");
    MockHttpServletResponse badList = send(get("/public/cases").param("status", "NOPE").accept(MediaType.TEXT_HTML));
    assertThat(badList.getStatus()).isEqualTo(400);
    assertThat(badList.getContentAsString()).contains("查询条件有误", "未知的状态");
    MockHttpServletResponse statistics = send(get("/public/meetings/statistics").param("community", "hualin").accept(MediaType.TEXT_HTML));
    assertThat(statistics.getStatus()).isEqualTo(303);
    assertThat(statistics.getHeader("Location")).isEqualTo("/public/meetings?community=hualin");
    assertThat(json(get("/public/meetings").accept(MediaType.APPLICATION_JSON))).contains("\"resolutions\":[", "\"statistics\":{");
    MockHttpServletResponse resolution = send(get("/public/resolutions/nope").accept(MediaType.TEXT_HTML));
    assertThat(resolution.getStatus()).isEqualTo(404);
    assertThat(resolution.getContentAsString()).contains("公示不存在");
  }
}
