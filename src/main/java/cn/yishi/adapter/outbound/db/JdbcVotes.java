package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.Votes;
import cn.yishi.domain.deliberation.Electorate;
import cn.yishi.domain.deliberation.VoteRule.Totals;
import java.math.BigDecimal;
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
  /** The record of a residents' meeting is kept as a vote of this pseudo-compound (RecordAssembly). */
  private static final String ASSEMBLY = "ASSEMBLY";
  private static final String VOTE_COLUMNS = """
      v.id, v.meeting_id, v.community, v.compound, v.building, v.unit, v.vote_type, v.question, v.households, v.total_area,
      v.closes_at, v.status, v.yes_count, v.no_count, v.abstain_count, v.yes_area, v.no_area, v.abstain_area, v.outcome""";
  private final JdbcClient jdbc;

  JdbcVotes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long insertVote(long meetingId, String community, Electorate electorate, String voteType, String question,
      Totals totals, OffsetDateTime openedAt, OffsetDateTime closesAt, String status) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_vote (meeting_id, community, compound, building, unit, vote_type, question, households, total_area,
              opened_at, closes_at, status)
            values (:meetingId, :community, :compound, :building, :unit, :type, :question, :households, :area, :openedAt,
              :closesAt, :status)""")
        .param("meetingId", meetingId).param("community", community).param("compound", electorate.compound())
        .param("building", electorate.building()).param("unit", electorate.unit()).param("type", voteType)
        .param("question", question).param("households", totals.households())
        .param("area", totals.area().signum() == 0 ? null : totals.area()).param("openedAt", openedAt)
        .param("closesAt", closesAt).param("status", status)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
  }

  @Override
  public void insertBallot(long voteId, String household, BigDecimal area, String token) {
    jdbc.sql("insert into yishi_ballot (vote_id, household, area, token) values (:voteId, :household, :area, :token)")
        .param("voteId", voteId).param("household", household).param("area", area).param("token", token).update();
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
                   coalesce(sum(case when choice = 'YES' then coalesce(area, 0) else 0 end), 0),
                   coalesce(sum(case when choice = 'NO' then 1 else 0 end), 0),
                   coalesce(sum(case when choice = 'NO' then coalesce(area, 0) else 0 end), 0),
                   coalesce(sum(case when choice = 'ABSTAIN' then 1 else 0 end), 0),
                   coalesce(sum(case when choice = 'ABSTAIN' then coalesce(area, 0) else 0 end), 0)
            from yishi_ballot where vote_id = :id""")
        .param("id", voteId).query((rs, n) -> new Counts(new Totals(rs.getInt(1), rs.getBigDecimal(2)),
            new Totals(rs.getInt(3), rs.getBigDecimal(4)), new Totals(rs.getInt(5), rs.getBigDecimal(6)))).single();
  }

  @Override
  public int castCount(long voteId) {
    return jdbc.sql("select count(*) from yishi_ballot where vote_id = :id and choice is not null")
        .param("id", voteId).query(Integer.class).single();
  }

  @Override
  public void close(long voteId, Counts counts, String outcome) {
    jdbc.sql("""
            update yishi_vote set status = 'CLOSED', yes_count = :yes, no_count = :no, abstain_count = :abstain,
              yes_area = :yesArea, no_area = :noArea, abstain_area = :abstainArea, outcome = :outcome where id = :id""")
        .param("yes", counts.yes().households()).param("no", counts.no().households())
        .param("abstain", counts.abstain().households()).param("yesArea", counts.yes().area())
        .param("noArea", counts.no().area()).param("abstainArea", counts.abstain().area())
        .param("outcome", outcome).param("id", voteId).update();
  }

  @Override
  public List<Sheet> sheets(long voteId) {
    return jdbc.sql("select household, area, token from yishi_ballot where vote_id = :id order by household")
        .param("id", voteId).query((rs, n) -> new Sheet(rs.getString(1), rs.getBigDecimal(2), rs.getString(3))).list();
  }

  @Override
  public List<Vote> ofCommunity(String community, int limit) {
    return jdbc.sql("select " + VOTE_COLUMNS + " from yishi_vote v where v.community = :community and v.compound <> :assembly"
            + " order by v.id desc")
        .param("community", community).param("assembly", ASSEMBLY).query(JdbcVotes::vote).stream().limit(limit).toList();
  }

  private static Vote vote(ResultSet rs, int row) throws SQLException {
    return new Vote(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getInt(9), rs.getBigDecimal(10), rs.getObject(11, OffsetDateTime.class),
        rs.getString(12), rs.getObject(13, Integer.class), rs.getObject(14, Integer.class), rs.getObject(15, Integer.class),
        rs.getBigDecimal(16), rs.getBigDecimal(17), rs.getBigDecimal(18), rs.getString(19));
  }
}
