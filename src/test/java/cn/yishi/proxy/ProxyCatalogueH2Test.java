package cn.yishi.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 代办事项清单 over HTTP on H2: seeded once from proxy-services.yaml, the dispatch centre adds, edits and retires
 * services, every change logged; street staff read and are refused changes, a unit reads nothing; refusals name each
 * field; a stale edit 409; the phone page's catalogue and Tasklist's start form list the active services at once.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-proxy-catalogue-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class ProxyCatalogueH2Test {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Reply call(String method, String path, String user, String body) throws Exception {
    return new TestHttp(port, true).call(method, path, user, "demo", body);
  }

  private String startForm() throws Exception {
    return call("GET", "/engine-rest/process-definition/key/proxyService/deployed-start-form", "proxy.hualin", null).body();
  }

  @Test
  void theDispatchCentreMaintainsTheListAndTheStartFormAndPhonePageFollow() throws Exception {
    assertThat(jdbc.sql("select count(*) from yishi_proxy_service").query(Integer.class).single()).isEqualTo(6);
    assertThat(jdbc.sql("select count(*) from yishi_proxy_service_seed").query(Integer.class).single()).isEqualTo(1);
    Reply list = call("GET", "/api/proxy/services", "street.fengchuan", null);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().path("maintains").asBoolean()).isFalse();
    assertThat(list.json().path("offices").toString()).contains("县不动产登记中心", "县住建局");
    assertThat(startForm()).contains("低保申请").doesNotContain("独生子女奖励扶助");

    Reply refused = call("POST", "/api/proxy/services", "dispatch",
        "{\"code\":\"Bad Code\",\"name\":\"\",\"office\":\"火星办\",\"timeLimitDays\":61,\"documents\":[],\"steps\":[\"递交\"]}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorFields()).containsExactly("code", "name", "office", "timeLimitDays", "documents");
    assertThat(refused.body()).contains("办理时限应在1到60个工作日之间");
    assertThat(call("POST", "/api/proxy/services", "street.fengchuan", "{}").status()).isEqualTo(403);
    assertThat(call("GET", "/api/proxy/services", "unit.housing", null).status()).isEqualTo(403);

    String body = """
        {"code":"one-child-award","name":"独生子女奖励扶助","office":"乡镇（街道）社会事务办","timeLimitDays":20,
         "documents":["居民身份证\\n户口簿\\n独生子女父母光荣证"],"steps":["代办员核对材料","递交乡镇审核"]}""";
    Reply added = call("POST", "/api/proxy/services", "dispatch", body);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().path("documents").size()).isEqualTo(3);
    assertThat(startForm()).contains("独生子女奖励扶助");
    assertThat(call("GET", "/public/proxy.json", null, null).body()).contains("独生子女奖励扶助");

    Reply edited = call("PUT", "/api/proxy/services/one-child-award", "dispatch", body.replace("\"timeLimitDays\":20",
        "\"timeLimitDays\":15,\"version\":0"));
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().path("version").asInt()).isEqualTo(1);
    assertThat(call("PUT", "/api/proxy/services/one-child-award", "dispatch", body.replace("\"timeLimitDays\":20",
        "\"timeLimitDays\":10,\"version\":0")).status()).isEqualTo(409);

    assertThat(call("POST", "/api/proxy/services/one-child-award/retire", "dispatch", null).status()).isEqualTo(200);
    assertThat(call("POST", "/api/proxy/services/one-child-award/retire", "dispatch", null).status()).isEqualTo(409);
    assertThat(call("POST", "/api/proxy/services/nothing/retire", "dispatch", null).status()).isEqualTo(404);
    assertThat(startForm()).doesNotContain("独生子女奖励扶助");
    assertThat(call("GET", "/public/proxy.json", null, null).body()).doesNotContain("独生子女奖励扶助");
    Reply changes = call("GET", "/api/proxy/services/one-child-award/changes", "street.fengchuan", null);
    assertThat(changes.json().findValuesAsText("action")).containsExactly("ADDED", "EDITED", "RETIRED");
    assertThat(changes.json().findValuesAsText("changedBy")).containsOnly("dispatch");

    Reply office = call("POST", "/api/proxy/services/offices", "dispatch", "{\"name\":\"县医疗保障局\"}");
    assertThat(office.status()).isEqualTo(201);
    assertThat(office.json().path("offices").toString()).contains("县医疗保障局");
    assertThat(call("POST", "/api/proxy/services/offices", "dispatch", "{\"name\":\"县医疗保障局\"}").errorFields())
        .containsExactly("office");
  }
}
