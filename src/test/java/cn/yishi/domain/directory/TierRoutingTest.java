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
}
