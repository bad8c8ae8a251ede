package cn.yishi.adapter.outbound.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarYamlReaderTest {
  private static final String FILE = "test-calendar.yaml";
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final LocalTime END_OF_DAY = LocalTime.of(18, 0);

  private static WorkingDayCalendar read(String yaml) {
    return WorkingDayCalendarYamlReader.read(FILE, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), END_OF_DAY, SHANGHAI);
  }

  private static CalendarFileException refused(String yaml) {
    CalendarFileException e = catchThrowableOfType(CalendarFileException.class, () -> read(yaml));
    assertThat(e).as("the calendar should have been refused").isNotNull();
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.getMessage()).startsWith("日历文件 " + FILE);
    return e;
  }

  /** The refusal names the file and the line both as data and in the message. */
  private static CalendarFileException refusedAt(String yaml, int line) {
    CalendarFileException e = refused(yaml);
    assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
    assertThat(e.getMessage()).isEqualTo("日历文件 " + FILE + " 第" + line + "行：" + e.problem());
    return e;
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Nested
  class ShippedFile {
    /** 国办 2025-11-04: 2026 holidays (inclusive ranges) and adjusted working days. */
    private static final Map<String, String[]> HOLIDAYS_2026 = Map.of(
        "元旦", new String[] {"2026-01-01", "2026-01-03"},
        "春节", new String[] {"2026-02-15", "2026-02-23"},
        "清明节", new String[] {"2026-04-04", "2026-04-06"},
        "劳动节", new String[] {"2026-05-01", "2026-05-05"},
        "端午节", new String[] {"2026-06-19", "2026-06-21"},
        "中秋节", new String[] {"2026-09-25", "2026-09-27"},
        "国庆节", new String[] {"2026-10-01", "2026-10-07"});
    private static final Set<LocalDate> ADJUSTED_2026 = Set.of(
        d("2026-01-04"), d("2026-02-14"), d("2026-02-28"), d("2026-05-09"), d("2026-09-20"), d("2026-10-10"));

    private WorkingDayCalendar load() throws IOException {
      try (InputStream in = WorkingDayCalendarYamlReaderTest.class.getResourceAsStream("/calendar/cn-workdays.yaml")) {
        assertThat(in).as("calendar/cn-workdays.yaml on the classpath").isNotNull();
        return WorkingDayCalendarYamlReader.read("cn-workdays.yaml", in, END_OF_DAY, SHANGHAI);
      }
    }

    private static boolean holiday(LocalDate x) {
      return HOLIDAYS_2026.values().stream().anyMatch(r -> !x.isBefore(d(r[0])) && !x.isAfter(d(r[1])));
    }

    @Test
    void coversExactly2026() throws IOException {
      WorkingDayCalendar c = load();
      assertThat(c.covers(2026)).isTrue();
      assertThat(c.covers(2025)).isFalse();
      assertThat(c.covers(2027)).isFalse();
      assertThat(c.endOfDay()).isEqualTo(END_OF_DAY);
      assertThat(c.zone()).isEqualTo(SHANGHAI);
    }

    @Test
    void everyDayOf2026IsAsTheStateCouncilNoticeSays() throws IOException {
      WorkingDayCalendar c = load();
      int working = 0;
      for (LocalDate x = d("2026-01-01"); x.getYear() == 2026; x = x.plusDays(1)) {
        boolean weekend = x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY;
        boolean expected = ADJUSTED_2026.contains(x) || (!weekend && !holiday(x));
        assertThat(c.isWorkingDay(x)).as("%s (%s)", x, x.getDayOfWeek()).isEqualTo(expected);
        working += expected ? 1 : 0;
      }
      assertThat(working).isEqualTo(248);
      assertThat(c.workingDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(248);
    }

    @Test
    void theHolidaysAndAdjustedWorkingDays() throws IOException {
      WorkingDayCalendar c = load();
      HOLIDAYS_2026.forEach((name, r) -> {
        for (LocalDate x = d(r[0]); !x.isAfter(d(r[1])); x = x.plusDays(1)) {
          assertThat(c.isWorkingDay(x)).as("%s %s", name, x).isFalse();
        }
      });
      assertThat(ADJUSTED_2026).allSatisfy(x -> assertThat(c.isWorkingDay(x)).as("调休上班 %s", x).isTrue());
      assertThat(c.plusWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
      assertThat(c.plusWorkingDays(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
      assertThat(c.deadline(OffsetDateTime.parse("2026-09-30T20:00+08:00"), 1))
          .isEqualTo(OffsetDateTime.parse("2026-10-08T18:00+08:00"));
    }
  }

  @Nested
  class ValidFiles {
    @Test
    void readsSeveralYearsAndOptionalAdjustedWorkingDays() {
      WorkingDayCalendar c = read("""
          years:
            2030:
              holidays:
                - { name: 元旦, from: 2030-01-01, to: 2030-01-01 }
            "2031":
              holidays:
                - name: 元旦
                  from: 2031-01-01
                  to: 2031-01-01
              adjusted-working-days:
                - name: 调休上班
                  date: 2031-01-04
          """);
      assertThat(c.covers(2030)).isTrue();
      assertThat(c.covers(2031)).isTrue();
      assertThat(c.isWorkingDay(d("2030-01-01"))).isFalse();
      assertThat(c.isWorkingDay(d("2031-01-04"))).as("Saturday").isTrue();
    }
  }

  @Nested
  class Refusals {
    @Test
    void yamlSyntaxError() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - name: 元旦: 新年
                  from: 2026-01-01
                  to: 2026-01-03
          """, 4);
      assertThat(e.problem()).startsWith("YAML 语法错误");
    }

    @Test
    void emptyFile() {
      CalendarFileException e = refused("# nothing\n");
      assertThat(e.line()).isZero();
      assertThat(e.getMessage()).isEqualTo("日历文件 " + FILE + "：文件为空");
    }

    @Test
    void unknownKeyAtTheTop() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
          year: 2027
          """, 5);
      assertThat(e.problem()).contains("未知字段 year");
    }

    @Test
    void unknownKeyInAYearBlock() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
              workdays:
                - { name: 调休上班, date: 2026-01-04 }
          """, 5);
      assertThat(e.problem()).contains("未知字段 workdays", "adjusted-working-days");
    }

    @Test
    void unknownKeyInAnEntry() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - name: 元旦
                  from: 2026-01-01
                  until: 2026-01-03
          """, 6);
      assertThat(e.problem()).contains("未知字段 until");
    }

    @Test
    void duplicateYear() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
            2026:
              holidays:
                - { name: 春节, from: 2026-02-15, to: 2026-02-23 }
          """, 5);
      assertThat(e.problem()).contains("年份 2026 重复", "第2行");
    }

    @Test
    void duplicateKeyInAYearBlock() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
              holidays:
                - { name: 春节, from: 2026-02-15, to: 2026-02-23 }
          """, 5);
      assertThat(e.problem()).contains("字段 holidays 重复");
    }

    @Test
    void duplicateKeyInAnEntry() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03, to: 2026-01-04 }
          """, 4);
      assertThat(e.problem()).contains("字段 to 重复");
    }

    @Test
    void yearThatIsNotFourDigits() {
      CalendarFileException e = refusedAt("""
          years:
            二〇二六:
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
          """, 2);
      assertThat(e.problem()).contains("四位数字");
    }

    @Test
    void badDates() {
      assertThat(refusedAt("""
          years:
            2026:
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
                - { name: 春节, from: 2026-02-15, to: 2026-02-30 }
          """, 5).problem()).contains("日期 2026-02-30 无效");
      assertThat(refusedAt("""
          years:
            2026:
              holidays:
                - { name: 元旦, from: 2026/01/01, to: 2026-01-03 }
          """, 4).problem()).contains("日期 2026/01/01 无效");
      assertThat(refusedAt("""
          years:
            2026:
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
              adjusted-working-days:
                - name: 元旦调休上班
                  date: 2026-1-4
          """, 7).problem()).contains("日期 2026-1-4 无效");
    }

    @Test
    void rangeThatEndsBeforeItStarts() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - name: 春节
                  from: 2026-02-23
                  to: 2026-02-15
          """, 6);
      assertThat(e.problem()).contains("春节", "2026-02-15", "早于", "2026-02-23");
    }

    @Test
    void holidayOutsideItsYearBlock() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - name: 元旦
                  from: 2025-12-31
                  to: 2026-01-03
          """, 5);
      assertThat(e.problem()).contains("2025-12-31", "2026 年块");
    }

    @Test
    void adjustedWorkingDayOutsideItsYearBlock() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
              adjusted-working-days:
                - { name: 元旦调休上班, date: 2027-01-03 }
          """, 6);
      assertThat(e.problem()).contains("2027-01-03", "2026 年块");
    }

    @Test
    void adjustedWorkingDayThatIsNotAWeekendDay() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
              adjusted-working-days:
                - { name: 元旦调休上班, date: 2026-01-04 }
                - { name: 春节调休上班, date: 2026-02-13 }
          """, 7);
      assertThat(e.problem()).contains("2026-02-13", "星期五", "周六或周日");
    }

    @Test
    void dayThatIsBothHolidayAndWorkingDay() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              adjusted-working-days:
                - { name: 元旦调休上班, date: 2026-01-04 }
                - { name: 春节调休上班, date: 2026-02-15 }
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
                - { name: 春节, from: 2026-02-15, to: 2026-02-23 }
          """, 5);
      assertThat(e.problem()).contains("2026-02-15", "既是调休上班日", "春节", "第8行");
    }

    @Test
    void overlappingHolidays() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - { name: 中秋节, from: 2026-09-25, to: 2026-09-27 }
                - { name: 国庆节, from: 2026-09-27, to: 2026-10-07 }
          """, 5);
      assertThat(e.problem()).contains("2026-09-27", "第4行", "中秋节");
    }

    @Test
    void duplicateAdjustedWorkingDay() {
      CalendarFileException e = refusedAt("""
          years:
            2026:
              holidays:
                - { name: 元旦, from: 2026-01-01, to: 2026-01-03 }
              adjusted-working-days:
                - { name: 元旦调休上班, date: 2026-01-04 }
                - { name: 元旦调休上班, date: 2026-01-04 }
          """, 7);
      assertThat(e.problem()).contains("2026-01-04 重复", "第6行");
    }

    @Test
    void yearWithoutHolidays() {
      assertThat(refusedAt("""
          years:
            2026:
              adjusted-working-days:
                - { name: 元旦调休上班, date: 2026-01-04 }
          """, 2).problem()).contains("缺少必填字段 holidays");
      assertThat(refusedAt("""
          years:
            2026:
              holidays: []
          """, 3).problem()).contains("没有任何假日");
    }

    @Test
    void missingOrBlankFields() {
      assertThat(refusedAt("""
          years:
            2026:
              holidays:
                - { from: 2026-01-01, to: 2026-01-03 }
          """, 4).problem()).contains("缺少必填字段 name");
      assertThat(refusedAt("""
          years:
            2026:
              holidays:
                - { name: "", from: 2026-01-01, to: 2026-01-03 }
          """, 4).problem()).contains("字段 name 不能为空");
    }

    @Test
    void wrongShapes() {
      assertThat(refusedAt("""
          years:
            - 2026
          """, 2).problem()).contains("键值映射");
      assertThat(refusedAt("""
          years:
            2026:
              holidays:
                name: 元旦
          """, 4).problem()).contains("列表");
      assertThat(refusedAt("""
          years: {}
          """, 1).problem()).contains("至少需要一个年份");
    }
  }
}
