package cn.yishi.adapter.inbound.http;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.inbound.http.ErrorReplies.Form;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestChecksTest {
  @Test
  void theClientsAcceptDecidesTheFormOfARefusal() {
    assertThat(ErrorReplies.form(null, false)).isEqualTo(Form.JSON);
    assertThat(ErrorReplies.form("garbage;;q=x", false)).isEqualTo(Form.JSON);
    assertThat(ErrorReplies.form("application/json", true)).isEqualTo(Form.JSON);
    // a browser: HTML on the public pages, JSON (which */* takes) elsewhere
    String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    assertThat(ErrorReplies.form(browser, true)).isEqualTo(Form.HTML);
    assertThat(ErrorReplies.form(browser, false)).isEqualTo(Form.JSON);
    assertThat(ErrorReplies.form("text/html", false)).isEqualTo(Form.HTML);
    assertThat(ErrorReplies.form("text/*", false)).isEqualTo(Form.HTML);
    assertThat(ErrorReplies.form("text/plain", true)).isEqualTo(Form.PLAIN);
    assertThat(ErrorReplies.form("application/xml", true)).isEqualTo(Form.NONE);
    assertThat(ErrorReplies.form("application/json;q=0, text/plain", false)).isEqualTo(Form.PLAIN);
    assertThat(ErrorReplies.form("*/*;q=0.5, application/json;q=0", false)).isEqualTo(Form.HTML);
  }

  @Test
  void aContentTypeMustNameOneReadableType() {
    assertThat(RequestChecks.contentTypeProblem(null, false)).isEmpty();
    assertThat(RequestChecks.contentTypeProblem("application/json;charset=UTF-8", false)).isEmpty();
    assertThat(RequestChecks.contentTypeProblem("application/x-www-form-urlencoded", false)).isEmpty();
    assertThat(RequestChecks.contentTypeProblem("application/*", false)).hasValueSatisfying(m -> assertThat(m).contains("通配"));
    assertThat(RequestChecks.contentTypeProblem("*/*", false)).isPresent();
    assertThat(RequestChecks.contentTypeProblem("garbage", false)).isPresent();
    assertThat(RequestChecks.contentTypeProblem("application/json;charset=nonsense", false)).isPresent();
    assertThat(RequestChecks.contentTypeProblem("multipart/form-data; boundary=x", false)).isPresent();
    assertThat(RequestChecks.contentTypeProblem("multipart/form-data; boundary=x", true)).isEmpty();
  }

  @Test
  void aQueryParameterThatCannotBeStoredIsNamed() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/public/cases");
    request.setQueryString("status=OPEN&community=a%00b");
    assertThat(RequestChecks.unstorableQuery(request)).hasValueSatisfying(e -> {
      assertThat(e.field()).isEqualTo("community");
      assertThat(e.code()).isEqualTo("invalid_character");
    });
    request.setQueryString("community=%E5%8D%8E%E6%9E%97&x=%zz&y=%ED%A0%80");
    assertThat(RequestChecks.unstorableQuery(request)).as("broken UTF-8 decodes to replacement characters").isEmpty();
  }

  @Test
  void credentialsThatCannotBeLookedUp() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases/x");
    request.addHeader("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("demo\u0000:demo".getBytes()));
    assertThat(RequestChecks.unstorableCredentials(request)).isTrue();
    MockHttpServletRequest fine = new MockHttpServletRequest("GET", "/api/cases/x");
    fine.addHeader("Authorization", "Basic !!!");
    assertThat(RequestChecks.unstorableCredentials(fine)).isFalse();
  }
}
