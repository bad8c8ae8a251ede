package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.Meetings;
import cn.yishi.application.port.Sessions;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.deliberation.Body;
import cn.yishi.domain.deliberation.BodySettings;
import cn.yishi.domain.deliberation.PartyModel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 议事机构 with the settings port in memory: seeded once from the configuration (fixed days per community), who
 * maintains which body, an edit with its version (a stale one refused), refusals that store nothing, an inactive
 * station whose topics go to the room, and scheduling that reads a changed fixed day for sessions created afterwards.
 */
class DeliberationBodiesTest {
  private final DeliberationFixture f = new DeliberationFixture();
  private final DeliberationBodies bodies = f.bodies();

  private static ResourceCatalogue.Staff staff(String user, String... groups) {
    return new ResourceCatalogue.Staff(user, List.of(groups));
  }

  private static BodySettings.Draft draft(List<String> days, String model) {
    return new BodySettings.Draft("社区二楼议事厅", days, model, null, true);
  }

  @Test
  void everyBodyIsSeededOnceWithItsConfiguredFixedDay() {
    assertThat(bodies.seed()).isEqualTo(7);
    assertThat(bodies.seed()).as("once for the installation").isZero();
    assertThat(f.bodySettings.rows.keySet()).containsExactly("STATION:hualin-yuyuan", "STATION:hualin-binjiang", "ROOM:hualin",
        "ROOM:shengdian", "ROOM:tangpu", "HALL:fc", "COUNTY:fx");
    assertThat(f.bodySettings.rows.get("ROOM:shengdian").settings().fixedDays()).as("fixed-days of shengdian").containsExactly(28);
    assertThat(f.bodySettings.rows.get("HALL:fc").settings().fixedDays()).as("the default fixed-day").containsExactly(15);
    assertThat(f.bodySettings.rows.get("ROOM:hualin").settings().model()).isEqualTo(PartyModel.FIVE_PARTIES);
    assertThat(f.bodySettings.rows.get("ROOM:tangpu").settings().model()).as("a village").isEqualTo(PartyModel.RURAL_4N);
    assertThat(f.bodySettings.changes).allSatisfy(c -> assertThat(c.action()).isEqualTo("SEEDED"));
  }

  @Test
  void theCommunityMaintainsItsStationsAndRoomTheStreetItsHallTheDispatchCentreAll() {
    assertThat(bodies.maintainable(staff("c", "hualin-community")).stream().map(l -> l.body().key()))
        .containsExactly("STATION:hualin-yuyuan", "STATION:hualin-binjiang", "ROOM:hualin");
    assertThat(bodies.maintainable(staff("s", "street-fc")).stream().map(l -> l.body().key())).containsExactly("HALL:fc");
    assertThat(bodies.maintainable(staff("st", "station-hualin-yuyuan")).stream().map(l -> l.body().key()))
        .containsExactly("STATION:hualin-yuyuan");
    assertThat(bodies.maintainable(staff("d", "dispatch-centre"))).hasSize(7);
    assertThatThrownBy(() -> bodies.maintainable(staff("g", "hualin-grid"))).isInstanceOf(DeliberationBodies.Refused.class);
    assertThatThrownBy(() -> bodies.edit(staff("c", "hualin-community"), "ROOM:shengdian", 0, draft(List.of("5"), "URBAN_5N")))
        .isInstanceOf(DeliberationBodies.Refused.class);
    assertThatThrownBy(() -> bodies.edit(staff("c", "hualin-community"), "ROOM:nowhere", 0, draft(List.of("5"), "URBAN_5N")))
        .isInstanceOf(DeliberationBodies.NotFound.class);
  }

