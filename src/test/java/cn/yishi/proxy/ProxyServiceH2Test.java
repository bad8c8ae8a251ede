package cn.yishi.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.process.proxyservice.ProxyService;
import cn.yishi.support.TestHttp;
import cn.yishi.support.TestHttp.Reply;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 代办 on H2 over HTTP: a resident's request from the phone (JSON and the HTML form), refused when the service is not
 * in the catalogue or the name, phone or consent is missing, with nothing stored; a 代办员's request in Tasklist
 * (engine REST, as Tasklist submits), worked through 材料核对 (refused with a document unticked), 递交与答复 and 办结;
 * the rating through the link, a low one sending it back for rework; the counts per service, street and month.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-proxy-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false",
      "yishi.public-report.max-per-window=1000"
    })
class ProxyServiceH2Test {
  private static final String OFFICER = "proxy.hualin";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired JdbcClient jdbc;

  private TestHttp http;

  @BeforeEach
  void client() {
    http = new TestHttp(port, true);
  }

  private Reply call(String method, String path, String user, String body) throws Exception {
    return http.call(method, path, user, "demo", body);
  }

  private long requests() {
    return jdbc.sql("select count(*) from yishi_proxy_request").query(Long.class).single();
  }

  private long processes() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ProxyService.PROCESS_KEY).count();
  }

  private Task task(String requestNo, String key) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(requestNo).taskDefinitionKey(key).list();
    assertThat(found).as("task %s of %s", key, requestNo).hasSize(1);
    return found.get(0);
  }

  private Reply submit(String requestNo, String key, String user, String variables) throws Exception {
    return call("POST", "/engine-rest/task/" + task(requestNo, key).getId() + "/submit-form", user, "{\"variables\":" + variables + "}");
  }

  private static String token(Reply created) {
    String url = created.json().path("statusUrl").asText();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  private String status(String requestNo) {
    return jdbc.sql("select status from yishi_proxy_request where request_no = ?").param(requestNo).query(String.class).single();
  }

  @Test
  void aPhoneRequestIsStoredWithTheResidentApartAndReachesTheCommunitysProxyOfficers() throws Exception {
    Reply created = call("POST", "/public/proxy", null, """
        {"serviceCode":"social-insurance","community":"hualin","compound":"御苑小区","residentName":"赵桂兰","residentPhone":"13700001111"}""");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String requestNo = created.json().path("requestNo").asText();
    assertThat(requestNo).startsWith("DB");
    assertThat(token(created)).hasSizeGreaterThanOrEqualTo(43);
    Map<String, Object> row = jdbc.sql("""
        select r.service_code, r.street, r.status, r.channel, p.name, p.phone from yishi_proxy_request r
        join yishi_proxy_resident p on p.request_id = r.id where r.request_no = ?""").param(requestNo).query().singleRow();
    assertThat(row.values()).containsExactly("social-insurance", "fengchuan", "REQUESTED", "PHONE", "赵桂兰", "13700001111");
    Task check = task(requestNo, ProxyService.USER_TASK_CHECK);
    assertThat(tasks.getIdentityLinksForTask(check.getId())).anyMatch(l -> "hualin-proxy".equals(l.getGroupId()));
    assertThat(check.getName()).contains("材料核对");
    String variables = runtime.getVariables(check.getProcessInstanceId()).toString();
    assertThat(variables).doesNotContain("赵桂兰", "13700001111");

    Reply page = call("GET", "/public/proxy/" + token(created), null, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.json().path("serviceName").asText()).isEqualTo("社保办理");
    assertThat(page.body()).doesNotContain("赵桂兰", "13700001111");
  }

  @Test
  void anUnknownServiceOrMissingDataIsRefusedInChineseAndNothingIsStored() throws Exception {
    long before = requests();
    long running = processes();

    Reply unknown = call("POST", "/public/proxy", null, """
        {"serviceCode":"passport","community":"hualin","residentName":"赵桂兰","residentPhone":"13700001111"}""");
    Reply missing = call("POST", "/public/proxy.json", null, """
        {"serviceCode":"subsistence-allowance","community":"nowhere","residentName":" ","residentPhone":"12"}""");
    Reply empty = call("POST", "/public/proxy", null, null);

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorFields()).containsExactly("serviceCode");
    assertThat(unknown.json().path("errors").get(0).path("message").asText()).contains("代办事项目录中没有该事项");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorFields()).containsExactlyInAnyOrder("residentName", "residentPhone", "community");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(requests()).isEqualTo(before);
    assertThat(processes()).isEqualTo(running);
  }

  @Test
  void theHtmlFormRefusesWithoutConsentOrWithAnUnknownServiceAndShowsAChinesePage() throws Exception {
    long before = requests();
    HttpResponse<String> noConsent = form("/public/proxy", Map.of("serviceCode", "social-insurance", "community", "hualin",
        "residentName", "赵桂兰", "residentPhone", "13700001111"));
    HttpResponse<String> unknownService = form("/public/proxy", Map.of("serviceCode", "passport", "community", "hualin",
        "residentName", "赵桂兰", "residentPhone", "13700001111", "consent", "true"));

    assertThat(noConsent.statusCode()).isEqualTo(400);
    assertThat(noConsent.body()).contains("请勾选同意");
    assertThat(unknownService.statusCode()).isEqualTo(400);
    assertThat(unknownService.body()).contains("代办事项目录中没有该事项").contains("<html");
    assertThat(requests()).isEqualTo(before);

    HttpResponse<String> ok = form("/public/proxy", Map.of("serviceCode", "property-title", "community", "shengdian",
        "residentName", "孙建国", "residentPhone", "13600002222", "consent", "true"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("代办编号", "/public/proxy/");
    assertThat(requests()).isEqualTo(before + 1);
    HttpResponse<String> unknownLink = get("/public/proxy/no-such-token");
    assertThat(unknownLink.statusCode()).isEqualTo(404);
    assertThat(unknownLink.body()).contains("找不到该代办事项");
  }

  @Test
  void aProxyOfficerWorksARequestInTasklistAndTheResidentsLowRatingSendsItBack() throws Exception {
    Reply started = call("POST", "/engine-rest/process-definition/key/proxyService/submit-form", OFFICER, """
        {"variables":{"serviceCode":{"value":"subsistence-allowance"},"community":{"value":"hualin"},"compound":{"value":"滨江花园"},
         "residentName":{"value":"钱秀芳"},"residentPhone":{"value":"13500003333"}}}""");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String pi = started.json().path("id").asText();
    String requestNo = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
    assertThat(status(requestNo)).isEqualTo("REQUESTED");
    assertThat(jdbc.sql("select p.name from yishi_proxy_resident p join yishi_proxy_request r on r.id = p.request_id where r.request_no = ?")
        .param(requestNo).query(String.class).single()).isEqualTo("钱秀芳");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).list())
        .noneMatch(v -> String.valueOf(v.getValue()).contains("钱秀芳") || String.valueOf(v.getValue()).contains("13500003333"));

    Reply partial = submit(requestNo, ProxyService.USER_TASK_CHECK, OFFICER, """
        {"documentsChecked":{"value":"[\\"申请人居民身份证\\",\\"户口簿\\"]","type":"Json"},"proxyMode":{"value":"FULL"}}""");
    assertThat(partial.status()).isEqualTo(400);
    assertThat(partial.body()).contains("以下办理要件尚未核对齐全", "家庭经济状况核对授权书");
    assertThat(jdbc.sql("select count(*) from yishi_proxy_step s join yishi_proxy_request r on r.id = s.request_id where r.request_no = ?")
        .param(requestNo).query(Long.class).single()).isZero();

    Reply checked = submit(requestNo, ProxyService.USER_TASK_CHECK, OFFICER, """
        {"documentsChecked":{"value":"[\\"申请人居民身份证\\",\\"户口簿\\",\\"家庭经济状况核对授权书\\",\\"家庭收入及财产情况说明\\"]","type":"Json"},
         "proxyMode":{"value":"FULL"}}""");
    assertThat(checked.status()).as(checked.body()).isEqualTo(204);
    assertThat(submit(requestNo, ProxyService.USER_TASK_HAND_OVER, OFFICER, """
        {"handOverDetail":{"value":"全套材料递交镇社会事务办"},"officeAnswer":{"value":"已受理，入户调查"},"moreHandOvers":{"value":false}}""").status()).isEqualTo(204);
    assertThat(submit(requestNo, ProxyService.USER_TASK_CLOSE, OFFICER, """
        {"proxySucceeded":{"value":"true"},"proxyResult":{"value":"低保已批准，下月起发放"}}""").status()).isEqualTo(204);
    assertThat(status(requestNo)).isEqualTo("CLOSED");

    String url = (String) runtime.getVariable(pi, ProxyService.Var.STATUS_URL.name());
    String path = url.substring(url.indexOf("/public/proxy/"));
    assertThat(url).startsWith("http");
    Reply view = call("GET", path, null, null);
    assertThat(view.json().path("ratable").asBoolean()).isTrue();
    assertThat(view.json().path("handOvers").get(0).path("answer").asText()).isEqualTo("已受理，入户调查");
    Reply badRating = call("POST", path, null, "{\"rating\":9}");
    assertThat(badRating.status()).isEqualTo(400);
    assertThat(badRating.errorFields()).containsExactly("rating");

    Reply low = call("POST", path, null, "{\"rating\":2,\"comment\":\"没有告诉我什么时候发放\"}");
    assertThat(low.status()).as(low.body()).isEqualTo(200);
    assertThat(status(requestNo)).isEqualTo("REWORK");
    assertThat(call("POST", path, null, "{\"rating\":5}").status()).as("not ratable during rework").isEqualTo(400);
    assertThat(submit(requestNo, ProxyService.USER_TASK_REWORK, OFFICER, """
        {"reworkNote":{"value":"已电话告知发放时间和方式"}}""").status()).isEqualTo(204);
    assertThat(call("POST", path, null, "{\"rating\":5}").status()).isEqualTo(200);
    assertThat(status(requestNo)).isEqualTo("DONE");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();

    Reply counts = call("GET", "/api/proxy/statistics", "dispatch", null);
    assertThat(counts.status()).as(counts.body()).isEqualTo(200);
    assertThat(counts.json().path("lines").toString()).contains("\"serviceName\":\"低保申请\"", "\"streetName\":\"冯川镇\"");
    assertThat(call("GET", "/api/proxy/statistics", "street.fengchuan", null).status()).isEqualTo(200);
    assertThat(call("GET", "/api/proxy/statistics", "grid.hualin", null).status()).isEqualTo(403);
    assertThat(call("GET", "/api/proxy/statistics?month=2026-13", "dispatch", null).errorFields()).containsExactly("month");
    assertThat(call("GET", "/api/proxy/statistics", null, null).status()).isEqualTo(401);
  }

  @Test
  void anUnknownServiceInTheStartFormIsRefusedAndNothingIsStored() throws Exception {
    long before = requests();
    Reply refused = call("POST", "/engine-rest/process-definition/key/proxyService/submit-form", OFFICER, """
        {"variables":{"serviceCode":{"value":"passport"},"community":{"value":"hualin"},
         "residentName":{"value":"钱秀芳"},"residentPhone":{"value":"13500003333"}}}""");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("代办事项目录中没有该事项");
    assertThat(requests()).isEqualTo(before);
  }

  private HttpResponse<String> form(String path, Map<String, String> fields) throws Exception {
    String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
