package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * 三级前置把关: the reviewer at each tier, passing the review up one tier and down one tier with a reason, and the
 * refusals (no reason, above the county, below the station, the same party organisation), which store nothing.
 */
class ReviewTiersTest {
  private final CaseRepository repository = mock(CaseRepository.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final Cases cases = new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  private final ReviewTiers tiers = new ReviewTiers(cases, repository, ApplicationFixtures.directory());

  private CaseFile at(String compound) {
    CaseFile c = new CaseFile(7L, "FX-2026-000007", Channel.HOTLINE_12345, null, "streetlight", "路灯不亮", "路灯不亮",
        "hualin", compound, 3, OffsetDateTime.parse("2026-03-03T09:00:00+08:00"));
    return ApplicationFixtures.stored(repository, c);
  }

  @Test
  void eachTierHasItsReviewer() {
    CaseFile c = at("hualin-a");
    assertThat(tiers.reviewerAt(c.caseNo(), Tier.STATION)).isEqualTo(new ReviewTiers.Reviewer("STATION", "station-hualin-a", "华林甲站"));
    assertThat(tiers.reviewerAt(c.caseNo(), Tier.ROOM)).isEqualTo(new ReviewTiers.Reviewer("ROOM", "hualin-community", "华林社区两委"));
    assertThat(tiers.reviewerAt(c.caseNo(), Tier.HALL)).isEqualTo(new ReviewTiers.Reviewer("HALL", "hall-fengchuan", "冯川镇党工委党群会客厅"));
    assertThat(tiers.reviewerAt(c.caseNo(), Tier.COUNTY))
        .isEqualTo(new ReviewTiers.Reviewer("COUNTY", "county-coordination", "奉新县党建引领基层治理协调机制"));
  }

  @Test
  void aReviewerPassesUpWithAReasonTheTimelineSaysSoPubliclyTheReasonStaysInternal() {
    CaseFile c = at("hualin-a");

    ReviewTiers.Reviewer to = tiers.pass(c.caseNo(), "STATION", "UP", "涉及两个小区，需社区统筹", "station.a");

    assertThat(to).isEqualTo(new ReviewTiers.Reviewer("ROOM", "hualin-community", "华林社区两委"));
    verify(repository).reviewAt(7L, "hualin-community");
    assertThat(timeline.entries(7L)).extracting(e -> e.action(), e -> e.note(), e -> e.publicNote()).containsExactly(
        org.assertj.core.groups.Tuple.tuple(TimelineAction.REVIEW_PASSED_UP, "华林甲站提交华林社区两委把关", true),
        org.assertj.core.groups.Tuple.tuple(TimelineAction.REVIEW_PASSED_UP, "理由：涉及两个小区，需社区统筹", false));
  }

  @Test
  void theTierAboveSendsItDown() {
    CaseFile c = at("hualin-a");
    assertThat(tiers.pass(c.caseNo(), "HALL", "DOWN", "属社区权限内事项", "hall.fengchuan").group()).isEqualTo("hualin-community");
    assertThat(tiers.pass(c.caseNo(), "ROOM", "DOWN", "小区内部事项", "community.hualin").group()).isEqualTo("station-hualin-a");
    assertThat(tiers.pass(c.caseNo(), "ROOM", "UP", "涉及多个部门", "community.hualin").group()).isEqualTo("hall-fengchuan");
    assertThat(tiers.pass(c.caseNo(), "HALL", "UP", "跨街道", "hall.fengchuan").group()).isEqualTo("county-coordination");
    assertThat(timeline.entries(7L).get(0).action()).isEqualTo(TimelineAction.REVIEW_SENT_DOWN);
  }

  @Test
  void aStationCaseWithoutACompoundIsReviewedByTheTwoCommitteesPassingUpGoesToTheHall() {
    CaseFile c = at(null);
    assertThat(tiers.reviewerAt(c.caseNo(), Tier.STATION).group()).isEqualTo("hualin-community");
    assertThat(tiers.pass(c.caseNo(), "STATION", "UP", "需街道统筹", "community.hualin").group()).isEqualTo("hall-fengchuan");
  }

  @Test
  void refusalsStoreNothing() {
    CaseFile c = at("hualin-a");
    assertThat(refusal(() -> tiers.pass(c.caseNo(), "STATION", "UP", "  ", "station.a"))).containsExactly("reviewPassReason/required");
    assertThat(refusal(() -> tiers.pass(c.caseNo(), "HALL", "DOWN", null, "hall.fengchuan"))).containsExactly("reviewPassReason/required");
    assertThat(refusal(() -> tiers.pass(c.caseNo(), "STATION", "UP", "理".repeat(501), "station.a")))
        .containsExactly("reviewPassReason/too_long");
    assertThat(refusal(() -> tiers.pass(c.caseNo(), "STATION", "SIDEWAYS", "理由", "station.a"))).containsExactly("reviewPass/invalid");
    assertThat(refusal(() -> tiers.pass(c.caseNo(), "COUNTY", "UP", "理由", "county.x"))).containsExactly("reviewPass/top");
    assertThat(refusal(() -> tiers.pass(c.caseNo(), "STATION", "DOWN", "理由", "station.a"))).containsExactly("reviewPass/bottom");
    CaseFile without = at(null);
    assertThat(refusal(() -> tiers.pass(without.caseNo(), "ROOM", "DOWN", "理由", "community.hualin")))
        .containsExactly("reviewPass/same_reviewer");
    verify(repository, never()).reviewAt(anyLong(), anyString());
    assertThat(timeline.all()).isEmpty();
  }
}
