package cn.yishi.domain.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A body's settings (议事机构): the fixed days of a month, the party models of seed 004 (城市 5+N, 农村 4+N, 宜昌 4+N) and
 * 奉新's 五方 with the groups of the directory that speak for each standing party, and each refusal of a draft.
 */
class BodySettingsTest {
  private static final Body ROOM = new Body(Tier.ROOM, "hualin", "华林社区党群会客室", "hualin-room", "hualin", "fc");
  private static final Body STATION = new Body(Tier.STATION, "hualin-yuyuan", "御苑小区党群会客站", "station-hualin-yuyuan",
      "hualin", "fc");
  private static final Directory DIRECTORY = new Directory("fx", "奉新县", List.of(new Directory.Street("fc", "冯川镇")),
      List.of(new Directory.Community("hualin", "华林社区", "fc", List.of(new Directory.Station("hualin-yuyuan", "御苑小区党群会客站"),
              new Directory.Station("hualin-binjiang", "滨江花园党群会客站"))),
          new Directory.Community("tangpu", "塘浦村", "fc", List.of(new Directory.Station("tangpu-shangwu", "上屋组党群会客站")))),
      List.of(new Directory.Unit("property-hualin", "华林物业", Directory.UnitType.PROPERTY, "hualin", null),
          new Directory.Unit("school", "华林中学", Directory.UnitType.CO_BUILDING, "hualin", null)),
      List.of());

  private static BodySettings.Draft draft(String place, List<String> days, String model, List<String> parties, Boolean active) {
    return new BodySettings.Draft(place, days, model, parties, active);
  }

  private static List<String> refusal(Body body, BodySettings.Draft d) {
    ValidationException e = catchThrowableOfType(ValidationException.class, () -> BodySettings.of(body, d, 0));
    assertThat(e).as("refused").isNotNull();
    e.errors().forEach(f -> assertThat(f.message()).as(f.field()).matches(".*[\\u4e00-\\u9fa5].*"));
    return e.errors().stream().map(f -> f.field() + " " + f.code()).toList();
  }

  @Test
  void aDraftIsCheckedStrippedAndSortedAndAnEmptyPartyListTakesTheModels() {
    BodySettings s = BodySettings.of(ROOM, draft("  社区二楼议事厅 ", List.of("20日", " 5"), "RURAL_4N", List.of(), null), 3);

    assertThat(s.place()).isEqualTo("社区二楼议事厅");
    assertThat(s.fixedDays()).containsExactly(5, 20);
    assertThat(s.fixedDaysText()).isEqualTo("每月5日、20日");
    assertThat(s.parties()).containsExactly(StandingParty.TWO_COMMITTEES, StandingParty.GROUP_LEADERS,
        StandingParty.RESIDENT_REPS, StandingParty.SOCIAL_ORGS);
    assertThat(s.active()).isTrue();
    assertThat(s.version()).isEqualTo(3);
    assertThat(BodySettings.of(ROOM, draft(" ", List.of("15"), "URBAN_5N", List.of("OWNERS_COMMITTEE", "OWNERS_COMMITTEE"),
        true), 0)).extracting(BodySettings::place, BodySettings::parties).containsExactly(null, List.of(StandingParty.OWNERS_COMMITTEE));
  }

