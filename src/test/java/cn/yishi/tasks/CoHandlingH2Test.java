package cn.yishi.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.TestHttp;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 组团 (co-handling) on H2, through the REST calls Tasklist makes with the demo users: the dispatch centre names a
 * lead (县住建局) and a co-unit (华林社区物业); bad choices are refused with nothing stored; the co-unit sees its own
 * 协办 task (nobody else's unit does), writes progress notes on it, reads the case, and reports its result; the lead
 * is refused the joint result until then, sees the co-unit's result in its task, and resolves the case.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-co-handling-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class CoHandlingH2Test {
  private static final String LEAD = "unit.housing";
  private static final String CO_UNIT = "unit.property-hualin";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;

  private TestHttp http;

  @BeforeEach
  void client() {
    http = new TestHttp(port, true);
  }

  private Reply call(String method, String path, String user, String body) throws Exception {
    return http.call(method, path, user, "demo", body);
  }

  /** A 华林 case, accepted by the community as 承诺件 without a unit: it waits for 派单. */
  private String caseAwaitingDispatch() throws Exception {
    String body = """
        {"channel":"HOTLINE_12345", "category":"corridor-clutter", "title":"楼道堆物堵塞消防通道", "description":"居民反映：楼道堆物，电动车停放占用消防通道。",
         "community":"hualin", "location":{"address":"御苑小区3栋2单元501 %s"},
         "reporter":{"name":"钱多多","phone":"13900007777"}}""".formatted(UUID.randomUUID().toString().substring(0, 8));
    Reply created = call("POST", "/api/cases", "channel.12345", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String caseNo = created.json().path("caseNo").asText();
    submit(task(caseNo, "userTask_review").getId(), "community.hualin", """
        {"admissible":{"value":true},"disposal":{"value":"COMMITTED"},"overrideReason":{"value":"需县住建局牵头、物业配合"}}""");
    task(caseNo, "userTask_dispatch");
    return caseNo;
  }

  private Task task(String caseNo, String key) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).list();
    assertThat(found).as("task %s of %s", key, caseNo).hasSize(1);
    return found.get(0);
  }

  private Reply submitReply(String taskId, String user, String variables) throws Exception {
    return call("POST", "/engine-rest/task/" + taskId + "/submit-form", user, "{\"variables\":" + variables + "}");
  }

  private void submit(String taskId, String user, String variables) throws Exception {
    Reply r = submitReply(taskId, user, variables);
    assertThat(r.status()).as(r.body()).isEqualTo(204);
  }

  /** 派单 as Tasklist submits it: the taglist as a Json variable. */
  private static String dispatch(String lead, String coUnitsJson) {
    return """
        {"assignMode":{"value":"ASSIGN"},"responsibleUnit":{"value":"%s"},"coUnits":{"value":"%s","type":"Json"}}"""
        .formatted(lead, coUnitsJson.replace("\"", "\\\""));
  }

  private long coUnitRows(String caseNo) {
    return jdbc.sql("select count(*) from yishi_case_co_unit u join yishi_case c on c.id = u.case_id where c.case_no = ?")
        .param(caseNo).query(Long.class).single();
  }

  private List<String> timeline(String caseNo, String action) {
    return jdbc.sql("select e.note from yishi_case_event e join yishi_case c on c.id = e.case_id where c.case_no = ? and e.action = ? order by e.id")
        .param(caseNo).param(action).query(String.class).list();
  }

  private static void refusedInTasklist(Reply r, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("message").asText()).contains(message);
  }

  @Test
  void aLeadAndACoUnitHandleTheCaseTogether() throws Exception {
    String caseNo = caseAwaitingDispatch();
    String dispatchTask = task(caseNo, "userTask_dispatch").getId();

    refusedInTasklist(submitReply(dispatchTask, "dispatch", dispatch("housing", "[\"housing\"]")), "主办单位不能同时是协办单位：县住建局");
    refusedInTasklist(submitReply(dispatchTask, "dispatch", dispatch("housing", "[\"nosuch\"]")), "未知的协办单位：nosuch");
    assertThat(coUnitRows(caseNo)).as("nothing stored").isZero();
    assertThat(timeline(caseNo, "ASSIGNED")).as("the dispatch rolled back too").isEmpty();
    assertThat(task(caseNo, "userTask_dispatch").getId()).isEqualTo(dispatchTask);

    submit(dispatchTask, "dispatch", dispatch("housing", "[\"property-hualin\"]"));

    assertThat(timeline(caseNo, "CO_UNITS_ASSIGNED")).containsExactly("主办单位：县住建局；协办单位：华林社区物业服务公司");
    String leadTask = task(caseNo, "userTask_handle").getId();
    String coTask = task(caseNo, "userTask_coHandle").getId();

    // each unit sees its own task in Tasklist, another unit sees neither
    Reply coList = call("GET", "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + caseNo, CO_UNIT, null);
    assertThat(coList.json().findValuesAsText("id")).containsExactly(coTask);
    assertThat(coList.json().get(0).path("name").asText()).startsWith("协办 " + caseNo);
    Reply leadList = call("GET", "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + caseNo, LEAD, null);
    assertThat(leadList.json().findValuesAsText("id")).containsExactly(leadTask);
    assertThat(call("GET", "/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + caseNo, "unit.property-shengdian", null).json())
        .isEmpty();

    // the co-unit reads the case it co-handles; another unit does not
    assertThat(call("GET", "/api/cases/" + caseNo, CO_UNIT, null).status()).isEqualTo(200);
    assertThat(call("GET", "/api/cases/" + caseNo, "unit.property-shengdian", null).status()).isEqualTo(403);

    // progress notes on the co-unit's task (the Tasklist tab 进展与回访), only by the co-unit
    Reply panels = call("GET", "/api/tasks/" + coTask + "/panels", CO_UNIT, null);
    assertThat(panels.json().path("progress").asBoolean()).as(panels.body()).isTrue();
    assertThat(call("POST", "/api/tasks/" + coTask + "/progress", CO_UNIT, "{\"note\":\"物业已张贴清理通知\"}").status()).isEqualTo(201);
    assertThat(call("POST", "/api/tasks/" + coTask + "/progress", LEAD, "{\"note\":\"我来写\"}").status()).isEqualTo(403);
    assertThat(timeline(caseNo, "PROGRESS")).contains("物业已张贴清理通知");

    // the lead cannot report the joint result while the co-unit works
    refusedInTasklist(submitReply(leadTask, LEAD, "{\"outcome\":{\"value\":\"RESOLVED\"},\"resultNote\":{\"value\":\"已联合清理\"}}"),
        "协办单位尚未全部办结（华林社区物业服务公司）");
    assertThat(task(caseNo, "userTask_handle").getId()).isEqualTo(leadTask);
    assertThat(timeline(caseNo, "RESOLVED")).isEmpty();
    Reply before = call("GET", "/engine-rest/task/" + leadTask + "/form-variables?variableNames=coHandlingSummary", LEAD, null);
    assertThat(before.json().path("coHandlingSummary").path("value").asText()).isEqualTo("华林社区物业服务公司：协办中");

    // the co-unit reports its result: not empty, not by another unit
    refusedInTasklist(submitReply(coTask, CO_UNIT, "{\"coHandlingResult\":{\"value\":\"  \"}}"), "请填写协办结果");
    assertThat(submitReply(coTask, LEAD, "{\"coHandlingResult\":{\"value\":\"代为报告\"}}").status()).as("another unit may not complete the co-unit's task").isEqualTo(403);
    submit(coTask, CO_UNIT, "{\"coHandlingResult\":{\"value\":\"物业已清理楼道堆物并设置电动车停放点\"}}");

    assertThat(jdbc.sql("select u.status from yishi_case_co_unit u join yishi_case c on c.id = u.case_id where c.case_no = ?")
        .param(caseNo).query(String.class).single()).isEqualTo("FINISHED");
    assertThat(timeline(caseNo, "CO_HANDLED")).containsExactly("华林社区物业服务公司：物业已清理楼道堆物并设置电动车停放点");
    Reply after = call("GET", "/engine-rest/task/" + leadTask + "/form-variables?variableNames=coHandlingSummary", LEAD, null);
    assertThat(after.json().path("coHandlingSummary").path("value").asText())
        .isEqualTo("华林社区物业服务公司：已办结。物业已清理楼道堆物并设置电动车停放点");

    submit(leadTask, LEAD, "{\"outcome\":{\"value\":\"RESOLVED\"},\"resultNote\":{\"value\":\"住建局牵头、物业配合，楼道已清理\"}}");

    assertThat(jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single())
        .isEqualTo("RESOLVED");
    task(caseNo, "userTask_reviewResult");
  }

  @Test
  void coUnitsCannotBeNamedForTheClaimPool() throws Exception {
    String caseNo = caseAwaitingDispatch();
    Reply r = submitReply(task(caseNo, "userTask_dispatch").getId(), "dispatch",
        "{\"assignMode\":{\"value\":\"POOL\"},\"coUnits\":{\"value\":\"[\\\"property-hualin\\\"]\",\"type\":\"Json\"}}");
    refusedInTasklist(r, "揭榜（发布至项目池）时不能选择协办单位");
    assertThat(coUnitRows(caseNo)).isZero();
    assertThat(timeline(caseNo, "PUBLISHED_TO_POOL")).isEmpty();
  }
}
