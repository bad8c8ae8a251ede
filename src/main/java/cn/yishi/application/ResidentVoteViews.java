package cn.yishi.application;

import static cn.yishi.application.ResidentVoteService.CHOICE_LABELS;
import static cn.yishi.application.ResidentVoteService.VOTE_TYPES;
import static cn.yishi.application.ResidentVoteService.refused;

import cn.yishi.application.ResidentVoteService.BallotSheets;
import cn.yishi.application.ResidentVoteService.OptionTotal;
import cn.yishi.application.ResidentVoteService.PublicCount;
import cn.yishi.application.ResidentVoteService.PublicVote;
import cn.yishi.application.port.Decisions;
import cn.yishi.application.port.Votes;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.deliberation.Electorate;
import cn.yishi.domain.deliberation.VoteRule;
import cn.yishi.domain.directory.GroupIds;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * What is read of a resident vote: the ballot page of a token and the community's public count (公开计票: the turnout
 * while the vote runs, the totals per option once counted, never who voted what), and the staff's printable ballot
 * sheets. Part of {@link ResidentVoteService}, which holds the transactions.
 */
final class ResidentVoteViews {
  private final Cases cases;
  private final WorkingDayCalendar calendar;
  private final Votes votes;
  private final Decisions decisions;
  private final HouseholdRegisterService registers;

  ResidentVoteViews(Cases cases, WorkingDayCalendar calendar, Votes votes, Decisions decisions,
      HouseholdRegisterService registers) {
    this.cases = cases;
    this.calendar = calendar;
    this.votes = votes;
    this.decisions = decisions;
    this.registers = registers;
  }

  /** The electorate as people read it: 御苑小区全体住户, 御苑小区 1栋 … */
  String label(Electorate e) {
    return e.label(registers.compoundName(e.compound()));
  }

  PublicVote publicView(String token) {
    String t = token == null ? "" : token.strip();
    Votes.Vote v = t.isEmpty() || t.length() > 64 ? null : votes.findVoteByToken(t).orElse(null);
    Votes.Ballot b = v == null ? null : votes.findBallot(t).orElse(null);
    if (v == null || b == null) {
      throw refused("token", "unknown", "选票无效：链接不完整或不存在，请核对选票上的二维码或链接");
    }
    PublicCount count = count(v);
    VoteRule rule = decisions.voteRule(v.voteType()).orElseThrow();
    boolean voted = b.choice() != null;
    String state = voted && "OPEN".equals(count.state()) ? "USED" : count.state();
    return new PublicVote(v.question(), count.electorate(), count.voteType(), rule.describe(), local(v.closesAt()), state,
        "OPEN".equals(state), voted, v.households(), v.totalArea(), count.cast(), count.totals(), count.outcome());
  }

  List<PublicCount> publicCounts(String community) {
    return votes.ofCommunity(community, 20).stream().map(this::count).toList();
  }

  private PublicCount count(Votes.Vote v) {
    boolean closed = "CLOSED".equals(v.status());
    boolean open = !closed && cases.now().isBefore(v.closesAt());
    List<OptionTotal> totals = closed ? List.of(
        new OptionTotal("YES", CHOICE_LABELS.get("YES"), v.yes(), orZero(v.yesArea())),
        new OptionTotal("NO", CHOICE_LABELS.get("NO"), v.no(), orZero(v.noArea())),
        new OptionTotal("ABSTAIN", CHOICE_LABELS.get("ABSTAIN"), v.abstain(), orZero(v.abstainArea()))) : List.of();
    int cast = closed ? v.yes() + v.no() + v.abstain() : votes.castCount(v.id());
    return new PublicCount(v.id(), v.question(), label(v.electorate()), VOTE_TYPES.get(v.voteType()), local(v.closesAt()),
        closed ? "CLOSED" : open ? "OPEN" : "COUNTING", v.households(), v.totalArea(), cast, totals,
        closed ? VoteRule.Outcome.valueOf(v.outcome()).label() : null);
  }

  /** A time as the offices read it (the calendar's zone), whatever offset the database returns. */
  private OffsetDateTime local(OffsetDateTime t) {
    return t.atZoneSameInstant(calendar.zone()).toOffsetDateTime();
  }

  private static BigDecimal orZero(BigDecimal b) {
    return b == null ? BigDecimal.ZERO : b;
  }

  BallotSheets sheets(long voteId, Collection<String> callerGroups) {
    Votes.Vote v = votes.findVote(voteId).orElseThrow(() -> refused("voteId", "unknown", "表决不存在"));
    List<String> allowed = List.of(GroupIds.community(v.community()), GroupIds.room(v.community()), GroupIds.DISPATCH_CENTRE,
        GroupIds.ADMIN);
    if (callerGroups.stream().noneMatch(allowed::contains) || "ASSEMBLY".equals(v.compound())) {
      throw new ResidentVoteService.BallotsForbidden();
    }
    return new BallotSheets(v.id(), v.question(), label(v.electorate()), VOTE_TYPES.get(v.voteType()),
        decisions.voteRule(v.voteType()).orElseThrow().describe(), v.closesAt(), v.community(), votes.sheets(voteId));
  }
}
