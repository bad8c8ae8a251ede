package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CASE_ID;
import static cn.yishi.application.ApplicationFixtures.CASE_NO;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.CaseTracking.EvaluationState;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Evaluations;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Tier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the public reads of one case by its number: nothing of a case awaiting review, the evaluation in words. */
class CaseTrackingTest {
  private final CaseRepository repository = mock(CaseRepository.class);
  private final Timeline timeline = mock(Timeline.class);
  private final Evaluations evaluations = mock(Evaluations.class);
  private final CaseQueries queries = new CaseQueries(repository, timeline, ApplicationFixtures.catalogue(),
      ApplicationFixtures.directory(), ApplicationFixtures.calendar(), ApplicationFixtures.CLOCK,
      mock(cn.yishi.application.port.CoUnits.class));
  private final CaseTracking tracking = new CaseTracking(repository, queries, evaluations, ApplicationFixtures.CLOCK);

  private CaseTracking.Tracked track() {
    when(timeline.entries(CASE_ID)).thenReturn(List.of());
    return tracking.track(CASE_NO).orElseThrow();
  }

  @Test
  void anUnknownOrMalformedNumberIsNotFound() {
    when(repository.findByCaseNo("FX-2026-999999")).thenReturn(Optional.empty());
    assertThat(tracking.track("FX-2026-999999")).isEmpty();
    assertThat(tracking.track(" ")).isEmpty();
    assertThat(tracking.track(null)).isEmpty();
    assertThat(tracking.track("x".repeat(65))).isEmpty();
  }

  @Test
  void aCaseAwaitingReviewIsPendingWithoutContent() {
    stored(repository, ApplicationFixtures.registered());
    CaseTracking.Tracked t = tracking.track(CASE_NO).orElseThrow();
    assertThat(t.pending()).isTrue();
    assertThat(t.caseNo()).isEqualTo(CASE_NO);
    assertThat(t.record()).isNull();
    assertThat(t.evaluation()).isNull();
    verifyNoInteractions(evaluations, timeline);
  }

  @Test
  void beforeTheResultTheEvaluationIsStillToCome() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05")));
    CaseTracking.Tracked t = track();
    assertThat(t.pending()).isFalse();
    assertThat(t.record().statusName()).isEqualTo("办理中");
    assertThat(t.evaluation()).isEqualTo(EvaluationState.NOT_YET);
  }

  @Test
  void aResolvedCaseSaysWhetherTheLinkIsOutExpiredOrAVisitIsDue() {
    stored(repository, ApplicationFixtures.resolved(0, 0));
    when(evaluations.latestToken(CASE_ID)).thenReturn(Optional.of(new Evaluations.Token("t", CASE_ID, 0, NOW.plusDays(3), null)));
    assertThat(track().evaluation()).isEqualTo(EvaluationState.LINK_SENT);
    assertThat(EvaluationState.LINK_SENT.label()).isEqualTo("评价链接已发送给反映人，等待评价");

    when(evaluations.latestToken(CASE_ID)).thenReturn(Optional.of(new Evaluations.Token("t", CASE_ID, 0, NOW.minusSeconds(1), null)));
    assertThat(track().evaluation()).isEqualTo(EvaluationState.LINK_EXPIRED);

    when(evaluations.latestToken(CASE_ID)).thenReturn(Optional.of(new Evaluations.Token("t", CASE_ID, 0, NOW.plusDays(3), NOW)));
    assertThat(track().evaluation()).isEqualTo(EvaluationState.DONE);

    when(evaluations.latestToken(CASE_ID)).thenReturn(Optional.empty());
    assertThat(track().evaluation()).isEqualTo(EvaluationState.VISIT);
  }

  @Test
  void aLinkOfAnEarlierRoundDoesNotCountAfterRework() {
    stored(repository, ApplicationFixtures.resolved(1, 1));
    when(evaluations.latestToken(CASE_ID)).thenReturn(Optional.of(new Evaluations.Token("old", CASE_ID, 0, NOW.plusDays(3), NOW)));
    assertThat(track().evaluation()).isEqualTo(EvaluationState.VISIT);
  }

  @Test
  void reworkClosedAndDeclinedHaveTheirOwnWords() {
    stored(repository, ApplicationFixtures.withState(CaseStatus.REWORK, Tier.STATION, "water", endOfDay("2026-03-05"), 0, 1, 1));
    assertThat(track().evaluation()).isEqualTo(EvaluationState.REWORK);
    stored(repository, ApplicationFixtures.withState(CaseStatus.CLOSED, Tier.STATION, "water", endOfDay("2026-03-05"), 0, 0, 0));
    assertThat(track().evaluation()).isEqualTo(EvaluationState.DONE);
    stored(repository, ApplicationFixtures.withState(CaseStatus.DECLINED, Tier.STATION, "water", endOfDay("2026-03-05"), 0, 0, 0));
    CaseTracking.Tracked declined = track();
    assertThat(declined.evaluation()).isEqualTo(EvaluationState.NONE);
    assertThat(declined.record().statusName()).isEqualTo("不予受理");
  }
}
