package cn.yishi.domain.directory;

import static cn.yishi.domain.directory.CaseReadPolicy.Part.INTERNAL_NOTES;
import static cn.yishi.domain.directory.CaseReadPolicy.Part.RECORD;
import static cn.yishi.domain.directory.CaseReadPolicy.Part.REPORTER_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.directory.CaseReadPolicy.CaseFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per row of the README's table "Privacy by role". */
class CaseReadPolicyTest {
  private final Directory directory = new Directory("fx", "奉新县",
      List.of(new Directory.Street("fengchuan", "冯川镇"), new Directory.Street("ganfang", "赣坊镇")),
      List.of(new Directory.Community("hualin", "华林社区", "fengchuan", List.of(new Directory.Station("hualin-a", "甲站"))),
          new Directory.Community("shengdian", "圣殿社区", "fengchuan", List.of())),
      List.of(new Directory.Unit("housing", "县住建局", Directory.UnitType.DEPARTMENT, null, null),
          new Directory.Unit("property-hualin", "华林物业", Directory.UnitType.PROPERTY, "hualin", null),
          new Directory.Unit("roads", "县公路局", Directory.UnitType.DEPARTMENT, null, null)),
      List.of());
  private final CaseReadPolicy policy = new CaseReadPolicy(directory);

  private final CaseFacts atStation = new CaseFacts("hualin", Tier.STATION, null, false, java.util.Set.of(), "hualin-a", null);
  private final CaseFacts committedToHousing = new CaseFacts("hualin", Tier.ROOM, "housing", false);
  private final CaseFacts deliberated = new CaseFacts("hualin", Tier.ROOM, null, true);

  @Test
  void theDispatchCentreAndAdministratorsReadEverything() {
    assertThat(policy.readable(List.of("dispatch-centre"), atStation)).containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    assertThat(policy.readable(List.of("camunda-admin"), committedToHousing)).containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
  }

  @Test
  void theStreetReadsEverythingOfItsCommunitiesCasesOnly() {
    assertThat(policy.readable(List.of("street-fengchuan"), atStation)).containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    assertThat(policy.readable(List.of("street-ganfang"), atStation)).isEmpty();
  }

  @Test
  void theHandlingUnitReadsEverythingAndOtherUnitsNothing() {
    assertThat(policy.readable(List.of("unit-housing"), committedToHousing)).containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    assertThat(policy.readable(List.of("unit-property-hualin"), committedToHousing)).isEmpty();
    assertThat(policy.readable(List.of("unit-housing"), atStation)).as("not (yet) its case").isEmpty();
  }

  @Test
  void aCoUnitReadsEverythingOfTheCaseItCoHandlesAndNothingOfOthers() {
    CaseFacts coHandled = new CaseFacts("shengdian", Tier.ROOM, "housing", false, java.util.Set.of("property-hualin"));
    assertThat(policy.readable(List.of("unit-property-hualin"), coHandled)).as("组团: the co-unit, whatever the community")
        .containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    assertThat(policy.readable(List.of("unit-housing"), coHandled)).as("the lead").containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    assertThat(policy.readable(List.of("unit-roads"), coHandled)).as("a unit that neither leads nor co-handles").isEmpty();
    assertThat(policy.readable(List.of("unit-property-hualin"), committedToHousing)).as("a case it does not co-handle").isEmpty();
  }

  @Test
  void reviewersAndGridWorkersReadEverythingOfTheirCommunityOnly() {
    assertThat(policy.readable(List.of("hualin-community"), atStation)).containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    assertThat(policy.readable(List.of("hualin-grid"), committedToHousing)).containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    assertThat(policy.readable(List.of("shengdian-community"), atStation)).isEmpty();
    assertThat(policy.readable(List.of("shengdian-grid"), atStation)).isEmpty();
  }

  @Test
  void stationsRoomAndHallSeeTheContactOnlyWhileTheyHandleTheCase() {
    assertThat(policy.readable(List.of("station-hualin-a"), atStation)).containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    assertThat(policy.readable(List.of("hualin-room"), atStation)).containsOnly(RECORD, INTERNAL_NOTES);
    assertThat(policy.readable(List.of("hall-fengchuan"), new CaseFacts("hualin", Tier.HALL, null, false)))
        .as("an escalated hall case is the street's hall's").containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    assertThat(policy.readable(List.of("hall-fengchuan"), atStation)).containsOnly(RECORD, INTERNAL_NOTES);
    assertThat(policy.readable(List.of("hualin-hall"), atStation)).containsOnly(RECORD, INTERNAL_NOTES);
    assertThat(policy.readable(List.of("shengdian-room"), atStation)).isEmpty();
  }

  @Test
  void ownersAndResidentRepresentativesReadOnlyTheRecordOfTheirCommunity() {
    assertThat(policy.readable(List.of("hualin-owners"), atStation)).containsOnly(RECORD);
    assertThat(policy.readable(List.of("hualin-residents"), atStation)).containsOnly(RECORD);
    assertThat(policy.readable(List.of("shengdian-owners"), atStation)).isEmpty();
    assertThat(policy.readable(List.of("shengdian-residents"), atStation)).isEmpty();
  }

  @Test
  void expertsReadOnlyTheRecordOfTheCasesPutToThem() {
    assertThat(policy.readable(List.of("expert-panel"), deliberated)).containsOnly(RECORD);
    assertThat(policy.readable(List.of("expert-panel"), atStation)).isEmpty();
  }

  @Test
  void channelAccountsAndStrangersReadNothing() {
    assertThat(policy.readable(List.of("channel-accounts"), atStation)).isEmpty();
    assertThat(policy.readable(List.of(), atStation)).isEmpty();
    assertThat(policy.readable(List.of("dispatch-centre"), new CaseFacts("elsewhere", Tier.ROOM, null, false)))
        .as("the dispatch centre reads even a case of a community the directory no longer lists")
        .containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    assertThat(policy.readable(List.of("hualin-grid"), new CaseFacts("elsewhere", Tier.ROOM, null, false))).isEmpty();
  }

  @Test
  void theReviewingPartyOrganisationReadsTheCaseOthersOfItsKindDoNot() {
    CaseFacts underHallReview = new CaseFacts("hualin", null, null, false, java.util.Set.of(), "hualin-a", "hall-fengchuan");
    assertThat(policy.readable(List.of("hall-fengchuan"), underHallReview)).containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    CaseFacts underCountyReview = new CaseFacts("hualin", null, null, false, java.util.Set.of(), null, "county-coordination");
    assertThat(policy.readable(List.of("county-coordination"), underCountyReview))
        .containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
    assertThat(policy.readable(List.of("county-coordination"), underHallReview)).as("not its review").isEmpty();
    assertThat(policy.readable(List.of("hall-ganfang"), underHallReview)).as("another street's hall").isEmpty();
    CaseFacts underStationReview = new CaseFacts("hualin", null, null, false, java.util.Set.of(), "hualin-a", "station-hualin-a");
    assertThat(policy.readable(List.of("station-hualin-a"), underStationReview)).containsOnly(RECORD, INTERNAL_NOTES, REPORTER_CONTACT);
  }
}
