package cn.yishi.adapter.inbound.http;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.inbound.http.ErrorReplies.Form;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The one rule of /public/**: a page to a browser, JSON to a JSON client or a .json address, 406 to anyone else. */
class PublicNegotiationTest {
  static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

  @Test
  void aPageWheneverHtmlIsTakenAtLeastAsWellAsJson() {
    assertThat(PublicNegotiation.form("/public/cases/FX-1", BROWSER)).isEqualTo(Form.HTML);
    assertThat(PublicNegotiation.form("/public/cases/FX-1", null)).isEqualTo(Form.HTML);
    assertThat(PublicNegotiation.form("/public/cases/FX-1", "*/*")).isEqualTo(Form.HTML);
    assertThat(PublicNegotiation.form("/public/cases/FX-1", "garbage;;q=x")).isEqualTo(Form.HTML);
    assertThat(PublicNegotiation.form("/public/cases/FX-1", "text/html, application/json")).isEqualTo(Form.HTML);
  }

  @Test
  void jsonToAClientThatPrefersItOrAtAJsonAddress() {
    assertThat(PublicNegotiation.form("/public/cases/FX-1", "application/json")).isEqualTo(Form.JSON);
    assertThat(PublicNegotiation.form("/public/cases/FX-1", "text/html;q=0.5, application/json")).isEqualTo(Form.JSON);
    assertThat(PublicNegotiation.form("/public/cases/FX-1.json", BROWSER)).isEqualTo(Form.JSON);
    assertThat(PublicNegotiation.form("/public/cases/FX-1.json", null)).isEqualTo(Form.JSON);
    // unless the client takes no JSON at all
    assertThat(PublicNegotiation.form("/public/cases/FX-1.json", "text/html")).isEqualTo(Form.HTML);
    assertThat(PublicNegotiation.form("/public/cases/FX-1.json", "application/xml")).isEqualTo(Form.NONE);
    assertThat(PublicNegotiation.form("/public/cases/FX-1", "text/plain")).isEqualTo(Form.PLAIN);
  }

  private static String acceptSeen(String path, String accept) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    if (accept != null) {
      request.addHeader("Accept", accept);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<String> seen = new AtomicReference<>("(not passed on)");
    new PublicNegotiation().doFilter(request, response, (req, res) -> {
      HttpServletRequest r = (HttpServletRequest) req;
      seen.set(r.getHeader("Accept") + " | " + String.join(" ; ", Collections.list(r.getHeaders("accept"))));
    });
    assertThat(response.getHeader("Vary")).isEqualTo("Accept");
    return seen.get() + (response.getStatus() == 406 ? " 406" : "");
  }

  @Test
  void theChosenTypeComesFirstSoThatAPageAndItsJsonShareAnAddress() throws Exception {
    assertThat(acceptSeen("/public/cases/FX-1", BROWSER)).startsWith("text/html, text/html, application/xhtml+xml");
    assertThat(acceptSeen("/public/cases/FX-1", null)).isEqualTo("text/html, */*;q=0.1 | text/html, */*;q=0.1");
    assertThat(acceptSeen("/public/cases/FX-1", "garbage;;q=x")).isEqualTo("text/html, */*;q=0.1 | text/html, */*;q=0.1");
    assertThat(acceptSeen("/public/cases/FX-1.json", "*/*")).isEqualTo("application/json, */* | application/json, */*");
    // a range refused with q=0 is dropped (Spring's mapping would match it)
    assertThat(acceptSeen("/public/cases/FX-1", "application/json;q=0, text/plain")).isEqualTo("text/plain | text/plain");
  }

  @Test
  void aClientThatTakesNoneOfThePublicTypesIs406AtOnce() throws Exception {
    assertThat(acceptSeen("/public/cases/FX-1", "application/xml")).isEqualTo("(not passed on) 406");
    assertThat(acceptSeen("/public/cases/FX-1", "application/json;q=0")).isEqualTo("(not passed on) 406");
    assertThat(acceptSeen("/public/board.atom", "application/atom+xml")).isEqualTo("application/atom+xml | application/atom+xml");
  }

  @Test
  void otherPathsAreLeftAlone() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases/FX-1");
    request.addHeader("Accept", "application/xml");
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<Object> passed = new AtomicReference<>();
    new PublicNegotiation().doFilter(request, response, (req, res) -> passed.set(req));
    assertThat(passed.get()).isSameAs(request);
    assertThat(response.getStatus()).isEqualTo(200);
  }
}
