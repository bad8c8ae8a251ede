import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The city-scale benchmark's driver (bench/scale-benchmark.sh). Two commands:
 * <ul>
 *   <li>{@code cases <base> <count> <community> <reviewUser> <handleUser> <visitUser>}: runs real cases to completion
 *   as staff do (intake by the 12345 channel, 前置把关, 办理 resolved, 回访), through /api and /engine-rest; prints
 *   one case number per line. Their history rows are the template of the seeded closed cases.</li>
 *   <li>{@code measure <base> <repeats> <user>:<app> ...}: logs in to the webapp as its login page does (session and
 *   XSRF token), then makes the webapp's own calls {@code repeats} times after 3 warm-up calls: for Tasklist, the
 *   filter list, and each filter's count and first page (POST filter/{id}/list?firstResult=0&maxResults=15, HAL, due
 *   date first as yishi-task-order.js asks); for Cockpit, the process definitions' statistics, issueLifecycle's
 *   activity statistics and instance count, and the 督办看板's five /api calls. Prints p50/p95 per call.</li>
 * </ul>
 */
public class ScaleLoad {
  static final String ENGINE = "/camunda/api/engine/engine/default";

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "cases" -> cases(args[1], Integer.parseInt(args[2]), args[3], args[4], args[5], args[6]);
      case "measure" -> measure(args[1], Integer.parseInt(args[2]), Arrays.copyOfRange(args, 3, args.length));
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.exit(0);
  }

  // ---- real cases -----------------------------------------------------------------------------------------------

  static void cases(String base, int count, String community, String reviewer, String handler, String visitor)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String[] categories = {"pets", "streetlight", "corridor-clutter"};
    for (int i = 0; i < count; i++) {
      String tag = Long.toString(System.nanoTime(), 36);
      String body = """
          {"channel":"HOTLINE_12345","externalId":"scale-%s","category":"%s","title":"规模测试模板 %d",
           "description":"居民反映：楼道问题已持续一周。","community":"%s",
           "location":{"address":"模板小区3栋2单元501","compound":"%s-z1"},"householdsAffected":12,
           "reporter":{"name":"李四","phone":"13800138000"}}""".formatted(tag, categories[i % 3], i, community, community);
      Reply r = basic(http, "POST", base + "/api/cases", "channel.12345", body);
      Matcher m = Pattern.compile("\"caseNo\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body);
      if (r.status != 201 || !m.find()) {
        throw new IllegalStateException("intake: " + r.status + " " + r.body);
      }
      String caseNo = m.group(1);
      // 三级前置把关: the compound's station or the community reviews, as the triage's tier says
      complete(http, base, caseNo, "userTask_review", reviewer + "," + handler, "{}");
      complete(http, base, caseNo, "userTask_handle", handler + "," + reviewer,
          "{\"outcome\":{\"value\":\"RESOLVED\"},\"resultNote\":{\"value\":\"已处理\"}}");
      complete(http, base, caseNo, "userTask_followUpVisit", visitor, "{\"satisfaction\":{\"value\":\"4\"}}");
      System.out.println(caseNo);
    }
  }

  static void complete(HttpClient http, String base, String caseNo, String key, String user, String variables)
      throws Exception {
    Reply list = admin(http, "GET", base + "/engine-rest/task?processInstanceBusinessKey=" + caseNo
        + "&taskDefinitionKey=" + key + "&firstResult=0&maxResults=10", null);
    Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(list.body);
    if (!m.find()) {
      throw new IllegalStateException(caseNo + ": no task " + key + ": " + list.body);
    }
    Reply done = null;
    for (String candidate : user.split(",")) { // the first of the users in the task's candidate group
      done = basic(http, "POST", base + "/engine-rest/task/" + m.group(1) + "/submit-form", candidate,
          "{\"variables\":" + variables + "}");
      if (done.status != 403) {
        break;
      }
    }
    if (done.status != 204) {
      throw new IllegalStateException(caseNo + " " + key + ": " + done.status + " " + done.body);
    }
  }

  record Reply(int status, String body) {}

  static Reply admin(HttpClient http, String method, String url, String body) throws Exception {
    return send(http, method, url, System.getenv().getOrDefault("BENCH_ADMIN", "bench.admin") + ":"
        + System.getenv().getOrDefault("BENCH_ADMIN_PASSWORD", "Bench-Admin-2026!"), body);
  }

  static Reply basic(HttpClient http, String method, String url, String user, String body) throws Exception {
    return send(http, method, url, user + ":demo", body);
  }

  static Reply send(HttpClient http, String method, String url, String credentials, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .header("Accept", "application/json").header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }

  // ---- measuring the webapps' calls -----------------------------------------------------------------------------

  /** A browser with a webapp session: cookies and the XSRF token the server set last. */
  static final class Browser {
    final String base;
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .connectTimeout(Duration.ofSeconds(5)).build();
    String xsrf;

    Browser(String base) {
      this.base = base;
    }

    Reply send(String method, String path, String body, String... headers) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      if (headers.length > 0) {
        b.headers(headers);
      }
      if (xsrf != null) {
        b.header("X-XSRF-TOKEN", xsrf);
      }
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      r.headers().allValues("Set-Cookie").stream().flatMap(h -> HttpCookie.parse(h).stream())
          .filter(c -> c.getName().equals("XSRF-TOKEN")).forEach(c -> xsrf = c.getValue());
      return new Reply(r.statusCode(), r.body());
    }

    void login(String user, String password, String app) throws Exception {
      send("GET", "/camunda/app/" + app + "/default/", null);
      Reply r = send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
          "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8),
          "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
      if (r.status != 200) {
        throw new IllegalStateException("login " + user + ": " + r.status + " " + r.body);
      }
      send("GET", "/camunda/api/admin/auth/user/default", null, "Accept", "application/json");
    }
  }

  interface Call {
    Reply run() throws Exception;
  }

  static void measure(String base, int repeats, String[] logins) throws Exception {
    // first ms: the first of the 3 warm-up calls (a cache's miss: 督办看板's running month is computed once a minute)
    System.out.printf("%-10s %-20s %-34s %8s %9s %9s %9s%n", "app", "user", "call", "result", "p50 ms", "p95 ms",
        "first ms");
    for (String login : logins) {
      String[] p = login.split(":");
      String user = p[0];
      String app = p[1];
      String password = p.length > 2 ? p[2] : "demo";
      Browser b = new Browser(base);
      b.login(user, password, app);
      Map<String, Call> calls = new LinkedHashMap<>();
      if (app.equals("tasklist")) {
        calls.put("filter list", () -> b.send("GET", ENGINE + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task",
            null, "Accept", "application/json"));
        String filters = calls.get("filter list").run().body;
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"[^{}]*?\"name\"\\s*:\\s*\"([^\"]+)\"").matcher(filters);
        while (m.find()) {
          String id = m.group(1);
          String name = m.group(2);
          calls.put(name + " count", () -> b.send("GET", ENGINE + "/filter/" + id + "/count", null, "Accept", "application/json"));
          String listBody = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
              + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";
          calls.put(name + " first page", () -> b.send("POST", ENGINE + "/filter/" + id + "/list?firstResult=0&maxResults=15",
              listBody, "Accept", "application/hal+json, application/json; q=0.5", "Content-Type", "application/json"));
        }
      } else {
        String defs = b.send("GET", ENGINE + "/process-definition?key=issueLifecycle&latestVersion=true&firstResult=0&maxResults=1", null,
            "Accept", "application/json").body;
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(defs);
        String issueDefinition = m.find() ? m.group(1) : "none";
        calls.put("definitions statistics", () -> b.send("GET", ENGINE + "/process-definition/statistics?rootIncidents=true",
            null, "Accept", "application/json"));
        calls.put("issueLifecycle activity statistics", () -> b.send("GET", ENGINE + "/process-definition/" + issueDefinition
            + "/statistics?incidents=true", null, "Accept", "application/json"));
        calls.put("issueLifecycle instance count", () -> b.send("POST", ENGINE + "/process-instance/count",
            "{\"processDefinitionId\":\"" + issueDefinition + "\"}", "Accept", "application/json", "Content-Type", "application/json"));
        for (String path : List.of("/api/reports/current", "/api/supervision/overdue", "/api/supervision/listed",
            "/api/reports/latest", "/api/reports/trend?months=6")) {
          calls.put("督办看板 " + path.substring(5), () -> b.send("GET", path, null, "Accept", "application/json"));
        }
      }
      for (Map.Entry<String, Call> c : calls.entrySet()) {
        long[] micros = new long[repeats];
        Reply last = null;
        long first = 0;
        for (int i = -3; i < repeats; i++) {
          long t0 = System.nanoTime();
          last = c.getValue().run();
          if (i >= 0) {
            micros[i] = (System.nanoTime() - t0) / 1000;
          } else if (i == -3) {
            first = (System.nanoTime() - t0) / 1000;
          }
        }
        Arrays.sort(micros);
        System.out.printf("%-10s %-20s %-34s %8s %9.1f %9.1f %9.1f%n", app, user, c.getKey(), result(last),
            pct(micros, 50) / 1000.0, pct(micros, 95) / 1000.0, first / 1000.0);
      }
    }
  }

  /** The count, the number of tasks on the page, or the status when it is not 200. */
  static String result(Reply r) {
    if (r.status != 200) {
      return "HTTP " + r.status;
    }
    Matcher count = Pattern.compile("^\\{\"count\":(\\d+)").matcher(r.body);
    if (count.find()) {
      return count.group(1);
    }
    if (r.body.contains("\"_embedded\"")) {
      int n = 0;
      Matcher keys = Pattern.compile("\"taskDefinitionKey\"").matcher(r.body);
      while (keys.find()) {
        n++;
      }
      return n + " tasks";
    }
    return r.body.length() + " B";
  }

  static long pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
  }
}
