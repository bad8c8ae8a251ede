package cn.yishi.adapter.outbound.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.yishi.application.port.CalendarDocuments;
import cn.yishi.domain.calendar.CalendarYear;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A year's block loaded through /api: read with the file's checks, every problem at once with its line. */
class CalendarDocumentCheckTest {
  private final CalendarDocuments documents = new YamlCalendarDocuments();

  @Test
  void aValidBlockKeepsItsNamesPerDate() {
    CalendarDocuments.Parsed p = documents.parse("""
        years:
          2027:
            holidays:
              - { name: 测试假日, from: 2027-01-01, to: 2027-01-03 }
            adjusted-working-days:
              - { name: 测试调休上班, date: 2027-01-09 }
        """);
    assertThat(p.problems()).isEmpty();
    CalendarYear y = p.years().get(0);
    assertThat(y.year()).isEqualTo(2027);
    assertThat(y.holidays()).hasSize(3).containsEntry(LocalDate.parse("2027-01-02"), "测试假日");
    assertThat(y.adjustedWorkingDays()).containsOnlyKeys(LocalDate.parse("2027-01-09"));
  }

  @Test
  void everyProblemIsReportedWithItsLineAndNothingIsRead() {
    String doc = """
        years:
          2027:
            holidays:
              - { name: 测试假日, from: 2027-01-01, to: 2027-01-03 }
              - { name: 错年, from: 2028-02-01, to: 2028-02-02 }
              - { name: 倒序, from: 2027-05-05, to: 2027-05-01 }
              - { name: 重叠, from: 2027-01-03, to: 2027-01-04 }
              - { name: %s, from: 2027-06-01, to: 2027-06-01 }
            adjusted-working-days:
              - { name: 周一上班, date: 2027-01-11 }
              - { name: 与假日重叠, date: 2027-01-02 }
              - { name: 没有日期 }
          27:
            holidays: []
        """.formatted("长".repeat(33));
    CalendarDocuments.Parsed p = documents.parse(doc);
    assertThat(p.years()).isEmpty();
    assertThat(p.problems()).extracting(CalendarDocuments.Problem::line).containsExactly(5, 6, 7, 8, 10, 11, 12, 13);
    assertThat(p.problems()).extracting(CalendarDocuments.Problem::message).satisfiesExactly(
        m -> assertThat(m).contains("2028-02-01", "不属于所在的 2027 年块"),
        m -> assertThat(m).contains("早于开始日期"),
        m -> assertThat(m).contains("2027-01-03", "测试假日"),
        m -> assertThat(m).contains("超过32个字"),
        m -> assertThat(m).contains("只能是周六或周日"),
        m -> assertThat(m).contains("既是调休上班日"),
        m -> assertThat(m).contains("缺少必填字段 date"),
        m -> assertThat(m).contains("应为四位数字"));
  }

  @Test
  void syntaxAndShapeProblemsStopTheReadingAtOnce() {
    assertThat(documents.parse("years: [2027").problems()).singleElement()
        .satisfies(x -> assertThat(x.message()).startsWith("YAML 语法错误"));
    assertThat(documents.parse("years: {}").problems()).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("至少需要一个年份"));
    assertThat(documents.parse("jahre:\n  2027: {}").problems()).singleElement()
        .satisfies(x -> assertThat(x.message()).contains("未知字段 jahre"));
  }

  @Test
  void atStartUpTheFirstProblemStopsTheApplication() {
    String doc = """
        years:
          2027:
            holidays:
              - { name: 错年, from: 2028-02-01, to: 2028-02-02 }
            adjusted-working-days:
              - { name: 周一上班, date: 2027-01-11 }
        """;
    CalendarFileException e = catchThrowableOfType(CalendarFileException.class, () ->
        WorkingDayCalendarYamlReader.years("cn-workdays.yaml", new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))));
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.getMessage()).startsWith("日历文件 cn-workdays.yaml 第4行：");
  }
}
