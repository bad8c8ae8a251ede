package cn.yishi.application.port;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Resident votes (一户一票) and their ballots: one row, one token per household of the register. */
public interface Votes {
  record Vote(long id, long meetingId, String community, String compound, String voteType, String question,
      int households, OffsetDateTime closesAt, String status, Integer yes, Integer no, Integer abstain, String outcome) {}

  record Ballot(long voteId, String household, String choice) {}

  record Counts(int yes, int no, int abstain) {}

  long insertVote(long meetingId, String community, String compound, String voteType, String question, int households,
      OffsetDateTime openedAt, OffsetDateTime closesAt, String status);

  void insertBallot(long voteId, String household, String token);

  Optional<Vote> findVote(long id);

  Optional<Vote> findVoteByToken(String token);

  Optional<Ballot> findBallot(String token);

  /**
   * Casts the ballot of the token if it is unused and its vote is open at {@code now}; returns false
   * otherwise. Atomic: of concurrent casts with one token, exactly one succeeds.
   */
  boolean cast(String token, String choice, String channel, String actor, OffsetDateTime now);

  Counts counts(long voteId);

  void close(long voteId, Counts counts, String outcome);

  /** The tokens of a vote per household, for printing the paper ballots. */
  List<String[]> tokens(long voteId);
}
