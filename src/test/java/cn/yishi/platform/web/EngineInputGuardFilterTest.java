package cn.yishi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class EngineInputGuardFilterTest {
  private final EngineInputGuardFilter filter = new EngineInputGuardFilter(10_000, 50_000);
  private final MockHttpServletResponse response = new MockHttpServletResponse();
  private final MockFilterChain chain = new MockFilterChain();

  private static MockHttpServletRequest post(String uri, String contentType, String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setContentType(contentType);
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }

  private void assertRefused(int status, String text) throws Exception {
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"type\":", text);
    assertThat(chain.getRequest()).as("the chain must not be called").isNull();
  }

  @Test
  void aValidBodyPassesUnchanged() throws Exception {
    String body = "{\"variables\":{\"title\":{\"value\":\"路灯 😀\"}}}";
    filter.doFilter(post("/engine-rest/process-definition/key/x/start", "application/json", body), response, chain);
    assertThat(chain.getRequest()).isNotNull();
    assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"variables\":{\"title\":{\"value\":\"a\\u0000b\"}}}", "{\"a\\u0000\":1}", "[\"\\ud800\"]"})
  void jsonTextThatCannotBeStoredIsRefused(String body) throws Exception {
    filter.doFilter(post("/engine-rest/task", "application/json", body), response, chain);
    assertRefused(400, "无法保存的字符");
  }

  @Test
  void deepJsonIsRefused() throws Exception {
    filter.doFilter(post("/engine-rest/task", "application/json", "[".repeat(1001) + "]".repeat(1001)), response, chain);
    assertRefused(400, "嵌套");
  }

  @Test
  void aNullBodyIsRefused() throws Exception {
    filter.doFilter(post("/engine-rest/task", "application/json", " null "), response, chain);
    assertRefused(400, "null");
  }

  @Test
  void malformedJsonIsLeftToTheRestApi() throws Exception {
    filter.doFilter(post("/engine-rest/task", "application/json", "{\"a\":"), response, chain);
    assertThat(chain.getRequest()).isNotNull();
  }

  @Test
  void formFieldsAndQueryParametersAreChecked() throws Exception {
    filter.doFilter(post("/camunda/api/admin/auth/user/default/login/cockpit", "application/x-www-form-urlencoded",
        "username=demo%00&password=x"), response, chain);
    assertRefused(400, "username");
  }

  @Test
  void queryParametersAreChecked() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
    request.setQueryString("maxResults=1&nameLike=%00");
    filter.doFilter(request, response, chain);
    assertRefused(400, "nameLike");
  }

  @Test
  void bodiesOverTheLimitAreRefusedAndADeploymentHasALargerOne() throws Exception {
    filter.doFilter(post("/engine-rest/task", "application/json", "{\"a\":\"" + "x".repeat(10_000) + "\"}"), response, chain);
    assertRefused(413, "请求内容过大");

    MockHttpServletResponse deployed = new MockHttpServletResponse();
    MockFilterChain deployChain = new MockFilterChain();
    filter.doFilter(post("/engine-rest/deployment/create", "multipart/form-data; boundary=x", "x".repeat(30_000)), deployed, deployChain);
    assertThat(deployChain.getRequest()).isNotNull();
  }

  @Test
  void aRefusalComesInATypeTheClientAccepts() throws Exception {
    MockHttpServletRequest request = post("/engine-rest/task", "application/json", "null");
    request.addHeader("Accept", "text/plain");
    filter.doFilter(request, response, chain);
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("text/plain");

    MockHttpServletResponse none = new MockHttpServletResponse();
    MockHttpServletRequest xml = post("/engine-rest/task", "application/json", "null");
    xml.addHeader("Accept", "application/xml");
    filter.doFilter(xml, none, new MockFilterChain());
    assertThat(none.getStatus()).isEqualTo(406);
    assertThat(none.getContentAsByteArray()).isEmpty();
  }
}
