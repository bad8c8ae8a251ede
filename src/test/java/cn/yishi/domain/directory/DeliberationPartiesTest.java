package cn.yishi.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.domain.directory.Directory.Community;
import cn.yishi.domain.directory.Directory.Unit;
import cn.yishi.domain.directory.Directory.UnitType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 五方/4+N: the parties of a community's deliberation, as Camunda groups. */
class DeliberationPartiesTest {
  private final Directory directory = new Directory("fx", "奉新县", List.of(new Directory.Street("fc", "冯川镇")),
      List.of(new Community("hualin", "华林社区", "fc", List.of()), new Community("shengdian", "圣殿社区", "fc", List.of())),
      List.of(new Unit("housing", "县住建局", UnitType.DEPARTMENT, null, null),
          new Unit("property-hualin", "华林物业", UnitType.PROPERTY, "hualin", null),
          new Unit("school", "华林中学", UnitType.CO_BUILDING, "hualin", null),
          new Unit("bank", "圣殿银行网点", UnitType.CO_BUILDING, "shengdian", null)),
      List.of());

  @Test
  void partyOrganisationOwnersPropertyResidentsAndCoBuildingUnitsOfTheCommunity() {
    assertThat(directory.deliberationParties("hualin"))
        .containsExactly("hualin-community", "hualin-owners", "unit-property-hualin", "hualin-residents", "unit-school");
  }

  @Test
  void aCommunityWithoutPropertyCompanyHasTheOtherParties() {
    assertThat(directory.deliberationParties("shengdian"))
        .containsExactly("shengdian-community", "shengdian-owners", "shengdian-residents", "unit-bank");
  }

  @Test
  void theOwnersResidentsAndExpertPanelAreGroups() {
    assertThat(directory.groups()).containsKeys("hualin-owners", "hualin-residents", GroupIds.EXPERT_PANEL);
    assertThat(directory.groups().get("hualin-owners").name()).isEqualTo("华林社区业主委员会");
  }
}
