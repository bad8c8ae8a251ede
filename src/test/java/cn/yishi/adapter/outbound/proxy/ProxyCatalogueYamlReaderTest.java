package cn.yishi.adapter.outbound.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.domain.proxy.ProxyCatalogue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** proxy-services.yaml: the shipped catalogue, and refusals with the line. */
class ProxyCatalogueYamlReaderTest {
  private static ProxyCatalogue read(String yaml) {
    return ProxyCatalogueYamlReader.read("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theShippedCatalogueHasTheSeedsServicesWithDocumentsStepsOfficeAndTimeLimit() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/proxy-services.yaml")) {
      ProxyCatalogue c = ProxyCatalogueYamlReader.read("proxy-services.yaml", in);
      assertThat(c.services()).extracting(s -> s.name()).contains("低保申请", "社保办理", "房屋产权审批");
      assertThat(c.services()).allSatisfy(s -> {
        assertThat(s.documents()).isNotEmpty();
        assertThat(s.steps()).isNotEmpty();
        assertThat(s.office()).isNotBlank();
        assertThat(s.timeLimitDays()).isPositive();
      });
    }
  }

  @Test
  void problemsAreRefusedWithTheirLine() {
    String ok = """
        services:
          - code: a
            name: 甲
            office: 窗口
            timeLimitDays: 5
            documents: [身份证]
            steps: [递交]
        """;
    assertThat(read(ok).find("a")).isPresent();
    assertThatThrownBy(() -> read(ok.replace("timeLimitDays: 5", "timeLimitDays: 0")))
        .hasMessageContaining("第5行").hasMessageContaining("1到60");
    assertThatThrownBy(() -> read(ok.replace("documents: [身份证]", "documents: []")))
        .hasMessageContaining("documents 不能为空");
    assertThatThrownBy(() -> read(ok.replace("    steps: [递交]", "    steps: [递交]\n    fee: 10")))
        .hasMessageContaining("第8行").hasMessageContaining("未知字段 fee");
    assertThatThrownBy(() -> read(ok + ok.replace("services:\n", "")))
        .hasMessageContaining("第8行").hasMessageContaining("重复");
    assertThatThrownBy(() -> read(ok.replace("timeLimitDays: 5", "timeLimitDays: 五")))
        .hasMessageContaining("应为整数");
  }
}
