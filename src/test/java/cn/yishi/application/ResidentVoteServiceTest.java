package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CASE_ID;
import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static cn.yishi.application.ApplicationFixtures.refusedWith;
import static cn.yishi.application.ApplicationFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.deliberation.Deliberations;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Decisions;
import cn.yishi.application.port.Meetings;
import cn.yishi.application.port.Timeline;
import cn.yishi.application.port.Votes;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.deliberation.HouseholdRegister;
import cn.yishi.domain.deliberation.VoteRule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * 一户一票: a vote over a compound's register with one token per household, cast online or on paper, counted by
 * the rule of its type; matters reserved for the residents' meeting are recorded as its totals. The meeting and
 * the register are real; the meeting comes from {@link Deliberations} (a mock here: it has its own tests).
 */
class ResidentVoteServiceTest {
  private static final long MEETING = 5;
  private static final long VOTE = 77;
  /** 2/3 of the households vote; more than half of them say yes. */
  private static final VoteRule GENERAL = new VoteRule(new VoteRule.Share(2, 3), new VoteRule.Share(1, 2), true, false);
  /** Reserved for the residents' meeting: more than half present, more than half of them yes. */
  private static final VoteRule CONVENTION = new VoteRule(new VoteRule.Share(1, 2), new VoteRule.Share(1, 2), true, true);
  private static final List<String> REGISTER = List.of("1-101", "1-102", "2-201");
  private static final OffsetDateTime CLOSES = endOfDay("2026-03-10");

