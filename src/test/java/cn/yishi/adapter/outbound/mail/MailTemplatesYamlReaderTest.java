package cn.yishi.adapter.outbound.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.application.MailTemplates;
import cn.yishi.application.MailTemplates.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesYamlReaderTest {
  private static String shipped() throws IOException {
    try (InputStream in = MailTemplatesYamlReaderTest.class.getResourceAsStream("/mail-templates.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static MailTemplates read(String yaml) {
    return MailTemplatesYamlReader.read("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theShippedTemplatesCoverEveryKindInChineseAndRenderTheirPlaceholders() throws IOException {
    MailTemplates templates = read(shipped());
    for (Kind kind : Kind.values()) {
      Map<String, String> values = new HashMap<>();
      kind.placeholders().forEach(p -> values.put(p, "«" + p + "»"));
      MailTemplates.Mail mail = templates.render(kind, values);
      assertThat(mail.subject()).as(kind.key()).containsPattern("\\p{IsHan}").doesNotContain("{");
      assertThat(mail.body()).as(kind.key()).containsPattern("\\p{IsHan}").doesNotContain("{").endsWith("\n");
    }
    MailTemplates.Mail supervision = templates.render(Kind.SUPERVISION, Map.of("unitName", "县住建局", "caseNo", "FX-2026-000001",
        "title", "路灯不亮", "item", "办件「路灯不亮」（FX-2026-000001）", "deadline", "2026年12月2日", "reason", "已超过办理期限",
        "due", "2026年12月15日"));
    assertThat(supervision.subject()).isEqualTo("【督办】FX-2026-000001 路灯不亮");
    assertThat(supervision.body()).startsWith("县住建局：\n\n办件「路灯不亮」（FX-2026-000001）办理期限为2026年12月2日，已超过办理期限。")
        .contains("请于2026年12月15日前办理");
  }

  @Test
  void anOperatorsTemplateReplacesTheWording() throws IOException {
    String custom = shipped().replace("subject: \"【督办】{caseNo} {title}\"", "subject: \"督办通知：{caseNo}（{unitName}）\"");
    MailTemplates.Mail mail = read(custom).render(Kind.SUPERVISION, Map.of("caseNo", "FX-1", "unitName", "县水务局"));
    assertThat(mail.subject()).isEqualTo("督办通知：FX-1（县水务局）");
  }

  @Test
  void anUnknownPlaceholderIsRefusedWithItsLineAndTheOnesAllowed() throws IOException {
    String yaml = shipped().replace("subject: \"【旬跟进提醒】{caseNo} 请填写办理进展\"", "subject: \"【旬跟进提醒】{caseNo} {reporterPhone}\"");
    int line = (int) yaml.substring(0, yaml.indexOf("{reporterPhone}")).lines().count();
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(MailTemplatesYamlReader.MailTemplatesFileException.class)
        .hasMessageContaining("test.yaml 第" + line + "行")
        .hasMessageContaining("reminder").hasMessageContaining("{reporterPhone}").hasMessageContaining("{unitName}");
  }

  @Test
  void aMissingOrUnknownTemplateOrFieldIsRefused() throws IOException {
    String withoutMonthly = shipped().substring(0, shipped().indexOf("# 月调度通报"));
    assertThatThrownBy(() -> read(withoutMonthly)).hasMessageContaining("缺少邮件模板 monthly-report");
    assertThatThrownBy(() -> read(shipped() + "\nweekly-report:\n  subject: 周报\n  body: 周报\n"))
        .hasMessageContaining("未知字段 weekly-report");
    assertThatThrownBy(() -> read(shipped().replace("  subject: \"【挂牌督办】{caseNo} {title}\"\n", "")))
        .hasMessageContaining("缺少必填字段 subject");
    assertThatThrownBy(() -> read("case-accepted: [")).hasMessageContaining("YAML 语法错误");
    assertThatThrownBy(() -> read("")).hasMessageContaining("文件为空");
  }
}
