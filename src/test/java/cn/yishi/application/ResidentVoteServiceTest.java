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
import cn.yishi.application.port.HouseholdRegisters;
import cn.yishi.domain.deliberation.Electorate;
import cn.yishi.domain.deliberation.Household;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.deliberation.VoteRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * 一户一票: a vote over an electorate of the register (a compound, a building or a unit) with one token per household,
 * cast online or on paper, counted by the rule of its type by headcount and by floor area; matters reserved for the
 * residents' meeting are recorded as its totals. The meeting comes from {@link Deliberations} (a mock here: it has its
 * own tests); the register from a mocked port.
 */
class ResidentVoteServiceTest {
  private static final long MEETING = 5;
  private static final long VOTE = 77;
  /** 2/3 take part by headcount and area; more than half of them say yes, by headcount and area. */
  private static final VoteRule GENERAL = new VoteRule(new VoteRule.Share(2, 3), false, new VoteRule.Share(1, 2), true, true, false);
  /** Reserved for the residents' meeting: more than half present, more than half of them yes. */
  private static final VoteRule CONVENTION = new VoteRule(new VoteRule.Share(1, 2), true, new VoteRule.Share(1, 2), true, false, true);
  private static final Electorate BUILDING_1 = new Electorate("hualin-yuyuan", "1", null);
  private static final List<Household> REGISTER = List.of(
      new Household("hualin-yuyuan", "1", "1", "1-1-101", new BigDecimal("80.00")),
      new Household("hualin-yuyuan", "1", "1", "1-1-201", new BigDecimal("100.00")),
      new Household("hualin-yuyuan", "1", "2", "1-2-101", new BigDecimal("120.50")));
  private static final OffsetDateTime CLOSES = endOfDay("2026-03-10");

