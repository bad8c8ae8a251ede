package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Privacy by role (README, "Privacy by role"): one test per row of the table, on {@code /api/cases/{no}} and on
 * {@code /engine-rest}, with the demo users; and the claim pool (揭榜) offered only to the units that serve the
 * case's community. The whole application on an in-memory H2 database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-privacy-test;DB_CLOSE_DELAY=-1",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=3026",
      "yishi.mail.outbox.poll-interval=PT1H"
    })
class PrivacyH2Test {
  private static final String PHONE = "13800138000";
  private static final String NAME = "李四";
  private static final String ADDRESS = "御苑小区3栋2单元501";
  private static final String INTERNAL = "内部备注：反映人与邻居有纠纷";

  @LocalServerPort int port;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;

  private TestHttp http;

  private Reply call(String method, String path, String user, String body) throws Exception {
    if (http == null) {
      http = new TestHttp(port, false);
    }
    return http.call(method, path, user, "demo", body);
  }

  /** A case of 华林 with the reporter's contact and one internal note, accepted by the station that reviews it: {pi, caseNo}. */
  private String[] hualinCase(String disposal) throws Exception {
    Reply started = call("POST", "/engine-rest/process-definition/key/issueLifecycle/submit-form", "grid.hualin", """
        {"variables":{
          "channel":{"value":"GRID_VISIT"},"category":{"value":"streetlight"},
          "community":{"value":"hualin"},"compound":{"value":"御苑小区"},"title":{"value":"路灯不亮 %s"},
          "description":{"value":"3栋门口路灯已坏一周，晚上出行不便"},
          "householdsAffected":{"value":30,"type":"Long"},
          "reporterName":{"value":"%s"},"reporterPhone":{"value":"%s"},
          "reporterEmail":{"value":"li.si@example.org"},"address":{"value":"%s"}}}"""
        .formatted(UUID.randomUUID(), NAME, PHONE, ADDRESS));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pi = started.json().path("id").asText();
    // 三级前置把关: a streetlight (STATION) at 御苑小区 is reviewed by the compound's station
    String review = onlyTask(pi, "station.hualin");
    String decision = disposal == null ? "{\"admissible\":{\"value\":true}}" : """
        {"admissible":{"value":true},"disposal":{"value":"%s"},"overrideReason":{"value":"需由责任单位承办"}}"""
        .formatted(disposal);
    Reply accepted = call("POST", "/engine-rest/task/" + review + "/submit-form", "station.hualin",
        "{\"variables\":" + decision + "}");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
    String caseNo = history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
    long caseId = jdbc.sql("select id from yishi_case where case_no = ?").param(caseNo).query(Long.class).single();
    jdbc.sql("insert into yishi_case_event (case_id, occurred_at, actor, action, note, public_note) values (?, ?, ?, ?, ?, false)")
        .params(caseId, OffsetDateTime.now(), "community.hualin", "PROGRESS", INTERNAL).update();
    return new String[] {pi, caseNo};
  }