  @Test
  void theNextFixedDayIsTheFirstOfTheDaysStillAheadElseNextMonthsFirstAndTheMonthsLastDayForTheThirtyFirst() {
    BodySettings s = BodySettings.of(ROOM, draft(null, List.of("5", "20"), "FIVE_PARTIES", null, null), 0);
    assertThat(s.nextFixedDay(LocalDate.of(2026, 3, 4))).isEqualTo(LocalDate.of(2026, 3, 5));
    assertThat(s.nextFixedDay(LocalDate.of(2026, 3, 5))).isEqualTo(LocalDate.of(2026, 3, 20));
    assertThat(s.nextFixedDay(LocalDate.of(2026, 3, 20))).isEqualTo(LocalDate.of(2026, 4, 5));
    BodySettings last = BodySettings.of(ROOM, draft(null, List.of("31"), "FIVE_PARTIES", null, null), 0);
    assertThat(last.nextFixedDay(LocalDate.of(2026, 2, 1))).isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void aFixedDayOutOfRangeTwiceOrMissingIsRefused() {
    assertThat(refusal(ROOM, draft(null, List.of("32"), "FIVE_PARTIES", null, null))).containsExactly("fixedDays out_of_range");
    assertThat(refusal(ROOM, draft(null, List.of("0"), "FIVE_PARTIES", null, null))).containsExactly("fixedDays out_of_range");
    assertThat(refusal(ROOM, draft(null, List.of("十五"), "FIVE_PARTIES", null, null))).containsExactly("fixedDays out_of_range");
    assertThat(refusal(ROOM, draft(null, List.of("5", "5日"), "FIVE_PARTIES", null, null))).containsExactly("fixedDays duplicate");
    assertThat(refusal(ROOM, draft(null, List.of(" "), "FIVE_PARTIES", null, null))).containsExactly("fixedDays required");
    assertThat(refusal(ROOM, draft(null, List.of("1", "2", "3", "4", "5"), "FIVE_PARTIES", null, null)))
        .containsExactly("fixedDays too_many");
  }

  @Test
  void anUnknownPartyCodeOrModelATooLongPlaceOrARoomSetInactiveIsRefusedAllAtOnce() {
    assertThat(refusal(ROOM, draft("会".repeat(101), List.of("15"), "CITY_9N", List.of("MAYOR"), false)))
        .containsExactly("place too_long", "partyModel unknown", "standingParties unknown", "active required_body");
    assertThat(refusal(ROOM, draft("会\u0000", List.of("15"), null, null, null))).containsExactly("place invalid_character",
        "partyModel required");
    assertThat(BodySettings.of(STATION, draft(null, List.of("15"), "URBAN_5N", null, false), 0).active())
        .as("a station may be set inactive").isFalse();
  }

  @Test
  void eachStandingPartyIsSpokenForByTheDirectorysGroups() {
    assertThat(PartyModel.URBAN_5N.parties().stream().flatMap(p -> p.groups(DIRECTORY, "hualin", "hualin-yuyuan").stream()))
        .containsExactly("hualin-community", "station-hualin-yuyuan", "hualin-owners", "unit-property-hualin", "hualin-social-orgs");
    assertThat(StandingParty.PARTY_BRANCH.groups(DIRECTORY, "hualin", null))
        .as("a room's topic without a compound: the party branches of every compound")
        .containsExactly("station-hualin-yuyuan", "station-hualin-binjiang");
    assertThat(PartyModel.RURAL_4N.parties().stream().flatMap(p -> p.groups(DIRECTORY, "tangpu", null).stream()))
        .containsExactly("tangpu-community", "tangpu-group-leaders", "tangpu-residents", "tangpu-social-orgs");
    assertThat(PartyModel.YICHANG_4N.parties().stream().flatMap(p -> p.groups(DIRECTORY, "hualin", null).stream()))
        .containsExactly("hualin-community", "hualin-residents", "hualin-migrants", "hualin-social-orgs");
    assertThat(PartyModel.FIVE_PARTIES.parties().stream().flatMap(p -> p.groups(DIRECTORY, "hualin", null).stream()))
        .containsExactly("hualin-community", "hualin-owners", "unit-property-hualin", "hualin-residents", "unit-school");
    assertThat(StandingParty.PROPERTY.groups(DIRECTORY, "tangpu", null)).as("a village without a property company").isEmpty();
    assertThat(DIRECTORY.groups()).containsKeys("tangpu-group-leaders", "tangpu-social-orgs", "hualin-migrants");
    assertThat(DIRECTORY.groups().get("tangpu-residents").name()).isEqualTo("塘浦村村民代表");
  }
}