  private final CaseRepository repository = mock(CaseRepository.class);
  private final Votes votes = mock(Votes.class);
  private final Decisions decisions = mock(Decisions.class);
  private final Deliberations deliberation = mock(Deliberations.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final Cases cases = new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  private final ResidentVoteService service = new ResidentVoteService(cases, votes, decisions, deliberation,
      new HouseholdRegister(Map.of("御苑小区", REGISTER)),
      new DeliberationProperties(15, Map.of(), 5, 3, List.of(), Map.of(), List.of()), ApplicationFixtures.calendar());

  private static Meetings.Meeting meeting(Long caseId) {
    return new Meetings.Meeting(MEETING, caseId, "hualin", "YELLOW", LocalDate.of(2026, 3, 3), NOW.minusDays(1),
        "御苑小区加装电梯", null, null, null, 18, "同意推进", null);
  }

  private static Votes.Vote vote(String status, Integer yes, Integer no, Integer abstain, String outcome) {
    return new Votes.Vote(VOTE, MEETING, "hualin", "御苑小区", "ELEVATOR_RETROFIT", "是否加装电梯", 3, CLOSES, status, yes, no,
        abstain, outcome);
  }

  @BeforeEach
  void rulesRegisterAndMeeting() {
    when(decisions.voteRule("GENERAL")).thenReturn(Optional.of(GENERAL));
    when(decisions.voteRule("ELEVATOR_RETROFIT")).thenReturn(Optional.of(GENERAL));
    when(decisions.voteRule("RESIDENTS_CONVENTION")).thenReturn(Optional.of(CONVENTION));
    when(deliberation.meeting(MEETING)).thenReturn(meeting(CASE_ID));
    stored(repository, ApplicationFixtures.withState(CaseStatus.DELIBERATING, Tier.ROOM, null, CLOSES, 0, 0, 0));
  }

  @Test
  void aPlanNamesTheRuleOfItsType() {
    assertThat(service.plan("GENERAL", "御苑小区", "  是否更换门禁  "))
        .isEqualTo(new ResidentVoteService.Plan("GENERAL", "御苑小区", "是否更换门禁", GENERAL));
    assertThat(service.plan("RESIDENTS_CONVENTION", null, "修订居民公约").rule().assembly()).isTrue();
  }

  @Test
  void aPlanWithoutTypeQuestionOrRegisterIsRefusedWithEveryError() {
    assertThat(refusal(() -> service.plan("LOTTERY", null, " "))).containsExactly("voteType/unknown", "voteQuestion/required");
    assertThat(refusal(() -> service.plan(null, null, "长".repeat(501)))).containsExactly("voteType/unknown", "voteQuestion/required");
    assertThat(refusal(() -> service.plan("GENERAL", "无名小区", "是否更换门禁"))).containsExactly("voteCompound/no_register");
    when(decisions.voteRule("RENOVATION")).thenReturn(Optional.empty());
    assertThat(refusal(() -> service.plan("RENOVATION", "御苑小区", "改建"))).as("the table does not know the type")
        .containsExactly("voteType/unknown");
    verify(decisions, never()).voteRule("LOTTERY");
  }

  @Test
  void openingGivesEachHouseholdItsOwnTokenAndClosesAfterTheWorkingDays() {
    when(votes.insertVote(anyLong(), anyString(), anyString(), anyString(), anyString(), anyInt(), any(), any(), anyString()))
        .thenReturn(VOTE);

    ResidentVoteService.Opened o = service.open(MEETING, "ELEVATOR_RETROFIT", "御苑小区", "是否加装电梯");

    assertThat(o).isEqualTo(new ResidentVoteService.Opened(VOTE, CLOSES, 3));
    verify(votes).insertVote(MEETING, "hualin", "御苑小区", "ELEVATOR_RETROFIT", "是否加装电梯", 3, NOW, CLOSES, "OPEN");
    ArgumentCaptor<String> household = ArgumentCaptor.forClass(String.class);
    ArgumentCaptor<String> token = ArgumentCaptor.forClass(String.class);
    verify(votes, times(3)).insertBallot(eq(VOTE), household.capture(), token.capture());
    assertThat(household.getAllValues()).containsExactlyElementsOf(REGISTER);
    assertThat(token.getAllValues()).doesNotHaveDuplicates().allMatch(t -> t.matches("[A-Za-z0-9_-]{43}"));
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "system", TimelineAction.VOTE_OPENED,
        "加装电梯：是否加装电梯，名册 3 户，截止 2026-03-10", true));
  }

  @Test
  void aMeetingWithoutCaseOpensAVoteWithoutTimeline() {
    when(deliberation.meeting(MEETING)).thenReturn(meeting(null));

    service.open(MEETING, "GENERAL", "御苑小区", "修订小区公约");

    verify(votes, times(3)).insertBallot(anyLong(), anyString(), anyString());
    assertThat(timeline.all()).isEmpty();
  }

  @Test
  void aReservedMatterOrABadPlanOpensNothing() {
    assertThat(refusal(() -> service.open(MEETING, "RESIDENTS_CONVENTION", "御苑小区", "修订居民公约")))
        .containsExactly("voteType/assembly");
    assertThat(refusal(() -> service.open(MEETING, "GENERAL", "无名小区", "是否更换门禁")))
        .containsExactly("voteCompound/no_register");
    verifyNoInteractions(votes);
    assertThat(timeline.all()).isEmpty();
  }

  @Test
  void anOnlineBallotIsCastOnce() {
    when(votes.cast("t1", "YES", "ONLINE", "resident", NOW)).thenReturn(true);

    service.castOnline(" t1 ", "YES");

    verify(votes).cast("t1", "YES", "ONLINE", "resident", NOW);
  }

  @Test
  void aBallotThatCannotBeCastSaysWhy() {
    when(votes.findBallot("used")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-101", "NO")));
    when(votes.findBallot("late")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-102", null)));

    assertThat(refusal(() -> service.castOnline("t1", "MAYBE"))).containsExactly("choice/invalid");
    assertThat(refusal(() -> service.castOnline("t1", null))).containsExactly("choice/invalid");
    assertThat(refusal(() -> service.castOnline(" ", "YES"))).containsExactly("token/unknown");
    assertThat(refusal(() -> service.castOnline("x".repeat(65), "YES"))).containsExactly("token/unknown");
    assertThat(refusal(() -> service.castOnline("nope", "YES"))).containsExactly("token/unknown");
    assertThat(refusal(() -> service.castOnline("used", "YES"))).containsExactly("token/used");
    assertThat(refusal(() -> service.castOnline("late", "YES"))).containsExactly("token/expired");
    verify(votes, never()).cast(eq("t1"), any(), any(), any(), any());
    verify(votes, never()).cast(eq("x".repeat(65)), any(), any(), any(), any());
  }

  @Test
  void paperBallotsAreEnteredByStaff() {
    when(votes.findVote(VOTE)).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    when(votes.findBallot("t1")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-101", null)));
    when(votes.findBallot("t2")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-102", null)));
    when(votes.cast(anyString(), anyString(), eq("PAPER"), eq("community.hualin"), eq(NOW))).thenReturn(true);

    assertThat(service.enterPaper(VOTE, List.of(new String[] {" t1 ", "YES"}, new String[] {"t2", "ABSTAIN"}),
        "community.hualin")).isEqualTo(2);

    verify(votes).cast("t1", "YES", "PAPER", "community.hualin", NOW);
    verify(votes).cast("t2", "ABSTAIN", "PAPER", "community.hualin", NOW);
  }

  @Test
  void aBadPaperBallotIsNamedByItsPlaceInTheBatch() {
    when(votes.findVote(VOTE)).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    when(votes.findBallot("t1")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-101", null)));
    when(votes.findBallot("other")).thenReturn(Optional.of(new Votes.Ballot(VOTE + 1, "9-901", null)));
    when(votes.findBallot("used")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-102", "NO")));
    when(votes.cast("t1", "YES", "PAPER", "c", NOW)).thenReturn(true);

    assertThat(refusal(() -> service.enterPaper(99, List.<String[]>of(new String[] {"t1", "YES"}), "c")))
        .containsExactly("voteId/unknown");
    assertThat(refusal(() -> service.enterPaper(VOTE, List.of(), "c"))).containsExactly("paperBallots/required");
    assertThat(refusal(() -> service.enterPaper(VOTE, null, "c"))).containsExactly("paperBallots/required");
    // all or nothing is the transaction's: the refusal of the second rolls the first back
    assertThat(refusal(() -> service.enterPaper(VOTE, List.of(new String[] {"t1", "YES"}, new String[] {"other", "YES"}), "c")))
        .containsExactly("paperBallots[1].token/unknown");
    assertThat(refusal(() -> service.enterPaper(VOTE, List.<String[]>of(new String[] {null, "YES"}), "c")))
        .containsExactly("paperBallots[0].token/unknown");
    FieldError choice = refusedWith(() -> service.enterPaper(VOTE, List.<String[]>of(new String[] {"t1", "?"}), "c"));
    assertThat(choice).isEqualTo(new FieldError("paperBallots[0]", "invalid", "第1张：请选择同意、不同意或弃权"));
    assertThat(refusal(() -> service.enterPaper(VOTE, List.<String[]>of(new String[] {"used", "YES"}), "c")))
        .containsExactly("paperBallots[0]/used");
  }

  @Test
  void theCountAppliesTheRuleAndIsNotedOnTheCase() {
    when(votes.findVote(VOTE)).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    when(votes.counts(VOTE)).thenReturn(new Votes.Counts(2, 1, 0));

    assertThat(service.tally(VOTE)).isEqualTo(new ResidentVoteService.Tally("PASSED", true, 3, 2, 1, 0));

    verify(votes).close(VOTE, new Votes.Counts(2, 1, 0), "PASSED");
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "system", TimelineAction.VOTE_COUNTED,
        "一户一票计票：名册 3 户，投票 3 户，同意 2，不同意 1，弃权 0；通过", true));
  }

  @Test
  void tooFewHouseholdsMakeNoQuorum() {
    when(votes.findVote(VOTE)).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    when(votes.counts(VOTE)).thenReturn(new Votes.Counts(1, 0, 0));

    assertThat(service.tally(VOTE).outcome()).isEqualTo("NO_QUORUM");
    verify(votes).close(VOTE, new Votes.Counts(1, 0, 0), "NO_QUORUM");
    assertThat(refusal(() -> service.tally(99))).containsExactly("voteId/unknown");
  }

  @Test
  void theResidentsMeetingsTotalsAreRecordedAndCounted() {
    when(votes.insertVote(anyLong(), anyString(), anyString(), anyString(), anyString(), anyInt(), any(), any(), anyString()))
        .thenReturn(78L);

    ResidentVoteService.Tally t = service.recordAssembly(MEETING, "RESIDENTS_CONVENTION", " 修订居民公约 ", 40, 25, 5, 2,
        "community.hualin");

    assertThat(t).isEqualTo(new ResidentVoteService.Tally("PASSED", true, 40, 25, 5, 2));
    verify(votes).insertVote(MEETING, "hualin", "ASSEMBLY", "RESIDENTS_CONVENTION", "修订居民公约", 40, NOW, NOW, "OPEN");
    verify(votes).close(78L, new Votes.Counts(25, 5, 2), "PASSED");
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "community.hualin",
        TimelineAction.VOTE_COUNTED, "居民（代表）会议表决：应到 40 人，同意 25，不同意 5，弃权 2；通过", true));
  }

  @Test
  void theMeetingsTotalsMustAddUp() {
    assertThat(refusal(() -> service.recordAssembly(MEETING, "RESIDENTS_CONVENTION", "修订居民公约", null, null, -1, null, "c")))
        .containsExactly("assemblyMembers/out_of_range", "assemblyYes/required", "assemblyNo/required", "assemblyAbstain/required");
    assertThat(refusal(() -> service.recordAssembly(MEETING, "RESIDENTS_CONVENTION", "修订居民公约", 100_001, 1, 1, 1, "c")))
        .containsExactly("assemblyMembers/out_of_range");
    assertThat(refusal(() -> service.recordAssembly(MEETING, "RESIDENTS_CONVENTION", "修订居民公约", 10, 6, 4, 1, "c")))
        .containsExactly("assemblyYes/too_many");
    assertThat(refusal(() -> service.recordAssembly(MEETING, "LOTTERY", "修订居民公约", 10, 6, 3, 1, "c")))
        .containsExactly("voteType/unknown");
    verifyNoInteractions(votes);
    assertThat(timeline.all()).isEmpty();
  }

  @Test
  void thePublicPageShowsTotalsOnlyOnceClosed() {
    when(votes.findVoteByToken("t1")).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    when(votes.findBallot("t1")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-101", "YES")));

    assertThat(service.publicView(" t1 ")).isEqualTo(new ResidentVoteService.PublicVote("是否加装电梯", "御苑小区", "加装电梯",
        CLOSES, true, true, 3, null, null, null, null, null));

    when(votes.findVoteByToken("t2")).thenReturn(Optional.of(vote("CLOSED", 2, 1, 0, "PASSED")));
    assertThat(service.publicView("t2")).isEqualTo(new ResidentVoteService.PublicVote("是否加装电梯", "御苑小区", "加装电梯",
        CLOSES, false, false, 3, 3, 2, 1, 0, "通过"));

    assertThat(refusal(() -> service.publicView("nope"))).containsExactly("token/unknown");
  }

  @Test
  void anOpenVotePastItsDeadlineIsNoLongerOpen() {
    Votes.Vote past = new Votes.Vote(VOTE, MEETING, "hualin", "御苑小区", "GENERAL", "q", 3, NOW.minusMinutes(1), "OPEN",
        null, null, null, null);
    when(votes.findVoteByToken("t1")).thenReturn(Optional.of(past));

    assertThat(service.publicView("t1").open()).isFalse();
  }

  @Test
  void onlyTheVotesCommunityAndTheDispatchCentreGetTheTokens() {
    when(votes.findVote(VOTE)).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    List<String[]> tokens = new ArrayList<>();
    tokens.add(new String[] {"1-101", "t1"});
    when(votes.tokens(VOTE)).thenReturn(tokens);

    assertThat(service.ballots(VOTE, List.of("hualin-community"))).isSameAs(tokens);
    assertThat(service.ballots(VOTE, List.of("hualin-room"))).isSameAs(tokens);
    assertThat(service.ballots(VOTE, List.of("dispatch-centre"))).isSameAs(tokens);
    assertThat(service.ballots(VOTE, List.of("camunda-admin"))).isSameAs(tokens);
    assertThatThrownBy(() -> service.ballots(VOTE, List.of("xishan-community", "hualin-grid")))
        .isInstanceOf(ResidentVoteService.BallotsForbidden.class);
    assertThat(refusal(() -> service.ballots(99, List.of("dispatch-centre")))).containsExactly("voteId/unknown");
    verify(votes, times(4)).tokens(VOTE);
  }
}
