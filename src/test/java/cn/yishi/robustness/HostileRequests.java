package cn.yishi.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated hostile requests over every endpoint: real and random methods, paths with unknown ids and characters a
 * database cannot store, all sorts of {@code Accept} and {@code Content-Type}, bodies with duplicate keys, deep
 * nesting, NUL and lone surrogates, wrong types, huge sizes, bad credentials. The same seed gives the same requests.
 */
final class HostileRequests {
  /** One request as sent; {@code chunked} sends the body without a length. */
  record Request(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) {
    String describe() {
      String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8)
          .replace("\u0000", "\\0");
      return method + " " + path + " " + headers + (body == null ? "" : " body[" + body.length + (chunked ? ", chunked" : "")
          + "]: " + text);
    }
  }

  /** What exists in the application under test: a case, a task, a filter, a process instance. */
  record Known(String caseNo, String taskId, String filterId, String processInstanceId) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** Placeholder replaced by a JSON escape after rendering (a writer would not emit a lone surrogate). */
  private static final String SURROGATE = "@@SURROGATE@@";

  static final List<String> ACCEPTS = java.util.Arrays.asList(null, "*/*", "application/json", "text/html",
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/xml", "text/plain", "image/png",
      "application/*", "text/*", "application/json;q=0", "garbage;;q=x", "application/hal+json", "text/html;q=0.1,*/*;q=0.2",
      "application/atom+xml", "text/csv, image/*");
  static final List<String> CONTENT_TYPES = java.util.Arrays.asList(null, "application/json", "application/json;charset=UTF-8",
      "application/*", "*/*", "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
      "multipart/form-data; boundary=xyz", "garbage", "application/json; charset=latin1", "application/json; charset=UTF-16",
      "application/json;charset=nonsense", "text/*", "application/hal+json", "application/json;q=0.5");
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

  private final Random random;
  private final Known known;
  private int serial;

  HostileRequests(long seed, Known known) {
    this.random = new Random(seed);
    this.known = known;
  }

  private interface Template {
    Request make(HostileRequests g);
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  // --- ids, queries, credentials --------------------------------------------------------------------------------

  private String id(String real) {
    return switch (random.nextInt(12)) {
      case 0 -> "%00";
      case 1 -> "x%ED%A0%80";
      case 2 -> "a".repeat(300);
      case 3 -> "..%2F..";
      case 4 -> "%25";
      case 5 -> "%E5%8A%9E%E4%BB%B6";
      case 6 -> "nope";
      case 7 -> "-1";
      case 8 -> "99999999999999999999";
      default -> real == null ? "nope" : real;
    };
  }

  private String query(String valid) {
    String q = valid == null ? "" : valid;
    switch (random.nextInt(10)) {
      case 0 -> q += (q.isEmpty() ? "" : "&") + "community=a%00b";
      case 1 -> q += (q.isEmpty() ? "" : "&") + "name=%ED%A0%80&maxResults=%00";
      case 2 -> q += (q.isEmpty() ? "" : "&") + "maxResults=-1&firstResult=99999999999";
      case 3 -> q += (q.isEmpty() ? "" : "&") + "months=abc&limit=2.5&month=2026-13";
      case 4 -> q += (q.isEmpty() ? "" : "&") + "x=%25zz&status=OPEN&status=CLOSED";
      case 5 -> q += (q.isEmpty() ? "" : "&") + "nameLike=" + "%41".repeat(2000);
      default -> { }
    }
    return q.isEmpty() ? "" : "?" + q;
  }

  private String authorization() {
    return switch (random.nextInt(14)) {
      case 0, 1 -> null;
      case 2, 3, 4 -> basic("demo", "demo");
      case 5 -> basic("channel.12345", "demo");
      case 6 -> basic("community.hualin", "demo");
      case 7 -> basic("grid.hualin", "demo");
      case 8 -> basic("dispatch", "demo");
      case 9 -> basic("street.fengchuan", "wrong");
      case 10 -> basic("no\u0000body", "demo\u0000");
      case 11 -> "Basic !!!";
      case 12 -> "Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8));
      default -> "Bearer abc.def";
    };
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  // --- bodies ---------------------------------------------------------------------------------------------------

  private JsonNode hostileValue() {
    return switch (random.nextInt(16)) {
      case 0 -> F.textNode("a\u0000b");
      case 1 -> F.textNode("x" + SURROGATE);
      case 2 -> F.numberNode(2.5);
      case 3 -> F.numberNode(-1);
      case 4 -> F.numberNode(new java.math.BigDecimal("1e400"));
      case 5 -> F.booleanNode(true);
      case 6 -> F.arrayNode().add(1).add("x");
      case 7 -> F.objectNode().put("a", 1);
      case 8 -> F.textNode("");
      case 9 -> F.nullNode();
      case 10 -> F.numberNode(new java.math.BigInteger("99999999999999999999"));
      case 11 -> F.textNode("${1+1}");
      case 12 -> F.textNode("<script>alert(1)</script>");
      case 13 -> F.textNode("长".repeat(5000));
      case 14 -> F.textNode("2026-02-30T25:61:00");
      default -> F.textNode("x");
    };
  }

  /** Replaces one value somewhere in the tree (an object member or an array element) by a hostile one. */
  private void mutateOne(JsonNode node) {
    List<Object[]> slots = new ArrayList<>();
    collect(node, slots);
    if (slots.isEmpty()) {
      return;
    }
    Object[] slot = pick(slots);
    if (slot[0] instanceof ObjectNode o) {
      o.set((String) slot[1], hostileValue());
    } else {
      ((ArrayNode) slot[0]).set((Integer) slot[1], hostileValue());
    }
  }

  private static void collect(JsonNode node, List<Object[]> slots) {
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(n -> {
        slots.add(new Object[] {o, n});
        collect(o.get(n), slots);
      });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        slots.add(new Object[] {a, i});
        collect(a.get(i), slots);
      }
    }
  }

  /** A JSON body from a valid template, mutated in one of many ways, with a Content-Type. */
  private Request json(String method, String path, String authorization, ObjectNode template) {
    ObjectNode tree = template.deepCopy();
    String text;
    byte[] body = null;
    boolean chunked = false;
    int kind = random.nextInt(22);
    switch (kind) {
      case 0, 1, 2 -> text = render(tree);
      case 3, 4, 5, 6, 7 -> {
        mutateOne(tree);
        if (chance(40)) {
          mutateOne(tree);
        }
        text = render(tree);
      }
      case 8, 9 -> {
        String rendered = render(tree);
        String first = tree.fieldNames().hasNext() ? tree.fieldNames().next() : "x";
        text = "{\"" + first + "\":\"dup\"," + rendered.substring(1);
      }
      case 10 -> text = "[".repeat(1001 + random.nextInt(4000)) + "]".repeat(0);
      case 11 -> {
        int depth = 1001 + random.nextInt(2000);
        String first = tree.fieldNames().hasNext() ? tree.fieldNames().next() : "x";
        text = "{\"" + first + "\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
      }
      case 12 -> text = pick(List.of("null", "[]", "\"text\"", "123", "true", "{}"));
      case 13 -> text = "";
      case 14 -> {
        String rendered = render(tree);
        text = rendered.substring(0, random.nextInt(Math.max(1, rendered.length())));
      }
      case 15 -> {
        int size = pick(List.of(70_000, 300_000, 1_100_000, 2_500_000));
        text = "{\"pad\":\"" + "x".repeat(size) + "\"," + render(tree).substring(1);
        chunked = chance(50);
      }
      case 16 -> {
        byte[] rendered = render(tree).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(rendered, 0, Math.min(rendered.length, 5));
        out.write(new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3}, 0, 4);
        out.write(rendered, Math.min(rendered.length, 5), Math.max(0, rendered.length - 5));
        body = out.toByteArray();
        text = null;
      }
      case 17 -> {
        body = render(tree).getBytes(StandardCharsets.UTF_16);
        text = null;
      }
      case 18 -> text = "<xml><a>1</a></xml>";
      case 19 -> text = "a=1&b=%00";
      case 20 -> text = render(tree).replace("\"", "'");
      default -> text = render(tree).replaceFirst(":", ":\"\\u0000\",\"nul\":");
    }
    if (body == null) {
      body = text.getBytes(StandardCharsets.UTF_8);
    }
    String contentType = chance(60) ? "application/json" : pick(CONTENT_TYPES);
    return request(chance(85) ? method : pick(METHODS), path, authorization, contentType, body, chunked);
  }

  private static String render(JsonNode tree) {
    try {
      return JSON.writeValueAsString(tree).replace(SURROGATE, "\\ud800");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A form body: the valid fields, one of them made hostile, sometimes as the wrong Content-Type. */
  private Request form(String method, String path, String authorization, Map<String, String> fields) {
    Map<String, String> f = new LinkedHashMap<>(fields);
    List<String> keys = new ArrayList<>(f.keySet());
    String key = keys.isEmpty() ? "x" : pick(keys);
    switch (random.nextInt(10)) {
      case 0 -> f.put(key, "a\u0000b");
      case 1 -> f.put(key, "%ED%A0%80");
      case 2 -> f.put(key, "长".repeat(3000));
      case 3 -> f.put(key, "2.5");
      case 4 -> f.put(key, "");
      case 5 -> f.put(key + "[]", "x");
      case 6 -> f.put("x".repeat(40_000), "y".repeat(40_000));
      default -> { }
    }
    StringBuilder b = new StringBuilder();
    f.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(encode(k)).append('=')
        .append(v.startsWith("%ED") ? v : encode(v)));
    if (chance(20)) {
      b.append("&").append(b);
    }
    String contentType = chance(70) ? "application/x-www-form-urlencoded" : pick(CONTENT_TYPES);
    return request(chance(85) ? method : pick(METHODS), path, authorization, contentType,
        b.toString().getBytes(StandardCharsets.UTF_8), chance(10));
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private Request get(String path, String authorization) {
    String method = chance(85) ? "GET" : pick(METHODS);
    byte[] body = method.equals("GET") && !chance(10) ? null : "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    return request(method, path, authorization, body == null ? null : pick(CONTENT_TYPES), body, false);
  }

  private Request request(String method, String path, String authorization, String contentType, byte[] body,
      boolean chunked) {
    Map<String, String> headers = new LinkedHashMap<>();
    String accept = pick(ACCEPTS);
    if (accept != null) {
      headers.put("Accept", accept);
    }
    if (contentType != null && body != null) {
      headers.put("Content-Type", contentType);
    }
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    if (chance(3)) {
      headers.put("X-Requested-With", "XMLHttpRequest");
    }
    return new Request(method, path, headers, body, chunked);
  }

  // --- the endpoints --------------------------------------------------------------------------------------------

  private static ObjectNode obj(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final ObjectNode CASE = obj("""
      {"channel":"HOTLINE_12345","externalId":"fz","category":"streetlight","title":"路灯不亮","description":"3栋门口路灯坏了",
       "community":"hualin","location":{"address":"御苑小区3栋","compound":"御苑小区","lat":28.7,"lon":115.4},
       "householdsAffected":3,"reporter":{"name":"张三","phone":"13800138000","email":"zhang@example.org"},
       "attachments":["https://example.org/a.jpg"]}""");
  private static final ObjectNode START = obj("""
      {"variables":{"channel":{"value":"GRID_VISIT"},"category":{"value":"streetlight"},"community":{"value":"hualin"},
       "compound":{"value":"御苑小区"},"title":{"value":"路灯坏了"},"description":{"value":"晚上出行不便"},
       "householdsAffected":{"value":30,"type":"Long"},"reporterName":{"value":"李四"},
       "reporterPhone":{"value":"13800138000"},"address":{"value":"御苑小区3栋"}},"businessKey":"fz"}""");
  private static final ObjectNode TASK_QUERY = obj("""
      {"orQueries":[{"name":"审核诉求","assigneeLike":"%a%"}],"candidateGroups":["hualin-community"],
       "processVariables":[{"name":"community","operator":"eq","value":"hualin"}],
       "sorting":[{"sortBy":"created","sortOrder":"desc"}]}""");
  private static final ObjectNode COMPLETE = obj("""
      {"variables":{"outcome":{"value":"ACCEPT"},"reviewComment":{"value":"属实"},"tier":{"value":"STATION","type":"String"},
       "report":{"value":"[{\\"a\\":1}]","type":"Json"}}}""");
  private static final ObjectNode VARIABLE = obj("{\"value\":\"文本\",\"type\":\"String\",\"valueInfo\":{}}");
  private static final ObjectNode MESSAGE = obj("""
      {"messageName":"issue.supervise","businessKey":"FX-2026-000001","processVariables":{"note":{"value":"督办"}}}""");
  private static final ObjectNode DECISION = obj("""
      {"variables":{"category":{"value":"streetlight"},"householdsAffected":{"value":3,"type":"Integer"}}}""");
  private static final ObjectNode RESOURCE = obj("""
      {"kind":"TALENT","name":"社区律师志愿者","expertise":"合同纠纷","keywords":["法律、合同"],"contact":"13800000000",
       "community":"hualin","version":0}""");
  private static final ObjectNode PROXY_SERVICE = obj("""
      {"code":"one-child-award","name":"独生子女奖励扶助","office":"县民政局","timeLimitDays":20,
       "documents":["居民身份证\\n户口簿"],"steps":["核对材料"],"version":0}""");
  private static final ObjectNode USER = obj("""
      {"profile":{"id":"fuzzuser","firstName":"模","lastName":"糊","email":"f@example.org"},
       "credentials":{"password":"Fuzz-Pass-2026!x"}}""");

  private List<Template> templates() {
    Known k = known;
    List<Template> t = new ArrayList<>();
    // the project's API
    t.add(g -> g.json("POST", "/api/cases", g.authorization(), with(CASE, "externalId", "fz-" + g.serial++)));
    t.add(g -> g.get("/api/cases/" + g.id(k.caseNo()) + g.query(null), g.authorization()));
    t.add(g -> g.json("POST", "/api/cases/" + g.id(k.caseNo()) + "/progress", g.authorization(), obj("{\"note\":\"已联系责任单位\"}")));
    t.add(g -> g.get("/api/meetings/statistics" + g.query("community=hualin&from=2026-01&to=2026-12"), g.authorization()));
    t.add(g -> g.get("/api/votes/" + g.id("1") + "/ballots", g.authorization()));
    t.add(g -> g.get("/api/meetings/" + g.id("1") + "/objections", g.authorization()));
    t.add(g -> g.get("/api/reports/" + g.pick(List.of("monthly/2026-11", "monthly/" + g.id("x"), "current", "latest",
        "trend" + g.query("months=6"))), g.authorization()));
    t.add(g -> g.json("POST", "/api/supervision/runs", g.authorization(), obj("{\"kind\":\"TEN_DAY\",\"asOf\":\"2026-11-21\"}")));
    t.add(g -> g.get("/api/supervision/" + g.pick(List.of("overdue", "listed", "runs", "runs/" + g.id("1"))) + g.query("kind=TEN_DAY&limit=5"),
        g.authorization()));
    // 积分 (points): the staff's API and the public table
    t.add(g -> g.get("/api/points/" + g.pick(List.of("hualin", g.id("hualin"), "hualin/persons/" + g.id("1") + "/entries")),
        g.authorization()));
    t.add(g -> g.json("POST", "/api/points/" + g.id("hualin") + "/redemptions", g.authorization(),
        obj("{\"personId\":1,\"itemId\":1,\"quantity\":1}")));
    t.add(g -> g.json("PUT", "/api/points/hualin/rules/" + g.id("yard-meeting"), g.authorization(),
        obj("{\"reason\":\"参加院坝会\",\"points\":2,\"awardedBy\":[\"grid\"]}")));
    t.add(g -> g.json("POST", "/api/points/hualin/" + g.pick(List.of("persons", "items", "corrections")), g.authorization(),
        obj("{\"name\":\"某\",\"publishName\":true,\"price\":1,\"stock\":1,\"entryId\":1,\"points\":-1,\"reason\":\"更正\"}")));
    t.add(g -> g.get("/public/points" + g.pick(List.of("", ".json")) + g.query("community=" + g.id("hualin")), null));
    t.add(g -> g.get("/api/resources" + g.query(null), g.authorization()));
    t.add(g -> g.json("POST", "/api/resources", g.authorization(), RESOURCE));
    t.add(g -> g.json("PUT", "/api/resources/" + g.id("1"), g.authorization(), RESOURCE));
    t.add(g -> g.json("POST", "/api/resources/" + g.id("1") + "/retire", g.authorization(), obj("{}")));
    // the public pages and their JSON
    t.add(g -> g.get("/public/report" + g.query("community=hualin"), null));
    t.add(g -> g.form("POST", "/public/report", null, Map.of("community", "hualin", "category", "streetlight",
        "title", "路灯不亮", "description", "晚上很黑", "compound", "", "name", "", "consent", "true")));
    t.add(g -> g.get("/public/" + g.pick(List.of("board", "board.json", "board.atom", "meetings", "meetings/statistics",
        "cases", "monthly/2026-11", "monthly/2026-11.json", "monthly/" + g.id("x"))) + g.query("community=hualin"), null));
    t.add(g -> g.get("/public/cases/" + g.id(k.caseNo()) + (g.chance(20) ? ".json" : ""), null));
    t.add(g -> g.get("/public/" + g.pick(List.of("evaluations/", "resolutions/", "votes/")) + g.id("tok"), null));
    t.add(g -> g.json("POST", "/public/evaluations/" + g.id("tok"), null, obj("{\"satisfaction\":4,\"comment\":\"很好\"}")));
    t.add(g -> g.form("POST", "/public/evaluations/" + g.id("tok"), null, Map.of("satisfaction", "4", "comment", "好")));
    t.add(g -> g.json("POST", "/public/resolutions/" + g.id("tok") + "/objections", null, obj("{\"content\":\"不同意\"}")));
    t.add(g -> g.form("POST", "/public/resolutions/" + g.id("tok") + "/objections", null, Map.of("content", "不同意")));
    t.add(g -> g.json("POST", "/public/votes/" + g.id("tok"), null, obj("{\"choice\":\"AGREE\"}")));
    t.add(g -> g.form("POST", "/public/votes/" + g.id("tok"), null, Map.of("choice", "YES", "confirmed", "yes")));
    t.add(g -> g.get("/public/votes" + g.query("community=hualin"), null));
    t.add(g -> g.get("/api/votes/" + g.id("1") + "/sheets", g.authorization()));
    t.add(g -> g.get("/api/registers" + (g.chance(50) ? "/" + g.id("hualin-yuyuan") : ""), g.authorization()));
    t.add(g -> g.json("POST", "/api/registers", g.authorization(),
        obj("{\"csv\":\"compound,building,unit,household,area\\nnowhere,1,1,1-1-101,89.50\"}")));
    t.add(g -> g.get("/public/" + g.id("nothing"), null));
    // photos (随手拍): uploads to the two paths that take multipart, release, the photos and the public photo
    t.add(g -> g.photos("/api/cases/" + g.id(k.caseNo()) + "/photos", g.authorization()));
    t.add(g -> g.photos("/public/report", null));
    t.add(g -> g.get("/api/cases/" + g.id(k.caseNo()) + "/photos" + (g.chance(50) ? "/" + g.id("p1") : ""), g.authorization()));
    t.add(g -> g.json("POST", "/api/cases/" + g.id(k.caseNo()) + "/photos/" + g.id("p1") + "/release", g.authorization(), obj("{}")));
    t.add(g -> g.get("/public/photos/" + g.id("p1"), null));
    // 码上拍 (议事观察员): the observer's page, its JSON, a report with photos; the staff's observer list
    t.add(g -> g.get("/public/observer/" + g.id("tok") + (g.chance(20) ? ".json" : ""), null));
    t.add(g -> g.photos("/public/observer/" + g.id("tok"), null));
    t.add(g -> g.json("POST", "/api/observers", g.authorization(),
        obj("{\"name\":\"张三\",\"phone\":\"13800138000\",\"kind\":\"COURIER\"}")));
    t.add(g -> g.json("POST", "/api/observers/" + g.id("1") + "/withdraw", g.authorization(), obj("{}")));
    // 代办: the phone page, its JSON, a request's link, the staff's counts
    t.add(g -> g.get("/public/proxy" + (g.chance(30) ? ".json" : "") + g.query("community=hualin"), null));
    t.add(g -> g.form("POST", "/public/proxy", null, Map.of("serviceCode", "social-insurance", "community", "hualin",
        "residentName", "赵桂兰", "residentPhone", "13700001111", "consent", "true")));
    t.add(g -> g.json("POST", "/public/proxy", null, obj("""
        {"serviceCode":"social-insurance","community":"hualin","residentName":"赵桂兰","residentPhone":"13700001111"}""")));
    t.add(g -> g.get("/public/proxy/" + g.id("tok") + (g.chance(20) ? ".json" : ""), null));
    t.add(g -> g.json("POST", "/public/proxy/" + g.id("tok"), null, obj("{\"rating\":4,\"comment\":\"很好\"}")));
    t.add(g -> g.form("POST", "/public/proxy/" + g.id("tok"), null, Map.of("rating", "4", "comment", "好")));
    t.add(g -> g.get("/api/proxy/statistics" + g.query("month=2026-12"), g.authorization()));
    t.add(g -> g.get("/api/proxy/services" + g.query(null), g.authorization()));
    t.add(g -> g.json("POST", "/api/proxy/services", g.authorization(), PROXY_SERVICE));
    t.add(g -> g.json("PUT", "/api/proxy/services/" + g.id("social-insurance"), g.authorization(), PROXY_SERVICE));
    t.add(g -> g.json("POST", "/api/proxy/services/" + g.id("social-insurance") + "/retire", g.authorization(), obj("{}")));
    t.add(g -> g.get("/api/proxy/services/" + g.id("social-insurance") + "/changes", g.authorization()));
    t.add(g -> g.json("POST", "/api/proxy/services/offices", g.authorization(), obj("{\"name\":\"县医保局\"}")));
    // Open311
    t.add(g -> g.get("/open311/v2/" + g.pick(List.of("discovery", "discovery.xml", "services.json", "services.xml",
        "services/streetlight.json", "services/" + g.id("x") + ".xml", "requests.json", "requests.xml",
        "requests/" + g.id(k.caseNo()) + ".json", "tokens/" + g.id("t") + ".json")) + g.query("jurisdiction_id=hualin"), null));
    t.add(g -> g.form("POST", "/open311/v2/requests" + g.pick(List.of(".json", ".xml", "")), null, Map.of(
        "api_key", g.pick(List.of("demo-open311-key", "wrong-key-0000000000", "")), "service_code", "streetlight",
        "jurisdiction_id", "hualin", "description", "路灯坏了", "attribute[compound]", "御苑小区", "lat", "28.7", "long", "115.4",
        "email", "a@example.org", "attribute[external_id]", "fz-" + g.serial++)));
    // the engine's REST API
    t.add(g -> g.json("POST", "/engine-rest/process-definition/key/" + g.pick(List.of("issueLifecycle", "deliberation", "x"))
        + "/" + g.pick(List.of("start", "submit-form")), g.authorization(), START));
    t.add(g -> g.json("POST", "/engine-rest/task" + g.pick(List.of("", "/count")) + g.query("maxResults=10"), g.authorization(), TASK_QUERY));
    t.add(g -> g.json("POST", "/engine-rest/filter/" + g.id(k.filterId()) + "/" + g.pick(List.of("list", "count"))
        + g.query("maxResults=10"), g.authorization(), TASK_QUERY));
    t.add(g -> g.json("POST", "/engine-rest/task/" + g.id(k.taskId()) + "/" + g.pick(List.of("complete", "submit-form",
        "resolve")), g.authorization(), COMPLETE));
    t.add(g -> g.json("POST", "/engine-rest/task/" + g.id(k.taskId()) + "/" + g.pick(List.of("claim", "assignee", "delegate")),
        g.authorization(), obj("{\"userId\":\"community.hualin\"}")));
    t.add(g -> g.get("/engine-rest/task/" + g.id(k.taskId()) + g.pick(List.of("", "/form-variables", "/variables",
        "/deployed-form", "/rendered-form", "/form", "/identity-links")), g.authorization()));
    t.add(g -> g.get("/engine-rest/" + g.pick(List.of("task", "process-definition", "process-instance", "history/process-instance",
        "history/task", "filter", "deployment", "decision-definition", "user", "group", "incident", "job", "execution",
        "variable-instance", "history/variable-instance")) + g.query("maxResults=5"), g.authorization()));
    t.add(g -> g.json("PUT", "/engine-rest/process-instance/" + g.id(k.processInstanceId()) + "/variables/"
        + g.pick(List.of("note", "x%00", "title")), g.authorization(), VARIABLE));
    t.add(g -> g.json("POST", "/engine-rest/process-instance/" + g.id(k.processInstanceId()) + "/variables",
        g.authorization(), obj("{\"modifications\":{\"note\":{\"value\":\"备注\"}},\"deletions\":[\"x\"]}")));
    t.add(g -> g.json("POST", "/engine-rest/" + g.pick(List.of("process-instance", "history/process-instance",
        "variable-instance", "execution")) + g.query("maxResults=5"), g.authorization(),
        obj("{\"processDefinitionKey\":\"issueLifecycle\",\"businessKeyLike\":\"FX%\",\"variableValues\":[{\"name\":\"community\",\"operator\":\"eq\",\"value\":\"hualin\"}]}")));
    t.add(g -> g.json("POST", "/engine-rest/message", g.authorization(), MESSAGE));
    t.add(g -> g.json("POST", "/engine-rest/decision-definition/key/" + g.pick(List.of("triage", "admissibility", "x"))
        + "/evaluate", g.authorization(), DECISION));
    t.add(g -> g.json("POST", "/engine-rest/user/create", g.authorization(), USER));
    t.add(g -> g.json("POST", "/engine-rest/identity/verify", g.authorization(), obj("{\"username\":\"expert.legal\",\"password\":\"x\"}")));
    t.add(g -> g.json("POST", "/engine-rest/deployment/create", g.authorization(), obj("{\"deployment-name\":\"x\"}")));
    t.add(g -> g.deployment());
    // the webapps' API (no session: refused, but never with 5xx)
    t.add(g -> g.get("/camunda/api/engine/engine/default/" + g.pick(List.of("task", "process-definition", "filter"))
        + g.query("maxResults=5"), g.authorization()));
    t.add(g -> g.form("POST", "/camunda/api/admin/auth/user/default/login/" + g.pick(List.of("tasklist", "cockpit", "x")),
        null, Map.of("username", "expert.legal", "password", "wrong")));
    t.add(g -> g.json("POST", "/camunda/api/engine/engine/default/task" + g.query("maxResults=5"), g.authorization(), TASK_QUERY));
    return t;
  }

  /** A multipart deployment, sometimes far over any sensible size. */
  private Request deployment() {
    String boundary = "fz" + random.nextInt(1000);
    int size = chance(4) ? 11_000_000 : pick(List.of(10, 2_000, 3_000_000));
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + pick(List.of("fuzz", "a\u0000b", "x" + "\uD800")) + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"x.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 400);
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes("<definitions/>".repeat(Math.max(1, size / 14)).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String contentType = chance(80) ? "multipart/form-data; boundary=" + boundary : pick(CONTENT_TYPES);
    return request("POST", "/engine-rest/deployment/create", authorization(), contentType, out.toByteArray(), chance(30));
  }

  /** A multipart upload of photos: real and fake pictures, hostile names and fields, sometimes over every limit. */
  private Request photos(String path, String authorization) {
    String boundary = "ph" + random.nextInt(1000);
    int size = chance(1) ? 33_000_000 : chance(3) ? 6_000_000 : pick(List.of(0, 10, 2_000, 300_000));
    byte[] start = pick(List.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0},
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, "<html>".getBytes(StandardCharsets.UTF_8),
        "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 600);
    for (String[] field : List.of(new String[] {"community", pick(List.of("hualin", "x\u0000", "\uD800"))},
        new String[] {"category", "streetlight"}, new String[] {"title", pick(List.of("路灯不亮", "", "x".repeat(200)))},
        new String[] {"description", "晚上很黑"}, new String[] {"compound", ""})) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n" + field[1]
          + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    int files = chance(10) ? 8 : 1;
    for (int i = 0; i < files; i++) {
      out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\""
          + pick(List.of("a.jpg", "", "x\u0000.jpg", "\uD800.png", "../../etc/passwd")) + "\"\r\nContent-Type: "
          + pick(List.of("image/jpeg", "text/html", "application/octet-stream")) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(start);
      out.writeBytes(new byte[Math.max(0, size / files - start.length)]);
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    if (!chance(5)) {
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    }
    String contentType = chance(80) ? "multipart/form-data; boundary=" + boundary : pick(CONTENT_TYPES);
    return request("POST", path, authorization, contentType, out.toByteArray(), chance(30));
  }

  private static ObjectNode with(ObjectNode template, String field, String value) {
    ObjectNode copy = template.deepCopy();
    copy.put(field, value);
    return copy;
  }

  private List<Template> templates;

  /** The next request, from a template picked at random. */
  Request next() {
    if (templates == null) {
      templates = templates();
    }
    return pick(templates).make(this);
  }
}
