package cn.yishi.open311;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.inbound.open311.Open311Configuration;
import cn.yishi.adapter.inbound.open311.Open311Keys;
import cn.yishi.application.Catalogue;
import cn.yishi.application.MachineKeys;
import cn.yishi.domain.directory.Directory;
import cn.yishi.platform.StartupRefusedException;
import cn.yishi.support.InMemoryMachineKeyStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Open311 GeoReport v2 at /open311/v2 over HTTP, on an in-memory H2 database: every endpoint in JSON
 * and XML, every refusal, extensions, paging, and that no personal data is ever answered.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-open311-test;DB_CLOSE_DELAY=-1",
      "spring.config.import=classpath:catalogue.yaml,classpath:open311.yaml",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class Open311ApiTest {
  static final String KEY = "demo-open311-key";
  static final String V2 = "/open311/v2";

  // the personal data every report of this test carries; no answer may contain any of it
  static final String FIRST_NAME = "明远";
  static final String LAST_NAME = "欧阳";
  static final String PHONE = "13912345678";
  static final String EMAIL = "ouyang.mingyuan@example.org";
  static final String ADDRESS = "御苑小区7栋3单元1102室";
  static final String LAT = "28.70123";
  static final String LON = "115.38456";
  static final String DESCRIPTION = "楼下路灯坏了，晚上出行不便（私密描述QZX）";
  static final List<String> PRIVATE = List.of(LAST_NAME + FIRST_NAME, FIRST_NAME, LAST_NAME, PHONE, EMAIL, ADDRESS,
      "7栋3单元", LAT, LON, "QZX");

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired Catalogue catalogue;
  @Autowired Directory directory;

  private final HttpClient http = HttpClient.newHttpClient();

  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      assertThat(contentType).as(body).startsWith("application/json");
      try {
        return new ObjectMapper().readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    Document xml() {
      assertThat(contentType).as(body).startsWith("text/xml");
      assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
      try {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
      } catch (Exception e) {
        throw new AssertionError("not XML: " + body, e);
      }
    }

    String x(String xpath) {
      try {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, xml());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    int count(String xpath) {
      try {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, xml(), XPathConstants.NODESET)).getLength();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    /** The descriptions of a JSON error array, each checked against the specification's shape. */
    List<String> errors(int code) {
      assertThat(status).as(body).isEqualTo(code);
      JsonNode a = json();
      assertThat(a.isArray()).as(body).isTrue();
      assertThat(a).isNotEmpty();
      List<String> out = new ArrayList<>();
      for (JsonNode e : a) {
        assertThat(e.path("code").asInt()).isEqualTo(code);
        assertThat(e.path("description").asText()).matches("(?s).*[\\u4e00-\\u9fa5].*");
        out.add(e.path("description").asText());
      }
      return out;
    }

    /** The descriptions of an XML error list. */
    List<String> xmlErrors(int code) {
      assertThat(status).as(body).isEqualTo(code);
      assertThat(count("/errors/error")).as(body).isPositive();
      assertThat(x("/errors/error[1]/code")).isEqualTo(String.valueOf(code));
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= count("/errors/error"); i++) {
        String d = x("/errors/error[" + i + "]/description");
        assertThat(d).matches("(?s).*[\\u4e00-\\u9fa5].*");
        out.add(d);
      }
      return out;
    }
  }

  // --- HTTP -----------------------------------------------------------------------------------------

  /** Every answer of the API passes through here, and none may contain personal data. */
  private Reply send(HttpRequest.Builder b) throws Exception {
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    Reply reply = new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    assertThat(reply.body()).as("answer of %s", r.uri()).doesNotContain(PRIVATE);
    return reply;
  }

  Reply get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
  }

  Reply post(String path, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A complete report with the reporter's personal data, as an Open311 client sends it. */
  static Map<String, String> report(String serviceCode, String community, String compound) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("api_key", KEY);
    f.put("service_code", serviceCode);
    f.put("jurisdiction_id", community);
    f.put("description", DESCRIPTION);
    f.put("first_name", FIRST_NAME);
    f.put("last_name", LAST_NAME);
    f.put("phone", PHONE);
    f.put("email", EMAIL);
    f.put("address_string", ADDRESS);
    f.put("lat", LAT);
    f.put("long", LON);
    f.put("media_url", "https://img.example.org/open311.jpg");
    f.put("attribute[compound]", compound);
    f.put("attribute[households_affected]", "12");
    return f;
  }

  String create(Map<String, String> form) throws Exception {
    Reply r = post(V2 + "/requests.json", form);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get(0).path("service_request_id").asText();
  }

  /** 前置把关 by the community, accepting the DMN suggestion, through Tasklist's REST call. */
  /** 三级前置把关: a station case of a compound is reviewed by its station (station.hualin), else by the 两委. */
  private String reviewer(Task t, String community) {
    boolean atStation = tasks.getIdentityLinksForTask(t.getId()).stream()
        .anyMatch(l -> l.getGroupId() != null && l.getGroupId().startsWith("station-hualin-"));
    return atStation ? "station.hualin" : "community." + community;
  }

  void review(String caseNo, String community) throws Exception {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("userTask_review").list();
    assertThat(found).as("review task of " + caseNo).hasSize(1);
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/"
            + found.get(0).getId() + "/submit-form"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((reviewer(found.get(0), community) + ":demo").getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{}}"));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
  }

  long cases() {
    return jdbc.sql("select count(*) from yishi_case").query(Long.class).single();
  }

  String status(String caseNo) {
    return jdbc.sql("select status from yishi_case where case_no = ?").param(caseNo).query(String.class).single();
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static List<String> ids(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.path("service_request_id").asText()).toList();
  }

  // --- discovery and services ------------------------------------------------------------------------

  @Test
  void discoveryInJsonAndXml() throws Exception {
    for (String path : List.of("/discovery", "/discovery.json")) {
      Reply r = get(V2 + path);
      assertThat(r.status()).isEqualTo(200);
      JsonNode d = r.json();
      assertThat(d.path("contact").asText()).contains("调度中心");
      assertThat(d.path("key_service").asText()).contains("api_key");
      JsonNode endpoint = d.path("endpoints").get(0);
      assertThat(endpoint.path("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
      assertThat(endpoint.path("url").asText()).endsWith("/open311/v2");
      assertThat(endpoint.path("type").asText()).isEqualTo("test");
      assertThat(endpoint.path("formats").toString()).contains("text/xml", "application/json");
    }
    // the extension decides, not the Accept header
    Reply accept = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + V2 + "/discovery.json"))
        .header("Accept", "application/xml"));
    assertThat(accept.status()).isEqualTo(200);
    assertThat(accept.json().path("endpoints")).hasSize(1);
    Reply xml = get(V2 + "/discovery.xml");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.x("/discovery/endpoints/endpoint/url")).endsWith("/open311/v2");
    assertThat(xml.count("/discovery/endpoints/endpoint/formats/format")).isEqualTo(2);
    assertThat(xml.x("/discovery/contact")).contains("调度中心");
  }

  @Test
  void servicesAreTheCatalogueInJsonAndXmlWithoutAnyLogin() throws Exception {
    Reply json = get(V2 + "/services.json");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.json()).hasSize(catalogue.categories().size());
    JsonNode streetlight = StreamSupport.stream(json.json().spliterator(), false)
        .filter(s -> s.path("service_code").asText().equals("streetlight")).findFirst().orElseThrow();
    assertThat(streetlight.path("service_name").asText()).isEqualTo("路灯照明");
    assertThat(streetlight.path("group").asText()).isEqualTo("公共设施");
    assertThat(streetlight.path("type").asText()).isEqualTo("realtime");
    assertThat(streetlight.path("metadata").asBoolean()).isTrue();
    assertThat(streetlight.path("metadata").isBoolean()).isTrue();
    assertThat(get(V2 + "/services").body()).isEqualTo(json.body());

    Reply xml = get(V2 + "/services.xml?jurisdiction_id=hualin");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.count("/services/service")).isEqualTo(catalogue.categories().size());
    assertThat(xml.x("/services/service[service_code='streetlight']/service_name")).isEqualTo("路灯照明");
    assertThat(xml.x("/services/service[service_code='streetlight']/group")).isEqualTo("公共设施");
    assertThat(xml.x("/services/service[service_code='streetlight']/metadata")).isEqualTo("true");
    assertThat(xml.x("/services/service[service_code='streetlight']/type")).isEqualTo("realtime");

    // the engine's HTTP Basic filter is not in front of /open311: even a wrong login does not matter
    Reply withBadLogin = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + V2 + "/services.json"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("nobody:wrong".getBytes(StandardCharsets.UTF_8))));
    assertThat(withBadLogin.status()).isEqualTo(200);

    assertThat(get(V2 + "/services.json?jurisdiction_id=atlantis").errors(400)).anyMatch(d -> d.contains("atlantis"));
    assertThat(get(V2 + "/services.xml?jurisdiction_id=atlantis").xmlErrors(400)).anyMatch(d -> d.contains("jurisdiction_id"));
    assertThat(get(V2 + "/services.csv").errors(404)).anyMatch(d -> d.contains("格式"));
  }

  @Test
  void aServiceDefinitionListsItsAttributesAndAnUnknownServiceIs404() throws Exception {
    for (String path : List.of("/services/streetlight.json", "/services/streetlight")) {
      Reply r = get(V2 + path);
      assertThat(r.status()).isEqualTo(200);
      JsonNode d = r.json();
      assertThat(d.path("service_code").asText()).isEqualTo("streetlight");
      Map<String, JsonNode> attrs = StreamSupport.stream(d.path("attributes").spliterator(), false)
          .collect(Collectors.toMap(a -> a.path("code").asText(), a -> a));
      assertThat(attrs).containsKeys("community", "compound", "title", "households_affected", "external_id");
      assertThat(attrs.get("households_affected").path("datatype").asText()).isEqualTo("number");
      JsonNode community = attrs.get("community");
      assertThat(community.path("datatype").asText()).isEqualTo("singlevaluelist");
      assertThat(community.path("required").asBoolean()).isTrue();
      assertThat(community.path("variable").asBoolean()).isTrue();
      assertThat(community.path("values")).hasSize(directory.communities().size());
      assertThat(community.path("values").get(0).path("key").asText()).isEqualTo(directory.communities().get(0).code());
      assertThat(community.path("values").get(0).path("name").asText()).isEqualTo(directory.communities().get(0).name());
      attrs.values().forEach(a -> assertThat(a.path("description").asText()).matches(".*[\\u4e00-\\u9fa5].*"));
    }
    Reply xml = get(V2 + "/services/streetlight.xml");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.x("/service_definition/service_code")).isEqualTo("streetlight");
    assertThat(xml.x("/service_definition/attributes/attribute[code='households_affected']/datatype")).isEqualTo("number");
    assertThat(xml.count("/service_definition/attributes/attribute[code='community']/values/value"))
        .isEqualTo(directory.communities().size());
    assertThat(xml.x("/service_definition/attributes/attribute[code='community']/values/value[key='hualin']/name")).isEqualTo("华林社区");

    assertThat(get(V2 + "/services/unicorns.json").errors(404)).anyMatch(d -> d.contains("unicorns"));
    assertThat(get(V2 + "/services/unicorns").errors(404)).isNotEmpty();
    assertThat(get(V2 + "/services/unicorns.xml").xmlErrors(404)).isNotEmpty();
    assertThat(get(V2 + "/services/streetlight.json?jurisdiction_id=atlantis").errors(400)).isNotEmpty();
  }

  // --- creating requests --------------------------------------------------------------------------

  @Test
  void postingNeedsAValidApiKeyAndStoresNothingWithoutOne() throws Exception {
    long before = cases();
    Map<String, String> noKey = report("streetlight", "hualin", "");
    noKey.remove("api_key");
    assertThat(post(V2 + "/requests.json", noKey).errors(403)).anyMatch(d -> d.contains("api_key"));
    assertThat(post(V2 + "/requests", noKey).errors(403)).isNotEmpty();
    assertThat(post(V2 + "/requests.xml", noKey).xmlErrors(403)).anyMatch(d -> d.contains("api_key"));

    Map<String, String> wrongKey = report("streetlight", "hualin", "");
    wrongKey.put("api_key", "demo-open311-kez");
    assertThat(post(V2 + "/requests.json", wrongKey).errors(403)).anyMatch(d -> d.contains("无效"));
    wrongKey.put("api_key", KEY + "x");
    assertThat(post(V2 + "/requests.xml", wrongKey).xmlErrors(403)).anyMatch(d -> d.contains("无效"));
    wrongKey.put("api_key", "");
    assertThat(post(V2 + "/requests.json", wrongKey).errors(403)).isNotEmpty();
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void validationErrorsAre400InTheSpecificationFormatAndStoreNothing() throws Exception {
    long before = cases();
    Map<String, String> bad = report("streetlight", "atlantis", "");
    bad.put("description", "");
    bad.put("phone", "12");
    bad.put("email", "not-an-email");
    bad.put("attribute[title]", "长".repeat(101));
    bad.put("media_url", "ftp://example.org/x.jpg");
    bad.remove("long");
    List<String> errors = post(V2 + "/requests.json", bad).errors(400);
    assertThat(errors).anyMatch(d -> d.startsWith("jurisdiction_id：") && d.contains("atlantis"))
        .anyMatch(d -> d.startsWith("description："))
        .anyMatch(d -> d.startsWith("phone："))
        .anyMatch(d -> d.startsWith("email："))
        .anyMatch(d -> d.startsWith("attribute[title]："))
        .anyMatch(d -> d.startsWith("media_url："))
        .anyMatch(d -> d.startsWith("long："));

    Map<String, String> numbers = report("unicorns", "hualin", "");
    numbers.put("attribute[households_affected]", "twelve");
    numbers.put("lat", "north");
    List<String> parsed = post(V2 + "/requests.xml", numbers).xmlErrors(400);
    assertThat(parsed).anyMatch(d -> d.startsWith("attribute[households_affected]："))
        .anyMatch(d -> d.startsWith("lat："))
        .anyMatch(d -> d.startsWith("service_code：") && d.contains("unicorns"));

    Map<String, String> outOfRange = report("streetlight", "hualin", "");
    outOfRange.put("attribute[households_affected]", "-1");
    outOfRange.put("lat", "95");
    assertThat(post(V2 + "/requests.json", outOfRange).errors(400))
        .anyMatch(d -> d.startsWith("attribute[households_affected]：")).anyMatch(d -> d.startsWith("lat："));

    Map<String, String> mismatch = report("streetlight", "hualin", "");
    mismatch.put("attribute[community]", "shengdian");
    assertThat(post(V2 + "/requests.json", mismatch).errors(400)).anyMatch(d -> d.contains("attribute[community]"));

    Map<String, String> noCommunity = report("streetlight", "hualin", "");
    noCommunity.remove("jurisdiction_id");
    assertThat(post(V2 + "/requests.json", noCommunity).errors(400)).anyMatch(d -> d.startsWith("jurisdiction_id："));

    Map<String, String> noService = report("streetlight", "hualin", "");
    noService.remove("service_code");
    assertThat(post(V2 + "/requests.json", noService).errors(400)).anyMatch(d -> d.startsWith("service_code："));

    Map<String, String> longExternal = report("streetlight", "hualin", "");
    longExternal.put("attribute[external_id]", "x".repeat(200));
    assertThat(post(V2 + "/requests.json", longExternal).errors(400)).anyMatch(d -> d.startsWith("attribute[external_id]："));

    assertThat(cases()).isEqualTo(before);

    Reply tooLarge = post(V2 + "/requests.json", Map.of("api_key", KEY, "description", "x".repeat(70_000)));
    assertThat(tooLarge.errors(413)).isNotEmpty();
    assertThat(cases()).isEqualTo(before);
  }

  @Test
  void aPostIsAnOrdinaryCaseOfTheKeysChannelInJsonAndXml() throws Exception {
    String compound = "";
    Map<String, String> form = report("streetlight", "hualin", compound);
    form.put("attribute[title]", "小区路灯不亮");
    Reply r = post(V2 + "/requests.json", form);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json()).hasSize(1);
    JsonNode created = r.json().get(0);
    String caseNo = created.path("service_request_id").asText();
    assertThat(caseNo).matches("FX-\\d{4}-\\d{6}");
    assertThat(created.path("service_notice").asText()).contains(caseNo).matches(".*[\\u4e00-\\u9fa5].*");
    // no answer names the account behind the key (someone who knows it could try to lock it out)
    assertThat(created.has("account_id")).isFalse();
    assertThat(r.body()).doesNotContain("channel.12345");
    assertThat(created.path("token").asText()).startsWith(caseNo + "-");

    Map<String, Object> row = jdbc.sql("""
            select channel, external_id, category, title, description, community, compound, households_affected,
              status, created_by from yishi_case where case_no = ?""")
        .param(caseNo).query().singleRow();
    assertThat(row.get("CHANNEL")).isEqualTo("HOTLINE_12345");
    assertThat(row.get("EXTERNAL_ID")).isNull();
    assertThat(row.get("CATEGORY")).isEqualTo("streetlight");
    assertThat(row.get("TITLE")).isEqualTo("小区路灯不亮");
    assertThat(row.get("DESCRIPTION")).isEqualTo(DESCRIPTION);
    assertThat(row.get("COMMUNITY")).isEqualTo("hualin");
    assertThat(row.get("COMPOUND")).isNull();
    assertThat(row.get("HOUSEHOLDS_AFFECTED")).isEqualTo(12);
    assertThat(row.get("STATUS")).isEqualTo("REGISTERED");
    assertThat(row.get("CREATED_BY")).isEqualTo("channel.12345");
    // the personal data is kept apart, as for every other channel
    Map<String, Object> reporter = jdbc.sql("""
            select r.name, r.phone, r.email, r.address, r.lat from yishi_reporter r join yishi_case c on c.id = r.case_id
            where c.case_no = ?""").param(caseNo).query().singleRow();
    assertThat(reporter.get("NAME")).isEqualTo(LAST_NAME + FIRST_NAME);
    assertThat(reporter.get("PHONE")).isEqualTo(PHONE);
    assertThat(reporter.get("EMAIL")).isEqualTo(EMAIL);
    assertThat(reporter.get("ADDRESS")).isEqualTo(ADDRESS);
    assertThat(reporter.get("LAT")).isEqualTo(Double.valueOf(LAT));
    assertThat(jdbc.sql("select count(*) from yishi_attachment a join yishi_case c on c.id = a.case_id where c.case_no = ?")
        .param(caseNo).query(Long.class).single()).isOne();
    // the process started and waits for the community's review
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("userTask_review").count()).isOne();

    Map<String, String> other = report("drainage", "shengdian", "");
    other.remove("jurisdiction_id");
    other.put("attribute[community]", "shengdian");
    Reply xml = post(V2 + "/requests.xml", other);
    assertThat(xml.status()).as(xml.body()).isEqualTo(201);
    String second = xml.x("/service_requests/request/service_request_id");
    assertThat(second).matches("FX-\\d{4}-\\d{6}").isNotEqualTo(caseNo);
    assertThat(xml.x("/service_requests/request/service_notice")).contains(second);
    assertThat(xml.count("/service_requests/request/account_id")).isZero();
    assertThat(xml.body()).doesNotContain("channel.12345");
    assertThat(xml.x("/service_requests/request/token")).startsWith(second + "-");
    assertThat(jdbc.sql("select title from yishi_case where case_no = ?").param(second).query(String.class).single())
        .isEqualTo("排水疏通");
    assertThat(jdbc.sql("select community from yishi_case where case_no = ?").param(second).query(String.class).single())
        .isEqualTo("shengdian");
  }

  @Test
  void eachPostIsANewReportUnlessTheSameExternalIdComesAgain() throws Exception {
    String compound = "hualin-binjiang";
    Map<String, String> form = report("parking", "hualin", compound);
    String first = create(form);
    String elsewhere = create(report("parking", "hualin", ""));
    assertThat(elsewhere).isNotEqualTo(first);

    // the same problem at the same compound while the case is open: 附议, no new case
    long before = cases();
    Reply merged = post(V2 + "/requests.json", report("parking", "hualin", compound));
    assertThat(merged.status()).isEqualTo(201);
    assertThat(merged.json().get(0).path("service_request_id").asText()).isEqualTo(first);
    assertThat(merged.json().get(0).path("service_notice").asText()).contains("附议");
    assertThat(cases()).isEqualTo(before);

    // with an external id: the same id from the same key again answers the same case, creating nothing
    Map<String, String> withId = report("ev-charging", "hualin", "");
    String ext = "partner-" + unique();
    withId.put("attribute[external_id]", ext);
    String original = create(withId);
    long afterFirst = cases();
    Reply again = post(V2 + "/requests.json", withId);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get(0).path("service_request_id").asText()).isEqualTo(original);
    assertThat(again.json().get(0).path("service_notice").asText()).contains("未重复登记");
    Reply againXml = post(V2 + "/requests.xml", withId);
    assertThat(againXml.status()).isEqualTo(200);
    assertThat(againXml.x("/service_requests/request/service_request_id")).isEqualTo(original);
    assertThat(cases()).isEqualTo(afterFirst);
    assertThat(jdbc.sql("select external_id from yishi_case where case_no = ?").param(original).query(String.class).single())
        .isEqualTo("open311:channel.12345:" + ext);
  }

  @Test
  void aTokenNamesItsCaseAndCannotBeGuessedFromTheCaseNumber() throws Exception {
    Reply created = post(V2 + "/requests.json", report("greening", "hualin", ""));
    String caseNo = created.json().get(0).path("service_request_id").asText();
    String token = created.json().get(0).path("token").asText();
    assertThat(token).matches("FX-\\d{4}-\\d{6}-[0-9a-f]{32}");

    for (String path : List.of("/tokens/" + token, "/tokens/" + token + ".json")) {
      Reply r = get(V2 + path);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get(0).path("service_request_id").asText()).isEqualTo(caseNo);
      assertThat(r.json().get(0).path("token").asText()).isEqualTo(token);
    }
    Reply xml = get(V2 + "/tokens/" + token + ".xml");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.x("/service_requests/request/service_request_id")).isEqualTo(caseNo);

    assertThat(get(V2 + "/tokens/" + caseNo + ".json").errors(404)).isNotEmpty();
    String tampered = token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0");
    assertThat(get(V2 + "/tokens/" + tampered).errors(404)).isNotEmpty();
    String otherCase = caseNo.substring(0, caseNo.length() - 1) + (caseNo.endsWith("9") ? "8" : "9");
    assertThat(get(V2 + "/tokens/" + otherCase + token.substring(caseNo.length())).errors(404)).isNotEmpty();
    assertThat(get(V2 + "/tokens/" + tampered + ".xml").xmlErrors(404)).isNotEmpty();
  }

  // --- reading requests ---------------------------------------------------------------------------------

  @Test
  void aRequestIsShownAfterReviewWithItsPublicFieldsOnly() throws Exception {
    String compound = "hualin-yuyuan";
    Map<String, String> form = report("drainage", "hualin", compound);
    form.put("attribute[title]", "雨水井堵塞");
    String caseNo = create(form);

    // awaiting review: read back by its number as open, with a neutral note and none of its content; not listed
    for (String path : List.of("/requests/" + caseNo + ".json", "/requests/" + caseNo + ".json?extensions=true",
        "/requests/" + caseNo + ".json?jurisdiction_id=hualin")) {
      Reply pending = get(V2 + path);
      assertThat(pending.status()).as(pending.body()).isEqualTo(200);
      JsonNode req = pending.json().get(0);
      assertThat(req.path("service_request_id").asText()).isEqualTo(caseNo);
      assertThat(req.path("status").asText()).isEqualTo("open");
      assertThat(req.path("description").asText()).isEqualTo("已受理，待审核");
      assertThat(req.path("status_notes").asText()).isEqualTo("已受理，待审核");
      assertThat(pending.body()).doesNotContain("雨水井堵塞", compound, "御苑小区", "drainage");
    }
    Reply pendingXml = get(V2 + "/requests/" + caseNo + ".xml");
    assertThat(pendingXml.status()).isEqualTo(200);
    assertThat(pendingXml.x("/service_requests/request/status")).isEqualTo("open");
    assertThat(pendingXml.x("/service_requests/request/description")).isEqualTo("已受理，待审核");
    assertThat(pendingXml.body()).doesNotContain("雨水井堵塞", compound, "御苑小区");
    assertThat(ids(get(V2 + "/requests.json?service_request_id=" + caseNo).json())).isEmpty();

    review(caseNo, "hualin");
    assertThat(status(caseNo)).isEqualTo("IN_PROGRESS");
    for (String path : List.of("/requests/" + caseNo, "/requests/" + caseNo + ".json",
        "/requests/" + caseNo + ".json?jurisdiction_id=hualin")) {
      Reply r = get(V2 + path);
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json()).hasSize(1);
      JsonNode req = r.json().get(0);
      assertThat(req.path("service_request_id").asText()).isEqualTo(caseNo);
      assertThat(req.path("status").asText()).isEqualTo("open");
      assertThat(req.path("service_code").asText()).isEqualTo("drainage");
      assertThat(req.path("service_name").asText()).isEqualTo("排水疏通");
      assertThat(req.path("description").asText()).isEqualTo("雨水井堵塞");
      assertThat(req.path("agency_responsible").asText()).isEqualTo("县供水公司");
      assertThat(req.path("address").asText()).as("the compound's name").isEqualTo("御苑小区");
      assertThat(req.path("requested_datetime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
      assertThat(req.path("updated_datetime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
      assertThat(req.path("expected_datetime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
      assertThat(OffsetDateTime.parse(req.path("expected_datetime").asText()))
          .isAfter(OffsetDateTime.parse(req.path("requested_datetime").asText()));
      assertThat(req.path("status_notes").asText()).isNotBlank();
      assertThat(req.has("lat")).isFalse();
      assertThat(req.has("long")).isFalse();
      assertThat(req.has("media_url")).isFalse();
      assertThat(req.has("extended_attributes")).isFalse();
      assertThat(req.has("notes")).isFalse();
    }
    Reply xml = get(V2 + "/requests/" + caseNo + ".xml");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.count("/service_requests/request")).isOne();
    assertThat(xml.x("/service_requests/request/service_request_id")).isEqualTo(caseNo);
    assertThat(xml.x("/service_requests/request/status")).isEqualTo("open");
    assertThat(xml.x("/service_requests/request/agency_responsible")).isEqualTo("县供水公司");
    assertThat(xml.x("/service_requests/request/address")).isEqualTo("御苑小区");
    assertThat(xml.count("/service_requests/request/lat")).isZero();

    assertThat(get(V2 + "/requests/" + caseNo + ".json?jurisdiction_id=shengdian").errors(404)).isNotEmpty();
    assertThat(get(V2 + "/requests/" + caseNo + ".json?jurisdiction_id=atlantis").errors(400)).isNotEmpty();
    assertThat(get(V2 + "/requests/" + caseNo + ".json?extensions=maybe").errors(400)).isNotEmpty();
    assertThat(get(V2 + "/requests/FX-1999-000001.json").errors(404)).isNotEmpty();
    assertThat(get(V2 + "/requests/FX-1999-000001.xml").xmlErrors(404)).isNotEmpty();
  }

  @Test
  void theListFiltersByIdStatusServiceJurisdictionAndDates() throws Exception {
    String open = create(report("streetlight", "hualin", ""));
    review(open, "hualin");
    // a dispute between two households is 纯个体纠纷 (五不议: referred to mediation); with 3 or more it is 公共矛盾
    Map<String, String> twoHouseholds = report("neighbour-dispute", "hualin", "");
    twoHouseholds.put("attribute[households_affected]", "2");
    String declined = create(twoHouseholds);
    review(declined, "hualin");
    assertThat(status(declined)).isEqualTo("DECLINED");
    String waiting = create(report("streetlight", "hualin", ""));

    JsonNode both = get(V2 + "/requests.json?service_request_id=" + enc(open + "," + declined + "," + waiting)).json();
    assertThat(ids(both)).containsExactlyInAnyOrder(open, declined);
    JsonNode d = StreamSupport.stream(both.spliterator(), false)
        .filter(n -> n.path("service_request_id").asText().equals(declined)).findFirst().orElseThrow();
    assertThat(d.path("status").asText()).isEqualTo("closed");
    assertThat(d.path("status_notes").asText()).contains("不予受理");
    // repeated parameters are the same as a comma list
    assertThat(ids(get(V2 + "/requests?service_request_id=" + open + "&service_request_id=" + declined).json()))
        .containsExactlyInAnyOrder(open, declined);

    List<String> openOnes = ids(get(V2 + "/requests.json?status=open&jurisdiction_id=hualin").json());
    assertThat(openOnes).contains(open).doesNotContain(declined, waiting);
    List<String> closedOnes = ids(get(V2 + "/requests.json?status=closed").json());
    assertThat(closedOnes).contains(declined).doesNotContain(open, waiting);
    assertThat(ids(get(V2 + "/requests.json?status=open,closed").json())).contains(open, declined).doesNotContain(waiting);
    assertThat(ids(get(V2 + "/requests.json?service_code=neighbour-dispute").json())).contains(declined).doesNotContain(open);
    assertThat(ids(get(V2 + "/requests.json?service_code=streetlight,neighbour-dispute").json())).contains(open, declined);
    assertThat(ids(get(V2 + "/requests.json?jurisdiction_id=shengdian").json())).doesNotContain(open, declined);

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    String iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.minusHours(1));
    assertThat(ids(get(V2 + "/requests.json?start_date=" + enc(iso)).json())).contains(open, declined);
    assertThat(ids(get(V2 + "/requests.json?start_date=" + enc(iso) + "&end_date="
        + enc(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.plusHours(1)))).json())).contains(open, declined);
    // "+08:00" not percent-encoded arrives as " 08:00" and is still understood
    String raw = now.minusDays(1).withNano(0).toLocalDateTime() + "+08:00";
    assertThat(ids(get(V2 + "/requests.json?start_date=" + raw).json())).contains(open);
    assertThat(ids(get(V2 + "/requests.json?start_date=" + now.toLocalDate() + "&end_date=" + now.toLocalDate()).json()))
        .contains(open, declined);
    assertThat(ids(get(V2 + "/requests.json?end_date=" + enc(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.minusDays(2)))).json()))
        .doesNotContain(open, declined);
    assertThat(ids(get(V2 + "/requests.json?start_date=" + enc(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.plusDays(1)))
        + "&end_date=" + enc(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.plusDays(2)))).json())).isEmpty();

    Reply xml = get(V2 + "/requests.xml?status=closed&service_code=neighbour-dispute");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.x("/service_requests/request[service_request_id='" + declined + "']/status")).isEqualTo("closed");
    assertThat(xml.x("count(/service_requests/request[service_request_id='" + open + "'])")).isEqualTo("0");
  }

  @Test
  void theListRefusesBadParametersWith400() throws Exception {
    assertThat(get(V2 + "/requests.json?start_date=yesterday").errors(400)).anyMatch(d -> d.startsWith("start_date："));
    assertThat(get(V2 + "/requests.json?end_date=2026-13-01").errors(400)).anyMatch(d -> d.startsWith("end_date："));
    assertThat(get(V2 + "/requests.json?start_date=2026-01-01T00:00:00").errors(400)).anyMatch(d -> d.startsWith("start_date："));
    assertThat(get(V2 + "/requests.json?start_date=2026-01-01&end_date=2026-06-01").errors(400))
        .anyMatch(d -> d.contains("90天"));
    // dates are whole days: 1 January to 31 March is 90 days, to 1 April 91
    assertThat(get(V2 + "/requests.json?start_date=2026-01-01&end_date=2026-03-31").status()).isEqualTo(200);
    assertThat(get(V2 + "/requests.json?start_date=2026-01-01&end_date=2026-04-01").errors(400)).anyMatch(d -> d.contains("90天"));
    assertThat(get(V2 + "/requests.json?start_date=2020-01-01").errors(400)).anyMatch(d -> d.contains("end_date"));
    assertThat(get(V2 + "/requests.json?start_date=2026-03-01&end_date=2026-02-01").errors(400))
        .anyMatch(d -> d.contains("不能晚于"));
    assertThat(get(V2 + "/requests.json?jurisdiction_id=atlantis").errors(400)).anyMatch(d -> d.contains("atlantis"));
    assertThat(get(V2 + "/requests.json?status=pending").errors(400)).anyMatch(d -> d.startsWith("status："));
    assertThat(get(V2 + "/requests.json?service_code=unicorns").errors(400)).anyMatch(d -> d.contains("unicorns"));
    assertThat(get(V2 + "/requests.json?page_size=201").errors(400)).anyMatch(d -> d.startsWith("page_size："));
    assertThat(get(V2 + "/requests.json?page_size=0").errors(400)).isNotEmpty();
    assertThat(get(V2 + "/requests.json?page=0").errors(400)).anyMatch(d -> d.startsWith("page："));
    assertThat(get(V2 + "/requests.json?page=two").errors(400)).isNotEmpty();
    assertThat(get(V2 + "/requests.json?extensions=yes").errors(400)).anyMatch(d -> d.startsWith("extensions："));
    String ids = java.util.stream.IntStream.rangeClosed(1, 201).mapToObj(i -> "FX-2026-" + i).collect(Collectors.joining(","));
    assertThat(get(V2 + "/requests.json?service_request_id=" + ids).errors(400)).anyMatch(d -> d.startsWith("service_request_id："));
    // every problem at once
    assertThat(get(V2 + "/requests.json?status=x&page=0&jurisdiction_id=atlantis").errors(400)).hasSize(3);
    assertThat(get(V2 + "/requests.xml?start_date=2026-01-01&end_date=2026-12-01&status=x").xmlErrors(400)).hasSize(2);
    assertThat(get(V2 + "/requests.txt").errors(404)).isNotEmpty();
  }

  @Test
  void pagingWalksTheListNewestFirst() throws Exception {
    String tag = unique();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String caseNo = create(report("fitness-equipment", "jiaoyuyuan", ""));
      review(caseNo, "jiaoyuyuan");
      created.add(caseNo);
    }
    List<String> newestFirst = new ArrayList<>(created);
    java.util.Collections.reverse(newestFirst);
    String filter = "service_code=fitness-equipment&jurisdiction_id=jiaoyuyuan";
    assertThat(ids(get(V2 + "/requests.json?" + filter).json())).containsExactlyElementsOf(newestFirst);
    assertThat(ids(get(V2 + "/requests.json?" + filter + "&page_size=2").json())).containsExactlyElementsOf(newestFirst.subList(0, 2));
    assertThat(ids(get(V2 + "/requests.json?" + filter + "&page_size=2&page=2").json())).containsExactlyElementsOf(newestFirst.subList(2, 4));
    assertThat(ids(get(V2 + "/requests.json?" + filter + "&page_size=2&page=3").json())).containsExactlyElementsOf(newestFirst.subList(4, 5));
    assertThat(get(V2 + "/requests.json?" + filter + "&page_size=2&page=4").json()).isEmpty();
    Reply xml = get(V2 + "/requests.xml?" + filter + "&page_size=2&page=2");
    assertThat(xml.count("/service_requests/request")).isEqualTo(2);
    assertThat(xml.x("/service_requests/request[1]/service_request_id")).isEqualTo(newestFirst.get(2));
    Reply emptyXml = get(V2 + "/requests.xml?" + filter + "&page_size=2&page=4");
    assertThat(emptyXml.count("/service_requests")).isOne();
    assertThat(emptyXml.count("/service_requests/request")).isZero();

    String byIds = "service_request_id=" + String.join(",", created) + "&page_size=3";
    assertThat(ids(get(V2 + "/requests.json?" + byIds).json())).containsExactlyElementsOf(newestFirst.subList(0, 3));
    assertThat(ids(get(V2 + "/requests.json?" + byIds + "&page=2").json())).containsExactlyElementsOf(newestFirst.subList(3, 5));
    assertThat(get(V2 + "/requests.json?page_size=200").status()).isEqualTo(200);
  }

  @Test
  void extensionsAddTheExtendedAttributesAndThePublicTimeline() throws Exception {
    Map<String, String> form = report("streetlight", "hualin", "");
    form.put("attribute[title]", "路灯\u0001不亮"); // a character XML cannot carry
    String caseNo = create(form);
    review(caseNo, "hualin");

    JsonNode one = get(V2 + "/requests/" + caseNo + ".json?extensions=true").json().get(0);
    JsonNode ext = one.path("extended_attributes");
    assertThat(ext.path("channel").asText()).isEqualTo("HOTLINE_12345");
    assertThat(ext.path("channel_name").asText()).isEqualTo("12345热线");
    assertThat(ext.path("urgency").asText()).isIn("RED", "YELLOW", "GREEN");
    assertThat(ext.path("urgency_name").asText()).matches(".*[\\u4e00-\\u9fa5].*");
    assertThat(ext.path("tier").asText()).isIn("STATION", "ROOM", "HALL", "COUNTY");
    assertThat(ext.path("disposal").asText()).isIn("IMMEDIATE", "COMMITTED", "DELIBERATED");
    assertThat(ext.path("disposal_name").asText()).matches(".*[\\u4e00-\\u9fa5].*");
    JsonNode notes = one.path("notes");
    assertThat(notes.size()).isGreaterThanOrEqualTo(2);
    assertThat(notes.get(0).path("description").asText()).contains("登记诉求");
    assertThat(notes.get(0).path("datetime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00");
    assertThat(notes.toString()).contains("前置把关：予以受理，");
    assertThat(one.path("status_notes").asText()).isEqualTo(notes.get(notes.size() - 1).path("description").asText());

    JsonNode listed = StreamSupport.stream(get(V2 + "/requests.json?extensions=true&service_request_id=" + caseNo).json().spliterator(), false)
        .findFirst().orElseThrow();
    assertThat(listed.path("extended_attributes")).isEqualTo(ext);
    assertThat(listed.path("notes")).isEqualTo(notes);
    assertThat(get(V2 + "/requests/" + caseNo + ".json?extensions=false").json().get(0).has("extended_attributes")).isFalse();

    Reply xml = get(V2 + "/requests/" + caseNo + ".xml?extensions=true");
    assertThat(one.path("description").asText()).isEqualTo("路灯\u0001不亮");
    assertThat(xml.x("/service_requests/request/description")).isEqualTo("路灯不亮");
    assertThat(xml.x("/service_requests/request/extended_attributes/channel")).isEqualTo("HOTLINE_12345");
    assertThat(xml.x("/service_requests/request/extended_attributes/tier")).isEqualTo(ext.path("tier").asText());
    assertThat(xml.count("/service_requests/request/notes/note")).isEqualTo(notes.size());
    assertThat(xml.x("/service_requests/request/notes/note[1]/description")).contains("登记诉求");
    assertThat(xml.x("/service_requests/request/notes/note[1]/datetime")).isEqualTo(notes.get(0).path("datetime").asText());
    Reply listXml = get(V2 + "/requests.xml?extensions=true&service_request_id=" + caseNo);
    assertThat(listXml.count("/service_requests/request/notes/note")).isEqualTo(notes.size());
  }

  // --- personal data, unknown endpoints, keys ------------------------------------------------------------

  /**
   * Every answer of this class is searched for the reporter's name, phone, e-mail, exact address,
   * coordinates and free-text description (see {@link #send}); this walks every endpoint once more
   * for one report that carries all of them, with and without extensions, in both formats.
   */
  @Test
  void noPersonalDataInAnyAnswer() throws Exception {
    String compound = "hualin-binjiang";
    Map<String, String> form = report("corridor-clutter", "hualin", compound);
    form.put("attribute[community]", "hualin");
    form.put("device_id", "device-" + unique());
    form.put("account_id", "resident-42");
    List<Reply> answers = new ArrayList<>();
    answers.add(post(V2 + "/requests.json", form));
    String caseNo = answers.get(0).json().get(0).path("service_request_id").asText();
    String token = answers.get(0).json().get(0).path("token").asText();
    answers.add(post(V2 + "/requests.xml", form)); // merged into the same case
    review(caseNo, "hualin");
    for (String ext : List.of("json", "xml")) {
      for (String extensions : List.of("false", "true")) {
        answers.add(get(V2 + "/requests/" + caseNo + "." + ext + "?extensions=" + extensions));
        answers.add(get(V2 + "/requests." + ext + "?extensions=" + extensions + "&service_request_id=" + caseNo));
        answers.add(get(V2 + "/requests." + ext + "?extensions=" + extensions + "&jurisdiction_id=hualin&page_size=200"));
      }
      answers.add(get(V2 + "/tokens/" + token + "." + ext));
      answers.add(get(V2 + "/services." + ext));
      answers.add(get(V2 + "/services/corridor-clutter." + ext));
      answers.add(get(V2 + "/discovery." + ext));
    }
    Map<String, String> invalid = new LinkedHashMap<>(form);
    invalid.put("jurisdiction_id", "atlantis");
    answers.add(post(V2 + "/requests.json", invalid));
    answers.add(post(V2 + "/requests.xml", invalid));

    assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 201, 400));
    assertThat(answers.stream().filter(a -> a.body().contains(caseNo))).hasSizeGreaterThanOrEqualTo(12);
    assertThat(answers.stream().filter(a -> a.body().contains("滨江花园"))).isNotEmpty();
    for (Reply a : answers) {
      assertThat(a.body()).doesNotContain(PRIVATE).doesNotContain("resident-42", "device-", "open311.jpg", "img.example.org");
    }
  }

  @Test
  void unknownEndpointsAnswerInTheSpecificationFormat() throws Exception {
    assertThat(get(V2 + "/nothing-here").errors(404)).isNotEmpty();
    assertThat(get(V2 + "/nothing/here.xml").xmlErrors(404)).isNotEmpty();
    assertThat(post(V2 + "/services.json", Map.of("api_key", KEY)).errors(404)).isNotEmpty();
  }

  @Test
  void theDemoKeyOnlyWorksWithTheEmbeddedDatabase() {
    MachineKeys none = new MachineKeys(new InMemoryMachineKeyStore(), user -> true, Clock.systemUTC());
    ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(Open311Configuration.class)
        .withBean(MachineKeys.class, () -> none)
        .withPropertyValues(
            "yishi.open311.keys[0].key=" + KEY,
            "yishi.open311.keys[0].account=channel.12345",
            "yishi.open311.keys[1].key=partner-key-0123456789",
            "yishi.open311.keys[1].account=partner.account",
            "yishi.open311.keys[1].channel=MINI_PROGRAM");
    runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/yishi").run(context -> {
      Open311Keys keys = context.getBean(Open311Keys.class);
      assertThat(keys.find(KEY)).isEmpty();
      assertThat(keys.find("partner-key-0123456789")).hasValueSatisfying(a -> {
        assertThat(a.account()).isEqualTo("partner.account");
        assertThat(a.channel()).hasToString("MINI_PROGRAM");
      });
      assertThat(keys.find("partner-key-012345678")).isEmpty();
      assertThat(keys.find("")).isEmpty();
      assertThat(keys.find(null)).isEmpty();
    });
    runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:demo").run(context -> {
      Open311Keys keys = context.getBean(Open311Keys.class);
      assertThat(keys.find(KEY)).hasValueSatisfying(a -> assertThat(a.channel()).hasToString("HOTLINE_12345"));
    });
    new ApplicationContextRunner().withUserConfiguration(Open311Configuration.class)
        .withBean(MachineKeys.class, () -> none)
        .withPropertyValues("yishi.open311.keys[0].key=short", "yishi.open311.keys[0].account=a")
        .run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(StartupRefusedException.class));
    new ApplicationContextRunner().withUserConfiguration(Open311Configuration.class)
        .withBean(MachineKeys.class, () -> none)
        .withPropertyValues("yishi.open311.keys[0].key=partner-key-0123456789")
        .run(context -> assertThat(context).getFailure().rootCause().isInstanceOf(StartupRefusedException.class));
  }
}
