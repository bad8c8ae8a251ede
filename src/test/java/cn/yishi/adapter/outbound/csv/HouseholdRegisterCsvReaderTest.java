package cn.yishi.adapter.outbound.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yishi.domain.deliberation.HouseholdRegister;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The imported household register (住户名册) and its merge with the configured one. */
class HouseholdRegisterCsvReaderTest {
  private static Map<String, List<String>> read(String csv) throws IOException {
    return HouseholdRegisterCsvReader.read("test.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void readsHouseholdsPerCompoundSkippingCommentsBlankLinesAndABom() throws IOException {
    assertThat(read("\uFEFF# 演示\ncompound,household\n\nyuyuan, 1-101\nyuyuan,1-102\nbinjiang,A-1\n"))
        .containsExactly(Map.entry("yuyuan", List.of("1-101", "1-102")), Map.entry("binjiang", List.of("A-1")));
  }

  @Test
  void refusesNamingTheFileAndLine() {
    assertThatThrownBy(() -> read("household,compound\n")).hasMessage("住户名册 test.csv 第1行：第一行应为表头 compound,household");
    assertThatThrownBy(() -> read("compound,household\nyuyuan\n")).hasMessageContaining("第2行").hasMessageContaining("两列");
    assertThatThrownBy(() -> read("compound,household\nyuyuan, \n")).hasMessageContaining("第2行").hasMessageContaining("不能为空");
    assertThatThrownBy(() -> read("compound,household\nyuyuan,1\nyuyuan,1\n")).hasMessageContaining("第3行").hasMessageContaining("重复");
    assertThatThrownBy(() -> read("# 只有注释\n")).hasMessageContaining("缺少表头");
  }

  @Test
  void theShippedDemoFileReads() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/registers/fengxin-demo.csv")) {
      assertThat(HouseholdRegisterCsvReader.read("fengxin-demo.csv", in).get("shengdian-xinyuan")).hasSize(6);
    }
  }

  @Test
  void registersMergeAndRefuseAHouseholdTwice() {
    HouseholdRegister r = new HouseholdRegister(Map.of()).with(Map.of("yuyuan", List.of("1-101"))).with(Map.of("yuyuan", List.of("1-102")));
    assertThat(r.of("yuyuan")).containsExactly("1-101", "1-102");
    assertThat(r.of("nowhere")).isEmpty();
    assertThat(r.of(null)).isEmpty();
    assertThatThrownBy(() -> r.with(Map.of("yuyuan", List.of("1-101")))).hasMessageContaining("1-101").hasMessageContaining("重复");
  }
}
