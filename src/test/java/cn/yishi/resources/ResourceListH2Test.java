package cn.yishi.resources;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.deliberation.ResourceCatalogue;
import cn.yishi.domain.resource.ResourceEntry;
import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 资源清单 over HTTP on H2: seeded once from application.yaml; a community secretary adds, edits and retires an entry of
 * the community (audited); refusals name each field in Chinese and change nothing; staff of other roles get 403; the
 * problem-list matching reads the current entries.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-resource-list-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class ResourceListH2Test {
  private static final String PASSWORD = "demo";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ResourceCatalogue catalogue;

  private Reply call(String method, String path, String user, String body) throws Exception {
    return new TestHttp(port, true).call(method, path, user, user == null ? null : PASSWORD, body);
  }

  private int rows() {
    return jdbc.sql("select count(*) from yishi_resource").query(Integer.class).single();
  }

  private static List<String> codes(Reply r) {
    List<String> out = new ArrayList<>();
    r.json().path("errors").forEach(e -> out.add(e.path("field").asText() + "/" + e.path("code").asText()));
    return out;
  }

  @Test
  void theYamlListIsSeededOnceAndShownToTheDispatchCentre() throws Exception {
    Reply r = call("GET", "/api/resources", "dispatch", null);

    assertThat(r.status()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    r.json().path("entries").forEach(e -> names.add(e.path("name").asText()));
    assertThat(names).contains("县司法局法律顾问", "退休工程师志愿者", "县慈善会社区基金", "社区党群会客室");
    assertThat(jdbc.sql("select count(*) from yishi_resource_seed").query(Integer.class).single()).isEqualTo(1);
    assertThat(r.json().path("kinds").toString()).contains("部门", "人才", "社会资源", "场地");
  }

  @Test
  void aCommunitySecretaryAddsEditsAndRetiresAnEntryWithAnAudit() throws Exception {
    Reply added = call("POST", "/api/resources", "community.hualin", """
        {"kind":"TALENT","name":"华林社区调解员老周","expertise":"邻里纠纷调解","keywords":["噪音、漏水，纠纷"],
         "contact":"13900001111","community":"hualin"}""");
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    JsonNode e = added.json();
    long id = e.path("id").asLong();
    assertThat(e.path("kindName").asText()).isEqualTo("人才");
    assertThat(e.path("scopeName").asText()).isEqualTo("华林社区");
    assertThat(e.path("keywords").toString()).isEqualTo("[\"噪音\",\"漏水\",\"纠纷\"]");
    assertThat(catalogue.serving("hualin")).extracting(ResourceEntry::name).contains("华林社区调解员老周");
    assertThat(catalogue.serving("shengdian")).extracting(ResourceEntry::name).doesNotContain("华林社区调解员老周");

    Reply edited = call("PUT", "/api/resources/" + id, "community.hualin", """
        {"kind":"TALENT","name":"华林社区调解员周师傅","expertise":"邻里纠纷调解","keywords":["噪音","纠纷"],
         "contact":"13900001111","community":"hualin","version":0}""");
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().path("version").asInt()).isEqualTo(1);

    Reply stale = call("PUT", "/api/resources/" + id, "community.hualin", """
        {"kind":"TALENT","name":"旧版本","keywords":["纠纷"],"community":"hualin","version":0}""");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(codes(stale)).containsExactly("version/stale");

    Reply retired = call("POST", "/api/resources/" + id + "/retire", "community.hualin", null);
    assertThat(retired.status()).as(retired.body()).isEqualTo(200);
    assertThat(retired.json().path("active").asBoolean()).isFalse();
    assertThat(call("POST", "/api/resources/" + id + "/retire", "community.hualin", null).status()).isEqualTo(409);
    assertThat(catalogue.serving("hualin")).extracting(ResourceEntry::name).doesNotContain("华林社区调解员周师傅");
    assertThat(jdbc.sql("select name from yishi_resource where id = ?").param(id).query(String.class).single())
        .as("retired, never deleted").isEqualTo("华林社区调解员周师傅");

    Reply changes = call("GET", "/api/resources/" + id + "/changes", "community.hualin", null);
    List<String> audit = new ArrayList<>();
    changes.json().forEach(c -> audit.add(c.path("action").asText() + " " + c.path("changedBy").asText()));
    assertThat(audit).containsExactly("ADDED community.hualin", "EDITED community.hualin", "RETIRED community.hualin");
  }

  @Test
  void anEntryWithoutNameOrKindIsRefusedInChineseAndNothingChanges() throws Exception {
    int before = rows();

    Reply r = call("POST", "/api/resources", "community.hualin", """
        {"kind":"","name":"  ","keywords":["电梯"],"community":"hualin"}""");
    assertThat(r.status()).isEqualTo(400);
    assertThat(codes(r)).containsExactly("kind/required", "name/required");
    assertThat(r.body()).contains("请选择资源类别", "请填写资源名称");

    assertThat(codes(call("POST", "/api/resources", "community.hualin", "{\"kind\":\"ROBOT\",\"name\":\"x\",\"keywords\":[\"y\"],\"community\":\"hualin\"}")))
        .containsExactly("kind/invalid");
    assertThat(codes(call("POST", "/api/resources", "community.hualin", "{\"kind\":\"VENUE\",\"name\":\"x\",\"keywords\":[\"y\"],\"community\":\"shengdian\"}")))
        .containsExactly("community/forbidden");
    assertThat(call("POST", "/api/resources", "community.hualin", "{\"kind\":").status()).isEqualTo(400);
    assertThat(call("POST", "/api/resources", "community.hualin", null).status()).isEqualTo(400);
    assertThat(call("PUT", "/api/resources/abc", "community.hualin", "{}").status()).isEqualTo(400);
    assertThat(call("POST", "/api/resources/987654/retire", "community.hualin", null).status()).isEqualTo(404);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void otherRolesAreRefused() throws Exception {
    int before = rows();
    long county = jdbc.sql("select id from yishi_resource where name = '县司法局法律顾问'").query(Long.class).single();

    Reply grid = call("GET", "/api/resources", "grid.hualin", null);
    assertThat(grid.status()).isEqualTo(403);
    assertThat(grid.body()).contains("只有社区两委、街道工作人员和调度中心可以维护资源清单");
    assertThat(call("POST", "/api/resources", "unit.housing", "{\"kind\":\"VENUE\",\"name\":\"x\",\"keywords\":[\"y\"]}").status())
        .isEqualTo(403);
    assertThat(call("POST", "/api/resources/" + county + "/retire", "community.hualin", null).status())
        .as("a county-wide entry is the dispatch centre's").isEqualTo(403);
    assertThat(call("GET", "/api/resources", null, null).status()).isEqualTo(401);
    Reply street = call("GET", "/api/resources", "street.fengchuan", null);
    assertThat(street.status()).isEqualTo(200);
    assertThat(rows()).isEqualTo(before);
  }
}
