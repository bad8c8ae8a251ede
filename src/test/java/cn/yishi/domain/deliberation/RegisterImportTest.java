package cn.yishi.domain.deliberation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RegisterImportTest {
  private static final String HEADER = "compound,building,unit,household,area\n";

  @Test
  void aGoodFileIsAcceptedLineByLine() {
    RegisterImport.Report r = RegisterImport.check("\uFEFF# 御苑小区\n" + HEADER
        + "hualin-yuyuan,1,1,1-1-101,89.5\n\nhualin-yuyuan, 1 ,2,1-2-101, 102.30 \r\nhualin-binjiang,A,1,A-101,76\n");
    assertThat(r.accepted()).isTrue();
    assertThat(r.lines()).extracting(RegisterImport.Line::number).containsExactly(2, 3, 5, 6);
    assertThat(r.households()).containsExactly(
        new Household("hualin-yuyuan", "1", "1", "1-1-101", new BigDecimal("89.50")),
        new Household("hualin-yuyuan", "1", "2", "1-2-101", new BigDecimal("102.30")),
        new Household("hualin-binjiang", "A", "1", "A-101", new BigDecimal("76.00")));
    assertThat(r.compounds()).containsExactly("hualin-yuyuan", "hualin-binjiang");
  }

  @Test
  void everyBadLineIsNamedWithItsReason() {
    RegisterImport.Report r = RegisterImport.check(HEADER
        + "hualin-yuyuan,1,1,1-1-101,89.50\n"      // 2 ok
        + "hualin-yuyuan,1,1,1-1-101,90.00\n"      // 3 duplicate of 2
        + "hualin-yuyuan,1,1,1-1-201,\n"           // 4 missing area
        + "hualin-yuyuan,1,1,1-1-301,abc\n"        // 5 invalid area
        + "hualin-yuyuan,1,1,1-1-401,0\n"          // 6 zero
        + "hualin-yuyuan,1,1,1-1-501,-3\n"         // 7 negative
        + "hualin-yuyuan,1,1,1-1-601,89.505\n"     // 8 three decimals
        + "hualin-yuyuan,1,1,1-1-701,10000.01\n"   // 9 too large
        + "hualin-yuyuan,1,1,1-1-801\n"            // 10 columns
        + "hualin-yuyuan,,1,1-1-901,80\n"          // 11 blank building
        + "hualin/yuyuan,1,1,1-1-902,80\n");       // 12 slash
    assertThat(r.accepted()).isFalse();
    assertThat(r.refused()).extracting(RegisterImport.Line::number).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(r.refused().get(0).message()).isEqualTo("户号 1-1-101 与第2行重复");
    assertThat(r.refused().get(1).message()).contains("缺少面积");
    assertThat(r.refused().get(2).message()).contains("面积“abc”无效");
    assertThat(r.refused().get(7).message()).contains("应有5列");
  }

  @Test
  void aFileWithoutHeaderOrHouseholdsIsRefused() {
    assertThat(RegisterImport.check("").accepted()).isFalse();
    assertThat(RegisterImport.check(null).refused().get(0).message()).contains("缺少表头");
    assertThat(RegisterImport.check("compound,household\nx,1").refused().get(0).message()).contains("第一行应为表头");
    assertThat(RegisterImport.check(HEADER).refused().get(0).message()).isEqualTo("文件中没有住户");
  }

  @Test
  void electoratesAreParsedAndIncludeTheirHouseholds() {
    Household h = new Household("c", "1", "2", "1-2-101", BigDecimal.ONE);
    assertThat(Electorate.parse("c/1/2").orElseThrow().includes(h)).isTrue();
    assertThat(Electorate.parse(" c/1 ").orElseThrow().includes(h)).isTrue();
    assertThat(Electorate.parse("c").orElseThrow().includes(h)).isTrue();
    assertThat(Electorate.parse("c/2").orElseThrow().includes(h)).isFalse();
    assertThat(Electorate.parse("c/1/2").orElseThrow().code()).isEqualTo("c/1/2");
    assertThat(Electorate.parse("c/1/2").orElseThrow().label("御苑小区")).isEqualTo("御苑小区 1栋 2单元");
    assertThat(Electorate.parse("c").orElseThrow().label("御苑小区")).isEqualTo("御苑小区全体住户");
    assertThat(Electorate.parse("c//2")).isEmpty();
    assertThat(Electorate.parse("a/b/c/d")).isEmpty();
    assertThat(Electorate.parse(" ")).isEmpty();
    assertThat(Electorate.parse(null)).isEmpty();
  }
}
