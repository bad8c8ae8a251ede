package cn.yishi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class QueryExpressionGuardFilterTest {
  private static final String OR_QUERY_EXPRESSION = "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}";

  private final QueryExpressionGuardFilter filter = new QueryExpressionGuardFilter();
  private final MockHttpServletResponse response = new MockHttpServletResponse();
  private final MockFilterChain chain = new MockFilterChain();

  private static MockHttpServletRequest post(String uri, String json) {
    return post(uri, json, StandardCharsets.UTF_8);
  }

  private static MockHttpServletRequest post(String uri, String json, Charset charset) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setContentType("application/json");
    request.setContent(json.getBytes(charset));
    return request;
  }

  private static MockHttpServletRequest get(String uri, String rawQuery) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    request.setQueryString(rawQuery);
    return request;
  }

  private void run(MockHttpServletRequest request) throws Exception {
    filter.doFilter(request, response, chain);
  }

  private void assertRejected() throws Exception {
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/json");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("\"type\":\"InvalidRequestException\"")
        .contains("${");
    assertThat(chain.getRequest()).as("the chain must not be called").isNull();
  }

  private void assertPassedThrough() {
    assertThat(chain.getRequest()).as("the chain must be called").isNotNull();
    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void rejectsExpressionInOrQueries() throws Exception {
    run(post("/engine-rest/task", OR_QUERY_EXPRESSION));

    assertRejected();
  }

  @Test
  void rejectsDeferredExpressionSyntax() throws Exception {
    run(post("/engine-rest/task", "{\"orQueries\":[{\"assigneeExpression\":\"#{currentUser()}\"}]}"));

    assertRejected();
  }

  @Test
  void rejectsTopLevelExpressionToo() throws Exception {
    run(post("/engine-rest/task/count", "{\"candidateGroupExpression\":\"${1+1}\"}"));

    assertRejected();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\u0024\\u007b", "\\u0024\\u007B", "$\\u007b", "\\u0024{", "\\u0023\\u007b"})
  void rejectsUnicodeEscapedExpressionInJson(String opening) throws Exception {
    run(post("/engine-rest/task", "{\"orQueries\":[{\"assigneeExpression\":\"" + opening + "currentUser()}\"}]}"));

    assertRejected();
  }

  @Test
  void rejectsEncodedExpressionInQueryString() throws Exception {
    run(get("/engine-rest/task", "assigneeExpression=%24%7BcurrentUser()%7D"));

    assertRejected();
  }

  @Test
  void rejectsDoubleEncodedExpressionInQueryString() throws Exception {
    run(get("/engine-rest/task", "assigneeExpression=%2524%257BcurrentUser()%257D"));

    assertRejected();
  }

  @Test
  void rejectsExpressionInQueryStringOfPost() throws Exception {
    run(withQuery(post("/engine-rest/task", "{}"), "candidateUserExpression=%23%7Bx%7D"));

    assertRejected();
  }

  @Test
  void rejectsExpressionWhenExecutingAFilter() throws Exception {
    run(post("/engine-rest/filter/abc/list", "{\"assigneeExpression\":\"${currentUser()}\"}"));

    assertRejected();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/engine-rest/task",
      "/engine-rest/task/",
      "/engine-rest/task/count",
      "/engine-rest/engine/default/task",
      "/engine-rest/engine/other/task/count",
      "/engine-rest/filter/abc/list",
      "/engine-rest/filter/abc/count",
      "/engine-rest/filter/abc/singleResult",
      "/engine-rest/engine/default/filter/abc/list",
      "/camunda/api/engine/engine/default/task",
      "/camunda/api/engine/engine/default/task/count",
      "/camunda/api/engine/engine/default/filter/abc/list"})
  void guardsTaskQueryAndFilterExecutionPaths(String uri) throws Exception {
    run(post(uri, OR_QUERY_EXPRESSION));

    assertRejected();
  }

  @Test
  void guardsPathBelowTheContextPath() throws Exception {
    MockHttpServletRequest request = post("/yishi/engine-rest/task", OR_QUERY_EXPRESSION);
    request.setContextPath("/yishi");

    run(request);

    assertRejected();
  }

  @Test
  void rejectsExpressionInPutBody() throws Exception {
    MockHttpServletRequest request = post("/engine-rest/task", OR_QUERY_EXPRESSION);
    request.setMethod("PUT");

    run(request);

    assertRejected();
  }

  @Test
  void cleanBodyPassesAndDownstreamReadsTheSameBytes() throws Exception {
    String json = "{\"orQueries\":[{\"assignee\":\"张三\",\"candidateGroup\":\"hualin-grid\"}],\"sorting\":[]}";
    byte[] sent = json.getBytes(StandardCharsets.UTF_8);
    AtomicReference<byte[]> viaStream = new AtomicReference<>();
    AtomicReference<String> viaReaderAgain = new AtomicReference<>();
    FilterChain reading = (req, res) -> {
      viaStream.set(req.getInputStream().readAllBytes());
      viaReaderAgain.set(readAll(req));
    };

    filter.doFilter(post("/engine-rest/task", json), response, reading);

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(viaStream.get()).isEqualTo(sent);
    assertThat(viaReaderAgain.get()).isEqualTo(json);
  }

  private static String readAll(ServletRequest request) throws IOException {
    StringBuilder out = new StringBuilder();
    char[] buffer = new char[256];
    try (var reader = request.getReader()) {
      for (int n; (n = reader.read(buffer)) != -1; ) {
        out.append(buffer, 0, n);
      }
    }
    return out.toString();
  }

  @Test
  void cleanGetPasses() throws Exception {
    run(get("/engine-rest/task", "assignee=demo&candidateGroup=hualin-grid&sortBy=created&sortOrder=desc"));

    assertPassedThrough();
  }

  @Test
  void literalDollarWithoutBraceIsNotAnExpression() throws Exception {
    run(post("/engine-rest/task", "{\"nameLike\":\"%$100 {fee}%\"}"));

    assertPassedThrough();
  }

  @Test
  void storedFilterCreationIsNotGuarded() throws Exception {
    String json = "{\"resourceType\":\"Task\",\"name\":\"我的任务\",\"query\":{\"assigneeExpression\":\"${currentUser()}\"}}";
    MockHttpServletRequest request = post("/engine-rest/filter/create", json);

    run(request);

    assertPassedThrough();
    assertThat(chain.getRequest()).isSameAs(request);
    assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/engine-rest/process-definition",
      "/engine-rest/filter",
      "/engine-rest/filter/abc",
      "/engine-rest/task/abc/complete",
      "/engine-rest/history/task",
      "/engine-rest/tasks",
      "/camunda/app/tasklist/default/"})
  void otherPathsPassThrough(String uri) throws Exception {
    run(withQuery(post(uri, OR_QUERY_EXPRESSION), "x=%24%7By%7D"));

    assertPassedThrough();
  }

  @Test
  void oversizedBodyIsRefusedWith413() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task");
    request.setContent(new byte[1024 * 1024 + 1]);

    run(request);

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void bodyOfExactlyOneMebibytePasses() throws Exception {
    byte[] body = new byte[1024 * 1024];
    java.util.Arrays.fill(body, (byte) ' ');
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/task");
    request.setContent(body);

    run(request);

    assertPassedThrough();
  }

  @Test
  void unescapeJsonKeepsInvalidEscapes() {
    assertThat(QueryExpressionGuardFilter.unescapeJson("a\\u0024\\u007bb")).isEqualTo("a${b");
    assertThat(QueryExpressionGuardFilter.unescapeJson("\\uZZZZ\\u00")).isEqualTo("\\uZZZZ\\u00");
    assertThat(QueryExpressionGuardFilter.unescapeJson("plain")).isEqualTo("plain");
  }

  @Test
  void expressionIsStillFoundWhenAnotherParameterIsNotDoubleDecodable() throws Exception {
    run(get("/engine-rest/task", "assigneeExpression=%24%7BcurrentUser()%7D&nameLike=%25ZZ"));

    assertRejected();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task;x=y", "/engine-rest/task/count;jsessionid=abc"})
  void pathParametersDoNotBypassTheGuard(String uri) throws Exception {
    run(post(uri, OR_QUERY_EXPRESSION));

    assertRejected();
  }
  @Test
  void utf16BodyDoesNotBypassTheGuard() throws Exception {
    run(post("/engine-rest/task", OR_QUERY_EXPRESSION, StandardCharsets.UTF_16LE));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("UTF-8");
    assertThat(chain.getRequest()).as("the chain must not be called").isNull();
  }

  private static MockHttpServletRequest withQuery(MockHttpServletRequest request, String rawQuery) {
    request.setQueryString(rawQuery);
    return request;
  }
}