  @Test
  void anEditNamesTheVersionItReadAndAStaleEditIsRefused() {
    bodies.seed();
    DeliberationBodies.Listed edited = bodies.edit(staff("chen", "hualin-community"), "ROOM:hualin", 0,
        draft(List.of("5", "20"), "URBAN_5N"));

    assertThat(edited.settings().version()).isEqualTo(1);
    assertThat(edited.settings().fixedDays()).containsExactly(5, 20);
    assertThat(edited.updatedBy()).isEqualTo("chen");
    assertThat(bodies.changes(staff("chen", "hualin-community"), "ROOM:hualin")).extracting(c -> c.action() + " " + c.changedBy())
        .containsExactly("SEEDED system", "EDITED chen");
    assertThatThrownBy(() -> bodies.edit(staff("li", "hualin-community"), "ROOM:hualin", 0, draft(List.of("9"), "URBAN_5N")))
        .isInstanceOf(DeliberationBodies.Stale.class);
    assertThat(f.bodySettings.rows.get("ROOM:hualin").settings().fixedDays()).containsExactly(5, 20);
  }

  @Test
  void aBodyTheTableDoesNotHoldYetIsStoredAtItsFirstEdit() {
    DeliberationBodies.Listed edited = bodies.edit(staff("d", "dispatch-centre"), "COUNTY:fx", 0, draft(List.of("25"), "FIVE_PARTIES"));
    assertThat(edited.settings().fixedDays()).containsExactly(25);
    assertThat(f.bodySettings.rows).containsKey("COUNTY:fx");
  }

  @Test
  void refusalsStoreNothing() {
    bodies.seed();
    int changes = f.bodySettings.changes.size();
    ResourceCatalogue.Staff chen = staff("chen", "hualin-community");
    assertThat(refusal(() -> bodies.edit(chen, "ROOM:hualin", 0, draft(List.of("32"), "URBAN_5N"))))
        .containsExactly("fixedDays out_of_range");
    assertThat(refusal(() -> bodies.edit(chen, "ROOM:hualin", 0, draft(List.of("15"), "TOWN_3N")))).containsExactly("partyModel unknown");
    assertThat(refusal(() -> bodies.edit(chen, "ROOM:hualin", 0,
        new BodySettings.Draft(null, List.of("15"), "URBAN_5N", List.of("TWO_COMMITTEES", "MAYOR"), true))))
        .containsExactly("standingParties unknown");
    assertThat(refusal(() -> bodies.edit(chen, "ROOM:hualin", 0,
        new BodySettings.Draft("会".repeat(101), List.of("15"), "URBAN_5N", null, true)))).containsExactly("place too_long");
    assertThat(refusal(() -> bodies.edit(chen, "ROOM:hualin", null, draft(List.of("15"), "URBAN_5N")))).containsExactly("version required");
    assertThat(f.bodySettings.changes).hasSize(changes);
    assertThat(f.bodySettings.rows.get("ROOM:hualin").settings().version()).isZero();
  }

  @Test
  void anInactiveStationsTopicsGoToTheRoom() {
    Body station = f.directory.bodyFor("hualin", Tier.STATION, "hualin-yuyuan");
    assertThat(bodies.convening(station)).isEqualTo(station);
    bodies.edit(staff("st", "station-hualin-yuyuan"), "STATION:hualin-yuyuan", 0,
        new BodySettings.Draft(null, List.of("15"), "URBAN_5N", null, false));
    assertThat(bodies.convening(station).key()).isEqualTo("ROOM:hualin");
  }

  @Test
  void aChangedFixedDayAndPlaceApplyToSessionsCreatedAfterwards() {
    DeliberationSessions sessions = f.sessionService();
    bodies.seed();
    bodies.edit(staff("chen", "hualin-community"), "ROOM:hualin", 0, draft(List.of("20"), "FIVE_PARTIES"));
    f.stored(new Meetings.Meeting(41, null, "hualin", "YELLOW", null, null, "议题41", null, null, null, null, null, null));
    when(f.sessions.topicPlace(41)).thenReturn(new Sessions.TopicPlace("ROOM", null, null));
    when(f.sessions.openOn("ROOM", "hualin", LocalDate.of(2026, 3, 20), false)).thenReturn(Optional.empty());
    when(f.sessions.insert(any(), any(), any(), anyBoolean(), any(), any())).thenReturn(9L);

    assertThat(sessions.join(41).date()).as("Friday 20 March, not the configured 15th").isEqualTo(LocalDate.of(2026, 3, 20));
    verify(f.sessions).insert("ROOM", "hualin", LocalDate.of(2026, 3, 20), false, "社区二楼议事厅", DeliberationFixture.NOW);
  }
}
