package cn.yishi.adapter.process;

import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Read by task due dates in the models: the end of the n-th working day from today. */
@Component("workingDays")
public class WorkingDaysGlue {
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  public WorkingDaysGlue(WorkingDayCalendar calendar, Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  public Date fromToday(int days) {
    LocalDate d = calendar.plusWorkingDays(LocalDate.now(clock.withZone(calendar.zone())), days);
    return Date.from(d.atTime(calendar.endOfDay()).atZone(calendar.zone()).toInstant());
  }
}
