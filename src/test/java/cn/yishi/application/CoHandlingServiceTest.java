package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CASE_ID;
import static cn.yishi.application.ApplicationFixtures.CASE_NO;
import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.PROCESS;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static cn.yishi.application.ApplicationFixtures.refusedWith;
import static cn.yishi.application.ApplicationFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.CoUnits;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 组团: naming co-units beside the lead, their results, and the rule that the lead reports after all of them. */
class CoHandlingServiceTest {
  private final CaseRepository repository = mock(CaseRepository.class);
  private final CaseProcesses processes = mock(CaseProcesses.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final InMemoryCoUnits coUnits = new InMemoryCoUnits();
  private final Cases cases = new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  private final CoHandlingService service = new CoHandlingService(cases, coUnits, processes, ApplicationFixtures.directory());

  /** The port as the table behaves: one row per case and unit, finished once. */
  static final class InMemoryCoUnits implements CoUnits {
    final List<long[]> keys = new ArrayList<>();
    final List<CoUnit> rows = new ArrayList<>();

    @Override
    public boolean add(long caseId, String unit, String assignedBy, OffsetDateTime at) {
      if (of(caseId).stream().anyMatch(c -> c.unit().equals(unit))) {
        return false;
      }
      keys.add(new long[] {caseId});
      rows.add(new CoUnit(unit, Status.OPEN, null, null, null));
      return true;
    }

    @Override
    public List<CoUnit> of(long caseId) {
      List<CoUnit> found = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (keys.get(i)[0] == caseId) {
          found.add(rows.get(i));
        }
      }
      return found;
    }

    @Override
    public boolean finish(long caseId, String unit, String result, String finishedBy, OffsetDateTime at) {
      for (int i = 0; i < rows.size(); i++) {
        CoUnit c = rows.get(i);
        if (keys.get(i)[0] == caseId && c.unit().equals(unit) && c.status() == Status.OPEN) {
          rows.set(i, new CoUnit(unit, Status.FINISHED, result, finishedBy, at));
          return true;
        }
      }
      return false;
    }
  }

  private void ledByTheWaterCompany() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-10")));
  }

  @Test
  void coUnitsNamedBesideTheLeadGetATaskEachAndATimelineEntry() {
    ledByTheWaterCompany();

    String summary = service.assign(CASE_NO, List.of(" roads ", "hualin-property", "roads"), "dispatch.li");

    assertThat(coUnits.of(CASE_ID)).extracting(CoUnits.CoUnit::unit).containsExactly("roads", "hualin-property");
    verify(processes).coHandle(PROCESS, new CaseProcesses.CoHandlingTask("roads", "县公路局", "unit-roads"));
    verify(processes).coHandle(PROCESS, new CaseProcesses.CoHandlingTask("hualin-property", "华林物业", "unit-hualin-property"));
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "dispatch.li",
        TimelineAction.CO_UNITS_ASSIGNED, "主办单位：县供水公司；协办单位：县公路局、华林物业", true));
    assertThat(summary).isEqualTo("县公路局：协办中\n华林物业：协办中");
  }

  @Test
  void noCoUnitsIsNothing() {
    ledByTheWaterCompany();

    assertThat(service.assign(CASE_NO, List.of(), "dispatch.li")).isNull();
    assertThat(service.assign(CASE_NO, null, "dispatch.li")).isNull();

    verifyNoInteractions(processes);
    assertThat(timeline.all()).isEmpty();
  }

  @Test
  void anUnknownUnitOrTheLeadAmongTheCoUnitsIsRefusedAndNothingIsStored() {
    ledByTheWaterCompany();

    assertThat(refusal(() -> service.assign(CASE_NO, List.of("roads", "nosuch", "water"), "d")))
        .containsExactly("coUnits/unknown", "coUnits/is_lead");
    assertThat(refusedWith(() -> service.assign(CASE_NO, List.of("water"), "d")).message())
        .isEqualTo("主办单位不能同时是协办单位：县供水公司");
    assertThat(refusedWith(() -> service.assign(CASE_NO, List.of("nosuch"), "d")).message()).isEqualTo("未知的协办单位：nosuch");

    assertThat(coUnits.rows).isEmpty();
    assertThat(timeline.all()).isEmpty();
    verify(processes, never()).coHandle(any(), any());
  }

  @Test
  void coUnitsWithoutALeadAreRefused() {
    stored(repository, ApplicationFixtures.withState(cn.yishi.domain.casefile.CaseStatus.ACCEPTED, Tier.STATION, null,
        endOfDay("2026-03-10"), 0, 0, 0));

    assertThat(refusal(() -> service.assign(CASE_NO, List.of("roads"), "d"))).containsExactly("coUnits/no_lead");
    assertThat(coUnits.rows).isEmpty();
  }

  @Test
  void aCoUnitReportsItsResultOnceAndOnlyAsAMemberOfThatUnit() {
    ledByTheWaterCompany();
    service.assign(CASE_NO, List.of("roads", "hualin-property"), "dispatch.li");

    assertThat(refusal(() -> service.finish(CASE_NO, "roads", "已清理", "someone", List.of("unit-water"))))
        .containsExactly("coUnit/not_member");
    assertThat(refusal(() -> service.finish(CASE_NO, "water", "已清理", "unit.water", List.of("unit-water"))))
        .as("the lead is no co-unit").containsExactly("coUnit/unknown");
    assertThat(refusal(() -> service.finish(CASE_NO, "roads", "  ", "unit.roads", List.of("unit-roads"))))
        .containsExactly("coHandlingResult/required");
    assertThat(refusal(() -> service.finish(CASE_NO, "roads", "长".repeat(2001), "unit.roads", List.of("unit-roads"))))
        .containsExactly("coHandlingResult/too_long");

    String summary = service.finish(CASE_NO, "roads", " 已清理路面 ", "unit.roads", List.of("unit-roads"));

    assertThat(summary).isEqualTo("县公路局：已办结。已清理路面\n华林物业：协办中");
    assertThat(timeline.entries(CASE_ID)).last().isEqualTo(
        new Timeline.Entry(NOW, "unit.roads", TimelineAction.CO_HANDLED, "县公路局：已清理路面", true));
    assertThat(refusal(() -> service.finish(CASE_NO, "roads", "再报一次", "unit.roads", List.of("unit-roads"))))
        .containsExactly("coUnit/finished");
  }

  @Test
  void theLeadReportsTheJointResultOnlyAfterEveryCoUnitFinished() {
    ledByTheWaterCompany();
    service.requireFinished(CASE_NO);
    service.assign(CASE_NO, List.of("roads", "hualin-property"), "dispatch.li");

    assertThat(refusedWith(() -> service.requireFinished(CASE_NO)).message())
        .startsWith("协办单位尚未全部办结（县公路局、华林物业）");
    service.finish(CASE_NO, "roads", "已清理", "unit.roads", List.of("unit-roads"));
    assertThat(refusedWith(() -> service.requireFinished(CASE_NO)).message()).startsWith("协办单位尚未全部办结（华林物业）");
    service.finish(CASE_NO, "hualin-property", "已修剪", "p", List.of("unit-hualin-property"));

    service.requireFinished(CASE_NO);
    assertThat(service.summary(CASE_NO)).isEqualTo("县公路局：已办结。已清理\n华林物业：已办结。已修剪");
  }
}
