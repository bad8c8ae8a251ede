package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.ProxyStore;
import cn.yishi.domain.proxy.ProxyMode;
import cn.yishi.domain.proxy.ProxyServiceType;
import cn.yishi.domain.proxy.ProxyStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** yishi_proxy_request, yishi_proxy_resident, yishi_proxy_step, yishi_proxy_rating (V20). */
@Repository
class JdbcProxyStore implements ProxyStore {
  private static final String COLUMNS = """
      id, request_no, token, service_code, community, street, compound, channel, status, proxy_mode, process_instance_id,
      requested_at, due_at, overdue, succeeded, result, closed_at, service_name, service_office, time_limit_days,
      service_documents, service_steps""";
  /** Documents and steps of the snapshot, one per line. */
  private static final String LINE = "\n";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final JdbcClient jdbc;

  JdbcProxyStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Request insert(NewRequest r, String residentName, String residentPhone) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into yishi_proxy_request (request_no, token, service_code, community, street, compound, channel, status,
              requested_by, requested_at, request_month, due_at, service_name, service_office, time_limit_days,
              service_documents, service_steps, service_version)
            values (:no, :token, :service, :community, :street, :compound, :channel, :status, :by, :at, :month, :due,
              :serviceName, :office, :limit, :documents, :steps, :version)""")
        .param("no", r.token().substring(0, 32)).param("token", r.token()).param("service", r.serviceCode())
        .param("community", r.community()).param("street", r.street()).param("compound", r.compound())
        .param("channel", r.channel()).param("status", ProxyStatus.REQUESTED.name()).param("by", r.requestedBy())
        .param("at", r.requestedAt()).param("month", r.month()).param("due", r.dueAt())
        .param("serviceName", r.service().name()).param("office", r.service().office())
        .param("limit", r.service().timeLimitDays()).param("documents", String.join(LINE, r.service().documents()))
        .param("steps", String.join(LINE, r.service().steps())).param("version", r.serviceVersion())
        .update(keys, "id");
    long id = Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
    String no = "DB" + r.requestedAt().atZoneSameInstant(BEIJING).format(DAY) + "-" + id;
    jdbc.sql("update yishi_proxy_request set request_no = :no where id = :id").param("no", no).param("id", id).update();
    jdbc.sql("insert into yishi_proxy_resident (request_id, name, phone) values (:id, :name, :phone)")
        .param("id", id).param("name", residentName).param("phone", residentPhone).update();
    return find(id).orElseThrow();
  }

  @Override
  public int countOpen() {
    return jdbc.sql("select count(*) from yishi_proxy_request where status in ('REQUESTED', 'IN_HAND')")
        .query(Integer.class).single();
  }

  @Override
  public List<OverdueRequest> overdueOpen(OffsetDateTime cutoff) {
    return jdbc.sql("""
            select r.id, r.request_no, coalesce(r.service_name, r.service_code), r.community, r.street, r.process_instance_id,
              r.due_at, r.overdue,
              case when exists (select 1 from yishi_supervision_order o where o.item_type = 'PROXY' and o.item_id = r.id
                and o.completed_at is null) then true else false end
            from yishi_proxy_request r
            where r.status in ('REQUESTED', 'IN_HAND') and r.due_at < :cutoff order by r.id""")
        .param("cutoff", cutoff)
        .query((rs, n) -> new OverdueRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getBoolean(8), rs.getBoolean(9)))
        .list();
  }

  @Override
  public Optional<Request> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from yishi_proxy_request where id = :id").param("id", id)
        .query(JdbcProxyStore::request).optional();
  }

  @Override
  public Optional<Request> findByToken(String token) {
    return jdbc.sql("select " + COLUMNS + " from yishi_proxy_request where token = :token").param("token", token)
        .query(JdbcProxyStore::request).optional();
  }

  private static Request request(ResultSet rs, int n) throws SQLException {
    String mode = rs.getString(10);
    Object succeeded = rs.getObject(15);
    return new Request(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8), ProxyStatus.valueOf(rs.getString(9)),
        mode == null ? null : ProxyMode.valueOf(mode), rs.getString(11), rs.getObject(12, OffsetDateTime.class),
        rs.getObject(13, OffsetDateTime.class), rs.getBoolean(14), succeeded == null ? null : rs.getBoolean(15),
        rs.getString(16), rs.getObject(17, OffsetDateTime.class), snapshot(rs));
  }

  private static ProxyServiceType snapshot(ResultSet rs) throws SQLException {
    String name = rs.getString(18);
    if (name == null) {
      return null;
    }
    return new ProxyServiceType(rs.getString(4), name, rs.getString(19), rs.getInt(20), lines(rs.getString(21)),
        lines(rs.getString(22)));
  }

  private static List<String> lines(String s) {
    return s == null || s.isEmpty() ? List.of() : List.of(s.split(LINE));
  }

  @Override
  public void attachProcess(long id, String processInstanceId) {
    jdbc.sql("update yishi_proxy_request set process_instance_id = :pi where id = :id")
        .param("pi", processInstanceId).param("id", id).update();
  }

  @Override
  public void status(long id, ProxyStatus status) {
    jdbc.sql("update yishi_proxy_request set status = :status where id = :id").param("status", status.name()).param("id", id).update();
  }

  @Override
  public void mode(long id, ProxyMode mode) {
    jdbc.sql("update yishi_proxy_request set proxy_mode = :mode where id = :id").param("mode", mode.name()).param("id", id).update();
  }

  @Override
  public void close(long id, boolean succeeded, String result, String closedBy, OffsetDateTime at) {
    jdbc.sql("""
            update yishi_proxy_request set succeeded = :ok, result = :result, closed_by = :by, closed_at = :at
            where id = :id""")
        .param("ok", succeeded).param("result", result).param("by", closedBy).param("at", at).param("id", id).update();
  }

  @Override
  public void overdue(long id) {
    jdbc.sql("update yishi_proxy_request set overdue = true where id = :id").param("id", id).update();
  }

  @Override
  public void supervisionNote(long id, String note) {
    jdbc.sql("update yishi_proxy_request set supervision_note = :note where id = :id").param("note", note).param("id", id).update();
  }

  @Override
  public void addStep(long id, Step step) {
    jdbc.sql("""
            insert into yishi_proxy_step (request_id, kind, detail, answer, actor, step_at)
            values (:id, :kind, :detail, :answer, :actor, :at)""")
        .param("id", id).param("kind", step.kind()).param("detail", step.detail()).param("answer", step.answer())
        .param("actor", step.actor()).param("at", step.at()).update();
  }

  @Override
  public List<Step> steps(long id) {
    return jdbc.sql("select kind, detail, answer, actor, step_at from yishi_proxy_step where request_id = :id order by id")
        .param("id", id)
        .query((rs, n) -> new Step(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class)))
        .list();
  }

  @Override
  public void addRating(long id, Rating rating) {
    jdbc.sql("insert into yishi_proxy_rating (request_id, rating, rating_comment, rated_at) values (:id, :rating, :comment, :at)")
        .param("id", id).param("rating", rating.rating()).param("comment", rating.comment()).param("at", rating.ratedAt())
        .update();
  }

  @Override
  public List<Rating> ratings(long id) {
    return jdbc.sql("select rating, rating_comment, rated_at from yishi_proxy_rating where request_id = :id order by id")
        .param("id", id)
        .query((rs, n) -> new Rating(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
        .list();
  }

  @Override
  public List<Count> counts(String month) {
    // the latest rating of each request decides whether it counts as satisfied
    return jdbc.sql("""
            select r.request_month, r.service_code, r.street, count(*),
              sum(case when r.closed_at is not null then 1 else 0 end),
              sum(case when r.overdue then 1 else 0 end),
              sum(case when exists (select 1 from yishi_proxy_rating g where g.request_id = r.id) then 1 else 0 end),
              sum(case when r.status = 'DONE' then 1 else 0 end)
            from yishi_proxy_request r
            where (cast(:month as varchar(7)) is null or r.request_month = :month)
            group by r.request_month, r.service_code, r.street
            order by r.request_month, r.service_code, r.street""")
        .param("month", month)
        .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getLong(7), rs.getLong(8)))
        .list();
  }
}
