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
  void eachTierHasItsHandlers() {
    assertThat(routing.handlerGroups("hualin", Tier.STATION)).containsExactly("station-hualin-a", "station-hualin-b");
    assertThat(routing.handlerGroups("hualin", Tier.ROOM)).containsExactly("hualin-room");
    assertThat(routing.handlerGroups("hualin", Tier.HALL)).containsExactly("hualin-hall");
    assertThat(routing.handlerGroups("hualin", Tier.COUNTY)).containsExactly("dispatch-centre");
  }

  @Test
  void aCommittedCaseGoesToItsUnitAndAlsoToTheTierOnceEscalated() {
    assertThat(routing.handlerGroups("hualin", Tier.ROOM, "water", false)).containsExactly("unit-water");
    assertThat(routing.handlerGroups("hualin", Tier.ROOM, "water", true)).containsExactly("unit-water", "hualin-room");
    assertThat(routing.handlerGroups("hualin", Tier.STATION, null, false)).containsExactly("station-hualin-a", "station-hualin-b");
  }

  @Test
  void theTierAboveAndTheDispatchCentreSupervise() {
    assertThat(routing.supervisorGroups("hualin", Tier.STATION)).containsExactly("hualin-room", "dispatch-centre");
    assertThat(routing.supervisorGroups("hualin", Tier.ROOM)).containsExactly("hualin-hall", "dispatch-centre");
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
