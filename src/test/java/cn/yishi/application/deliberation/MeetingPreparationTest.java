package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.CASE_ID;
import static cn.yishi.application.deliberation.DeliberationFixture.NOW;
import static cn.yishi.application.deliberation.DeliberationFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** 会前沟通 and 三单: the parties and their positions, the problem list matched against the resources. */
class MeetingPreparationTest {
  private final DeliberationFixture f = new DeliberationFixture();
  private final InMemoryResourceList list = new InMemoryResourceList();
  private final ResourceCatalogue resources = new ResourceCatalogue(list, f.directory,
      java.time.Clock.fixed(NOW.toInstant(), DeliberationFixture.SHANGHAI));
  private final MeetingPreparation preparation = new MeetingPreparation(f.cases, f.meetings, f.deliberations, f.directory,
      resources);

  {
    // the configured list, copied into the table at the first start
    resources.seed(DeliberationFixture.properties().resources());
  }

  @Test
  void theCommunitysPartiesAndTheCasesDepartment() {
    f.elevatorCase("housing");
    f.meeting(41, CASE_ID);

    assertThat(preparation.parties(41)).containsExactly("hualin-community", "hualin-owners", "unit-property-hualin",
        "hualin-residents", "unit-school", "unit-housing");
  }

  @Test
  void aUnitThatIsNoDepartmentAndACommunityMatterAddNoParty() {
    f.elevatorCase("property-hualin");
    f.meeting(41, CASE_ID);
    f.meeting(42, null);

    assertThat(preparation.parties(41)).hasSize(5).doesNotContain("unit-housing");
    assertThat(preparation.parties(42)).hasSize(5);
  }

  @Test
  void aPartysPositionIsStored() {
    f.meeting(42, null);

    preparation.recordOpinion(42, "hualin-owners", "  同意加装，费用分摊 ", "owner.li");

    verify(f.meetings).saveOpinion(42, "hualin-owners", "同意加装，费用分摊", "owner.li", NOW);
  }

  @Test
  void anEmptyPositionAGroupThatIsNoPartyAndAnUnknownMeetingAreRefused() {
    f.meeting(42, null);
    when(f.meetings.findMeeting(99)).thenReturn(Optional.empty());

    assertThat(refusal(() -> preparation.recordOpinion(42, "hualin-owners", " ", "owner.li"))).containsExactly("position required");
    assertThat(refusal(() -> preparation.recordOpinion(42, "shengdian-owners", "同意", "x"))).containsExactly("partyGroup unknown");
    assertThat(refusal(() -> preparation.recordOpinion(42, null, "同意", "x"))).containsExactly("partyGroup unknown");
    assertThat(refusal(() -> preparation.recordOpinion(99, "hualin-owners", "同意", "x"))).containsExactly("meetingId unknown");
    verify(f.meetings, never()).saveOpinion(anyLong(), anyString(), anyString(), anyString(), any());
  }

  @Test
  void theProblemListIsMatchedAgainstTheResourcesByKeyword() {
    f.meeting(42, null);

    String matches = preparation.draftProblemList(42, " 电梯费用分摊纠纷；合同未签 ");

    assertThat(matches).isEqualTo("可调用资源：\n部门：县司法局法律顾问（匹配：纠纷、合同）\n人才：退休电梯工程师（匹配：电梯）");
    verify(f.meetings).saveProblemList(42, "电梯费用分摊纠纷；合同未签", matches);
  }

  @Test
  void theProblemListReadsTheCurrentListOnlyRetiredAndOtherCommunitiesEntriesAreLeftOut() {
    f.meeting(42, null);
    ResourceCatalogue.Staff secretary = new ResourceCatalogue.Staff("community.hualin", java.util.List.of("hualin-community"));
    ResourceCatalogue.Staff other = new ResourceCatalogue.Staff("community.shengdian", java.util.List.of("shengdian-community"));
    resources.add(secretary, new cn.yishi.domain.resource.ResourceDraft("TALENT", "社区调解员老周", "邻里纠纷调解",
        java.util.List.of("纠纷、噪音"), "13900000000", "hualin", null));
    resources.add(other, new cn.yishi.domain.resource.ResourceDraft("VENUE", "圣殿社区活动室", null,
        java.util.List.of("纠纷"), null, "shengdian", null));
    resources.retire(new ResourceCatalogue.Staff("dispatch", java.util.List.of("dispatch-centre")), 1);

    String matches = preparation.draftProblemList(42, "电梯纠纷");

    assertThat(matches).isEqualTo("可调用资源：\n人才：社区调解员老周（邻里纠纷调解）（匹配：纠纷）\n人才：退休电梯工程师（匹配：电梯）")
        .as("the contact is for staff only").doesNotContain("13900000000");
  }

  @Test
  void withoutMatchTheMeetingAgreesOnResources() {
    f.meeting(42, null);

    assertThat(preparation.draftProblemList(42, "车棚漏雨")).isEqualTo("资源清单中没有匹配的资源，请在议事会上商定。");
  }

  @Test
  void anEmptyProblemListIsRefusedAndNothingStored() {
    f.meeting(42, null);

    assertThat(refusal(() -> preparation.draftProblemList(42, null))).containsExactly("problemList required");
    assertThat(refusal(() -> preparation.draftProblemList(42, "p".repeat(4001)))).containsExactly("problemList required");
    verify(f.meetings, never()).saveProblemList(anyLong(), anyString(), anyString());
  }
}
