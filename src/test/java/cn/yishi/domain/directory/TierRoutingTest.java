package cn.yishi.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.domain.casefile.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierRoutingTest {
  private final Directory directory = new Directory("fx", "奉新县",
      List.of(new Directory.Street("fengchuan", "冯川镇")),
      List.of(new Directory.Community("hualin", "华林社区", "fengchuan",
          List.of(new Directory.Station("hualin-a", "甲站"), new Directory.Station("hualin-b", "乙站")))),
      List.of(new Directory.Unit("water", "供水", Directory.UnitType.DEPARTMENT, null, null)),
      List.of());
  private final TierRouting routing = new TierRouting(directory);

  @Test
  void eachTierHasItsHandlersAStationCaseOnlyItsCompoundsStation() {
    assertThat(routing.handlerGroups("hualin", Tier.STATION, "hualin-b")).containsExactly("station-hualin-b");
    assertThat(routing.handlerGroups("hualin", Tier.STATION)).as("no compound: the room, never every station")
        .containsExactly("hualin-room");
    assertThat(routing.handlerGroups("hualin", Tier.STATION, "shengdian-x")).as("unknown compound").containsExactly("hualin-room");
    assertThat(routing.handlerGroups("hualin", Tier.ROOM)).containsExactly("hualin-room");
    assertThat(routing.handlerGroups("hualin", Tier.HALL)).as("the street's hall").containsExactly("hall-fengchuan");
    assertThat(routing.handlerGroups("hualin", Tier.COUNTY)).containsExactly("dispatch-centre");
  }

  @Test
  void aCommunityWithoutAStreetKeepsItsOwnHall() {
    Directory d = new Directory("fx", "奉新县", List.of(),
        List.of(new Directory.Community("lone", "孤社区", null, List.of())), List.of(), List.of());
    TierRouting r = new TierRouting(d);
    assertThat(r.handlerGroups("lone", Tier.HALL)).containsExactly("lone-hall");
    assertThat(r.supervisorGroups("lone", Tier.ROOM)).containsExactly("lone-hall", "dispatch-centre");
    assertThat(r.reviewGroup("lone", Tier.HALL, null)).isEqualTo("lone-community");
  }

  @Test
  void threeTierReviewTheStationOfTheCompoundTheTwoCommitteesTheStreetsHallTheCounty() {
    assertThat(routing.reviewGroup("hualin", Tier.STATION, "hualin-a")).isEqualTo("station-hualin-a");
    assertThat(routing.reviewGroup("hualin", Tier.STATION, null)).isEqualTo("hualin-community");
    assertThat(routing.reviewGroup("hualin", Tier.STATION, "nowhere")).isEqualTo("hualin-community");
    assertThat(routing.reviewGroup("hualin", Tier.ROOM, "hualin-a")).isEqualTo("hualin-community");
    assertThat(routing.reviewGroup("hualin", Tier.HALL, "hualin-a")).isEqualTo("hall-fengchuan");
    assertThat(routing.reviewGroup("hualin", Tier.COUNTY, "hualin-a")).isEqualTo("county-coordination");
    assertThat(routing.reviewerName("hualin", Tier.STATION, "hualin-a")).isEqualTo("甲站");
    assertThat(routing.reviewerName("hualin", Tier.ROOM, null)).isEqualTo("华林社区两委");
    assertThat(routing.reviewerName("hualin", Tier.HALL, null)).isEqualTo("冯川镇党工委党群会客厅");
    assertThat(routing.reviewerName("hualin", Tier.COUNTY, null)).isEqualTo("奉新县党建引领基层治理协调机制");
  }

  @Test
  void aCommittedCaseGoesToItsUnitAndAlsoToTheTierOnceEscalated() {
    assertThat(routing.handlerGroups("hualin", Tier.ROOM, "water", false)).containsExactly("unit-water");
    assertThat(routing.handlerGroups("hualin", Tier.ROOM, "water", true)).containsExactly("unit-water", "hualin-room");
    assertThat(routing.handlerGroups("hualin", Tier.HALL, null, "water", true)).as("an escalated hall case: the street's hall")
        .containsExactly("unit-water", "hall-fengchuan");
    assertThat(routing.handlerGroups("hualin", Tier.STATION, "hualin-a", null, false)).containsExactly("station-hualin-a");
  }

  @Test
  void theTierAboveAndTheDispatchCentreSupervise() {
    assertThat(routing.supervisorGroups("hualin", Tier.STATION)).containsExactly("hualin-room", "dispatch-centre");
    assertThat(routing.supervisorGroups("hualin", Tier.ROOM)).containsExactly("hall-fengchuan", "dispatch-centre");
    assertThat(routing.supervisorGroups("hualin", Tier.HALL)).containsExactly("street-fengchuan", "dispatch-centre");
    assertThat(routing.supervisorGroups("hualin", Tier.COUNTY)).containsExactly("dispatch-centre");
    assertThat(routing.unitGroups()).containsExactly("unit-water");
  }

  @Test
  void theClaimPoolIsOfferedToTheUnitsThatServeTheCommunity() {
    Directory d = new Directory("fx", "奉新县",
        List.of(new Directory.Street("fengchuan", "冯川镇"), new Directory.Street("ganfang", "赣坊镇")),
        List.of(new Directory.Community("hualin", "华林社区", "fengchuan", List.of()),
            new Directory.Community("shengdian", "圣殿社区", "fengchuan", List.of()),
            new Directory.Community("ganfang", "赣坊社区", "ganfang", List.of())),
        List.of(new Directory.Unit("water", "县供水公司", Directory.UnitType.DEPARTMENT, null, null),
            new Directory.Unit("property-hualin", "华林物业", Directory.UnitType.PROPERTY, "hualin", null),
            new Directory.Unit("property-shengdian", "圣殿物业", Directory.UnitType.PROPERTY, "shengdian", null),
            new Directory.Unit("fengchuan-sanitation", "冯川环卫所", Directory.UnitType.CO_BUILDING, null, "fengchuan", null)),
        List.of());
    TierRouting r = new TierRouting(d);

    assertThat(r.claimGroups("hualin"))
        .containsExactly("unit-water", "unit-property-hualin", "unit-fengchuan-sanitation");
    assertThat(r.claimGroups("shengdian"))
        .containsExactly("unit-water", "unit-property-shengdian", "unit-fengchuan-sanitation");
    assertThat(r.claimGroups("ganfang")).as("another street: only the county department").containsExactly("unit-water");
  }
}
