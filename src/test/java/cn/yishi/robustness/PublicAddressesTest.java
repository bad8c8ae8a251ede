package cn.yishi.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /public/**} address the application maps (collected from Spring's handler mapping, so a new one is
 * covered without touching this test), with its path variables filled with a real, a pending, an unknown and a hostile
 * value, under each {@code Accept} of {@link HostileRequests#ACCEPTS}: never a server error, never an English
 * framework page; a page to a client that takes HTML at least as well as JSON, JSON to one that prefers JSON or to a
 * {@code .json} address, and 406 without a body to a client that takes neither (nor plain text).
 */
class PublicAddressesTest extends WholeApplication {
  /** What an English framework page or a server error says. */
  static final List<String> FRAMEWORK = List.of("Whitelabel", "Error Page", "There was an unexpected error",
      "Internal Server Error", "Not Acceptable", "Bad Request", "Method Not Allowed", "\"status\":5", "\"trace\"");
  /** The {@link HostileRequests#ACCEPTS} that prefer JSON; all others but these and text/plain take a page. */
  static final Set<String> JSON = Set.of("application/json", "application/*");
  /** The {@link HostileRequests#ACCEPTS} that prefer JSON but take anything: JSON where there is one, else a page. */
  static final Set<String> ANY = Set.of("text/html;q=0.1,*/*;q=0.2");
  /** Those that take neither JSON nor HTML nor plain text. */
  static final Set<String> NEITHER = Set.of("application/xml", "image/png", "application/json;q=0", "application/hal+json",
      "application/atom+xml", "text/csv, image/*");

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;
  @Autowired TaskService tasks;

  record Route(String method, String pattern) {}

  List<Route> publicRoutes() {
    Set<String> seen = new TreeSet<>();
    List<Route> routes = new ArrayList<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/public/")) {
          continue;
        }
        for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
          if (seen.add(m.name() + " " + pattern)) {
            routes.add(new Route(m.name(), pattern));
          }
        }
      }
    }
    return routes;
  }

  @Test
  void theRoutesAreCollectedFromTheHandlerMapping() {
    assertThat(publicRoutes()).extracting(r -> r.method() + " " + r.pattern()).contains(
        "GET /public/cases/{caseNo}", "GET /public/cases/{caseNo}.json", "GET /public/cases", "GET /public/board",
        "GET /public/board.json", "GET /public/board.atom", "GET /public/report", "POST /public/report",
        "GET /public/evaluations/{token}", "POST /public/evaluations/{token}", "GET /public/resolutions/{token}",
        "POST /public/resolutions/{token}/objections", "GET /public/meetings", "GET /public/meetings/statistics",
        "GET /public/monthly/{month}", "GET /public/monthly/{month}.json", "GET /public/votes/{token}",
        "GET /public/observer/{token}", "POST /public/observer/{token}", "GET /public/observer/{token}.json");
  }

  @Test
  void noPublicAddressAnswersAServerErrorOrAFrameworkPageUnderAnyAccept() throws Exception {
    String reviewed = newCase("路灯不亮");
    tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(reviewed).singleResult().getId());
    String pending = newCase("井盖松动");
    Map<String, List<String>> values = Map.of(
        "caseNo", List.of(reviewed, pending, "FX-2026-999999", URLEncoder.encode("<b>\"'", StandardCharsets.UTF_8)),
        "token", List.of("nope", "A".repeat(43)),
        "month", List.of("2026-11", "13-2026"));

    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Route route : publicRoutes()) {
      List<String> paths = new ArrayList<>();
      for (String path : expand(route.pattern(), values)) {
        paths.add(path);
        if (route.method().equals("GET") && !path.contains("{")) {
          paths.add(path + "?community=hualin");
        }
      }
      for (String path : paths) {
        for (String accept : HostileRequests.ACCEPTS) {
          for (String contentType : route.method().equals("GET") ? new String[] {null}
              : new String[] {"application/x-www-form-urlencoded", "application/json"}) {
            List<String> headers = new ArrayList<>();
            if (accept != null) {
              headers.addAll(List.of("Accept", accept));
            }
            String body = null;
            if (contentType != null) {
              headers.addAll(List.of("Content-Type", contentType));
              body = contentType.endsWith("json") ? "{}" : "";
            }
            Reply r = send(route.method(), path, body, headers.toArray(String[]::new));
            sent++;
            String problem = problem(path, accept, r);
            if (problem != null) {
              failures.add(route.method() + " " + path + " Accept: " + accept + (contentType == null ? "" : " Content-Type: " + contentType)
                  + " -> " + r.status() + " " + r.contentType() + ": " + problem + " | "
                  + r.body().substring(0, Math.min(200, r.body().length())));
            }
          }
        }
      }
    }
    System.out.printf("public addresses: %d requests, %d failed%n", sent, failures.size());
    assertThat(sent).isGreaterThan(500);
    assertThat(failures).as("%d failed:%n%s", failures.size(), String.join("\n", failures)).isEmpty();
  }

  /** What is wrong with the answer, or null. */
  static String problem(String path, String accept, Reply r) {
    if (r.status() >= 500) {
      return "a server error";
    }
    for (String s : FRAMEWORK) {
      if (r.body().contains(s)) {
        return "a framework page (" + s + ")";
      }
    }
    if (r.status() >= 300 && r.status() < 400) {
      return null;
    }
    if (accept != null && ANY.contains(accept) || path.contains(".atom") && r.status() >= 400) {
      return acceptable(accept, r) ? null : "a type the client does not take";
    }
    String expected = expected(path, accept);
    if (expected == null) {
      return r.status() == 406 && r.body().isEmpty() ? null : "not 406 without a body to a client that takes none of our types";
    }
    return r.contentType().startsWith(expected) ? null : "not " + expected;
  }

  /** Whether the answer is empty or in a type the {@code Accept} takes (any type when it is missing or unreadable). */
  static boolean acceptable(String accept, Reply r) {
    if (accept == null || r.body().isEmpty()) {
      return true;
    }
    MediaType type = MediaType.parseMediaType(r.contentType());
    try {
      return MediaType.parseMediaTypes(accept).stream().anyMatch(m -> m.includes(type) && m.getQualityValue() > 0);
    } catch (RuntimeException unreadable) {
      return true;
    }
  }

  /** The type of the answer at that path for that Accept; null: none (406 without a body). */
  static String expected(String path, String accept) {
    boolean feed = path.contains(".atom");
    boolean textOnly = "text/html".equals(accept) || "text/*".equals(accept);
    if (accept != null && NEITHER.contains(accept)) {
      return feed && "application/atom+xml".equals(accept) ? "application/atom+xml" : null;
    }
    if ("text/plain".equals(accept)) {
      return "text/plain";
    }
    if (feed) {
      return "application/json".equals(accept) ? "application/json" : textOnly ? "text/html" : "application/atom+xml";
    }
    if (accept != null && JSON.contains(accept)) {
      return "application/json";
    }
    if (path.contains(".json")) {
      return textOnly ? "text/html" : "application/json";
    }
    return "text/html";
  }

  /** The pattern with each of its variables filled with each of their values (unknown variables: "x"). */
  static List<String> expand(String pattern, Map<String, List<String>> values) {
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(pattern);
    if (!m.find()) {
      return List.of(pattern);
    }
    List<String> out = new ArrayList<>();
    for (String v : values.getOrDefault(m.group(1), List.of("x"))) {
      out.addAll(expand(pattern.substring(0, m.start()) + v + pattern.substring(m.end()), values));
    }
    return out;
  }
}
