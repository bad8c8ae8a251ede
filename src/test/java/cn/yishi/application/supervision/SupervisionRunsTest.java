package cn.yishi.application.supervision;

import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.ApplicationFixtures;
import cn.yishi.application.port.SupervisionProcesses;
import cn.yishi.application.port.SupervisionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Catch-up runs (补跑) start the process of their kind as of a past day; the run records are listed. */
class SupervisionRunsTest {
  private final SupervisionProcesses processes = mock(SupervisionProcesses.class);
  private final SupervisionStore store = mock(SupervisionStore.class);
  private final SupervisionRuns runs = new SupervisionRuns(processes, store, CLOCK);

  private static SupervisionStore.Run run(long id, String kind) {
    return new SupervisionStore.Run(id, kind, LocalDate.of(2026, 3, 1), "2026-02-3", "admin", NOW, NOW, 10, 2, 2, 1, 0, 0,
        "p-" + id);
  }

  @Test
  void aTenDayCatchUpRunsTheSweepAsOfThatDay() {
    when(processes.startTenDay(LocalDate.of(2026, 3, 1), "admin")).thenReturn("p-1");
    when(store.runOfProcess("p-1")).thenReturn(Optional.of(run(1, "TEN_DAY")));

    SupervisionRuns.Started s = runs.run(" TEN_DAY ", " 2026-03-01 ", "admin");

    assertThat(s).isEqualTo(new SupervisionRuns.Started("p-1", Optional.of(run(1, "TEN_DAY"))));
    verify(processes, never()).startMonthly(any(), anyString());
  }

  @Test
  void aMonthlyCatchUpMayWaitForItsReviewBeforeItHasARunRecord() {
    when(processes.startMonthly(LocalDate.of(2026, 3, 4), "admin")).thenReturn("p-2");
    when(store.runOfProcess("p-2")).thenReturn(Optional.empty());

    assertThat(runs.run("MONTHLY", "2026-03-04", "admin")).isEqualTo(new SupervisionRuns.Started("p-2", Optional.empty()));
  }

  @Test
  void todayIsTheDayInTheOfficesZone() {
    // 17:30 UTC on 3 March is 01:30 on 4 March in Shanghai
    SupervisionRuns early = new SupervisionRuns(processes, store,
        Clock.fixed(Instant.parse("2026-03-03T17:30:00Z"), ApplicationFixtures.ZONE));
    when(processes.startTenDay(LocalDate.of(2026, 3, 4), "admin")).thenReturn("p-3");

    assertThat(early.run("TEN_DAY", "2026-03-04", "admin").processInstanceId()).isEqualTo("p-3");
  }

  @Test
  void aRunWithoutKindOrWithABadDayIsRefusedAndStartsNothing() {
    assertThat(refusal(() -> runs.run(null, "2026-03-01", "admin"))).containsExactly("kind/required");
    assertThat(refusal(() -> runs.run("WEEKLY", "2026-03-01", "admin"))).containsExactly("kind/invalid");
    assertThat(refusal(() -> runs.run("TEN_DAY", " ", "admin"))).containsExactly("asOf/required");
    assertThat(refusal(() -> runs.run("TEN_DAY", "1.3.2026", "admin"))).containsExactly("asOf/invalid");
    assertThat(refusal(() -> runs.run("MONTHLY", "2026-03-05", "admin"))).containsExactly("asOf/future");
    verifyNoInteractions(processes, store);
  }

  @Test
  void theRunsAreListedNewestFirstWithALimit() {
    when(store.runs(null, 50)).thenReturn(List.of(run(2, "MONTHLY"), run(1, "TEN_DAY")));
    when(store.runs("TEN_DAY", 200)).thenReturn(List.of(run(1, "TEN_DAY")));

    assertThat(runs.list(null, null)).extracting(SupervisionStore.Run::id).containsExactly(2L, 1L);
    assertThat(runs.list(" ", null)).hasSize(2);
    assertThat(runs.list("TEN_DAY", 200)).extracting(SupervisionStore.Run::id).containsExactly(1L);
  }

  @Test
  void aBadLimitOrKindIsRefused() {
    assertThat(refusal(() -> runs.list(null, 0))).containsExactly("limit/out_of_range");
    assertThat(refusal(() -> runs.list(null, 201))).containsExactly("limit/out_of_range");
    assertThat(refusal(() -> runs.list("DAILY", 10))).containsExactly("kind/invalid");
    verify(store, never()).runs(anyString(), anyInt());
  }

  @Test
  void oneRunIsReadById() {
    when(store.run(1)).thenReturn(Optional.of(run(1, "TEN_DAY")));

    assertThat(runs.get(1)).contains(run(1, "TEN_DAY"));
    assertThat(runs.get(9)).isEmpty();
  }
}
