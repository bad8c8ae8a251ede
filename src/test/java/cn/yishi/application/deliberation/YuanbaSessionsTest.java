package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.Meetings;
import cn.yishi.application.port.MicroGridStore;
import cn.yishi.application.port.Sessions;
import cn.yishi.domain.microgrid.Yuanba;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * 议事协商到院坝 (开州): a station topic of a case with a 院坝 is deliberated by that 院坝 — a session of the body kind
 * STATION with the 院坝's code, named "<院坝名>会" and convened by its 院坝长; another community's 院坝 is not taken.
 */
class YuanbaSessionsTest {
  private static final LocalDate FIXED_DAY = LocalDate.of(2026, 3, 16);
  private static final Yuanba DAPING = new Yuanba("hualin-daping", "hualin", "大坪院坝", "3栋至5栋");
  private static final Yuanba ELSEWHERE = new Yuanba("shengdian-xi", "shengdian", "西头院坝", null);

  private final DeliberationFixture f = new DeliberationFixture();
  private final DeliberationSessions sessions = f.sessionService();
  private final MicroGridStore microGrids = mock(MicroGridStore.class);

  private void topic(long id, String community, String station) {
    f.stored(new Meetings.Meeting(id, null, community, "YELLOW", FIXED_DAY, null, "议题" + id, null, null, null, null, null, null));
    when(f.sessions.topicPlace(id)).thenReturn(new Sessions.TopicPlace("STATION", station, null));
  }

  @Test
  void aStationTopicWithA院坝JoinsThe院坝会ConvenedByIts院坝长() {
    f.lookup.useMicroGrids(microGrids);
    when(microGrids.find("hualin-daping")).thenReturn(Optional.of(DAPING));
    topic(41, "hualin", "hualin-daping");
    when(f.sessions.openOn(any(), any(), any(), anyBoolean())).thenReturn(Optional.empty());
    when(f.sessions.insert(any(), any(), any(), anyBoolean(), any(), any())).thenReturn(9L);

    DeliberationSessions.Joined j = sessions.join(41);

    assertThat(j.bodyGroup()).isEqualTo("yuanba-hualin-daping-head");
    assertThat(j.bodyName()).isEqualTo("大坪院坝会");
    verify(f.sessions).insert("STATION", "hualin-daping", FIXED_DAY, false, "大坪院坝会", NOW);
    Sessions.Session s = new Sessions.Session(9, "STATION", "hualin-daping", FIXED_DAY, false, Sessions.OPEN, "大坪院坝会",
        null, null, null, null, false, null, null, 0);
    assertThat(sessions.body(s).name()).as("the session's body found again by its code").isEqualTo("大坪院坝会");
  }

  @Test
  void another院坝OrNoMicroGridsLeavesTheTopicWithTheStationsRules() {
    f.lookup.useMicroGrids(microGrids);
    when(microGrids.find("shengdian-xi")).thenReturn(Optional.of(ELSEWHERE));
    topic(42, "hualin", "shengdian-xi");
    when(f.sessions.openOn(any(), any(), any(), anyBoolean())).thenReturn(Optional.empty());
    when(f.sessions.insert(any(), any(), any(), anyBoolean(), any(), any())).thenReturn(10L);

    assertThat(sessions.join(42).bodyGroup()).as("another community's 院坝: the room").isEqualTo("hualin-room");
  }
}
