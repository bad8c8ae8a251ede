package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese translations of the Camunda webapps ({@code src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/zh.json})
 * must cover exactly the keys of the English file shipped in the Camunda webjar on the classpath. After a Camunda upgrade that adds,
 * removes or moves keys this test fails and lists them.
 */
class WebappLocaleTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");
  private static final Pattern HTML_TAG = Pattern.compile("</?(?:a|b|i|em|strong|br|code|p|span|ul|li)\\b[^>]*>");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseCoversEveryEnglishKey(String app) throws IOException {
    URL enUrl = resource(APP + app + "/locales/en.json");
    assertThat(enUrl.toString()).as("en.json of %s must come from the Camunda webjar", app).contains("camunda-webapp-webjar");
    Map<String, JsonNode> en = flatten(read(enUrl));
    Map<String, JsonNode> zh = flatten(read(resource(APP + app + "/locales/zh.json")));

    Set<String> missing = new TreeSet<>(en.keySet());
    missing.removeAll(zh.keySet());
    Set<String> unknown = new TreeSet<>(zh.keySet());
    unknown.removeAll(en.keySet());
    assertThat(missing).as("%s: keys of the webjar's en.json missing in zh.json", app).isEmpty();
    assertThat(unknown).as("%s: keys of zh.json that the webjar's en.json no longer has", app).isEmpty();

    SoftAssertions softly = new SoftAssertions();
    en.forEach((key, english) -> {
      JsonNode chinese = zh.get(key);
      softly.assertThat(chinese.getNodeType()).as("%s: type of %s", app, key).isEqualTo(english.getNodeType());
      if (!english.isTextual() || !chinese.isTextual()) {
        return;
      }
      String e = english.asText();
      String z = chinese.asText();
      softly.assertThat(z).as("%s: %s is empty", app, key).isNotBlank();
      softly.assertThat(matches(PLACEHOLDER, z, 1)).as("%s: placeholders of %s (English: \"%s\", Chinese: \"%s\")", app, key, e, z)
          .containsAll(matches(PLACEHOLDER, e, 1));
      softly.assertThat(matches(HTML_TAG, z, 0)).as("%s: HTML tags of %s", app, key).isEqualTo(matches(HTML_TAG, e, 0));
      for (String format : List.of("%s", "%d")) {
        softly.assertThat(count(z, format)).as("%s: %s in %s", app, format, key).isEqualTo(count(e, format));
      }
    });
    softly.assertAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersChineseWithEnglishAsFallback(String app) throws IOException {
    URL config = resource(APP + app + "/scripts/config.js");
    assertThat(config.toString()).as("%s: our config.js comes first on the classpath, before the webjar's", app)
        .doesNotContain("camunda-webapp-webjar");
    String js;
    try (InputStream in = config.openStream()) {
      js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // the live (uncommented) locale settings
    String code = js.replaceAll("(?m)^\\s*//.*$", "");
    assertThat(code).containsPattern("['\"]?availableLocales['\"]?\\s*:\\s*\\[\\s*['\"]en['\"]\\s*,\\s*['\"]zh['\"]\\s*]")
        .containsPattern("['\"]?fallbackLocale['\"]?\\s*:\\s*['\"]en['\"]");
  }

  /**
   * Tasklist's relative dates follow the translation language (not whichever locale file loaded last):
   * config.js registers the script, and the script exists where Tasklist imports it from.
   */
  @Test
  void tasklistRegistersTheDateLocaleScript() throws IOException {
    String code = text(resource(APP + "tasklist/scripts/config.js")).replaceAll("(?m)^\\s*//.*$", "");
    Matcher list = Pattern.compile("customScripts\\s*:\\s*\\[([^\\]]*)]").matcher(code);
    assertThat(list.find()).as("a live customScripts list in tasklist's config.js").isTrue();
    Set<String> scripts = matches(Pattern.compile("['\"]([^'\"]+)['\"]"), list.group(1), 1);
    assertThat(scripts).contains("scripts/yishi-date-locale");
    for (String script : scripts) {
      URL url = resource(APP + "tasklist/" + script + ".js");
      assertThat(url.toString()).as("%s is ours", script).doesNotContain("camunda-webapp-webjar");
    }
    String js = text(resource(APP + "tasklist/scripts/yishi-date-locale.js"));
    assertThat(js).contains("angular.module('cam.tasklist').run(", "amMoment.changeLocale(", "$translate.use()");
  }

  private static String text(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static URL resource(String name) {
    URL url = WebappLocaleTest.class.getClassLoader().getResource(name);
    assertThat(url).as("classpath resource %s", name).isNotNull();
    return url;
  }

  private static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in); // Jackson skips the UTF-8 byte order mark of Camunda's files
    }
  }

  /** Leaves by path: {@code labels.CLAIM_TASK}, {@code dateLocales.months[0]}. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    flatten("", root, leaves);
    return leaves;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static Set<String> matches(Pattern pattern, String text, int group) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }

  private static int count(String text, String token) {
    int n = 0;
    for (int i = text.indexOf(token); i >= 0; i = text.indexOf(token, i + token.length())) {
      n++;
    }
    return n;
  }
}
