package cn.yishi.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.deliberation.DeliberationBodies;
import cn.yishi.support.PostgresSuite;
import cn.yishi.support.PostgresTestDatabase;
import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 议事机构 on PostgreSQL with the production profile: every body seeded once from the configuration (the insert that
 * skips a seeded row and the seed claim are PostgreSQL's own statements here), an edit by the community with its
 * version and audit, a stale edit refused with 409, a refused edit and a user without the role changing nothing.
 */
@PostgresSuite
class BodySettingsPostgresIT {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DeliberationBodies bodies;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry, "yishi_it_body_settings");
    registry.add("yishi.mail.outbox.poll-interval", () -> "PT1H");
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
  }

  private Reply call(String method, String path, String user, String body) throws Exception {
    return new TestHttp(port, true).call(method, path, user, "demo", body);
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }

  private static JsonNode body(Reply r, String key) {
    for (JsonNode b : r.json().path("bodies")) {
      if (key.equals(b.path("key").asText())) {
        return b;
      }
    }
    throw new AssertionError("no body " + key + " in " + r.body());
  }

  @Test
  void seededOnceEditedWithItsVersionAndAStaleEditRefused() throws Exception {
    // seeded once: 8 stations, 4 rooms, the hall of 冯川镇 and the county
    assertThat(count("select count(*) from yishi_body_seed")).isEqualTo(1);
    assertThat(count("select count(*) from yishi_body_settings")).isEqualTo(14);
    assertThat(bodies.seed()).as("a second start (or node) seeds nothing").isZero();
    assertThat(count("select count(*) from yishi_body_settings_change where action = 'SEEDED'")).isEqualTo(14);

    Reply all = call("GET", "/api/bodies", "dispatch", null);
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    assertThat(all.json().path("bodies")).hasSize(14);
    assertThat(body(all, "ROOM:jiaoyuyuan").path("fixedDays").toString()).as("fixed-days of jiaoyuyuan").isEqualTo("[20]");
    assertThat(body(all, "ROOM:tangpu").path("partyModelName").asText()).isEqualTo("农村 4+N");
    assertThat(body(all, "ROOM:hualin").path("partyModelName").asText()).startsWith("五方议事");

    Reply mine = call("GET", "/api/bodies", "community.hualin", null);
    List<String> keys = new ArrayList<>();
    mine.json().path("bodies").forEach(b -> keys.add(b.path("key").asText()));
    assertThat(keys).containsExactly("STATION:hualin-yuyuan", "STATION:hualin-binjiang", "ROOM:hualin");

    Reply edited = call("PUT", "/api/bodies/ROOM:hualin", "community.hualin", """
        {"place":"华林社区二楼议事厅","fixedDays":["5","20"],"partyModel":"URBAN_5N","standingParties":[],"active":true,"version":0}""");
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().path("version").asInt()).isEqualTo(1);
    assertThat(edited.json().path("fixedDaysText").asText()).isEqualTo("每月5日、20日");
    assertThat(jdbc.sql("select fixed_days || '|' || party_model || '|' || standing_parties from yishi_body_settings where body_key = 'ROOM:hualin'")
        .query(String.class).single()).isEqualTo("5,20|URBAN_5N|TWO_COMMITTEES,PARTY_BRANCH,OWNERS_COMMITTEE,PROPERTY,SOCIAL_ORGS");
    assertThat(jdbc.sql("select changed_by from yishi_body_settings_change where body_key = 'ROOM:hualin' and action = 'EDITED'")
        .query(String.class).list()).containsExactly("community.hualin");

    Reply stale = call("PUT", "/api/bodies/ROOM:hualin", "room.hualin", """
        {"place":"旧地点","fixedDays":["9"],"partyModel":"FIVE_PARTIES","version":0}""");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.json().path("errors").get(0).path("message").asText()).contains("已被他人修改");

    Reply refused = call("PUT", "/api/bodies/ROOM:hualin", "community.hualin", """
        {"place":"%s","fixedDays":["32"],"partyModel":"CITY_9N","standingParties":["MAYOR"],"version":1}""".formatted("厅".repeat(101)));
    assertThat(refused.status()).isEqualTo(400);
    List<String> codes = new ArrayList<>();
    refused.json().path("errors").forEach(e -> codes.add(e.path("field").asText() + "/" + e.path("code").asText()));
    assertThat(codes).containsExactly("place/too_long", "fixedDays/out_of_range", "partyModel/unknown", "standingParties/unknown");

    Reply forbidden = call("PUT", "/api/bodies/ROOM:hualin", "grid.hualin", """
        {"fixedDays":["9"],"partyModel":"FIVE_PARTIES","version":1}""");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(call("PUT", "/api/bodies/ROOM:shengdian", "community.hualin", """
        {"fixedDays":["9"],"partyModel":"FIVE_PARTIES","version":0}""").status()).as("another community's room").isEqualTo(403);

    assertThat(jdbc.sql("select version || '|' || fixed_days || '|' || place from yishi_body_settings where body_key = 'ROOM:hualin'")
        .query(String.class).single()).as("nothing changed by the refusals").isEqualTo("1|5,20|华林社区二楼议事厅");
    assertThat(count("select count(*) from yishi_body_settings_change where body_key = 'ROOM:hualin'")).isEqualTo(2);
  }
}
