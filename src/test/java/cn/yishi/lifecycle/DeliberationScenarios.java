package cn.yishi.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.ResidentVoteService;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Full deliberation through the real interfaces: an elevator retrofit from the report through the
 * five parties' positions, the problem and resource lists, the six-step meeting, a resident vote
 * (online and paper ballots, one vote per household), publicity with an objection, to the units'
 * implementation; a community matter without a case; the refusals the issue lists; 50 parallel
 * ballots of one household. Runs on H2 ({@link DeliberationH2Test}) and PostgreSQL ({@link DeliberationPostgresIT}).
 */
abstract class DeliberationScenarios {
  static final String PASSWORD = "demo";
  static final List<String> PARTIES = List.of("community.hualin", "owners.hualin", "unit.property-hualin",
      "residents.hualin");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;
  @Autowired ResidentVoteService votes;
  @Autowired cn.yishi.domain.calendar.WorkingDayCalendar calendar;

  private TestHttp http;

  Reply call(String method, String path, String user, String body) throws Exception {
    if (http == null) {
      http = new TestHttp(port, true);
    }
    return http.call(method, path, user, PASSWORD, body);
  }

  /** A browser's request: HTML accepted, a form body when given. */
  Reply browser(String method, String path, String form) throws Exception {
    var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
        .method(method, form == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(form));
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
    }
    var r = java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }

  String submit(String category, String title) throws Exception {
    return submit(category, title, "hualin", "御苑小区", 12);
  }

  String submit(String category, String title, String community, String compound, int households) throws Exception {
    String body = """
        {"channel":"HOTLINE_12345", "category":"%s", "title":"%s", "description":"居民反映：%s。", "community":"%s",
         "location":{"address":"%s1栋","compound":"%s"}, "householdsAffected": %d,
         "reporter":{"name":"李四","phone":"13800138000"}}""".formatted(category, title, title, community, compound, compound,
        households);
    Reply r = call("POST", "/api/cases", "channel.12345", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().path("caseNo").asText();
  }

  List<Task> tasksOf(String processInstanceId, String key) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).list();
  }

  Task one(String processInstanceId, String key) {
    List<Task> found = tasksOf(processInstanceId, key);
    assertThat(found).as("task %s", key).hasSize(1);
    return found.get(0);
  }

  Reply completeTask(Task t, String user, String variables) throws Exception {
    return call("POST", "/engine-rest/task/" + t.getId() + "/submit-form", user, "{\"variables\":" + variables + "}");
  }

  void ok(Task t, String user, String variables) throws Exception {
    Reply r = completeTask(t, user, variables);
    assertThat(r.status()).as(t.getTaskDefinitionKey() + ": " + r.body()).isEqualTo(204);
  }

  void runJob(String processInstanceId, String activityId) {
    Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    management.executeJob(job.getId());
  }

  ProcessInstance deliberationOf(String caseNo) {
    String caseProcess = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("issueLifecycle").singleResult().getId();
    return runtime.createProcessInstanceQuery().superProcessInstanceId(caseProcess).singleResult();
  }

  String caseStatus(String caseNo) {
    return jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single();
  }

  List<String> timeline(String caseNo) {
    return jdbc.sql("select e.action from yishi_case_event e join yishi_case c on c.id = e.case_id where c.case_no = ? order by e.id")
        .param(caseNo).query(String.class).list();
  }

  static String json(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
  /** The demo users of hualin's standing parties (五方), by group. */
  static final java.util.Map<String, String> PARTY_USERS = java.util.Map.of("hualin-community", "community.hualin",
      "hualin-owners", "owners.hualin", "unit-property-hualin", "unit.property-hualin", "hualin-residents", "residents.hualin");

  long meetingIdOf(String topicPid) {
    return ((Number) runtime.getVariable(topicPid, "meetingId")).longValue();
  }

  /** The running process of the session whose agenda the topic is on. */
  ProcessInstance sessionOf(String topicPid) {
    long id = ((Number) runtime.getVariable(topicPid, "sessionId")).longValue();
    return runtime.createProcessInstanceQuery().processDefinitionKey("deliberationSession")
        .processInstanceBusinessKey("session-" + id).singleResult();
  }

  static com.fasterxml.jackson.databind.node.ArrayNode rows(Object json) throws Exception {
    return (com.fasterxml.jackson.databind.node.ArrayNode) MAPPER.readTree(json.toString());
  }

  static String jsonVar(com.fasterxml.jackson.databind.JsonNode rows) {
    return "{\"type\":\"Json\",\"value\":" + json(rows.toString()) + "}";
  }

  /**
   * 议程截止 and 确定议程 by the convener: each topic its problem list; then 会前沟通: every party's position on every
   * topic, through the engine's REST API as the demo user where there is one (the first one refused once for a blank
   * position), else through the Java API.
   */
  void convene(String sessionPid, String convener) throws Exception {
    runJob(sessionPid, "timer_agendaCloses");
    Task agenda = one(sessionPid, "userTask_confirmAgenda");
    com.fasterxml.jackson.databind.node.ArrayNode topics = rows(runtime.getVariable(sessionPid, "agendaTopics"));
    topics.forEach(t -> ((com.fasterxml.jackson.databind.node.ObjectNode) t).put("problemList",
        "1. 加装电梯费用分摊\n2. 低楼层采光与噪音\n3. 维修资金使用"));
    ok(agenda, convener, "{\"agendaTopics\":" + jsonVar(topics) + "}");
    boolean refusedOnce = false;
    for (Task t : tasksOf(sessionPid, "userTask_sessionOpinion")) {
      com.fasterxml.jackson.databind.node.ArrayNode positions = rows(tasks.getVariable(t.getId(), "positions"));
      String user = PARTY_USERS.get(candidate(t));
      if (user == null) {
        positions.forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).put("position", "同意"));
        tasks.complete(t.getId(), java.util.Map.of("positions", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
            positions.toString()).create()));
        continue;
      }
      if (!refusedOnce) {
        assertThat(completeTask(t, user, "{\"positions\":" + jsonVar(positions) + "}").body()).as("a blank position")
            .contains("本方意见");
        refusedOnce = true;
      }
      positions.forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).put("position", "同意加装，费用按楼层分摊"));
      ok(t, user, "{\"positions\":" + jsonVar(positions) + "}");
    }
    assertThat(tasksOf(sessionPid, "userTask_recordSession")).hasSize(1);
  }

  /**
   * The session's record as the chair submits it: attendance once; {@code mine} gets {@code part} (statement,
   * discussion, responsibilities and what {@code part} adds); any other topic on the agenda is paused to the next
   * session; each item of the previous session rated {@code rating}; {@code extra} added to the variables.
   */
  String record(String sessionPid, long mine, String part, String itemsJson, int rating, String extra) throws Exception {
    return record(sessionPid, mine, part, itemsJson, rating, extra, false);
  }

  String record(String sessionPid, long mine, String part, String itemsJson, int rating, String extra, boolean leaveMineOut)
      throws Exception {
    com.fasterxml.jackson.databind.node.ArrayNode topics = rows(runtime.getVariable(sessionPid, "topics"));
    if (leaveMineOut) {
      for (int i = topics.size() - 1; i >= 0; i--) {
        if (topics.get(i).path("topic").asLong() == mine) {
          topics.remove(i);
        }
      }
    }
    for (com.fasterxml.jackson.databind.JsonNode t : topics) {
      com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) t;
      if (o.path("topic").asLong() == mine) {
        o.put("statement", "1栋加装电梯方案").put("discussion", "五方共议费用分摊和施工安排").put("responsibilities", "住建局审批，物业配合施工");
        MAPPER.readTree("{" + part + "}").fields().forEachRemaining(e -> o.set(e.getKey(), e.getValue()));
      } else {
        o.put("paused", true).put("pauseReason", "时间不足，下次再议");
      }
    }
    com.fasterxml.jackson.databind.node.ArrayNode followUps = rows(runtime.getVariable(sessionPid, "followUps"));
    followUps.forEach(f -> ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("rating", rating).put("questions", "进度如何？"));
    return "{\"onSite\":{\"value\":true},\"attendees\":{\"value\":\"社区党委、业委会、物业、居民代表、华林中学\"},"
        + "\"participants\":{\"value\":18},\"groundRules\":{\"value\":\"发言不超过3分钟，少数服从多数\"},"
        + "\"topics\":" + jsonVar(topics) + ",\"followUps\":" + jsonVar(followUps) + ","
        + "\"sessionItems\":{\"type\":\"Json\",\"value\":" + json(itemsJson) + "}" + extra + "}";
  }

  /** The session resolves the topic: its record, then the topic's deliberation goes on (its asynchronous step). */
  void resolve(String topicPid, String chair, String part, String itemsJson) throws Exception {
    ProcessInstance session = sessionOf(topicPid);
    convene(session.getId(), chair);
    ok(one(session.getId(), "userTask_recordSession"), chair, record(session.getId(), meetingIdOf(topicPid), part,
        items(itemsJson, meetingIdOf(topicPid)), 4, ""));
    runJob(topicPid, "catch_topicResolved");
  }

  /** The items with their topic's number. */
  static String items(String itemsJson, long topic) {
    return itemsJson.replace("{\"unit\"", "{\"topic\":" + topic + ",\"unit\"");
  }

  static String items() {
    String deadline = LocalDate.now().plusDays(30).toString();
    return "[{\"unit\":\"housing\",\"measure\":\"审批加装方案\",\"deadline\":\"" + deadline + "\"},"
        + "{\"unit\":\"property-hualin\",\"measure\":\"配合施工，管理电梯\",\"deadline\":\"" + deadline + "\"}]";
  }

  @Test
  void anElevatorRetrofitFromReportToImplementation() throws Exception {
    // an elevator retrofit is a HALL matter: 三级前置把关 by the street's hall (hall.hualin is in hall-fengchuan)
    String caseNo = submit("elevator-retrofit", "御苑小区1栋加装电梯" + UUID.randomUUID().toString().substring(0, 6));
    Reply review = call("POST", "/engine-rest/task/" + tasks.createTaskQuery().processInstanceBusinessKey(caseNo)
        .taskDefinitionKey("userTask_review").singleResult().getId() + "/submit-form", "hall.hualin", "{\"variables\":{}}");
    assertThat(review.status()).as(review.body()).isEqualTo(204);
    assertThat(caseStatus(caseNo)).isEqualTo("DELIBERATING");
    String pid = deliberationOf(caseNo).getId();
    long topic = meetingIdOf(pid);
    // 老旧小区加装电梯 is a matter of the hall (难事不出厅): the street's hall convenes and chairs it
    assertThat(runtime.getVariable(pid, "roomGroup")).isEqualTo("hall-fengchuan");
    ProcessInstance session = sessionOf(pid);
    assertThat(session).as("the hall's session, started by the topic").isNotNull();
    assertThat(runtime.getVariable(session.getId(), "bodyGroup")).isEqualTo("hall-fengchuan");
    convene(session.getId(), "hall.hualin");
    assertThat(jdbc.sql("select count(*) from yishi_session_position where meeting_id = ?").param(topic).query(Long.class).single())
        .as("one position per party on the topic").isGreaterThanOrEqualTo(PARTIES.size());
    assertThat(runtime.getVariable(session.getId(), "sessionAgenda")).asString().startsWith("议程第一项").contains("县住建局");
    Task meetingTask = one(session.getId(), "userTask_recordSession");
    String sid = session.getId();

    // refusals: no items unless paused; an item without unit or deadline; a vote without a register; a topic left out
    Reply noItems = completeTask(meetingTask, "hall.hualin", record(sid, topic, "", "[]", 4, ""));
    assertThat(noItems.status()).isNotEqualTo(204);
    assertThat(noItems.body()).contains("决议清单");
    Reply noUnit = completeTask(meetingTask, "hall.hualin", record(sid, topic, "",
        "[{\"topic\":" + topic + ",\"measure\":\"审批\",\"deadline\":\"" + LocalDate.now().plusDays(5) + "\"}]", 4, ""));
    assertThat(noUnit.body()).contains("责任单位");
    Reply noDeadline = completeTask(meetingTask, "hall.hualin", record(sid, topic, "",
        "[{\"topic\":" + topic + ",\"unit\":\"housing\",\"measure\":\"审批\"}]", 4, ""));
    assertThat(noDeadline.body()).contains("完成期限");
    Reply noRegister = completeTask(meetingTask, "hall.hualin", record(sid, topic,
        "\"residentVote\":true,\"voteType\":\"ELEVATOR_RETROFIT\",\"voteCompound\":\"shengdian-guanghua\",\"voteQuestion\":\"是否同意加装\"",
        items(items(), topic), 4, ""));
    assertThat(noRegister.body()).contains("住户名册中没有住户");
    Reply topicLeftOut = completeTask(meetingTask, "hall.hualin", record(sid, topic, "", items(items(), topic), 4, "", true));
    assertThat(topicLeftOut.body()).contains("没有记录");
    assertThat(one(sid, "userTask_recordSession").getId()).isEqualTo(meetingTask.getId());
    assertThat(jdbc.sql("select count(*) from yishi_resolution_item i join yishi_meeting m on m.id = i.meeting_id "
        + "join yishi_case c on c.id = m.case_id where c.case_no = ?").param(caseNo).query(Long.class).single()).isZero();

    // the chair pauses the whole session: rescheduled with the reason
    Reply pauseWithoutReason = completeTask(meetingTask, "hall.hualin", "{\"sessionPaused\":{\"value\":true}}");
    assertThat(pauseWithoutReason.body()).contains("暂停");
    ok(meetingTask, "hall.hualin", "{\"sessionPaused\":{\"value\":true},\"sessionPauseReason\":{\"value\":\"物业测算未到\"}}");
    assertThat(timeline(caseNo)).contains("MEETING_PAUSED");
    assertThat(jdbc.sql("select reschedules from yishi_session where id = ?").param(runtime.getVariable(pid, "sessionId"))
        .query(Integer.class).single()).isEqualTo(1);

    // held: expert review, rejected once (the topic joins the hall's next session), then the vote
    String withVote = "\"expertReview\":true,\"residentVote\":true,\"voteType\":\"ELEVATOR_RETROFIT\","
        + "\"voteCompound\":\"hualin-yuyuan\",\"voteQuestion\":\"是否同意1栋加装电梯\"";
    ok(one(sid, "userTask_recordSession"), "hall.hualin", record(sid, topic, withVote, items(items(), topic), 4, ""));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(sid).count()).as("the session is over").isZero();
    runJob(pid, "catch_topicResolved");
    ok(one(pid, "userTask_expertReview"), "expert.legal",
        "{\"expertApproved\":{\"value\":\"false\"},\"expertOpinion\":{\"value\":\"缺少低楼层补偿方案\"}}");
    assertThat(sessionOf(pid).getId()).as("the hall's next session").isNotEqualTo(sid);
    resolve(pid, "hall.hualin", withVote, items());
    ok(one(pid, "userTask_expertReview"), "expert.legal",
        "{\"expertApproved\":{\"value\":\"true\"},\"expertOpinion\":{\"value\":\"方案合法合理\"}}");

    ProcessInstance vote = runtime.createProcessInstanceQuery().superProcessInstanceId(pid).singleResult();
    long voteId = ((Number) runtime.getVariable(vote.getId(), "voteId")).longValue();
    Reply ballots = call("GET", "/api/votes/" + voteId + "/ballots", "room.hualin", null);
    assertThat(ballots.status()).as(ballots.body()).isEqualTo(200);
    List<String> tokens = new ArrayList<>();
    ballots.json().forEach(b -> tokens.add(b.path("token").asText()));
    assertThat(tokens).hasSize(12).allSatisfy(t -> assertThat(t).matches("[A-Za-z0-9_-]{43}")).doesNotHaveDuplicates();
    assertThat(call("GET", "/api/votes/" + voteId + "/ballots", "channel.12345", null).status()).isEqualTo(403);
    // a token is a household's vote: staff of another community or a unit may not have them
    assertThat(call("GET", "/api/votes/" + voteId + "/ballots", "community.shengdian", null).status()).isEqualTo(403);
    assertThat(call("GET", "/api/votes/" + voteId + "/ballots", "unit.housing", null).status()).isEqualTo(403);

    JsonNode page = call("GET", "/public/votes/" + tokens.get(0), null, null).json();
    assertThat(page.path("question").asText()).isEqualTo("是否同意1栋加装电梯");
    assertThat(page.path("state").asText()).isEqualTo("OPEN");
    assertThat(page.path("totals")).isEmpty();
    for (int i = 0; i < 6; i++) {
      Reply cast = call("POST", "/public/votes/" + tokens.get(i), null, "{\"choice\":\"YES\"}");
      assertThat(cast.status()).as(cast.body()).isEqualTo(200);
    }
    assertThat(call("POST", "/public/votes/" + tokens.get(0), null, "{\"choice\":\"NO\"}").status()).isEqualTo(409);
    assertThat(call("POST", "/public/votes/unknown-token", null, "{\"choice\":\"NO\"}").status()).isEqualTo(404);
    assertThat(call("POST", "/public/votes/" + tokens.get(6), null, "{\"choice\":\"MAYBE\"}").status()).isEqualTo(400);

    assertThat(call("GET", "/public/votes/" + tokens.get(11), null, null).json().path("cast").asInt()).isEqualTo(6);

    // paper ballots: one that already voted online refuses the whole batch
    Task paper = one(vote.getId(), "userTask_enterPaperBallots");
    String twice = "[{\"token\":\"" + tokens.get(6) + "\",\"choice\":\"YES\"},{\"token\":\"" + tokens.get(0) + "\",\"choice\":\"NO\"}]";
    assertThat(completeTask(paper, "hall.hualin", "{\"paperBallots\":{\"type\":\"Json\",\"value\":" + json(twice) + "}}").body())
        .contains("已投票");
    String good = "[{\"token\":\"" + tokens.get(6) + "\",\"choice\":\"YES\"},{\"token\":\"" + tokens.get(7) + "\",\"choice\":\"NO\"},"
        + "{\"token\":\"" + tokens.get(8) + "\",\"choice\":\"YES\"}]";
    ok(paper, "hall.hualin", "{\"paperBallots\":{\"type\":\"Json\",\"value\":" + json(good) + "}}");
    assertThat(jdbc.sql("select count(*) from yishi_ballot where vote_id = ? and choice is not null").param(voteId)
        .query(Long.class).single()).isEqualTo(9);

    // 9 of 12 households and 937.65 of 1250.20 m² took part (≥ 2/3 of both); 8 households and 835.35 m² said yes (≥ 3/4)
    runJob(vote.getId(), "boundary_voteClosed");
    assertThat(call("POST", "/public/votes/" + tokens.get(9), null, "{\"choice\":\"YES\"}").status()).isEqualTo(410);
    JsonNode count = call("GET", "/public/votes/" + tokens.get(10), null, null).json();
    assertThat(count.path("cast").asInt()).isEqualTo(9);
    assertThat(count.path("totals").get(0).path("households").asInt()).isEqualTo(8);
    assertThat(count.path("totals").get(0).path("area").decimalValue()).isEqualByComparingTo("835.35");
    assertThat(count.path("outcome").asText()).isEqualTo("通过");
    assertThat(count.toString()).doesNotContain("\"household\"").doesNotContain("token").doesNotContain("1-101");
    assertThat(timeline(caseNo)).contains("VOTE_OPENED", "VOTE_COUNTED", "PUBLICITY_STARTED");

    // publicity: an objection through /public, then the chair confirms with a reason
    String publicity = jdbc.sql("select m.publicity_token from yishi_meeting m join yishi_case c on c.id = m.case_id where c.case_no = ?")
        .param(caseNo).query(String.class).single();
    JsonNode board = call("GET", "/public/resolutions/" + publicity, null, null).json();
    assertThat(board.path("items")).hasSize(2);
    assertThat(board.toString()).doesNotContain("李四").doesNotContain("13800138000");
    assertThat(call("POST", "/public/resolutions/" + publicity + "/objections", null, "{\"content\":\"\"}").status()).isEqualTo(400);
    assertThat(call("POST", "/public/resolutions/" + publicity + "/objections", null, "{\"content\":\"低楼层采光受影响\"}").status())
        .isEqualTo(200);
    Reply boardPage = browser("GET", "/public/meetings?community=hualin", null);
    assertThat(boardPage.status()).isEqualTo(200);
    assertThat(boardPage.body()).contains("决议公示").contains("审批加装方案").contains(publicity).doesNotContain("李四").doesNotContain("13800138000");
    assertThat(browser("GET", "/public/meetings?community=nowhere", null).status()).isEqualTo(404);
    Reply resolutionPage = browser("GET", "/public/resolutions/" + publicity, null);
    assertThat(resolutionPage.status()).isEqualTo(200);
    assertThat(resolutionPage.body()).contains("<html lang=\"zh-CN\"", "审批加装方案", "责任分工", "正在公示", "公示截止",
        "action=\"/public/resolutions/" + publicity + "/objections\"", "提交意见").doesNotContain("李四", "13800138000");
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/screenshots/resolution-page.html"), resolutionPage.body());
    assertThat(browser("GET", "/public/resolutions/unknown", null).status()).isEqualTo(404);
    Reply form = browser("POST", "/public/resolutions/" + publicity + "/objections", "content=" + java.net.URLEncoder.encode("施工噪音", "UTF-8"));
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("已收到您的意见");
    assertThat(browser("POST", "/public/resolutions/" + publicity + "/objections", "content=").status()).isEqualTo(400);
    assertThat(browser("POST", "/public/resolutions/unknown/objections", "content=x").status()).isEqualTo(404);
    assertThat(call("POST", "/public/resolutions/unknown/objections", null, "{\"content\":\"x\"}").status()).isEqualTo(404);
    runJob(pid, "timer_publicityWindow");
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(board.path("publicityEndsAt").isMissingNode()
        ? java.time.Instant.now() : java.time.OffsetDateTime.parse(board.path("publicityEndsAt").asText()).toInstant().plusSeconds(60)));
    try {
      assertThat(call("POST", "/public/resolutions/" + publicity + "/objections", null, "{\"content\":\"太晚了\"}").status()).isEqualTo(410);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
    assertThat(jdbc.sql("select count(*) from yishi_meeting_objection o join yishi_meeting m on m.id = o.meeting_id "
        + "where m.publicity_token = ?").param(publicity).query(Long.class).single()).isEqualTo(2);
    Task decide = one(pid, "userTask_decideObjections");
    long meetingId = ((Number) runtime.getVariable(pid, "meetingId")).longValue();
    Reply objections = call("GET", "/api/meetings/" + meetingId + "/objections", "room.hualin", null);
    assertThat(objections.status()).as(objections.body()).isEqualTo(200);
    assertThat(objections.json()).hasSize(2);
    assertThat(objections.json().get(0).path("content").asText()).isEqualTo("低楼层采光受影响");
    assertThat(call("GET", "/api/meetings/" + meetingId + "/objections", "unit.housing", null).status()).isEqualTo(403);
    assertThat(call("GET", "/api/meetings/999999/objections", "room.hualin", null).status()).isEqualTo(404);
    assertThat(call("GET", "/api/votes/999999/ballots", "room.hualin", null).status()).isEqualTo(404);
    assertThat(completeTask(decide, "hall.hualin", "{\"objectionDecision\":{\"value\":\"CONFIRM\"}}").body()).contains("理由");
    ok(decide, "hall.hualin", "{\"objectionDecision\":{\"value\":\"CONFIRM\"},\"decisionReason\":{\"value\":\"已增加低楼层补偿\"}}");

    // implementation
    List<Task> items = tasksOf(pid, "userTask_implementItem");
    assertThat(items).hasSize(2);
    for (Task item : items) {
      String user = "unit-housing".equals(candidate(item)) ? "unit.housing" : "unit.property-hualin";
      ok(item, user, "{\"progressNote\":{\"value\":\"已完成\"}}");
    }
    assertThat(caseStatus(caseNo)).isEqualTo("RESOLVED");
    assertThat(timeline(caseNo)).contains("MEETING_SCHEDULED", "MEETING_HELD", "EXPERT_REVIEWED", "OBJECTIONS_DECIDED",
        "RESOLUTION_ADOPTED", "ITEM_COMPLETED", "RESOLVED");

    Reply stats = call("GET", "/api/meetings/statistics?community=hualin", "room.hualin", null);
    assertThat(stats.status()).as(stats.body()).isEqualTo(200);
    assertThat(stats.json().path("meetings").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(stats.json().path("onSiteMeetings").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(stats.json().path("participants").asInt()).isGreaterThanOrEqualTo(18);
    assertThat(stats.json().path("settled").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(call("GET", "/public/meetings/statistics?community=hualin", null, null).json().path("meetings").asInt())
        .isGreaterThanOrEqualTo(1);
    assertThat(call("GET", "/public/meetings/statistics?from=2026-13", null, null).status()).isEqualTo(400);
  }

  private String candidate(Task t) {
    return tasks.getIdentityLinksForTask(t.getId()).stream().filter(l -> "candidate".equals(l.getType()))
        .map(l -> l.getGroupId()).findFirst().orElse(null);
  }

  @Test
  void aCommunityConventionWithoutACaseGoesToTheResidentsMeeting() throws Exception {
    ProcessInstance pi = runtime.startProcessInstanceByKey("deliberation", java.util.Map.of(
        "title", "华林社区居民公约修订", "community", "hualin"));
    assertThat(runtime.getVariable(pi.getId(), "roomGroup")).as("a community matter: the community's room").isEqualTo("hualin-room");
    String convention = "[{\"unit\":\"civil-affairs\",\"measure\":\"备案居民公约\",\"deadline\":\"" + LocalDate.now().plusDays(10) + "\"}]";
    resolve(pi.getId(), "room.hualin",
        "\"residentVote\":true,\"voteType\":\"RESIDENTS_CONVENTION\",\"voteQuestion\":\"是否通过修订后的居民公约\"", convention);
    ProcessInstance vote = runtime.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    Task assembly = one(vote.getId(), "userTask_residentsAssembly");
    assertThat(completeTask(assembly, "room.hualin", "{\"assemblyMembers\":{\"value\":40},\"assemblyYes\":{\"value\":30},"
        + "\"assemblyNo\":{\"value\":20},\"assemblyAbstain\":{\"value\":0}}").body()).contains("应到人数");
    ok(assembly, "room.hualin", "{\"assemblyMembers\":{\"value\":40},\"assemblyYes\":{\"value\":30},"
        + "\"assemblyNo\":{\"value\":4},\"assemblyAbstain\":{\"value\":1}}");
    assertThat(runtime.getVariable(pi.getId(), "voteOutcome")).isEqualTo("PASSED");
    long meetingId = ((Number) runtime.getVariable(pi.getId(), "meetingId")).longValue();
    String publicity = jdbc.sql("select publicity_token from yishi_meeting where id = ?").param(meetingId).query(String.class).single();
    assertThat(call("POST", "/public/resolutions/" + publicity + "/objections", null, "{\"content\":\"公约第三条不合理\"}").status())
        .isEqualTo(200);
    runJob(pi.getId(), "timer_publicityWindow");
    ok(one(pi.getId(), "userTask_decideObjections"), "room.hualin",
        "{\"objectionDecision\":{\"value\":\"RECONVENE\"},\"decisionReason\":{\"value\":\"第三条重新议定\"}}");
    // reconvened at the room's next session: the earlier items are withdrawn, the new publicity counts only its own objections
    resolve(pi.getId(), "room.hualin", "\"residentVote\":false", convention);
    assertThat(jdbc.sql("select status from yishi_resolution_item where meeting_id = ? order by id").param(meetingId)
        .query(String.class).list()).containsExactly("WITHDRAWN", "PROPOSED");
    runJob(pi.getId(), "timer_publicityWindow");
    assertThat(tasksOf(pi.getId(), "userTask_decideObjections")).isEmpty();
    Task item = one(pi.getId(), "userTask_implementItem");
    assertThat(candidate(item)).isEqualTo("unit-civil-affairs");
    tasks.complete(item.getId(), java.util.Map.of("progressNote", "已备案"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(jdbc.sql("select status from yishi_resolution_item where measure = '备案居民公约' order by id desc")
        .query(String.class).list().get(0)).isEqualTo("DONE");
  }

  private LocalDate dueDate(ProcessInstance pi) {
    long meetingId = ((Number) runtime.getVariable(pi.getId(), "meetingId")).longValue();
    return jdbc.sql("select due_date from yishi_meeting where id = ?").param(meetingId).query(LocalDate.class).single();
  }

  @Test
  void redConvenesWithinOneWorkingDayOthersOnTheFixedDayAndTheAgendaStartsWithThePreviousItems() throws Exception {
    LocalDate today = LocalDate.now(calendar.zone());
    ProcessInstance red = runtime.startProcessInstanceByKey("deliberation", java.util.Map.of(
        "title", "小区消防通道被堵", "community", "hualin", "urgency", "RED"));
    assertThat(dueDate(red)).isEqualTo(calendar.plusWorkingDays(today, 1));
    ProcessInstance green = runtime.startProcessInstanceByKey("deliberation", java.util.Map.of(
        "title", "院落微更新计划", "community", "jiaoyuyuan", "urgency", "GREEN"));
    LocalDate fixed = dueDate(green);
    assertThat(fixed).isAfter(today);
    assertThat(calendar.isWorkingDay(fixed)).isTrue();
    // jiaoyuyuan's fixed deliberation day is the 20th (moved to the next working day when it is not one)
    LocalDate twentieth = (today.getDayOfMonth() < 20 ? today : today.plusMonths(1)).withDayOfMonth(20);
    assertThat(fixed).isEqualTo(calendar.plusWorkingDays(twentieth, 0));

    // a community matter needs its community and title
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey("deliberation",
        java.util.Map.of("title", "无社区")))
        .hasMessageContaining("请选择所在社区");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey("deliberation",
        java.util.Map.of("community", "hualin", "title", " ")))
        .hasMessageContaining("请填写议题");

    // the RED topic's session is extraordinary, on the next working day, and its agenda closes at once
    ProcessInstance extraordinary = sessionOf(red.getId());
    long redSession = ((Number) runtime.getVariable(red.getId(), "sessionId")).longValue();
    assertThat(jdbc.sql("select extraordinary from yishi_session where id = ?").param(redSession).query(Boolean.class).single()).isTrue();
    assertThat(jdbc.sql("select session_date from yishi_session where id = ?").param(redSession).query(LocalDate.class).single())
        .isEqualTo(calendar.plusWorkingDays(today, 1));
    assertThat(management.createJobQuery().processInstanceId(extraordinary.getId()).singleResult().getDuedate())
        .isBeforeOrEqualTo(new java.util.Date());

    // 漩涡镇: once a session of hualin's room was held, the next agenda starts with its items
    resolve(red.getId(), "room.hualin", "", items());
    ProcessInstance next = runtime.startProcessInstanceByKey("deliberation", java.util.Map.of(
        "title", "楼道堆物清理", "community", "hualin"));
    assertThat(runtime.getVariable(next.getId(), "agendaFollowUp")).asString()
        .startsWith("议程第一项：上次议事会").contains("县住建局：审批加装方案").contains("待生效");
  }

  private static Object jsonValue(com.fasterxml.jackson.databind.JsonNode rows) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(rows.toString()).create();
  }

  /** 确定议程 and 会前沟通 through the Java API; returns how many opinion tasks the session had. */
  int conveneQuietly(String sessionPid) throws Exception {
    return new cn.yishi.support.SessionDriver(runtime, tasks, management).convene(sessionPid, "问题清单：停车、充电、犬只管理", "本方同意");
  }

  /**
   * A month of one community (教育园社区, fixed day the 20th): three reports deliberated at its room's one session on
   * the fixed day, one opinion task per party for the three, one record resolving each with its items; the room's
   * next session opens with those items, rated (现场质询, 满意度测评): a rating of 2 sends its item back to its unit
   * with a supervision order.
   */
  @Test
  void aMonthOfOneCommunityOneFixedDaySessionThenTheNextSessionsFollowUp() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    List<String> cases = List.of(
        submit("parking", "书香苑停车位不足" + tag, "jiaoyuyuan", "书香苑", 30),
        submit("ev-charging", "桃李小区电动车充电难" + tag, "jiaoyuyuan", "桃李小区", 40),
        submit("pets", "教育园社区犬只扰民" + tag, "jiaoyuyuan", "书香苑", 60));
    List<String> pids = new ArrayList<>();
    for (String c : cases) {
      ok(tasks.createTaskQuery().processInstanceBusinessKey(c).taskDefinitionKey("userTask_review").singleResult(),
          "community.jiaoyuyuan", "{}");
      assertThat(caseStatus(c)).as(c).isEqualTo("DELIBERATING");
      pids.add(deliberationOf(c).getId());
    }
    java.util.Set<Long> sessionIds = new java.util.HashSet<>();
    pids.forEach(p -> sessionIds.add(((Number) runtime.getVariable(p, "sessionId")).longValue()));
    assertThat(sessionIds).as("the month's topics share one session").hasSize(1);
    long sessionId = sessionIds.iterator().next();
    LocalDate today = LocalDate.now(calendar.zone());
    LocalDate twentieth = (today.getDayOfMonth() < 20 ? today : today.plusMonths(1)).withDayOfMonth(20);
    assertThat(jdbc.sql("select session_date from yishi_session where id = ?").param(sessionId).query(LocalDate.class).single())
        .isEqualTo(calendar.plusWorkingDays(twentieth, 0));
    assertThat(runtime.getVariable(pids.get(0), "roomGroup")).isEqualTo("jiaoyuyuan-room");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("deliberationSession")
        .processInstanceBusinessKey("session-" + sessionId).count()).isEqualTo(1);
    String sessionPid = sessionOf(pids.get(0)).getId();

    int opinionTasks = conveneQuietly(sessionPid);
    long parties = jdbc.sql("select count(distinct party) from yishi_session_position where session_id = ?").param(sessionId)
        .query(Long.class).single();
    assertThat(opinionTasks).as("one opinion task per party, not per topic").isEqualTo((int) parties).isLessThan(3 * 4);
    assertThat(jdbc.sql("select count(*) from yishi_session_position where session_id = ?").param(sessionId).query(Long.class)
        .single()).as("a position per party and topic").isGreaterThanOrEqualTo(parties * 3);

    List<Long> topics = pids.stream().map(this::meetingIdOf).toList();
    com.fasterxml.jackson.databind.node.ArrayNode parts = rows(runtime.getVariable(sessionPid, "topics"));
    StringBuilder items = new StringBuilder("[");
    String deadline = today.plusDays(20).toString();
    String[] units = {"urban-management", "power", "property-jiaoyuyuan"};
    for (com.fasterxml.jackson.databind.JsonNode t : parts) {
      com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) t;
      int mine = topics.indexOf(o.path("topic").asLong());
      if (mine < 0) {
        o.put("paused", true).put("pauseReason", "下次再议");
        continue;
      }
      o.put("statement", "阐述").put("discussion", "讨论").put("responsibilities", "责任确认");
      items.append(items.length() > 1 ? "," : "").append("{\"topic\":").append(o.path("topic").asLong()).append(",\"unit\":\"")
          .append(units[mine]).append("\",\"measure\":\"措施").append(mine).append("\",\"deadline\":\"").append(deadline).append("\"}");
    }
    com.fasterxml.jackson.databind.node.ArrayNode followUps = rows(runtime.getVariable(sessionPid, "followUps"));
    followUps.forEach(f -> ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("rating", 5));
    tasks.complete(one(sessionPid, "userTask_recordSession").getId(), java.util.Map.of("attendees", "社区两委、业委会、物业、居民代表",
        "participants", 21, "groundRules", "依次发言", "topics", jsonValue(parts), "followUps", jsonValue(followUps),
        "sessionItems", org.camunda.spin.plugin.variable.SpinValues.jsonValue(items + "]").create()));
    assertThat(jdbc.sql("select status from yishi_session where id = ?").param(sessionId).query(String.class).single()).isEqualTo("HELD");
    for (String pid : pids) {
      runJob(pid, "catch_topicResolved");
      runJob(pid, "timer_publicityWindow");
      assertThat(tasksOf(pid, "userTask_implementItem")).hasSize(1);
    }
    List<Long> itemIds = jdbc.sql("select id from yishi_resolution_item where session_id = ? and status = 'OPEN' order by id")
        .param(sessionId).query(Long.class).list();
    assertThat(itemIds).hasSize(3);
    assertThat(timeline(cases.get(0))).contains("MEETING_SCHEDULED", "MEETING_HELD", "RESOLUTION_ADOPTED");

    // the room's next session: its agenda opens with the three items, each rated
    ProcessInstance next = runtime.startProcessInstanceByKey("deliberation", java.util.Map.of("title", "书香苑垃圾分类" + tag,
        "community", "jiaoyuyuan"));
    assertThat(((Number) runtime.getVariable(next.getId(), "sessionId")).longValue()).isNotEqualTo(sessionId);
    assertThat(runtime.getVariable(next.getId(), "agendaFollowUp")).asString().startsWith("议程第一项：上次议事会").contains("措施0");
    String nextPid = sessionOf(next.getId()).getId();
    conveneQuietly(nextPid);
    com.fasterxml.jackson.databind.node.ArrayNode rated = rows(runtime.getVariable(nextPid, "followUps"));
    List<Long> followed = new ArrayList<>();
    rated.forEach(f -> followed.add(f.path("item").asLong()));
    assertThat(followed).containsAll(itemIds);
    rated.forEach(f -> ((com.fasterxml.jackson.databind.node.ObjectNode) f).put("rating", f.path("item").asLong() == itemIds.get(0) ? 2 : 5)
        .put("questions", "进展如何？"));
    com.fasterxml.jackson.databind.node.ArrayNode nextParts = rows(runtime.getVariable(nextPid, "topics"));
    long nextTopic = meetingIdOf(next.getId());
    nextParts.forEach(t -> {
      com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) t;
      if (o.path("topic").asLong() == nextTopic) {
        o.put("statement", "阐述").put("discussion", "讨论").put("responsibilities", "责任确认");
      } else {
        o.put("paused", true).put("pauseReason", "下次再议");
      }
    });
    java.util.Map<String, Object> record = new java.util.HashMap<>(java.util.Map.of("attendees", "五方代表", "participants", 15,
        "groundRules", "依次发言", "topics", jsonValue(nextParts), "followUps", jsonValue(rated),
        "sessionItems", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[{\"topic\":" + nextTopic
            + ",\"unit\":\"property-jiaoyuyuan\",\"measure\":\"设置分类垃圾桶\",\"deadline\":\"" + deadline + "\"}]").create()));
    // a rating outside 1 to 5 is refused and stores nothing
    com.fasterxml.jackson.databind.node.ArrayNode six = rated.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) six.get(0)).put("rating", 6);
    java.util.Map<String, Object> bad = new java.util.HashMap<>(record);
    bad.put("followUps", jsonValue(six));
    Task recordTask = one(nextPid, "userTask_recordSession");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(recordTask.getId(), bad)).hasMessageContaining("1到5分");
    assertThat(jdbc.sql("select count(*) from yishi_session_follow_up where item_id = ?").param(itemIds.get(0)).query(Long.class)
        .single()).isZero();

    tasks.complete(recordTask.getId(), record);
    assertThat(jdbc.sql("select rating from yishi_session_follow_up where item_id = ?").param(itemIds.get(0)).query(Integer.class)
        .single()).isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from yishi_supervision_order where item_type = 'ITEM' and item_id = ? and source = 'SESSION_RATING'")
        .param(itemIds.get(0)).query(Long.class).single()).as("the low rating's supervision order").isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from yishi_supervision_order where item_type = 'ITEM' and item_id = ?")
        .param(itemIds.get(1)).query(Long.class).single()).isZero();
    assertThat(timeline(cases.get(0))).contains("SUPERVISED");

    // the public notice: the session with its resolutions, no personal data
    Reply notice = call("GET", "/public/meetings.json?community=jiaoyuyuan", null, null);
    assertThat(notice.status()).as(notice.body()).isEqualTo(200);
    assertThat(notice.body()).contains(cases.get(0)).contains("措施0").doesNotContain("李四").doesNotContain("13800138000");
    Reply page = browser("GET", "/public/meetings?community=jiaoyuyuan", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("议事会安排").contains("已召开的议事会").contains(cases.get(1)).contains("教育园社区党群会客室")
        .doesNotContain("李四").doesNotContain("13800138000");
    Reply unknown = call("GET", "/public/meetings.json?community=nowhere", null, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("找不到该社区");
  }

  @Test
  void fiftyParallelBallotsOfOneHouseholdCountOnce() throws Exception {
    var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into yishi_meeting (community, title, due_date, created_at) values ('hualin', '并发测试', ?, ?)")
        .param(java.sql.Date.valueOf(LocalDate.now())).param(java.time.OffsetDateTime.now()).update(key, "id");
    long meetingId = key.getKeyAs(Number.class).longValue();
    ResidentVoteService.Opened opened = votes.open(meetingId, "GENERAL", "hualin-binjiang", "是否同意调整停车位");
    String token = votes.sheets(opened.voteId(), List.of("dispatch-centre")).sheets().get(0).token();
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        String choice = i % 2 == 0 ? "YES" : "NO";
        Callable<String> cast = () -> {
          start.await();
          try {
            votes.castOnline(token, choice);
            return "ok";
          } catch (ValidationException e) {
            return e.errors().get(0).code();
          }
        };
        results.add(pool.submit(cast));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).filteredOn("ok"::equals).hasSize(1);
      assertThat(outcomes).filteredOn("used"::equals).hasSize(49);
    } finally {
      pool.shutdownNow();
    }
    assertThat(jdbc.sql("select count(*) from yishi_ballot where vote_id = ? and choice is not null").param(opened.voteId())
        .query(Long.class).single()).isEqualTo(1);
  }
}
