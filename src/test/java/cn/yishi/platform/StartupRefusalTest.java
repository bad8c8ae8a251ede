package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.YishiApplication;
import cn.yishi.adapter.outbound.calendar.CalendarFileException;
import cn.yishi.adapter.outbound.directory.DirectoryException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** Every way the application refuses to start says why, naming what to fix. */
class StartupRefusalTest {

  private static MockEnvironment env(String url, String password) {
    MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", url).withProperty("yishi.admin.id", "admin");
    if (password != null) {
      env.setProperty("yishi.admin.password", password);
    }
    return env;
  }

  @Test
  void productionRefusesTheDemoOrAMissingAdminPassword() {
    String pg = "jdbc:postgresql://127.0.0.1:5432/yishi";
    assertThatThrownBy(() -> AdminPasswordGuard.check(env(pg, "demo")))
        .isInstanceOf(StartupRefusedException.class).hasMessageContaining("admin password is missing or \"demo\"");
    assertThatThrownBy(() -> AdminPasswordGuard.check(env(pg, null))).isInstanceOf(StartupRefusedException.class);
    assertThatThrownBy(() -> AdminPasswordGuard.check(env(pg, " "))).isInstanceOf(StartupRefusedException.class);
    assertThatCode(() -> AdminPasswordGuard.check(env(pg, "Str0ng!Passw0rd"))).doesNotThrowAnyException();
    assertThatCode(() -> AdminPasswordGuard.check(env("jdbc:h2:file:./data/yishi", "demo"))).doesNotThrowAnyException();
  }

  @Test
  void theAnalyzerTurnsRefusalsIntoOneClearLine() {
    FailureAnalysis a = new StartupFailureAnalyzer().analyze(
        new IllegalStateException("wrapped", new StartupRefusedException("Refusing to start: x", "Do y")));
    assertThat(a.getDescription()).isEqualTo("Refusing to start: x");
    assertThat(a.getAction()).isEqualTo("Do y");
    FailureAnalysis d = new StartupFailureAnalyzer().analyze(new RuntimeException(new DirectoryException("d.yaml", 7, "未知字段 x")));
    assertThat(d.getDescription()).contains("d.yaml", "第7行", "未知字段 x");
    FailureAnalysis c = new StartupFailureAnalyzer().analyze(new RuntimeException(new CalendarFileException("c.yaml", 3, "日期 x 无效")));
    assertThat(c.getDescription()).isEqualTo("日历文件 c.yaml 第3行：日期 x 无效");
    assertThat(c.getAction()).contains("yishi.calendar.location");
    assertThat(new StartupFailureAnalyzer().analyze(new RuntimeException("other"))).isNull();
  }

  @Test
  void aMissingHouseholdRegisterStopsStartUpNamingTheFile() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(YishiApplication.class);
    // the register is seeded into the database by a runner once the schema is there: its refusal is not wrapped
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> app.run(
            "--spring.datasource.url=jdbc:h2:mem:startup-refusal-register;DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--yishi.deliberation.register-files=classpath:registers/missing.csv").close());
    Throwable root = thrown;
    while (root != null && root.getCause() != null) {
      root = root.getCause();
    }
    org.assertj.core.api.Assertions.assertThat(root)
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("住户名册 classpath:registers/missing.csv 不存在");
  }

  @Test
  void aMalformedDirectoryStopsStartUpNamingTheFileAndLine() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(YishiApplication.class);
    assertThatThrownBy(() -> app.run(
            "--spring.datasource.url=jdbc:h2:mem:startup-refusal;DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--yishi.directory.location=classpath:directory/broken.yaml").close())
        .rootCause()
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining("classpath:directory/broken.yaml")
        .hasMessageContaining("第10行")
        .hasMessageContaining("hualin-grd");
  }

  @Test
  void aMalformedCalendarStopsStartUpNamingTheFileAndLine() {
    SpringApplicationBuilder app = new SpringApplicationBuilder(YishiApplication.class);
    assertThatThrownBy(() -> app.run(
            "--spring.datasource.url=jdbc:h2:mem:startup-refusal-calendar;DB_CLOSE_DELAY=-1",
            "--server.port=0",
            "--yishi.calendar.location=classpath:calendar/broken.yaml").close())
        .rootCause()
        .isInstanceOf(CalendarFileException.class)
        .hasMessageContaining("classpath:calendar/broken.yaml")
        .hasMessageContaining("第7行")
        .hasMessageContaining("周六或周日");
  }

  private static Map<String, byte[]> models(String... nameAndContent) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameAndContent.length; i += 2) {
      m.put(nameAndContent[i], nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return m;
  }

  private static final String BPMN_WITH_FORM_REF = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
        <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="s" camunda:formRef="missingForm" camunda:formRefBinding="deployment"/>
        </bpmn:process>
      </bpmn:definitions>""";

  @Test
  void aBrokenModelOrFormIsNamedWithItsCause() {
    ModelDeployment deployment = new ModelDeployment(null, null, null);
    assertThatThrownBy(() -> deployment.validate(models("forms/bad.form", "{not json")))
        .isInstanceOf(StartupRefusedException.class).hasMessageContaining("forms/bad.form").hasMessageContaining("JSON");
    assertThatThrownBy(() -> deployment.validate(models("forms/noid.form", "{\"components\":[]}")))
        .hasMessageContaining("forms/noid.form").hasMessageContaining("缺少表单 id");
    assertThatThrownBy(() -> deployment.validate(models("bpmn/p.bpmn", BPMN_WITH_FORM_REF)))
        .hasMessageContaining("bpmn/p.bpmn").hasMessageContaining("missingForm");
    assertThatThrownBy(() -> deployment.validate(models("bpmn/x.bpmn", "<bpmn:definitions")))
        .hasMessageContaining("bpmn/x.bpmn").hasMessageContaining("无法解析");
    assertThatCode(() -> deployment.validate(models("bpmn/p.bpmn", BPMN_WITH_FORM_REF,
        "forms/m.form", "{\"id\":\"missingForm\",\"components\":[]}"))).doesNotThrowAnyException();
  }

  @Test
  void aMalformedCronIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> new Schedules("0 0 9 1,11,21 * ?", "every month", "0 0 9 5,15,25 * ?", "Asia/Shanghai"))
        .isInstanceOf(StartupRefusedException.class)
        .hasMessageContaining("yishi.schedule.monthly-dispatch").hasMessageContaining("every month");
    assertThatThrownBy(() -> new Schedules("0 0 25 1 * ?", "0 0 9 1-7 * ?", "0 0 9 5,15,25 * ?", "Asia/Shanghai"))
        .hasMessageContaining("yishi.schedule.ten-day-follow-up");
    assertThatCode(() -> new Schedules("0 0 9 1,11,21 * ?", "0 0 9 1-7 * ?", "0 0 9 5,15,25 * ?", "Asia/Shanghai"))
        .doesNotThrowAnyException();
  }
}