  private String onlyTask(String pi, String user) throws Exception {
    Reply r = call("GET", "/engine-rest/task?processInstanceId=" + pi + "&maxResults=10", user, null);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json()).as("%s sees one task", user).hasSize(1);
    return r.json().get(0).path("id").asText();
  }

  /** Reads everything: the record, the internal notes and the reporter's contact. */
  private void readsEverything(String caseNo, String user) throws Exception {
    Reply r = call("GET", "/api/cases/" + caseNo, user, null);
    assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(200);
    assertThat(r.json().path("reporter").path("phone").asText()).as(user).isEqualTo(PHONE);
    assertThat(r.json().path("reporter").path("name").asText()).isEqualTo(NAME);
    assertThat(r.body()).as(user).contains(INTERNAL);
  }

  /** Reads the record only: no personal data, no internal notes. */
  private void readsTheRecordOnly(String caseNo, String user) throws Exception {
    Reply r = call("GET", "/api/cases/" + caseNo, user, null);
    assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(200);
    JsonNode c = r.json();
    assertThat(c.path("record").path("caseNo").asText()).isEqualTo(caseNo);
    assertThat(c.path("reporter").isNull()).as(user).isTrue();
    assertThat(c.path("position").isNull()).as(user).isTrue();
    assertThat(r.body()).as(user).doesNotContain(PHONE, NAME, ADDRESS, "li.si@example.org", INTERNAL);
  }

  private void readsNothing(String caseNo, String user) throws Exception {
    Reply r = call("GET", "/api/cases/" + caseNo, user, null);
    assertThat(r.status()).as(user + ": " + r.body()).isEqualTo(403);
    assertThat(r.body()).doesNotContain(PHONE, NAME, "路灯");
  }

  /** Camunda's authorizations: no process instance, variable or history of the case for this user. */
  private void engineShowsNothingOf(String pi, String user) throws Exception {
    for (String path : new String[] {
        "/engine-rest/process-instance?processInstanceIds=" + pi + "&maxResults=10",
        "/engine-rest/history/process-instance?processInstanceId=" + pi + "&maxResults=10",
        "/engine-rest/history/variable-instance?processInstanceId=" + pi + "&maxResults=100",
        "/engine-rest/history/detail?processInstanceId=" + pi + "&maxResults=100",
        "/engine-rest/history/activity-instance?processInstanceId=" + pi + "&maxResults=100",
        "/engine-rest/variable-instance?processInstanceIdIn=" + pi + "&maxResults=100"}) {
      Reply r = call("GET", path, user, null);
      assertThat(r.status()).as(user + " " + path + ": " + r.body()).isEqualTo(200);
      assertThat(r.json()).as(user + " " + path).isEmpty();
    }
    assertThat(call("GET", "/engine-rest/process-instance/" + pi + "/variables", user, null).status())
        .as(user).isIn(403, 404);
    assertThat(call("GET", "/engine-rest/history/process-instance/" + pi, user, null).status()).as(user).isIn(403, 404);
  }

  /**
   * A candidate of the case's current task reads that task's listed facts (task-local variables, no personal data),
   * and nothing of the process instance or its history.
   */
  private void engineShowsOnlyTheTaskFactsOf(String pi, String user) throws Exception {
    for (String path : new String[] {
        "/engine-rest/process-instance?processInstanceIds=" + pi + "&maxResults=10",
        "/engine-rest/history/process-instance?processInstanceId=" + pi + "&maxResults=10",
        "/engine-rest/history/variable-instance?processInstanceId=" + pi + "&maxResults=100",
        "/engine-rest/history/detail?processInstanceId=" + pi + "&maxResults=100"}) {
      Reply r = call("GET", path, user, null);
      assertThat(r.status()).as(user + " " + path + ": " + r.body()).isEqualTo(200);
      assertThat(r.json()).as(user + " " + path).isEmpty();
    }
    Reply vars = call("GET", "/engine-rest/variable-instance?processInstanceIdIn=" + pi + "&maxResults=100", user, null);
    assertThat(vars.status()).isEqualTo(200);
    assertThat(vars.json()).isNotEmpty().allSatisfy(v -> assertThat(v.path("taskId").isTextual()).as(v.toString()).isTrue());
    assertThat(vars.body()).doesNotContain(PHONE, NAME, ADDRESS, "li.si@example.org", INTERNAL);
    assertThat(call("GET", "/engine-rest/process-instance/" + pi + "/variables", user, null).status()).isIn(403, 404);
  }

  @Test
  void theDispatchCentreReadsEveryPartAndTheEngineNeverHoldsTheReportersData() throws Exception {
    String[] c = hualinCase(null);
    readsEverything(c[1], "dispatch");
    for (String path : new String[] {
        "/engine-rest/history/variable-instance?processInstanceId=" + c[0] + "&maxResults=500",
        "/engine-rest/history/detail?processInstanceId=" + c[0] + "&maxResults=500",
        "/engine-rest/variable-instance?processInstanceIdIn=" + c[0] + "&maxResults=500"}) {
      Reply r = call("GET", path, "dispatch", null);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json()).as("the dispatch centre reads the history").isNotEmpty();
      assertThat(r.body()).doesNotContain(PHONE, NAME, ADDRESS, "li.si@example.org");
    }
  }

  @Test
  void theStreetReadsEveryPartOfItsCommunitiesCases() throws Exception {
    String[] c = hualinCase(null);
    readsEverything(c[1], "street.fengchuan");
    engineShowsNothingOf(c[0], "street.fengchuan");
  }

  @Test
  void theCommunitysReviewersAndGridWorkerReadEveryPartOfItsCasesOnly() throws Exception {
    String[] c = hualinCase(null);
    readsEverything(c[1], "community.hualin");
    readsEverything(c[1], "grid.hualin");
    engineShowsNothingOf(c[0], "community.hualin");
    engineShowsNothingOf(c[0], "grid.hualin");
  }

  @Test
  void anotherCommunitysStaffReadNothing() throws Exception {
    String[] c = hualinCase(null);
    for (String user : new String[] {"community.shengdian", "grid.shengdian", "grid.jiaoyuyuan"}) {
      readsNothing(c[1], user);
      engineShowsNothingOf(c[0], user);
    }
  }

  @Test
  void theRoomReadsTheRecordAndNotesButNotTheContactWhileTheStationHandles() throws Exception {
    String[] c = hualinCase(null);
    assertThat(jdbc.sql("select tier from yishi_case where case_no = ?").param(c[1]).query(String.class).single())
        .as("a streetlight case starts at the station").isEqualTo("STATION");
    readsEverything(c[1], "station.hualin");
    Reply room = call("GET", "/api/cases/" + c[1], "room.hualin", null);
    assertThat(room.status()).isEqualTo(200);
    assertThat(room.body()).contains(INTERNAL).doesNotContain(PHONE, NAME, ADDRESS);
    engineShowsNothingOf(c[0], "room.hualin");
  }

  @Test
  void ownersAndResidentRepresentativesReadTheRecordWithoutPersonalData() throws Exception {
    String[] c = hualinCase(null);
    for (String user : new String[] {"owners.hualin", "residents.hualin"}) {
      readsTheRecordOnly(c[1], user);
      engineShowsNothingOf(c[0], user);
    }
  }

  @Test
  void expertsReadOnlyTheRecordOfTheCasesPutToThem() throws Exception {
    String[] c = hualinCase(null);
    readsNothing(c[1], "expert.legal");
    long caseId = jdbc.sql("select id from yishi_case where case_no = ?").param(c[1]).query(Long.class).single();
    // what MeetingRecords.putToExperts writes when a meeting puts its plan to the experts
    jdbc.sql("insert into yishi_case_event (case_id, occurred_at, actor, action, note, public_note) values (?, ?, ?, ?, ?, true)")
        .params(caseId, OffsetDateTime.now(), "room.hualin", "EXPERT_REVIEW_REQUESTED", "议事会决定提请评审团审查方案").update();
    readsTheRecordOnly(c[1], "expert.legal");
    engineShowsNothingOf(c[0], "expert.legal");
  }

  @Test
  void theClaimPoolIsOfferedOnlyToTheUnitsServingTheCommunityAndTheClaimantReadsTheContact() throws Exception {
    String[] c = hualinCase("COMMITTED");
    String dispatchTask = onlyTask(c[0], "dispatch");
    Reply pooled = call("POST", "/engine-rest/task/" + dispatchTask + "/submit-form", "dispatch",
        "{\"variables\":{\"assignMode\":{\"value\":\"POOL\"}}}");
    assertThat(pooled.status()).as(pooled.body()).isEqualTo(204);

    // another community's property company neither sees nor claims the task
    Reply foreign = call("GET", "/engine-rest/task?processInstanceId=" + c[0] + "&maxResults=10", "unit.property-shengdian", null);
    assertThat(foreign.json()).isEmpty();
    String claim = onlyTask(c[0], "unit.property-hualin");
    assertThat(onlyTask(c[0], "unit.housing")).as("a county department serves every community").isEqualTo(claim);
    assertThat(call("GET", "/engine-rest/task/" + claim, "unit.property-shengdian", null).status()).isIn(403, 404);
    assertThat(call("POST", "/engine-rest/task/" + claim + "/claim", "unit.property-shengdian", "{\"userId\":\"unit.property-shengdian\"}")
        .status()).isIn(403, 404);
    Reply foreignSubmit = call("POST", "/engine-rest/task/" + claim + "/submit-form", "unit.property-shengdian",
        "{\"variables\":{\"responsibleUnit\":{\"value\":\"property-shengdian\"}}}");
    assertThat(foreignSubmit.status()).isIn(403, 404);
    readsNothing(c[1], "unit.property-shengdian");
    readsNothing(c[1], "unit.property-hualin");

    Reply claimed = call("POST", "/engine-rest/task/" + claim + "/submit-form", "unit.property-hualin",
        "{\"variables\":{\"responsibleUnit\":{\"value\":\"property-hualin\"}}}");
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
    readsEverything(c[1], "unit.property-hualin");
    readsNothing(c[1], "unit.housing");
    engineShowsOnlyTheTaskFactsOf(c[0], "unit.property-hualin");
  }

  @Test
  void aCoUnitReadsTheCaseItCoHandlesAndAnotherUnitNothing() throws Exception {
    String[] c = hualinCase("COMMITTED");
    readsNothing(c[1], "unit.property-hualin");
    Reply dispatched = call("POST", "/engine-rest/task/" + onlyTask(c[0], "dispatch") + "/submit-form", "dispatch", """
        {"variables":{"assignMode":{"value":"ASSIGN"},"responsibleUnit":{"value":"housing"},
          "coUnits":{"value":"[\\"property-hualin\\"]","type":"Json"}}}""");
    assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(204);

    readsEverything(c[1], "unit.housing");
    readsEverything(c[1], "unit.property-hualin");
    readsNothing(c[1], "unit.property-shengdian");
    onlyTask(c[0], "unit.property-hualin");
    engineShowsOnlyTheTaskFactsOf(c[0], "unit.property-hualin");
    engineShowsNothingOf(c[0], "unit.property-shengdian");
  }
}
