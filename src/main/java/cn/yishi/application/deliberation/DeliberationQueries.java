package cn.yishi.application.deliberation;

import cn.yishi.application.port.Meetings;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the public sees of deliberation (no personal data, no positions of persons): the resolutions in their
 * publicity window with their items, and the meeting statistics per community and month.
 */
@Service
public class DeliberationQueries {
  private final Meetings meetings;
  private final Deliberations deliberations;
  private final WorkingDayCalendar calendar;

  public DeliberationQueries(Meetings meetings, Deliberations deliberations, WorkingDayCalendar calendar) {
    this.meetings = meetings;
    this.deliberations = deliberations;
    this.calendar = calendar;
  }

  /** The public view of a publicised resolution: no personal data, no positions of persons. */
  public record PublicResolution(String token, String community, String title, String summary,
      List<PublicItem> items, OffsetDateTime publicityEndsAt, boolean open) {}

  public record PublicItem(String unit, String measure, LocalDate deadline, String status) {}

  /** The resolutions publicised now (张榜公示), of one community or all. */
  @Transactional(readOnly = true)
  public List<PublicResolution> publicResolutions(String community) {
    deliberations.rules().communityOrAll(community);
    return meetings.inPublicity(community, deliberations.now()).stream().map(this::publicResolution).toList();
  }

  /** The public board's view of a publicised resolution. */
  @Transactional(readOnly = true)
  public Optional<PublicResolution> publicResolution(String token) {
    return meetings.findByPublicityToken(token == null ? "" : token).map(this::publicResolution);
  }

  private PublicResolution publicResolution(Meetings.Meeting m) {
    return new PublicResolution(
        m.publicityToken(),
        deliberations.communityName(m.community()),
        m.title(), m.summary(),
        meetings.items(m.id()).stream().filter(i -> !"WITHDRAWN".equals(i.status()))
            .map(i -> new PublicItem(deliberations.unitName(i.unit()), i.measure(),
                deliberations.dateOf(i.deadline()), Deliberations.statusLabel(i.status())))
            .toList(),
        m.publicityEndsAt(), deliberations.now().isBefore(m.publicityEndsAt()));
  }

  /** Meetings, on-site meetings, participants and settled matters per community and month. */
  @Transactional(readOnly = true)
  public List<Meetings.MonthFigures> statistics(String community, YearMonth from, YearMonth to) {
    deliberations.rules().statisticsPeriod(community, from, to);
    var zone = calendar.zone();
    return meetings.statistics(community, from.atDay(1).atStartOfDay(zone).toOffsetDateTime(),
        to.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime(), zone);
  }

  /** This month in the calendar's zone. */
  public YearMonth currentMonth() {
    return YearMonth.from(deliberations.today());
  }
}
