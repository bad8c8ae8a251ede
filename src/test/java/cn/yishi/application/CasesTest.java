package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CASE_ID;
import static cn.yishi.application.ApplicationFixtures.CASE_NO;
import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static cn.yishi.application.ApplicationFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.Urgency;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What every use case shares: load, change with one timeline entry, deadlines on the calendar, routing. */
class CasesTest {
  private final CaseRepository repository = mock(CaseRepository.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final Cases cases = new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));

  @Test
  void aCaseIsLoadedByNumberOrIdAndAnUnknownOneIsNotFound() {
    CaseFile c = stored(repository, ApplicationFixtures.registered());

    assertThat(cases.load(CASE_NO)).isSameAs(c);
    assertThat(cases.loadById(CASE_ID)).isSameAs(c);
    assertThatThrownBy(() -> cases.load("FX-2026-999999")).isInstanceOf(CaseNotFound.class)
        .hasMessage("办件不存在：FX-2026-999999");
    assertThatThrownBy(() -> cases.loadById(7)).isInstanceOf(CaseNotFound.class).hasMessage("办件不存在：#7");
  }

  @Test
  void nowIsTheClocksInstantInTheOfficesZone() {
    assertThat(cases.now()).isEqualTo(NOW);
    assertThat(cases.now().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
  }

  @Test
  void deadlinesCountWorkingDaysOnTheCalendar() {
    assertThat(cases.deadlineIn(0)).as("the end of today").isEqualTo(endOfDay("2026-03-04"));
    assertThat(cases.deadlineIn(1)).isEqualTo(endOfDay("2026-03-05"));
    assertThat(cases.deadlineIn(2)).as("past the Friday holiday and the weekend").isEqualTo(endOfDay("2026-03-09"));
  }

  @Test
  void aChangeIsSavedAtNowWithOneTimelineEntry() {
    stored(repository, ApplicationFixtures.registered());
    Classification k = new Classification(Urgency.RED, Tier.ROOM, Disposal.IMMEDIATE, null);

    CaseFile changed = cases.change(CASE_NO, "community.hualin", TimelineAction.ACCEPTED, "红色", true,
        c -> c.accept(k, endOfDay("2026-03-05"), endOfDay("2026-03-04")));

    ArgumentCaptor<CaseFile> saved = ArgumentCaptor.forClass(CaseFile.class);
    verify(repository).save(saved.capture(), eq(NOW));
    assertThat(saved.getValue()).isSameAs(changed);
    assertThat(saved.getValue().status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(saved.getValue().tier()).isEqualTo(Tier.ROOM);
    assertThat(timeline.all()).containsExactly(new RecordingTimeline.Appended(CASE_ID,
        new Timeline.Entry(NOW, "community.hualin", TimelineAction.ACCEPTED, "红色", true)));
  }

  @Test
  void aRefusedChangeStoresNothing() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05")));
    Classification k = new Classification(Urgency.RED, Tier.ROOM, Disposal.IMMEDIATE, null);

    assertThat(refusal(() -> cases.change(CASE_NO, "x", TimelineAction.ACCEPTED, "红色", true,
        c -> c.accept(k, NOW, NOW)))).containsExactly("status/invalid_state");
    verify(repository, never()).save(any(), any());
    assertThat(timeline.all()).isEmpty();
  }

  @Test
  void anUnknownCaseIsNotChanged() {
    assertThatThrownBy(() -> cases.change("FX-2026-999999", "x", TimelineAction.PROGRESS, "n", true, c -> { }))
        .isInstanceOf(CaseNotFound.class);
    verify(repository, never()).save(any(), any());
    assertThat(timeline.all()).isEmpty();
  }

  @Test
  void aNoteIsOneTimelineEntryAtNowAndChangesNothing() {
    CaseFile c = ApplicationFixtures.registered();

    cases.note(c, "grid.li", TimelineAction.PROGRESS, "已到现场", true);
    cases.note(7L, "system", TimelineAction.SUPERVISED, "内部", false);

    assertThat(timeline.all()).containsExactly(
        new RecordingTimeline.Appended(CASE_ID, new Timeline.Entry(NOW, "grid.li", TimelineAction.PROGRESS, "已到现场", true)),
        new RecordingTimeline.Appended(7, new Timeline.Entry(NOW, "system", TimelineAction.SUPERVISED, "内部", false)));
    verify(repository, never()).save(any(), any());
  }

  @Test
  void routingGoesToTheUnitAndOnceEscalatedAlsoToTheTier() {
    CaseFile c = ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05"));

    Routing r = cases.routing(c, false);
    assertThat(r.handlerGroups()).containsExactly("unit-water");
    assertThat(r.supervisorGroups()).containsExactly("hualin-room", "dispatch-centre");
    assertThat(r.deadline()).isEqualTo(endOfDay("2026-03-05"));
    assertThat(r.priority()).isEqualTo(Urgency.GREEN.taskPriority());
    assertThat(r).extracting(Routing::tier, Routing::disposal, Routing::responsibleUnit)
        .containsExactly("STATION", "COMMITTED", "water");

    assertThat(cases.routing(c, true).handlerGroups()).as("the station of its compound only")
        .containsExactly("unit-water", "station-hualin-a");
  }

  @Test
  void withoutAUnitTheTierHandles() {
    CaseFile c = ApplicationFixtures.inProgress(Tier.HALL, null, endOfDay("2026-03-05"));

    Routing r = cases.routing(c, false);

    assertThat(r.handlerGroups()).as("the street's hall").containsExactly("hall-fengchuan");
    assertThat(r.supervisorGroups()).containsExactly("street-fengchuan", "dispatch-centre");
  }
}
