package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.CoUnits;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** yishi_case_co_unit (V12). */
@Repository
class JdbcCoUnits implements CoUnits {
  private final JdbcClient jdbc;

  JdbcCoUnits(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean add(long caseId, String unit, String assignedBy, OffsetDateTime at) {
    Integer present = jdbc.sql("select count(*) from yishi_case_co_unit where case_id = :caseId and unit = :unit")
        .param("caseId", caseId).param("unit", unit).query(Integer.class).single();
    if (present > 0) {
      return false;
    }
    return jdbc.sql("""
            insert into yishi_case_co_unit (case_id, unit, status, assigned_by, assigned_at)
            values (:caseId, :unit, :status, :by, :at)""")
        .param("caseId", caseId).param("unit", unit).param("status", Status.OPEN.name())
        .param("by", assignedBy).param("at", at)
        .update() == 1;
  }

  @Override
  public List<CoUnit> of(long caseId) {
    return jdbc.sql("""
            select unit, status, result, finished_by, finished_at from yishi_case_co_unit
            where case_id = :caseId order by id""")
        .param("caseId", caseId)
        .query((rs, n) -> new CoUnit(rs.getString(1), Status.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
            rs.getObject(5, OffsetDateTime.class)))
        .list();
  }

  @Override
  public boolean finish(long caseId, String unit, String result, String finishedBy, OffsetDateTime at) {
    return jdbc.sql("""
            update yishi_case_co_unit set status = :finished, result = :result, finished_by = :by, finished_at = :at
            where case_id = :caseId and unit = :unit and status = :open""")
        .param("finished", Status.FINISHED.name()).param("result", result).param("by", finishedBy).param("at", at)
        .param("caseId", caseId).param("unit", unit).param("open", Status.OPEN.name())
        .update() == 1;
  }
}
