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
    String body = """
        {"channel":"HOTLINE_12345", "category":"%s", "title":"%s", "description":"居民反映：%s。", "community":"hualin",
         "location":{"address":"御苑小区1栋","compound":"御苑小区"}, "householdsAffected": 12,
         "reporter":{"name":"李四","phone":"13800138000"}}""".formatted(category, title, title);
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

  /** The parties state their positions and the room drafts the problem list. */
  void prepare(String pid) throws Exception {
    List<Task> opinions = tasksOf(pid, "userTask_preMeetingOpinion");
    assertThat(opinions).hasSize(PARTIES.size());
    for (String user : PARTIES) {
      Task mine = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("userTask_preMeetingOpinion")
          .taskCandidateUser(user).singleResult();
      assertThat(mine).as("opinion task of " + user).isNotNull();
      if (user.equals(PARTIES.get(0))) {
        assertThat(completeTask(mine, user, "{\"position\":{\"value\":\"  \"}}").body()).contains("position");
      }
      ok(mine, user, "{\"position\":{\"value\":\"同意加装，费用按楼层分摊\"}}");
    }
    ok(one(pid, "userTask_draftProblemList"), "room.hualin",
        "{\"problemList\":{\"value\":\"1. 加装电梯费用分摊\\n2. 低楼层采光与噪音\\n3. 维修资金使用\"}}");
    Task meeting = one(pid, "userTask_recordMeeting");
    assertThat(tasks.getVariable(meeting.getId(), "resourceMatches")).asString().contains("县住建局").contains("退休工程师志愿者");
    assertThat(tasks.getVariable(meeting.getId(), "agendaFollowUp")).asString().startsWith("议程第一项");
  }

  static String meeting(String extra, String itemsJson) {
    return "{\"onSite\":{\"value\":true},\"attendees\":{\"value\":\"社区党委、业委会、物业、居民代表、华林中学\"},"
        + "\"participants\":{\"value\":18},\"groundRules\":{\"value\":\"发言不超过3分钟，少数服从多数\"},"
        + "\"topic\":{\"value\":\"1栋加装电梯方案\"},\"summary\":{\"value\":\"五方共议费用分摊和施工安排\"},"
        + "\"responsibilities\":{\"value\":\"住建局审批，物业配合施工\"},"
        + "\"resolutionItems\":{\"type\":\"Json\",\"value\":" + json(itemsJson) + "}" + extra + "}";
  }

  static String items() {
    String deadline = LocalDate.now().plusDays(30).toString();
    return "[{\"unit\":\"housing\",\"measure\":\"审批加装方案\",\"deadline\":\"" + deadline + "\"},"
        + "{\"unit\":\"property-hualin\",\"measure\":\"配合施工，管理电梯\",\"deadline\":\"" + deadline + "\"}]";
  }

  @Test
  void anElevatorRetrofitFromReportToImplementation() throws Exception {
    String caseNo = submit("elevator-retrofit", "御苑小区1栋加装电梯" + UUID.randomUUID().toString().substring(0, 6));
    Reply review = call("POST", "/engine-rest/task/" + tasks.createTaskQuery().processInstanceBusinessKey(caseNo)
        .taskDefinitionKey("userTask_review").singleResult().getId() + "/submit-form", "community.hualin", "{\"variables\":{}}");
    assertThat(review.status()).as(review.body()).isEqualTo(204);
    assertThat(caseStatus(caseNo)).isEqualTo("DELIBERATING");
    String pid = deliberationOf(caseNo).getId();
    prepare(pid);
    Task meetingTask = one(pid, "userTask_recordMeeting");

    // refusals: no items unless paused; an item without unit or deadline; a vote without a register
    Reply noItems = completeTask(meetingTask, "room.hualin", meeting("", "[]"));
    assertThat(noItems.status()).isNotEqualTo(204);
    assertThat(noItems.body()).contains("决议清单");
    Reply noUnit = completeTask(meetingTask, "room.hualin",
        meeting("", "[{\"measure\":\"审批\",\"deadline\":\"" + LocalDate.now().plusDays(5) + "\"}]"));
    assertThat(noUnit.body()).contains("责任单位");
    Reply noDeadline = completeTask(meetingTask, "room.hualin", meeting("", "[{\"unit\":\"housing\",\"measure\":\"审批\"}]"));
    assertThat(noDeadline.body()).contains("完成期限");
    Reply noRegister = completeTask(meetingTask, "room.hualin", meeting(
        ",\"residentVote\":{\"value\":true},\"voteType\":{\"value\":\"ELEVATOR_RETROFIT\"},\"voteCompound\":{\"value\":\"shengdian-guanghua\"},"
            + "\"voteQuestion\":{\"value\":\"是否同意加装\"}", items()));
    assertThat(noRegister.body()).contains("住户名册中没有住户");
    assertThat(one(pid, "userTask_recordMeeting").getId()).isEqualTo(meetingTask.getId());
    assertThat(jdbc.sql("select count(*) from yishi_resolution_item i join yishi_meeting m on m.id = i.meeting_id "
        + "join yishi_case c on c.id = m.case_id where c.case_no = ?").param(caseNo).query(Long.class).single()).isZero();

    // the chair pauses: rescheduled with the reason
    Reply pauseWithoutReason = completeTask(meetingTask, "room.hualin", "{\"paused\":{\"value\":true}}");
    assertThat(pauseWithoutReason.body()).contains("暂停");
    ok(meetingTask, "room.hualin", "{\"paused\":{\"value\":true},\"pauseReason\":{\"value\":\"物业测算未到\"}}");
    assertThat(timeline(caseNo)).contains("MEETING_PAUSED");

    // held again: expert review, rejected once, then the vote
    String withVote = ",\"expertReview\":{\"value\":true},\"residentVote\":{\"value\":true},\"voteType\":{\"value\":\"ELEVATOR_RETROFIT\"},"
        + "\"voteCompound\":{\"value\":\"hualin-yuyuan\"},\"voteQuestion\":{\"value\":\"是否同意1栋加装电梯\"},\"paused\":{\"value\":false}";
    ok(one(pid, "userTask_recordMeeting"), "room.hualin", meeting(withVote, items()));
    ok(one(pid, "userTask_expertReview"), "expert.legal",
        "{\"expertApproved\":{\"value\":\"false\"},\"expertOpinion\":{\"value\":\"缺少低楼层补偿方案\"}}");
    ok(one(pid, "userTask_recordMeeting"), "room.hualin", meeting(withVote, items()));
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
    assertThat(completeTask(paper, "room.hualin", "{\"paperBallots\":{\"type\":\"Json\",\"value\":" + json(twice) + "}}").body())
        .contains("已投票");
    String good = "[{\"token\":\"" + tokens.get(6) + "\",\"choice\":\"YES\"},{\"token\":\"" + tokens.get(7) + "\",\"choice\":\"NO\"},"
        + "{\"token\":\"" + tokens.get(8) + "\",\"choice\":\"YES\"}]";
    ok(paper, "room.hualin", "{\"paperBallots\":{\"type\":\"Json\",\"value\":" + json(good) + "}}");
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
    assertThat(completeTask(decide, "room.hualin", "{\"objectionDecision\":{\"value\":\"CONFIRM\"}}").body()).contains("理由");
    ok(decide, "room.hualin", "{\"objectionDecision\":{\"value\":\"CONFIRM\"},\"decisionReason\":{\"value\":\"已增加低楼层补偿\"}}");

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
    prepare(pi.getId());
    ok(one(pi.getId(), "userTask_recordMeeting"), "room.hualin", meeting(
        ",\"residentVote\":{\"value\":true},\"voteType\":{\"value\":\"RESIDENTS_CONVENTION\"},\"voteQuestion\":{\"value\":\"是否通过修订后的居民公约\"}",
        "[{\"unit\":\"civil-affairs\",\"measure\":\"备案居民公约\",\"deadline\":\"" + LocalDate.now().plusDays(10) + "\"}]"));
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
    // reconvened: the earlier items are withdrawn, the new publicity counts only its own objections
    ok(one(pi.getId(), "userTask_recordMeeting"), "room.hualin", meeting(",\"residentVote\":{\"value\":false}",
        "[{\"unit\":\"civil-affairs\",\"measure\":\"备案居民公约\",\"deadline\":\"" + LocalDate.now().plusDays(10) + "\"}]"));
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

    // 漩涡镇: once a meeting of hualin was held, the next agenda starts with its items
    prepare(red.getId());
    ok(one(red.getId(), "userTask_recordMeeting"), "room.hualin", meeting("", items()));
    ProcessInstance next = runtime.startProcessInstanceByKey("deliberation", java.util.Map.of(
        "title", "楼道堆物清理", "community", "hualin"));
    assertThat(runtime.getVariable(next.getId(), "agendaFollowUp")).asString()
        .contains("小区消防通道被堵").contains("县住建局：审批加装方案").contains("待生效");
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
