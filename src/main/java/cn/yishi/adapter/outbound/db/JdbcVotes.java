package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.Votes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcVotes implements Votes {
  private static final String VOTE_COLUMNS = """
      v.id, v.meeting_id, v.community, v.compound, v.vote_type, v.question, v.households, v.closes_at, v.status,
      v.yes_count, v.no_count, v.abstain_count, v.outcome""";
  private final JdbcClient jdbc;

  JdbcVotes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long insertVote(long meetingId, String community, String compound, String voteType, String question,
      int households, OffsetDateTime openedAt, OffsetDateTime closesAt, String status) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_vote (meeting_id, community, compound, vote_type, question, households, opened_at, closes_at, status)
            values (:meetingId, :community, :compound, :type, :question, :households, :openedAt, :closesAt, :status)""")
        .param("meetingId", meetingId).param("community", community).param("compound", compound).param("type", voteType)
        .param("question", question).param("households", households).param("openedAt", openedAt)
        .param("closesAt", closesAt).param("status", status)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public void insertBallot(long voteId, String household, String token) {
    jdbc.sql("insert into yishi_ballot (vote_id, household, token) values (:voteId, :household, :token)")
        .param("voteId", voteId).param("household", household).param("token", token).update();
  }

  @Override
  public Optional<Vote> findVote(long id) {
    return jdbc.sql("select " + VOTE_COLUMNS + " from yishi_vote v where v.id = :id")
        .param("id", id).query(JdbcVotes::vote).optional();
  }

  @Override
  public Optional<Vote> findVoteByToken(String token) {
    return jdbc.sql("select " + VOTE_COLUMNS + " from yishi_vote v join yishi_ballot b on b.vote_id = v.id where b.token = :token")
        .param("token", token).query(JdbcVotes::vote).optional();
  }

  @Override
  public Optional<Ballot> findBallot(String token) {
    return jdbc.sql("select vote_id, household, choice from yishi_ballot where token = :token")
        .param("token", token).query((rs, n) -> new Ballot(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
  }

  @Override
  public boolean cast(String token, String choice, String channel, String actor, OffsetDateTime now) {
    return jdbc.sql("""
            update yishi_ballot set choice = :choice, channel = :channel, cast_at = :now, entered_by = :actor
            where token = :token and choice is null
              and vote_id in (select id from yishi_vote where status = 'OPEN' and closes_at > :now)""")
        .param("choice", choice).param("channel", channel).param("now", now).param("actor", actor)
        .param("token", token).update() == 1;
  }

  @Override
  public Counts counts(long voteId) {
    return jdbc.sql("""
            select coalesce(sum(case when choice = 'YES' then 1 else 0 end), 0),
                   coalesce(sum(case when choice = 'NO' then 1 else 0 end), 0),
                   coalesce(sum(case when choice = 'ABSTAIN' then 1 else 0 end), 0)
            from yishi_ballot where vote_id = :id""")
        .param("id", voteId).query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
  }

  @Override
  public void close(long voteId, Counts counts, String outcome) {
    jdbc.sql("""
            update yishi_vote set status = 'CLOSED', yes_count = :yes, no_count = :no, abstain_count = :abstain,
              outcome = :outcome where id = :id""")
        .param("yes", counts.yes()).param("no", counts.no()).param("abstain", counts.abstain())
        .param("outcome", outcome).param("id", voteId).update();
  }

  @Override
  public List<String[]> tokens(long voteId) {
    return jdbc.sql("select household, token from yishi_ballot where vote_id = :id order by household")
        .param("id", voteId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
  }

  private static Vote vote(ResultSet rs, int row) throws SQLException {
    return new Vote(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getInt(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9), rs.getObject(10, Integer.class),
        rs.getObject(11, Integer.class), rs.getObject(12, Integer.class), rs.getString(13));
  }
}