  private final CaseRepository repository = mock(CaseRepository.class);
  private final Votes votes = mock(Votes.class);
  private final Decisions decisions = mock(Decisions.class);
  private final Deliberations deliberation = mock(Deliberations.class);
  private final HouseholdRegisters registers = mock(HouseholdRegisters.class);
  private final RecordingTimeline timeline = new RecordingTimeline();
  private final Directory directory = new Directory("fx", "奉新县", List.of(new Directory.Street("fengchuan", "冯川镇")),
      List.of(new Directory.Community("hualin", "华林社区", "fengchuan",
              List.of(new Directory.Station("hualin-yuyuan", "御苑小区党群会客站"))),
          new Directory.Community("xishan", "西山社区", "fengchuan", List.of(new Directory.Station("xishan-a", "西山小区党群会客站")))),
      List.of(), List.of());
  private final Cases cases = new Cases(repository, timeline, CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  private final ResidentVoteService service = new ResidentVoteService(cases, votes, decisions, deliberation,
      new HouseholdRegisterService(registers, directory, CLOCK),
      new DeliberationProperties(15, Map.of(), 5, 3, List.of(), List.of()), ApplicationFixtures.calendar());

  private static Meetings.Meeting meeting(Long caseId) {
    return new Meetings.Meeting(MEETING, caseId, "hualin", "YELLOW", LocalDate.of(2026, 3, 3), NOW.minusDays(1),
        "御苑小区加装电梯", null, null, null, 18, "同意推进", null);
  }

  private static Votes.Vote vote(String status, Integer yes, Integer no, Integer abstain, String outcome) {
    return vote(status, CLOSES, yes, no, abstain, outcome);
  }

  private static Votes.Vote vote(String status, OffsetDateTime closes, Integer yes, Integer no, Integer abstain, String outcome) {
    boolean closed = yes != null;
    return new Votes.Vote(VOTE, MEETING, "hualin", "hualin-yuyuan", "1", null, "ELEVATOR_RETROFIT", "是否加装电梯", 3,
        new BigDecimal("300.50"), closes, status, yes, no, abstain, closed ? new BigDecimal("180.00") : null,
        closed ? new BigDecimal("120.50") : null, closed ? BigDecimal.ZERO : null, outcome);
  }

  private static VoteRule.Totals t(int households, String area) {
    return new VoteRule.Totals(households, new BigDecimal(area));
  }

  @BeforeEach
  void rulesRegisterAndMeeting() {
    when(decisions.voteRule("GENERAL")).thenReturn(Optional.of(GENERAL));
    when(decisions.voteRule("ELEVATOR_RETROFIT")).thenReturn(Optional.of(GENERAL));
    when(decisions.voteRule("RESIDENTS_CONVENTION")).thenReturn(Optional.of(CONVENTION));
    when(registers.in(any())).thenAnswer(i -> REGISTER.stream().filter(((Electorate) i.getArgument(0))::includes).toList());
    when(deliberation.meeting(MEETING)).thenReturn(meeting(CASE_ID));
    stored(repository, ApplicationFixtures.withState(CaseStatus.DELIBERATING, Tier.ROOM, null, CLOSES, 0, 0, 0));
  }

  @Test
  void aPlanNamesTheRuleAndTheHouseholdsOfItsElectorate() {
    ResidentVoteService.Plan p = service.plan("GENERAL", " hualin-yuyuan/1/2 ", "  是否更换门禁  ");
    assertThat(p.electorate()).isEqualTo(new Electorate("hualin-yuyuan", "1", "2"));
    assertThat(p.question()).isEqualTo("是否更换门禁");
    assertThat(p.rule()).isEqualTo(GENERAL);
    assertThat(p.households()).extracting(Household::household).containsExactly("1-2-101");
    assertThat(service.plan("GENERAL", "hualin-yuyuan", "q").households()).hasSize(3);
    assertThat(service.plan("RESIDENTS_CONVENTION", null, "修订居民公约").rule().assembly()).isTrue();
  }

  @Test
  void aPlanWithoutTypeQuestionOrHouseholdsIsRefusedWithEveryError() {
    assertThat(refusal(() -> service.plan("LOTTERY", null, " "))).containsExactly("voteType/unknown", "voteQuestion/required");
    assertThat(refusal(() -> service.plan(null, null, "长".repeat(501)))).containsExactly("voteType/unknown", "voteQuestion/required");
    assertThat(refusal(() -> service.plan("GENERAL", "无名小区", "是否更换门禁"))).containsExactly("voteCompound/no_register");
    assertThat(refusal(() -> service.plan("GENERAL", "hualin-yuyuan/9", "是否更换门禁"))).containsExactly("voteCompound/no_register");
    assertThat(refusal(() -> service.plan("GENERAL", "a/b/c/d", "是否更换门禁"))).containsExactly("voteCompound/no_register");
    assertThat(refusal(() -> service.plan("GENERAL", null, "是否更换门禁"))).containsExactly("voteCompound/no_register");
    when(decisions.voteRule("RENOVATION")).thenReturn(Optional.empty());
    assertThat(refusal(() -> service.plan("RENOVATION", "hualin-yuyuan", "改建"))).as("the table does not know the type")
        .containsExactly("voteType/unknown");
    verify(decisions, never()).voteRule("LOTTERY");
  }

  @Test
  void openingGivesEachHouseholdOfTheElectorateItsOwnTokenWithItsAreaAndClosesAfterTheWorkingDays() {
    when(votes.insertVote(anyLong(), anyString(), any(), anyString(), anyString(), any(), any(), any(), anyString()))
        .thenReturn(VOTE);

    ResidentVoteService.Opened o = service.open(MEETING, "ELEVATOR_RETROFIT", "hualin-yuyuan/1", "是否加装电梯");

    assertThat(o).isEqualTo(new ResidentVoteService.Opened(VOTE, CLOSES, 3));
    verify(votes).insertVote(MEETING, "hualin", BUILDING_1, "ELEVATOR_RETROFIT", "是否加装电梯", t(3, "300.50"), NOW, CLOSES, "OPEN");
    ArgumentCaptor<String> household = ArgumentCaptor.forClass(String.class);
    ArgumentCaptor<BigDecimal> area = ArgumentCaptor.forClass(BigDecimal.class);
    ArgumentCaptor<String> token = ArgumentCaptor.forClass(String.class);
    verify(votes, times(3)).insertBallot(eq(VOTE), household.capture(), area.capture(), token.capture());
    assertThat(household.getAllValues()).containsExactly("1-1-101", "1-1-201", "1-2-101");
    assertThat(area.getAllValues()).containsExactly(new BigDecimal("80.00"), new BigDecimal("100.00"), new BigDecimal("120.50"));
    assertThat(token.getAllValues()).doesNotHaveDuplicates().allMatch(t -> t.matches("[A-Za-z0-9_-]{43}"));
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "system", TimelineAction.VOTE_OPENED,
        "加装电梯：是否加装电梯，御苑小区 1栋 3 户、面积 300.50 平方米，截止 2026-03-10", true));
  }

  @Test
  void aMeetingWithoutCaseOpensAVoteWithoutTimeline() {
    when(deliberation.meeting(MEETING)).thenReturn(meeting(null));

    service.open(MEETING, "GENERAL", "hualin-yuyuan", "修订小区公约");

    verify(votes, times(3)).insertBallot(anyLong(), anyString(), any(), anyString());
    assertThat(timeline.all()).isEmpty();
  }

  @Test
  void aReservedMatterABadPlanOrAnotherCommunitysCompoundOpensNothing() {
    assertThat(refusal(() -> service.open(MEETING, "RESIDENTS_CONVENTION", "hualin-yuyuan", "修订居民公约")))
        .containsExactly("voteType/assembly");
    assertThat(refusal(() -> service.open(MEETING, "GENERAL", "无名小区", "是否更换门禁")))
        .containsExactly("voteCompound/no_register");
    when(registers.in(new Electorate("xishan-a", null, null))).thenReturn(List.of(
        new Household("xishan-a", "1", "1", "101", BigDecimal.TEN)));
    assertThat(refusal(() -> service.open(MEETING, "GENERAL", "xishan-a", "是否更换门禁")))
        .containsExactly("voteCompound/other_community");
    verifyNoInteractions(votes);
    assertThat(timeline.all()).isEmpty();
  }

  @Test
  void anOnlineBallotIsCastOnceAndGivesAReceipt() {
    when(votes.findBallot("t1")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-101", null)));
    when(votes.cast("t1", "YES", "ONLINE", "resident", NOW)).thenReturn(true);
    when(votes.findVoteByToken("t1")).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));

    ResidentVoteService.Receipt r = service.castOnline(" t1 ", "YES");

    verify(votes).cast("t1", "YES", "ONLINE", "resident", NOW);
    assertThat(r.question()).isEqualTo("是否加装电梯");
    assertThat(r.choice()).isEqualTo("同意");
    assertThat(r.castAt()).isEqualTo(NOW);
    assertThat(r.receiptNo()).matches("[0-9A-F]{10}").isEqualTo(ResidentBallots.receiptNo("t1"))
        .isNotEqualTo(ResidentBallots.receiptNo("t2"));
  }

  @Test
  void aBallotThatCannotBeCastSaysWhy() {
    when(votes.findBallot("t1")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-101", null)));
    when(votes.findBallot("used")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-101", "NO")));
    when(votes.findBallot("late")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-201", null)));

    assertThat(refusal(() -> service.castOnline("t1", "MAYBE"))).containsExactly("choice/invalid");
    assertThat(refusal(() -> service.castOnline("t1", null))).containsExactly("choice/invalid");
    assertThat(refusal(() -> service.castOnline(" ", "YES"))).containsExactly("token/unknown");
    assertThat(refusal(() -> service.castOnline(null, "YES"))).containsExactly("token/unknown");
    assertThat(refusal(() -> service.castOnline("x".repeat(65), "YES"))).containsExactly("token/unknown");
    assertThat(refusal(() -> service.castOnline("nope", "YES"))).containsExactly("token/unknown");
    assertThat(refusal(() -> service.castOnline("used", "YES"))).containsExactly("token/used");
    assertThat(refusal(() -> service.castOnline("late", "YES"))).containsExactly("token/expired");
    verify(votes, never()).cast(eq("t1"), any(), any(), any(), any());
    verify(votes, never()).cast(eq("x".repeat(65)), any(), any(), any(), any());
  }

  @Test
  void aSecondBallotThatLostTheRaceIsRefusedAsUsed() {
    // the conditional update is the arbiter: the ballot looked unused, but another request cast it first
    when(votes.findBallot("t1")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-101", null)),
        Optional.of(new Votes.Ballot(VOTE, "1-1-101", "NO")));
    when(votes.cast("t1", "YES", "ONLINE", "resident", NOW)).thenReturn(false);

    assertThat(refusal(() -> service.castOnline("t1", "YES"))).containsExactly("token/used");
  }

  @Test
  void paperBallotsAreEnteredByStaff() {
    when(votes.findVote(VOTE)).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    when(votes.findBallot("t1")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-101", null)));
    when(votes.findBallot("t2")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-201", null)));
    when(votes.cast(anyString(), anyString(), eq("PAPER"), eq("community.hualin"), eq(NOW))).thenReturn(true);

    assertThat(service.enterPaper(VOTE, List.of(new String[] {" t1 ", "YES"}, new String[] {"t2", "ABSTAIN"}),
        "community.hualin")).isEqualTo(2);

    verify(votes).cast("t1", "YES", "PAPER", "community.hualin", NOW);
    verify(votes).cast("t2", "ABSTAIN", "PAPER", "community.hualin", NOW);
  }

  @Test
  void aBadPaperBallotIsNamedByItsPlaceInTheBatch() {
    when(votes.findVote(VOTE)).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    when(votes.findBallot("t1")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-101", null)));
    when(votes.findBallot("other")).thenReturn(Optional.of(new Votes.Ballot(VOTE + 1, "9-901", null)));
    when(votes.findBallot("used")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-201", "NO")));
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
  void theCountAppliesTheRuleByHeadcountAndAreaAndIsNotedOnTheCase() {
    when(votes.findVote(VOTE)).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    Votes.Counts counts = new Votes.Counts(t(2, "180.00"), t(1, "120.50"), VoteRule.Totals.NONE);
    when(votes.counts(VOTE)).thenReturn(counts);

    assertThat(service.tally(VOTE)).isEqualTo(new ResidentVoteService.Tally("PASSED", true, 3, 2, 1, 0));

    verify(votes).close(VOTE, counts, "PASSED");
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "system", TimelineAction.VOTE_COUNTED,
        "一户一票计票（御苑小区 1栋）：应投 3 户（300.50 平方米），投票 3 户（300.50 平方米）；同意 2 户（180.00 平方米），"
            + "不同意 1 户（120.50 平方米），弃权 0 户；通过", true));
  }

  @Test
  void aMajorityOfHouseholdsWithoutAMajorityOfTheAreaIsRejected() {
    when(votes.findVote(VOTE)).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    when(votes.counts(VOTE)).thenReturn(new Votes.Counts(t(2, "150.00"), t(1, "150.50"), VoteRule.Totals.NONE));

    assertThat(service.tally(VOTE).outcome()).isEqualTo("REJECTED");
  }

  @Test
  void tooFewHouseholdsOrTooLittleAreaMakeNoQuorum() {
    when(votes.findVote(VOTE)).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    when(votes.counts(VOTE)).thenReturn(new Votes.Counts(t(2, "180.00"), VoteRule.Totals.NONE, VoteRule.Totals.NONE));

    assertThat(service.tally(VOTE).outcome()).isEqualTo("NO_QUORUM");
    verify(votes).close(eq(VOTE), any(), eq("NO_QUORUM"));
    assertThat(refusal(() -> service.tally(99))).containsExactly("voteId/unknown");
  }

  @Test
  void theResidentsMeetingsTotalsAreRecordedAndCountedByHeadcount() {
    when(votes.insertVote(anyLong(), anyString(), any(), anyString(), anyString(), any(), any(), any(), anyString()))
        .thenReturn(78L);

    ResidentVoteService.Tally t = service.recordAssembly(MEETING, "RESIDENTS_CONVENTION", " 修订居民公约 ", 40, 15, 5, 1,
        "community.hualin");

    assertThat(t).isEqualTo(new ResidentVoteService.Tally("PASSED", true, 40, 15, 5, 1));
    verify(votes).insertVote(MEETING, "hualin", new Electorate("ASSEMBLY", null, null), "RESIDENTS_CONVENTION", "修订居民公约",
        t(40, "0"), NOW, NOW, "OPEN");
    verify(votes).close(78L, new Votes.Counts(t(15, "0"), t(5, "0"), t(1, "0")), "PASSED");
    assertThat(timeline.entries(CASE_ID)).containsExactly(new Timeline.Entry(NOW, "community.hualin",
        TimelineAction.VOTE_COUNTED, "居民（代表）会议表决：应到 40 人，同意 15，不同意 5，弃权 1；通过", true));
    assertThat(service.recordAssembly(MEETING, "RESIDENTS_CONVENTION", "修订居民公约", 40, 15, 5, 0, "c").outcome())
        .as("exactly half present is not enough").isEqualTo("NO_QUORUM");
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
  void theBallotPageShowsTheTurnoutWhileOpenAndTheTotalsOnlyOnceCounted() {
    when(votes.findVoteByToken("t1")).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    when(votes.findBallot("t1")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-101", null)));
    when(votes.castCount(VOTE)).thenReturn(2);

    ResidentVoteService.PublicVote open = service.publicView(" t1 ");
    assertThat(open.state()).isEqualTo("OPEN");
    assertThat(open.open()).isTrue();
    assertThat(open.electorate()).isEqualTo("御苑小区 1栋");
    assertThat(open.toString()).doesNotContain("1-1-101").doesNotContain("t1");
    assertThat(open.voteType()).isEqualTo("加装电梯");
    assertThat(open.rule()).isEqualTo(GENERAL.describe());
    assertThat(open.cast()).isEqualTo(2);
    assertThat(open.totals()).isEmpty();
    assertThat(open.outcome()).isNull();

    when(votes.findBallot("t1")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-101", "YES")));
    assertThat(service.publicView("t1").state()).isEqualTo("USED");
    assertThat(service.publicView("t1").open()).isFalse();

    when(votes.findVoteByToken("t2")).thenReturn(Optional.of(vote("CLOSED", 2, 1, 0, "PASSED")));
    when(votes.findBallot("t2")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-201", "NO")));
    ResidentVoteService.PublicVote closed = service.publicView("t2");
    assertThat(closed.state()).isEqualTo("CLOSED");
    assertThat(closed.cast()).isEqualTo(3);
    assertThat(closed.totals()).containsExactly(
        new ResidentVoteService.OptionTotal("YES", "同意", 2, new BigDecimal("180.00")),
        new ResidentVoteService.OptionTotal("NO", "不同意", 1, new BigDecimal("120.50")),
        new ResidentVoteService.OptionTotal("ABSTAIN", "弃权", 0, BigDecimal.ZERO));
    assertThat(closed.outcome()).isEqualTo("通过");

    assertThat(refusal(() -> service.publicView("nope"))).containsExactly("token/unknown");
    assertThat(refusal(() -> service.publicView(null))).containsExactly("token/unknown");
  }

  @Test
  void anOpenVotePastItsDeadlineIsBeingCounted() {
    when(votes.findVoteByToken("t1")).thenReturn(Optional.of(vote("OPEN", NOW.minusMinutes(1), null, null, null, null)));
    when(votes.findBallot("t1")).thenReturn(Optional.of(new Votes.Ballot(VOTE, "1-1-101", null)));

    assertThat(service.publicView("t1").state()).isEqualTo("COUNTING");
    assertThat(service.publicView("t1").open()).isFalse();
  }

  @Test
  void theCommunitysPublicCountNamesNoHousehold() {
    when(votes.ofCommunity("hualin", 20)).thenReturn(List.of(vote("OPEN", null, null, null, null),
        vote("CLOSED", 2, 1, 0, "REJECTED")));
    when(votes.castCount(VOTE)).thenReturn(1);

    List<ResidentVoteService.PublicCount> counts = service.publicCounts("hualin");

    assertThat(counts).extracting(ResidentVoteService.PublicCount::state).containsExactly("OPEN", "CLOSED");
    assertThat(counts.get(0).cast()).isEqualTo(1);
    assertThat(counts.get(0).totals()).isEmpty();
    assertThat(counts.get(1).totals()).extracting(ResidentVoteService.OptionTotal::households).containsExactly(2, 1, 0);
    assertThat(counts.get(1).outcome()).isEqualTo("未通过");
    assertThat(counts.toString()).doesNotContain("1-1-101");
  }

  @Test
  void onlyTheVotesCommunityAndTheDispatchCentreGetTheBallotSheets() {
    when(votes.findVote(VOTE)).thenReturn(Optional.of(vote("OPEN", null, null, null, null)));
    List<Votes.Sheet> sheets = List.of(new Votes.Sheet("1-1-101", new BigDecimal("80.00"), "t1"));
    when(votes.sheets(VOTE)).thenReturn(sheets);

    for (String group : List.of("hualin-community", "hualin-room", "dispatch-centre", "camunda-admin")) {
      ResidentVoteService.BallotSheets s = service.sheets(VOTE, List.of(group));
      assertThat(s.sheets()).isSameAs(sheets);
      assertThat(s.electorate()).isEqualTo("御苑小区 1栋");
      assertThat(s.rule()).isEqualTo(GENERAL.describe());
    }
    assertThatThrownBy(() -> service.sheets(VOTE, List.of("xishan-community", "hualin-grid")))
        .isInstanceOf(ResidentVoteService.BallotsForbidden.class);
    assertThat(refusal(() -> service.sheets(99, List.of("dispatch-centre")))).containsExactly("voteId/unknown");
    verify(votes, times(4)).sheets(VOTE);
  }
}
