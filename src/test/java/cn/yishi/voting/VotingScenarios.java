package cn.yishi.voting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.ResidentVoteService;
import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * 一户一票 over HTTP on H2: the register maintained by the community's staff (CSV upload with a line-by-line report,
 * nothing stored on refusal), an electorate of one building, the household's phone ballot page with its confirmation
 * step and receipt, used and unknown tokens, the printable ballot sheets for the community's staff only, and the public
 * count (the turnout while open, the totals by headcount and area once counted, never who voted what).
 */
abstract class VotingScenarios {
  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ResidentVoteService votes;

  private TestHttp http;

  @BeforeEach
  void client() {
    http = new TestHttp(port, true);
  }

  private Reply call(String method, String path, String user, String body) throws Exception {
    return http.call(method, path, user, "demo", body);
  }

  private Reply browser(String method, String path, String user, String form) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
        .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded");
    }
    if (user != null) {
      b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }

  private static String upload(String csv) {
    return "{\"csv\":\"" + csv.replace("\n", "\\n") + "\"}";
  }

  private long households(String compound) {
    return jdbc.sql("select count(*) from yishi_household where compound = ?").param(compound).query(Long.class).single();
  }

  private long meeting() {
    var key = new GeneratedKeyHolder();
    jdbc.sql("insert into yishi_meeting (community, title, due_date, created_at) values ('hualin', '表决测试', ?, ?)")
        .param(java.sql.Date.valueOf(LocalDate.now())).param(OffsetDateTime.now()).update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  @Test
  void theCommunitysStaffSeeTheElectoratesOfTheirRegister() throws Exception {
    Reply mine = call("GET", "/api/registers", "room.hualin", null);
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    assertThat(mine.json()).hasSize(1);
    assertThat(mine.json().get(0).path("name").asText()).isEqualTo("华林社区");
    var codes = new java.util.ArrayList<String>();
    mine.json().get(0).path("electorates").forEach(o -> codes.add(o.path("code").asText() + "=" + o.path("label").asText()
        + "/" + o.path("households").asInt()));
    assertThat(codes).contains("hualin-yuyuan=御苑小区全体住户/12", "hualin-yuyuan/1=御苑小区 1栋/6",
        "hualin-yuyuan/1/2=御苑小区 1栋 2单元/3");
    assertThat(codes.toString()).doesNotContain("shengdian");
    Reply unit = call("GET", "/api/registers", "unit.housing", null);
    assertThat(unit.status()).isEqualTo(403);
    assertThat(call("GET", "/api/registers/hualin-yuyuan", "community.shengdian", null).status()).isEqualTo(403);
    assertThat(call("GET", "/api/registers/hualin-yuyuan", "community.hualin", null).json()).hasSize(12);
    assertThat(call("GET", "/api/registers", null, null).status()).isEqualTo(401);
  }

  @Test
  void aRegisterWithADuplicateHouseholdOrAMissingAreaIsRefusedLineByLineAndNothingIsStored() throws Exception {
    long before = households("hualin-binjiang");
    Reply bad = call("POST", "/api/registers", "room.hualin", upload("""
        compound,building,unit,household,area
        hualin-binjiang,A,1,A-101,76.20
        hualin-binjiang,A,1,A-101,80.00
        hualin-binjiang,A,1,A-201,
        hualin-binjiang,A,1,A-301,很大
        shengdian-xinyuan,1,1,1-101,68.00
        nowhere,1,1,1-101,68.00"""));
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.errorFields()).containsExactly("line[3]", "line[4]", "line[5]", "line[6]", "line[7]");
    assertThat(bad.json().path("errors").get(0).path("message").asText()).isEqualTo("第3行：户号 A-101 与第2行重复");
    assertThat(bad.json().path("errors").get(1).path("message").asText()).contains("缺少面积");
    assertThat(bad.json().path("errors").get(3).path("message").asText()).contains("不是", "所在社区的工作人员");
    assertThat(bad.json().path("errors").get(4).path("message").asText()).contains("nowhere", "不存在");
    assertThat(households("hualin-binjiang")).isEqualTo(before);

    assertThat(call("POST", "/api/registers", "room.hualin", "{}").errorFields()).containsExactly("csv");
    assertThat(call("POST", "/api/registers", "room.hualin", "{\"csv\":").status()).isEqualTo(400);
    assertThat(call("POST", "/api/registers", "unit.housing", upload("compound,building,unit,household,area")).status())
        .isEqualTo(403);
  }

  @Test
  void aCorrectionReplacesTheCompoundsRegisterWhileARunningVoteKeepsItsElectorate() throws Exception {
    ResidentVoteService.Opened opened = votes.open(meeting(), "GENERAL", "hualin-binjiang/A", "是否同意增设充电桩");
    assertThat(opened.households()).isEqualTo(3);

    Reply ok = call("POST", "/api/registers", "community.hualin", upload("""
        # 更正：A栋面积复测，新增B-401
        compound,building,unit,household,area
        hualin-binjiang,A,1,A-101,77.00
        hualin-binjiang,A,1,A-201,88.00
        hualin-binjiang,B,1,B-101,76.20
        hualin-binjiang,B,1,B-401,95.40"""));
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("lines")).hasSize(5);
    assertThat(ok.json().path("lines").get(1).path("message").asText()).isEqualTo("滨江花园 A栋1单元 A-101，面积 77.00 平方米");
    assertThat(ok.json().path("compounds").get(0).path("households").asInt()).isEqualTo(4);
    assertThat(households("hualin-binjiang")).isEqualTo(4);
    assertThat(jdbc.sql("select updated_by from yishi_household where household = 'A-101'").query(String.class).single())
        .isEqualTo("community.hualin");
    // the running vote keeps its three ballots and their areas
    assertThat(jdbc.sql("select sum(area) from yishi_ballot where vote_id = ?").param(opened.voteId()).query(BigDecimal.class)
        .single()).isEqualByComparingTo("259.60");
  }

  @Test
  void aHouseholdVotesOnItsPhonePageWithAConfirmationAndGetsAReceipt() throws Exception {
    ResidentVoteService.Opened opened = votes.open(meeting(), "ELEVATOR_RETROFIT", "hualin-yuyuan/1", "是否同意1栋加装电梯");
    assertThat(opened.households()).isEqualTo(6);
    List<String> tokens = votes.sheets(opened.voteId(), List.of("hualin-room")).sheets().stream().map(s -> s.token()).toList();
    String t = tokens.get(0);

    Reply page = browser("GET", "/public/votes/" + t, null, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("是否同意1栋加装电梯", "御苑小区 1栋", "加装电梯", "四分之三以上", "下一步", "已有 <strong>0</strong> 户投票")
        .doesNotContain("1-1-101");

    Reply none = browser("POST", "/public/votes/" + t, null, "choice=");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.body()).contains("请选择同意、不同意或弃权");
    Reply confirm = browser("POST", "/public/votes/" + t, null, "choice=NO");
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.body()).contains("请确认您的选择", "不同意", "确认投票", "name=\"confirmed\"");
    assertThat(jdbc.sql("select count(*) from yishi_ballot where token = ? and choice is not null").param(t).query(Long.class)
        .single()).as("nothing is cast before the confirmation").isZero();

    Reply receipt = browser("POST", "/public/votes/" + t, null, "choice=NO&confirmed=yes");
    assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
    assertThat(receipt.body()).contains("投票回执", "不同意", "回执编号");
    assertThat(jdbc.sql("select choice || '/' || channel from yishi_ballot where token = ?").param(t).query(String.class).single())
        .isEqualTo("NO/ONLINE");

    Reply used = browser("GET", "/public/votes/" + t, null, null);
    assertThat(used.status()).isEqualTo(200);
    assertThat(used.body()).contains("本户已投票").doesNotContain("下一步").doesNotContain("不同意</td>");
    Reply again = browser("POST", "/public/votes/" + t, null, "choice=YES&confirmed=yes");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("本户已投票");
    assertThat(call("POST", "/public/votes/" + t, null, "{\"choice\":\"YES\"}").status()).isEqualTo(409);

    Reply unknown = browser("GET", "/public/votes/not-a-token", null, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("选票无效").doesNotContain("Whitelabel");
    assertThat(browser("POST", "/public/votes/not-a-token", null, "choice=YES&confirmed=yes").status()).isEqualTo(404);
    assertThat(browser("GET", "/public/votes/" + "x".repeat(300), null, null).status()).isEqualTo(404);
    Reply json = call("GET", "/public/votes/not-a-token", null, null);
    assertThat(json.status()).isEqualTo(404);
    assertThat(json.errorFields()).containsExactly("token");

    // JSON clients: the same address; a second household by JSON
    Reply cast = call("POST", "/public/votes/" + tokens.get(1), null, "{\"choice\":\"YES\"}");
    assertThat(cast.status()).as(cast.body()).isEqualTo(200);
    assertThat(cast.json().path("receiptNo").asText()).matches("[0-9A-F]{10}");
    Reply view = call("GET", "/public/votes/" + tokens.get(2), null, null);
    assertThat(view.json().path("state").asText()).isEqualTo("OPEN");
    assertThat(view.json().path("cast").asInt()).isEqualTo(2);
    assertThat(view.json().path("totals")).isEmpty();

    // the community's public page: the turnout while open
    Reply board = browser("GET", "/public/meetings?community=hualin", null, null);
    assertThat(board.body()).contains("公开计票", "是否同意1栋加装电梯", "已有 <strong>2</strong> 户投票");
    Reply counts = call("GET", "/public/votes?community=hualin", null, null);
    assertThat(counts.status()).isEqualTo(200);
    assertThat(call("GET", "/public/votes?community=nowhere", null, null).status()).isEqualTo(404);

    // closed and counted: totals per option by headcount and area, never who voted what
    for (int i = 2; i < 5; i++) {
      votes.castOnline(tokens.get(i), "YES");
    }
    ResidentVoteService.Tally tally = votes.tally(opened.voteId());
    assertThat(tally.outcome()).isEqualTo("PASSED");
    Reply closed = browser("GET", "/public/votes/" + tokens.get(5), null, null);
    assertThat(closed.body()).contains("表决结果：<span>通过</span>", "<td>同意</td>", "<td>4</td>", "<td>不同意</td>");
    Reply result = browser("GET", "/public/meetings?community=hualin", null, null);
    assertThat(result.body()).contains("结果：<strong>通过</strong>").doesNotContain("1-1-101").doesNotContain(tokens.get(0));
    assertThat(browser("POST", "/public/votes/" + tokens.get(5), null, "choice=YES&confirmed=yes").status()).isEqualTo(410);
  }

  @Test
  void theBallotSheetsAreForTheCommunitysStaffOnly() throws Exception {
    ResidentVoteService.Opened opened = votes.open(meeting(), "GENERAL", "hualin-yuyuan/2/1", "是否同意更换单元门禁");
    List<String> tokens = votes.sheets(opened.voteId(), List.of("hualin-room")).sheets().stream().map(s -> s.token()).toList();

    Reply sheets = browser("GET", "/api/votes/" + opened.voteId() + "/sheets", "room.hualin", null);
    assertThat(sheets.status()).as(sheets.body()).isEqualTo(200);
    assertThat(sheets.body()).contains("居民表决选票", "是否同意更换单元门禁", "2-1-101", "2-1-301", "御苑小区 2栋 1单元", "过半数",
        "/public/votes/" + tokens.get(0), "<svg");
    assertThat(sheets.body().split("class=\"sheet\"", -1)).hasSize(4);
    assertThat(browser("GET", "/api/votes/" + opened.voteId() + "/sheets", "community.shengdian", null).status()).isEqualTo(403);
    assertThat(browser("GET", "/api/votes/" + opened.voteId() + "/sheets", "unit.housing", null).status()).isEqualTo(403);
    assertThat(browser("GET", "/api/votes/abc/sheets", "room.hualin", null).status()).isEqualTo(404);
    assertThat(browser("GET", "/api/votes/999999/sheets", "room.hualin", null).status()).isEqualTo(404);
    assertThat(browser("GET", "/api/votes/" + opened.voteId() + "/sheets", null, null).status()).isEqualTo(401);
    // the public count never carries tokens
    assertThat(call("GET", "/public/votes?community=hualin", null, null).body()).doesNotContain(tokens.get(0));
  }
}
