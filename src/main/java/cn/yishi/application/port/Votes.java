package cn.yishi.application.port;

import cn.yishi.domain.deliberation.Electorate;
import cn.yishi.domain.deliberation.VoteRule.Totals;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Resident votes (一户一票) and their ballots: one row, one token per household of the electorate. */
public interface Votes {
  /**
   * A vote. {@code compound}, {@code building} and {@code unit} are its electorate ({@code building} and {@code unit}
   * null for a whole compound); {@code totalArea} is the electorate's floor area when it opened (null for a meeting's
   * record and for votes opened before the register held areas).
   */
  record Vote(long id, long meetingId, String community, String compound, String building, String unit, String voteType,
      String question, int households, BigDecimal totalArea, OffsetDateTime closesAt, String status, Integer yes, Integer no,
      Integer abstain, BigDecimal yesArea, BigDecimal noArea, BigDecimal abstainArea, String outcome) {

    public Electorate electorate() {
      return new Electorate(compound, building, unit);
    }
  }

  record Ballot(long voteId, String household, String choice) {}

  /** A ballot of the sheets to print: the household, its area, and its token. */
  record Sheet(String household, BigDecimal area, String token) {}

  /** The ballots cast per choice, by headcount and by area. */
  record Counts(Totals yes, Totals no, Totals abstain) {
    public Totals cast() {
      return yes.plus(no).plus(abstain);
    }
  }

  long insertVote(long meetingId, String community, Electorate electorate, String voteType, String question,
      Totals electorateTotals, OffsetDateTime openedAt, OffsetDateTime closesAt, String status);

  void insertBallot(long voteId, String household, BigDecimal area, String token);

  Optional<Vote> findVote(long id);

  Optional<Vote> findVoteByToken(String token);

  Optional<Ballot> findBallot(String token);

  /**
   * Casts the ballot of the token if it is unused and its vote is open at {@code now}; returns false
   * otherwise. Atomic: of concurrent casts with one token, exactly one succeeds.
   */
  boolean cast(String token, String choice, String channel, String actor, OffsetDateTime now);

  Counts counts(long voteId);

  /** How many households have voted so far (the running public count). */
  int castCount(long voteId);

  void close(long voteId, Counts counts, String outcome);

  /** The ballots of a vote per household, for printing the ballot sheets. */
  List<Sheet> sheets(long voteId);

  /** The ballot votes of a community (not the meetings' records), newest first, at most {@code limit}. */
  List<Vote> ofCommunity(String community, int limit);
}
