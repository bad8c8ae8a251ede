package cn.yishi.application.deliberation;

import static cn.yishi.application.deliberation.DeliberationFixture.NOW;
import static cn.yishi.application.deliberation.DeliberationFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.Meetings;
import cn.yishi.application.port.Sessions;
import cn.yishi.application.port.SupervisionStore;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sessions with their ports mocked: which session a topic joins (fixed day, extraordinary within one working day, the
 * body at its tier: station of its compound, room, the street's hall for two communities, the county), the agenda
 * that opens with the previous session's items, moves and their refusals, positions per topic, the record and its
 * refusals (a topic missing, a rating outside 1–5) that store nothing, a low rating's supervision order, a paused
 * topic that joins the next session.
 */
class DeliberationSessionsTest {
  /** Tuesday 10 March 2026; the fixed day the 15th (a Sunday: Monday 16 March). */
  private static final LocalDate FIXED_DAY = LocalDate.of(2026, 3, 16);
  private static final LocalDate NEXT_WORKING_DAY = LocalDate.of(2026, 3, 11);

  private final DeliberationFixture f = new DeliberationFixture();
  private final DeliberationSessions sessions = f.sessionService();

  private void topic(long id, String community, String urgency, String tier, String station) {
    f.stored(new Meetings.Meeting(id, null, community, urgency, FIXED_DAY, null, "议题" + id, null, null, null, null, null, null));
    when(f.sessions.topicPlace(id)).thenReturn(new Sessions.TopicPlace(tier, station, null));
  }

  private static Sessions.Session session(long id, String kind, String code, LocalDate date, boolean extraordinary, String status) {
    return new Sessions.Session(id, kind, code, date, extraordinary, status, "会议室", null, null, null, null, false, null, null, 0);
  }

  private static Sessions.Topic onAgenda(long id) {
    return new Sessions.Topic(id, null, null, "议题" + id, "hualin", "YELLOW", Sessions.ON_AGENDA, null, null, null, null, null, null);
  }

  @Test
  void threeYellowAndGreenTopicsOfOneCommunityLandOnOneSessionOnItsFixedDay() {
    topic(41, "hualin", "YELLOW", "ROOM", null);
    topic(42, "hualin", "GREEN", "ROOM", null);
    topic(43, "hualin", "YELLOW", null, null);
    Sessions.Session s = session(5, "ROOM", "hualin", FIXED_DAY, false, Sessions.OPEN);
    when(f.sessions.openOn("ROOM", "hualin", FIXED_DAY, false)).thenReturn(Optional.empty(), Optional.of(s), Optional.of(s));
    when(f.sessions.insert(any(), any(), any(), anyBoolean(), any(), any())).thenReturn(5L);

    DeliberationSessions.Joined first = sessions.join(41);
    DeliberationSessions.Joined second = sessions.join(42);
    DeliberationSessions.Joined third = sessions.join(43);

    assertThat(first).isEqualTo(new DeliberationSessions.Joined(5, FIXED_DAY, "hualin-room", "华林社区党群会客室", true));
    assertThat(List.of(second, third)).allSatisfy(j -> assertThat(j.sessionId()).isEqualTo(5)).allSatisfy(j ->
        assertThat(j.newSession()).isFalse());
    verify(f.sessions, times(1)).insert("ROOM", "hualin", FIXED_DAY, false, "华林社区党群会客室", NOW);
    verify(f.sessions).addTopic(5, 41, NOW);
    verify(f.sessions).addTopic(5, 42, NOW);
    verify(f.sessions).addTopic(5, 43, NOW);
  }

  @Test
  void redTopicsJoinAnExtraordinarySessionWithinOneWorkingDayTheSameDaysTogether() {
    topic(41, "hualin", "RED", "ROOM", null);
    topic(42, "hualin", "RED", "ROOM", null);
    Sessions.Session s = session(6, "ROOM", "hualin", NEXT_WORKING_DAY, true, Sessions.OPEN);
    when(f.sessions.openOn("ROOM", "hualin", NEXT_WORKING_DAY, true)).thenReturn(Optional.empty(), Optional.of(s));
    when(f.sessions.insert(any(), any(), any(), anyBoolean(), any(), any())).thenReturn(6L);

    assertThat(sessions.join(41)).isEqualTo(new DeliberationSessions.Joined(6, NEXT_WORKING_DAY, "hualin-room", "华林社区党群会客室", true));
    assertThat(sessions.join(42).newSession()).isFalse();
    verify(f.sessions).insert("ROOM", "hualin", NEXT_WORKING_DAY, true, "华林社区党群会客室", NOW);
    verify(f.sessions, never()).openOn(any(), any(), any(), eq(false));
  }

  @Test
  void aHallSessionTakesTopicsOfTwoCommunitiesOfItsStreet() {
    topic(41, "hualin", "YELLOW", "HALL", null);
    topic(42, "shengdian", "GREEN", "HALL", null);
    Sessions.Session s = session(7, "HALL", "fc", FIXED_DAY, false, Sessions.OPEN);
    when(f.sessions.openOn("HALL", "fc", FIXED_DAY, false)).thenReturn(Optional.empty(), Optional.of(s));
    when(f.sessions.insert(any(), any(), any(), anyBoolean(), any(), any())).thenReturn(7L);

    assertThat(sessions.join(41)).isEqualTo(new DeliberationSessions.Joined(7, FIXED_DAY, "hall-fc", "冯川镇党工委党群会客厅", true));
    assertThat(sessions.join(42).sessionId()).isEqualTo(7);
    verify(f.sessions).insert("HALL", "fc", FIXED_DAY, false, "冯川镇党工委党群会客厅", NOW);
    verify(f.sessions).addTopic(7, 42, NOW);
  }

  @Test
  void eachTierConvenesAndReviewsAtItsOwnBody() {
    topic(41, "hualin", "YELLOW", "STATION", "hualin-yuyuan");
    topic(42, "hualin", "YELLOW", "STATION", null);
    topic(43, "hualin", "YELLOW", "COUNTY", null);
    when(f.sessions.openOn(any(), any(), any(), anyBoolean())).thenReturn(Optional.empty());
    when(f.sessions.insert(any(), any(), any(), anyBoolean(), any(), any())).thenReturn(8L);

    assertThat(sessions.join(41).bodyGroup()).as("the station of the reported compound only").isEqualTo("station-hualin-yuyuan");
    assertThat(sessions.join(42).bodyGroup()).as("no compound: the room, never every station").isEqualTo("hualin-room");
    assertThat(sessions.join(43).bodyGroup()).isEqualTo("county-coordination");
    verify(f.sessions).insert("STATION", "hualin-yuyuan", FIXED_DAY, false, "御苑小区党群会客站", NOW);
    verify(f.sessions).insert("COUNTY", "fx", FIXED_DAY, false, "奉新县党建引领基层治理协调机制", NOW);
  }

  @Test
  void aSessionWhoseAgendaClosedSendsTopicsToTheNextFixedDay() {
    topic(41, "hualin", "YELLOW", "ROOM", null);
    when(f.sessions.closedOn("ROOM", "hualin", FIXED_DAY)).thenReturn(true);
    when(f.sessions.openOn(any(), any(), any(), anyBoolean())).thenReturn(Optional.empty());
    when(f.sessions.insert(any(), any(), any(), anyBoolean(), any(), any())).thenReturn(9L);

    assertThat(sessions.join(41).date()).isEqualTo(LocalDate.of(2026, 4, 15));
  }

  @Test
  void theAgendaOpensWithThePreviousSessionsItemsThenItsTopics() {
    Sessions.Session s = session(5, "ROOM", "hualin", FIXED_DAY, false, Sessions.AGENDA);
    when(f.sessions.find(5)).thenReturn(Optional.of(s));
    when(f.sessions.previousHeld("ROOM", "hualin", 5)).thenReturn(Optional.of(session(2, "ROOM", "hualin",
        LocalDate.of(2026, 2, 16), false, Sessions.HELD)));
    when(f.sessions.itemsResolvedAt(2)).thenReturn(List.of(
        new Sessions.FollowUp(21, "property-hualin", "清理楼道堆物", "DONE", OffsetDateTime.parse("2026-02-27T10:00:00Z"), null, null),
        new Sessions.FollowUp(22, "housing", "撤回的措施", "WITHDRAWN", OffsetDateTime.parse("2026-02-27T10:00:00Z"), null, null)));
    when(f.sessions.topics(5, false)).thenReturn(List.of(onAgenda(41)));

    DeliberationSessions.Facts facts = sessions.facts(5);

    assertThat(facts.title()).isEqualTo("华林社区党群会客室2026年3月16日议事会");
    assertThat(facts.agenda()).isEqualTo("""
        议程第一项：上次议事会（2026年2月16日）决议事项跟进：
        1. 华林物业：清理楼道堆物（期限 2026-02-27，已落实）
        议题：
        2. 〔议题41〕议题41""");
    assertThat(sessions.followUpItems(5)).extracting(Sessions.FollowUp::itemId).containsExactly(21L);
  }

  private Sessions.Session agendaOf(long id, String status, long... topics) {
    Sessions.Session s = session(id, "ROOM", "hualin", FIXED_DAY, false, status);
    when(f.sessions.find(id)).thenReturn(Optional.of(s));
    List<Sessions.Topic> list = java.util.Arrays.stream(topics).mapToObj(DeliberationSessionsTest::onAgenda).toList();
    when(f.sessions.topics(id, false)).thenReturn(list);
    return s;
  }

  @Test
  void theConvenerKeepsOneTopicWithItsProblemListMovesTheOtherAndAddsTheN() {
    agendaOf(5, Sessions.AGENDA, 41, 42);
    when(f.sessions.openOn("ROOM", "hualin", LocalDate.of(2026, 4, 15), false)).thenReturn(Optional.empty());
    when(f.sessions.insert(any(), any(), any(), anyBoolean(), any(), any())).thenReturn(10L);

    DeliberationSessions.AgendaClosed closed = sessions.closeAgenda(5, List.of(
        new DeliberationSessions.AgendaDecision(41L, "电梯费用分摊", null, null, false),
        new DeliberationSessions.AgendaDecision(42L, null, "2026-04-15", " 待补充测算 ", false)), List.of("unit-school", "unit-housing"),
        List.of(), "chair");

    assertThat(closed).isEqualTo(new DeliberationSessions.AgendaClosed(1, List.of(10L)));
    verify(f.preparation).draftProblemList(41, "电梯费用分摊");
    verify(f.sessions).topicOutcome(5, 42, Sessions.MOVED, "待补充测算", null, null, null);
    verify(f.sessions).addTopic(10, 42, NOW);
    verify(f.sessions).setExtraParties(5, "unit-school,unit-housing");
    verify(f.sessions).setStatus(5, Sessions.CONVENED);
  }

  @Test
  void aMoveToAPastDateWithoutReasonOrToAnotherBodyIsRefusedAndNothingChanges() {
    agendaOf(5, Sessions.AGENDA, 41);
    assertThat(refusal(() -> sessions.closeAgenda(5, List.of(new DeliberationSessions.AgendaDecision(41L, null, "2026-03-01", " ", false)),
        List.of(), List.of(), "chair"))).containsExactly("moveToDate past", "moveReason required");

    Sessions.Session other = session(11, "HALL", "fc", LocalDate.of(2026, 4, 15), false, Sessions.OPEN);
    when(f.sessions.find(11)).thenReturn(Optional.of(other));
    assertThat(refusal(() -> sessions.move(5, 41, 11, "改到街道", "chair"))).containsExactly("moveToSession other_body");

    assertThat(refusal(() -> sessions.closeAgenda(5, List.of(), List.of(), List.of(), "chair"))).containsExactly("topics missing");
    assertThat(refusal(() -> sessions.closeAgenda(5, List.of(new DeliberationSessions.AgendaDecision(41L, "清单", null, null, false)),
        List.of("nobody"), List.of(), "chair"))).containsExactly("extraParties unknown");
    verify(f.sessions, never()).topicOutcome(anyLong(), anyLong(), any(), any(), any(), any(), any());
    verify(f.sessions, never()).addTopic(anyLong(), anyLong(), any());
    verify(f.sessions, never()).setStatus(anyLong(), any());
    verify(f.preparation, never()).draftProblemList(anyLong(), any());
  }

  @Test
  void theStaffMoveATopicToAnotherSessionOfTheSameBody() {
    agendaOf(5, Sessions.OPEN, 41);
    Sessions.Session later = session(12, "ROOM", "hualin", LocalDate.of(2026, 4, 15), false, Sessions.OPEN);
    when(f.sessions.find(12)).thenReturn(Optional.of(later));

    assertThat(sessions.move(5, 41, 12, "场地冲突", "chair").sessionId()).isEqualTo(12);
    verify(f.sessions).topicOutcome(5, 41, Sessions.MOVED, "场地冲突", null, null, null);
    verify(f.sessions).addTopic(12, 41, NOW);
  }

  @Test
  void eachPartyGivesAPositionOnEveryTopic() {
    agendaOf(5, Sessions.CONVENED, 41, 42);
    when(f.preparation.department(42)).thenReturn(Optional.of("unit-housing"));
    when(f.meetings.findMeeting(anyLong())).thenReturn(Optional.empty());

    assertThat(sessions.parties(5)).as("the room's 五方 (its configured model), then the case's department")
        .containsExactly("hualin-community", "hualin-owners", "unit-property-hualin", "hualin-residents", "unit-school",
            "unit-housing");
    assertThat(refusal(() -> sessions.recordPositions(5, "hualin-owners", List.of(
        new DeliberationSessions.TopicPosition(41L, "同意")), "owner"))).containsExactly("topics missing");
    verify(f.sessions, never()).savePosition(anyLong(), anyLong(), any(), any(), any(), any());

    sessions.recordPositions(5, "hualin-owners", List.of(new DeliberationSessions.TopicPosition(41L, " 同意 "),
        new DeliberationSessions.TopicPosition(42L, "需测算")), "owner");
    verify(f.sessions).savePosition(5, 41, "hualin-owners", "同意", "owner", NOW);
    verify(f.sessions).savePosition(5, 42, "hualin-owners", "需测算", "owner", NOW);
  }

  private static DeliberationSessions.TopicMinutes resolved(long topic) {
    return new DeliberationSessions.TopicMinutes(topic, false, null, "阐述", "讨论", "责任", false, false, null, null, null);
  }

  private static DeliberationSessions.SessionMinutes minutes(List<DeliberationSessions.TopicMinutes> topics,
      List<DeliberationSessions.FollowUpInput> followUps) {
    return new DeliberationSessions.SessionMinutes(false, null, true, "五方代表", 15, "依次发言", topics,
        List.of(new DeliberationSessions.ItemInput(41L, "housing", "井道施工", "2026-04-30")), followUps);
  }

  private void previousItem() {
    when(f.sessions.previousHeld("ROOM", "hualin", 5)).thenReturn(Optional.of(session(2, "ROOM", "hualin",
        LocalDate.of(2026, 2, 16), false, Sessions.HELD)));
    when(f.sessions.itemsResolvedAt(2)).thenReturn(List.of(new Sessions.FollowUp(21, "property-hualin", "清理楼道堆物", "DONE",
        OffsetDateTime.parse("2026-02-27T10:00:00Z"), null, null)));
  }

  @Test
  void aRecordMissingATopicOrWithARatingOutsideOneToFiveIsRefusedAndStoresNothing() {
    agendaOf(5, Sessions.CONVENED, 41, 42);
    previousItem();

    assertThat(refusal(() -> sessions.record(5, minutes(List.of(resolved(41)),
        List.of(new DeliberationSessions.FollowUpInput(21L, null, 4))), "chair"))).containsExactly("topics missing");
    assertThat(refusal(() -> sessions.record(5, minutes(List.of(resolved(41), resolved(42)),
        List.of(new DeliberationSessions.FollowUpInput(21L, null, 6))), "chair"))).containsExactly("followUps[0].rating out_of_range");
    assertThat(refusal(() -> sessions.record(5, minutes(List.of(resolved(41), resolved(42)),
        List.of(new DeliberationSessions.FollowUpInput(21L, null, 0))), "chair"))).containsExactly("followUps[0].rating out_of_range");
    assertThat(refusal(() -> sessions.record(5, minutes(List.of(resolved(41), resolved(42)), List.of()), "chair")))
        .containsExactly("followUps missing");
    assertThat(refusal(() -> sessions.record(5, minutes(List.of(resolved(41), resolved(42)),
        List.of(new DeliberationSessions.FollowUpInput(21L, null, 3))), "chair")))
        .as("topic 42 has no resolution item").contains("resolutionItems required");

    verify(f.records, never()).record(anyLong(), any(), any());
    verify(f.sessions, never()).record(anyLong(), any(), anyInt(), any(), anyBoolean(), any(), any());
    verify(f.sessions, never()).saveFollowUp(anyLong(), anyLong(), any(), anyInt(), any(), any());
    verify(f.sessions, never()).topicOutcome(anyLong(), anyLong(), any(), any(), any(), any(), any());
  }

  @Test
  void theRecordResolvesATopicPausesAnotherAndALowRatingSendsTheItemBackWithAnOrder() {
    agendaOf(5, Sessions.CONVENED, 41, 42);
    previousItem();
    when(f.records.record(eq(41L), any(), eq("chair"))).thenReturn(List.of(31L));
    SupervisionStore.OpenItem open = new SupervisionStore.OpenItem(SupervisionStore.ItemType.ITEM, 21, 7, "FX-2026-000007", "楼道",
        "hualin", "ROOM", "property-hualin", "清理楼道堆物", NOW, "pi-7", null);
    when(f.sessions.supervisableItem(21)).thenReturn(Optional.of(open));
    // the paused topic joins the body's next fixed day after this session
    f.stored(new Meetings.Meeting(42, null, "hualin", "YELLOW", FIXED_DAY, null, "议题42", null, null, null, null, null, null));
    when(f.sessions.topicPlace(42)).thenReturn(new Sessions.TopicPlace("ROOM", null, 5L));
    when(f.sessions.openOn("ROOM", "hualin", LocalDate.of(2026, 4, 15), false)).thenReturn(Optional.empty());
    when(f.sessions.insert(any(), any(), any(), anyBoolean(), any(), any())).thenReturn(13L);
    when(f.sessions.topics(5, true)).thenReturn(List.of());

    DeliberationSessions.Recorded r = sessions.record(5, minutes(List.of(resolved(41),
            new DeliberationSessions.TopicMinutes(42L, true, "待补充测算", null, null, null, false, false, null, null, null)),
        List.of(new DeliberationSessions.FollowUpInput(21L, "楼道仍有堆物", 2))), "chair");

    assertThat(r.resolved()).containsExactly(new DeliberationSessions.Resolved(41, false, false, null, null, null));
    assertThat(r.pausedTopics()).containsExactly(42L);
    assertThat(r.newSessions()).containsExactly(13L);
    verify(f.records).record(eq(41L), any(), eq("chair"));
    verify(f.sessions).resolvedItemsAt(5, List.of(31L));
    verify(f.sessions).topicOutcome(5, 41, Sessions.RESOLVED, null, "阐述", "讨论", "责任");
    verify(f.sessions).topicOutcome(5, 42, Sessions.PAUSED, "待补充测算", null, null, null);
    verify(f.sessions).addTopic(13, 42, NOW);
    verify(f.sessions).record(5, "五方代表", 15, "依次发言", true, "chair", NOW);
    verify(f.sessions).saveFollowUp(5, 21, "楼道仍有堆物", 2, "chair", NOW);
    verify(f.sessions).reopenItem(21);
    verify(f.orders).raise(eq(open), eq("session-5"), eq("SESSION_RATING"), eq(null), eq(false), anyString());
  }

  @Test
  void aWholeSessionPausedIsRescheduledToTheNextFixedDay() {
    agendaOf(5, Sessions.CONVENED, 41);
    assertThat(refusal(() -> sessions.reschedule(5, " ", "chair"))).containsExactly("pauseReason required");
    assertThat(sessions.reschedule(5, "暴雨", "chair")).isEqualTo(LocalDate.of(2026, 4, 15));
    verify(f.sessions).reschedule(5, LocalDate.of(2026, 4, 15), "暴雨");
  }
}
