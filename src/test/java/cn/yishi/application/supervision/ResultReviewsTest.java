package cn.yishi.application.supervision;

import static cn.yishi.application.ApplicationFixtures.CASE_ID;
import static cn.yishi.application.ApplicationFixtures.CASE_NO;
import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.PROCESS;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static cn.yishi.application.ApplicationFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import cn.yishi.application.ApplicationFixtures;
import cn.yishi.application.Cases;
import cn.yishi.application.RecordingTimeline;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** 督办纠偏: the dispatch centre confirms a unit's result, or rejects it as false with a reason and a supervision order. */
class ResultReviewsTest {
  private final CaseRepository repository = mock(CaseRepository.class);
  private final SupervisionOrders orders = mock(SupervisionOrders.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final Cases cases = new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  private final ResultReviews reviews = new ResultReviews(cases, orders, ApplicationFixtures.handling());

  @Test
  void aConfirmedResultIsNotedAndTheCaseStaysResolved() {
    CaseFile c = stored(repository, ApplicationFixtures.resolved(0, 0));

    ResultReviews.Reviewed r = reviews.review(CASE_NO, " CONFIRMED ", null, "dispatch.wang");

    assertThat(r.confirmed()).isTrue();
    assertThat(c.status()).isEqualTo(CaseStatus.RESOLVED);
    assertThat(timeline.entries(CASE_ID)).containsExactly(
        new Timeline.Entry(NOW, "dispatch.wang", TimelineAction.RESULT_CONFIRMED, "调度中心核查办理结果属实", false));
    verify(repository, never()).save(any(), any());
    verifyNoInteractions(orders);
  }

  @Test
  void aFalseResultGoesBackToHandlingWithANewDeadlineAndASupervisionOrder() {
    stored(repository, ApplicationFixtures.resolved(0, 0));

    ResultReviews.Reviewed r = reviews.review(CASE_NO, "REJECTED", " 现场查看路灯仍不亮 ", "dispatch.wang");

    assertThat(r.confirmed()).isFalse();
    ArgumentCaptor<CaseFile> saved = ArgumentCaptor.forClass(CaseFile.class);
    verify(repository).save(saved.capture(), eq(NOW));
    CaseFile c = saved.getValue();
    assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
    assertThat(c.resolvedAt()).isNull();
    assertThat(c.deadline()).as("2 working days, past the holiday on 6 March").isEqualTo(endOfDay("2026-03-09"));
    assertThat(r.routing().deadline()).isEqualTo(endOfDay("2026-03-09"));
    assertThat(r.routing().handlerGroups()).contains("unit-water");
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "dispatch.wang",
        TimelineAction.RESULT_REJECTED, "办理结果经调度中心核查不实，退回重新办理", true));
    ArgumentCaptor<SupervisionStore.OpenItem> item = ArgumentCaptor.forClass(SupervisionStore.OpenItem.class);
    verify(orders).raise(item.capture(), eq("RJ:" + NOW.toInstant()), eq(SupervisionOrders.SOURCE_REJECTED), isNull(),
        eq(false), eq("办理结果不实（现场查看路灯仍不亮）"));
    assertThat(item.getValue()).isEqualTo(new SupervisionStore.OpenItem(SupervisionStore.ItemType.CASE, CASE_ID, CASE_ID,
        CASE_NO, "路灯不亮", "hualin", Tier.STATION.name(), "water", null, endOfDay("2026-03-09"), PROCESS, null));
  }

  @Test
  void aRejectionNeedsAReasonAndAVerdictMustBeGiven() {
    stored(repository, ApplicationFixtures.resolved(0, 0));

    assertThat(refusal(() -> reviews.review(CASE_NO, "REJECTED", "  ", "dispatch.wang")))
        .containsExactly("rejectionReason/required");
    assertThat(refusal(() -> reviews.review(CASE_NO, null, "x", "dispatch.wang"))).containsExactly("resultVerdict/required");
    assertThat(refusal(() -> reviews.review(CASE_NO, "MAYBE", "x", "dispatch.wang"))).containsExactly("resultVerdict/invalid");
    assertThat(refusal(() -> reviews.review(CASE_NO, "REJECTED", "长".repeat(1001), "dispatch.wang")))
        .containsExactly("rejectionReason/too_long");
    assertThat(timeline.all()).isEmpty();
    verifyNoInteractions(orders);
  }

  @Test
  void onlyAResolvedCaseCanBeRejected() {
    stored(repository, ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-10")));

    assertThat(refusal(() -> reviews.review(CASE_NO, "REJECTED", "未办", "dispatch.wang"))).containsExactly("status/not_resolved");
    verifyNoInteractions(orders);
  }
}
