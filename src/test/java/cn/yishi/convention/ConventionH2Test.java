package cn.yishi.convention;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A convention (公约) through the real interfaces on H2: community staff start it through the engine's REST API (as
 * Tasklist's start form does), residents comment on the public page (HTML and JSON; a comment over the limit is refused
 * and nothing is stored), the staff revise it with the handling of every comment, the party organisation returns and
 * then approves it, the residents' (representatives') meeting adopts it, and the register lists it; an amendment runs
 * the same path and supersedes it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-convention-test;DB_CLOSE_DELAY=-1",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=3026",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class ConventionH2Test {
  private static final String STAFF = "community.hualin";
  private static final String TITLE = "御苑小区院落文明公约";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  private Reply call(String method, String path, String user, String body) throws Exception {
    return new TestHttp(port, true).call(method, path, user, "demo", body);
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

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  private Reply start(String user, String scope, Long amends, String text) throws Exception {
    String vars = "{\"title\":{\"value\":" + json(TITLE) + "},\"conventionText\":{\"value\":" + json(text) + "},"
        + "\"commentDays\":{\"value\":5}"
        + (scope == null ? "" : ",\"conventionScope\":{\"value\":" + json(scope) + "}")
        + (amends == null ? "" : ",\"amendsConvention\":{\"value\":" + amends + "}") + "}";
    return call("POST", "/engine-rest/process-definition/key/convention/submit-form", user, "{\"variables\":" + vars + "}");
  }

  private Task one(String pid, String key) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).list();
    assertThat(found).as("task %s", key).hasSize(1);
    return found.get(0);
  }

  private Reply submit(Task t, String variables) throws Exception {
    return call("POST", "/engine-rest/task/" + t.getId() + "/submit-form", STAFF, "{\"variables\":" + variables + "}");
  }

  private void runJob(String pid, String activityId) {
    Job job = management.createJobQuery().processInstanceId(pid).activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    management.executeJob(job.getId());
  }

  private String token(String pid) {
    String url = (String) runtime.getVariable(pid, "draftUrl");
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** After the window: revise (handling for every comment listed), approve for the assembly, adopt, publish. */
  private void reviseApproveAdopt(String pid, String text) throws Exception {
    runJob(pid, "timer_commentWindow");
    Task revise = one(pid, "userTask_reviseDraft");
    JsonNode comments = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(tasks.getVariable(revise.getId(), "conventionComments").toString());
    StringBuilder handled = new StringBuilder("[");
    for (JsonNode c : comments) {
      handled.append(handled.length() > 1 ? "," : "").append("{\"commentId\":").append(c.path("commentId").asLong())
          .append(",\"comment\":").append(json(c.path("comment").asText())).append(",\"handling\":\"采纳\"}");
    }
    handled.append("]");
    assertThat(submit(revise, "{\"conventionText\":{\"value\":" + json(text) + "},\"conventionComments\":{\"type\":\"Json\","
        + "\"value\":" + json(handled.toString()) + "}}").status()).isEqualTo(204);
    assertThat(submit(one(pid, "userTask_partyReview"), "{\"reviewDecision\":{\"value\":\"APPROVE\"},"
        + "\"adoptionMode\":{\"value\":\"ASSEMBLY\"}}").status()).isEqualTo(204);
    ProcessInstance vote = runtime.createProcessInstanceQuery().superProcessInstanceId(pid).singleResult();
    Task assembly = one(vote.getId(), "userTask_residentsAssembly");
    assertThat(assembly.getName()).isEqualTo("居民（代表）会议表决 " + TITLE);
    assertThat(submit(assembly, "{\"assemblyMembers\":{\"value\":31},\"assemblyYes\":{\"value\":26},"
        + "\"assemblyNo\":{\"value\":3},\"assemblyAbstain\":{\"value\":2}}").status()).isEqualTo(204);
    runJob(pid, "serviceTask_publishConvention");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
  }

  @Test
  void aConventionFromDraftToRegisterAndAnAmendmentThatSupersedesIt() throws Exception {
    // another community's staff cannot start a draft for hualin: refused, nothing stored
    Reply foreign = start("community.shengdian", "hualin-yuyuan", null, "第一条 爱护公共设施。");
    assertThat(foreign.status()).as(foreign.body()).isEqualTo(400);
    assertThat(foreign.body()).contains("只有华林社区两委可以起草该社区的公约");
    assertThat(jdbc.sql("select count(*) from yishi_convention").query(Integer.class).single()).isZero();

    Reply started = start(STAFF, "hualin-yuyuan", null, "第一条 爱护公共设施。\n第二条 文明养犬。");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pid = started.json().path("id").asText();
    String token = token(pid);
    assertThat(token).matches("[A-Za-z0-9_-]{43}");

    // the public draft page, to a browser and to a JSON client
    Reply page = browser("GET", "/public/conventions/drafts/" + token, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(TITLE).contains("第二条 文明养犬。").contains("提出意见").contains("华林社区 御苑小区");
    Reply draftJson = call("GET", "/public/conventions/drafts/" + token + ".json", null, null);
    assertThat(draftJson.json().path("open").asBoolean()).isTrue();
    assertThat(draftJson.json().path("title").asText()).isEqualTo(TITLE);

    // comments: through the page, and from a JSON client with a signature it chose
    Reply thanks = browser("POST", "/public/conventions/drafts/" + token + "/comments",
        "content=" + enc("建议增加电动车不进楼道的条款") + "&signature=&website=");
    assertThat(thanks.status()).isEqualTo(200);
    assertThat(thanks.body()).contains("已收到您的意见");
    Reply viaJson = call("POST", "/public/conventions/drafts/" + token + "/comments", null,
        "{\"content\":\"养犬条款请写明遛狗牵绳\",\"signature\":\"3栋老李\"}");
    assertThat(viaJson.status()).as(viaJson.body()).isEqualTo(201);

    // a comment over the limit: a Chinese refusal, the text kept on the page, nothing stored
    String tooLong = "长".repeat(501);
    Reply refusedPage = browser("POST", "/public/conventions/drafts/" + token + "/comments", "content=" + enc(tooLong));
    assertThat(refusedPage.status()).isEqualTo(400);
    assertThat(refusedPage.body()).contains("请填写意见，不超过500字").contains(tooLong);
    Reply refusedJson = call("POST", "/public/conventions/drafts/" + token + "/comments", null,
        "{\"content\":\"" + tooLong + "\"}");
    assertThat(refusedJson.status()).isEqualTo(400);
    assertThat(refusedJson.json().path("errors").get(0).path("field").asText()).isEqualTo("content");
    assertThat(refusedJson.json().path("errors").get(0).path("message").asText()).isEqualTo("请填写意见，不超过500字");
    Reply honeypot = browser("POST", "/public/conventions/drafts/" + token + "/comments", "content=spam&website=x");
    assertThat(honeypot.status()).isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from yishi_convention_comment").query(Integer.class).single()).isEqualTo(2);

    // unknown drafts
    assertThat(browser("GET", "/public/conventions/drafts/nosuchtoken", null).body()).contains("找不到该公约草案");
    assertThat(browser("GET", "/public/conventions/drafts/nosuchtoken", null).status()).isEqualTo(404);
    Reply unknownJson = call("POST", "/public/conventions/drafts/nosuchtoken/comments", null, "{\"content\":\"好\"}");
    assertThat(unknownJson.status()).isEqualTo(404);
    assertThat(unknownJson.json().path("errors").get(0).path("message").asText()).isEqualTo("公约草案不存在");

    // the window closes: no more comments, the revision lists both
    runJob(pid, "timer_commentWindow");
    Reply late = browser("POST", "/public/conventions/drafts/" + token + "/comments", "content=" + enc("晚到的意见"));
    assertThat(late.status()).isEqualTo(410);
    assertThat(late.body()).contains("征求意见期已结束");
    Task revise = one(pid, "userTask_reviseDraft");
    assertThat(revise.getName()).isEqualTo("修订公约 " + TITLE);
    String listed = tasks.getVariable(revise.getId(), "conventionComments").toString();
    assertThat(listed).contains("1. 建议增加电动车不进楼道的条款").contains("2. 养犬条款请写明遛狗牵绳（署名：3栋老李）");
    JsonNode comments = new com.fasterxml.jackson.databind.ObjectMapper().readTree(listed);
    long first = comments.get(0).path("commentId").asLong();
    long second = comments.get(1).path("commentId").asLong();

    // a revision that leaves a comment unanswered is refused; the task stays
    Reply unanswered = submit(revise, "{\"conventionText\":{\"value\":\"第一条\"},\"conventionComments\":{\"type\":\"Json\","
        + "\"value\":" + json("[{\"commentId\":" + first + ",\"handling\":\"采纳\"},{\"commentId\":" + second + ",\"handling\":\"\"}]")
        + "}}");
    assertThat(unanswered.status()).isEqualTo(400);
    assertThat(unanswered.body()).contains("第2条意见：请填写处理情况");
    String revised = "第一条 爱护公共设施。\n第二条 文明养犬，遛狗牵绳。\n第三条 电动车不进楼道。";
    assertThat(submit(revise, "{\"conventionText\":{\"value\":" + json(revised) + "},\"conventionComments\":{\"type\":\"Json\","
        + "\"value\":" + json("[{\"commentId\":" + first + ",\"handling\":\"采纳，增加第三条\"},{\"commentId\":" + second
        + ",\"handling\":\"采纳，修改第二条\"}]") + "},\"revisionNote\":{\"value\":\"按居民意见修订\"}}").status()).isEqualTo(204);

    // 党组织审核 returns it once, with a reason that reaches the revision
    Task review = one(pid, "userTask_partyReview");
    assertThat(submit(review, "{\"reviewDecision\":{\"value\":\"RETURN\"}}").body()).contains("退回修订时请写明理由");
    assertThat(submit(review, "{\"reviewDecision\":{\"value\":\"RETURN\"},\"reviewReason\":{\"value\":\"第三条请写明充电地点\"}}")
        .status()).isEqualTo(204);
    Task again = one(pid, "userTask_reviseDraft");
    assertThat(tasks.getVariable(again.getId(), "returnReason")).isEqualTo("党组织审核退回：第三条请写明充电地点");
    runtime.setVariable(pid, "conventionText", revised);

    // the public page now shows how each comment was handled
    Reply handledPage = browser("GET", "/public/conventions/drafts/" + token, null);
    assertThat(handledPage.body()).contains("意见处理情况").contains("采纳，增加第三条").contains("3栋老李").doesNotContain("提交意见</button>");

    // revise, approve for the residents' (representatives') meeting, adopt, publish
    String finalText = revised.replace("电动车不进楼道。", "电动车不进楼道，在小区东门集中充电。");
    assertThat(submit(again, "{\"conventionText\":{\"value\":" + json(finalText) + "},\"conventionComments\":{\"type\":\"Json\","
        + "\"value\":" + json("[{\"commentId\":" + first + ",\"handling\":\"采纳，增加第三条\"},{\"commentId\":" + second
        + ",\"handling\":\"采纳，修改第二条\"}]") + "}}").status()).isEqualTo(204);
    assertThat(submit(one(pid, "userTask_partyReview"), "{\"reviewDecision\":{\"value\":\"APPROVE\"},"
        + "\"adoptionMode\":{\"value\":\"ASSEMBLY\"}}").status()).isEqualTo(204);
    ProcessInstance vote = runtime.createProcessInstanceQuery().superProcessInstanceId(pid).singleResult();
    assertThat(submit(one(vote.getId(), "userTask_residentsAssembly"), "{\"assemblyMembers\":{\"value\":31},"
        + "\"assemblyYes\":{\"value\":26},\"assemblyNo\":{\"value\":3},\"assemblyAbstain\":{\"value\":2}}").status()).isEqualTo(204);
    runJob(pid, "serviceTask_publishConvention");

    Reply register = call("GET", "/public/conventions.json?community=hualin", null, null);
    assertThat(register.status()).isEqualTo(200);
    JsonNode inForce = register.json().path("inForce");
    assertThat(inForce).hasSize(1);
    assertThat(inForce.get(0).path("title").asText()).isEqualTo(TITLE);
    assertThat(inForce.get(0).path("body").asText()).isEqualTo(finalText);
    assertThat(inForce.get(0).path("scope").asText()).isEqualTo("华林社区 御苑小区");
    assertThat(inForce.get(0).path("effectiveDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    long conventionId = inForce.get(0).path("conventionId").asLong();
    Reply registerPage = browser("GET", "/public/conventions?community=hualin", null);
    assertThat(registerPage.body()).contains("施行中的公约（<span>1</span>项）").contains(TITLE).contains("起施行").contains("公约编号");

    // an amendment runs the same path and supersedes the version in force
    Reply amendment = start(STAFF, null, conventionId, finalText + "\n第四条 垃圾分类投放。");
    assertThat(amendment.status()).as(amendment.body()).isEqualTo(200);
    String amendmentPid = amendment.json().path("id").asText();
    assertThat(call("GET", "/public/conventions?community=hualin", null, null).json().path("drafts").get(0).path("versionNo")
        .asInt()).isEqualTo(2);
    reviseApproveAdopt(amendmentPid, finalText + "\n第四条 垃圾分类，定时定点投放。");
    JsonNode after = call("GET", "/public/conventions?community=hualin", null, null).json();
    assertThat(after.path("inForce")).hasSize(1);
    JsonNode versions = after.path("inForce").get(0).path("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).path("status").asText()).isEqualTo("SUPERSEDED");
    assertThat(versions.get(0).path("supersededDate").asText()).isEqualTo(versions.get(1).path("effectiveDate").asText());
    assertThat(versions.get(1).path("status").asText()).isEqualTo("IN_FORCE");
    assertThat(after.path("inForce").get(0).path("versionNo").asInt()).isEqualTo(2);

    // unknown community
    assertThat(browser("GET", "/public/conventions?community=atlantis", null).status()).isEqualTo(404);
    assertThat(call("GET", "/public/conventions.json?community=atlantis", null, null).status()).isEqualTo(404);
  }
}
