package cn.yishi.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.port.Deadlines;
import cn.yishi.domain.calendar.CalendarYear;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarWarningsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final WorkingDayCalendar calendar = WorkingDayCalendar.of(List.of(new CalendarYear(2026,
      Map.of(LocalDate.parse("2026-10-01"), "国庆节"), Map.of())), LocalTime.of(18, 0), SHANGHAI);
  /** Open deadlines per year. */
  private final Map<Integer, Long> open = new HashMap<>();
  private final CalendarWarnings warnings = new CalendarWarnings(calendar, new Deadlines() {
    @Override
    public void counted(long caseId, OffsetDateTime from) {}

    @Override
    public List<Open> openFrom(OffsetDateTime from) {
      return List.of();
    }

    @Override
    public long countOpen(OffsetDateTime from, OffsetDateTime until) {
      assertThat(until.atZoneSameInstant(SHANGHAI).toLocalDate()).isEqualTo(from.atZoneSameInstant(SHANGHAI).toLocalDate().plusYears(1));
      return open.getOrDefault(from.atZoneSameInstant(SHANGHAI).getYear(), 0L);
    }
  });

  @Test
  void nothingToSayWhileTheYearIsCoveredAndNoDeadlineRunsBeyond() {
    assertThat(warnings.check(LocalDate.parse("2026-06-01"))).isEmpty();
  }

  @Test
  void openDeadlinesInAYearWithoutHolidaysAreCounted() {
    open.put(2027, 3L);
    assertThat(warnings.check(LocalDate.parse("2026-06-01"))).singleElement().satisfies(w ->
        assertThat(w).contains("3件在办诉求", "2027年", "节假日安排未发布，按周末计算", "POST /api/calendar/years"));
  }

  @Test
  void fromNovemberTheNextYearIsAskedForWithWhatMonthlyDispatchWouldDo() {
    assertThat(warnings.check(LocalDate.parse("2026-11-01"))).singleElement().satisfies(w ->
        assertThat(w).contains("还没有2027年", "2027-01-01当作1月的首个工作日"));
  }

  @Test
  void aYearRunningWithoutItsHolidaysIsWarnedAbout() {
    open.put(2027, 1L);
    assertThat(warnings.check(LocalDate.parse("2027-02-01"))).hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("没有2027年", "今年的办理期限按周末计算"))
        .anySatisfy(w -> assertThat(w).contains("1件在办诉求"));
  }
}
