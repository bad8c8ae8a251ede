package cn.yishi.adapter.outbound.db;

import cn.yishi.application.port.HouseholdRegisters;
import cn.yishi.domain.deliberation.Electorate;
import cn.yishi.domain.deliberation.Household;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcHouseholdRegisters implements HouseholdRegisters {
  private static final String COLUMNS = "compound, building, unit, household, area";
  private static final String ORDER = " order by compound, building, unit, household";
  private final JdbcClient jdbc;

  JdbcHouseholdRegisters(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Household> in(Electorate e) {
    return jdbc.sql("select " + COLUMNS + " from yishi_household where compound = :compound"
            + " and (cast(:building as varchar(64)) is null or building = :building)"
            + " and (cast(:unit as varchar(64)) is null or unit = :unit)" + ORDER)
        .param("compound", e.compound()).param("building", e.building()).param("unit", e.unit())
        .query(JdbcHouseholdRegisters::household).list();
  }

  @Override
  public List<Household> ofCompounds(Collection<String> compounds) {
    if (compounds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from yishi_household where compound in (:compounds)" + ORDER)
        .param("compounds", compounds).query(JdbcHouseholdRegisters::household).list();
  }

  @Override
  public void replace(Collection<String> compounds, List<Household> households, String actor, OffsetDateTime now) {
    if (!compounds.isEmpty()) {
      jdbc.sql("delete from yishi_household where compound in (:compounds)").param("compounds", compounds).update();
    }
    for (Household h : households) {
      jdbc.sql("""
              insert into yishi_household (compound, building, unit, household, area, updated_at, updated_by)
              values (:compound, :building, :unit, :household, :area, :now, :actor)""")
          .param("compound", h.compound()).param("building", h.building()).param("unit", h.unit())
          .param("household", h.household()).param("area", h.area()).param("now", now).param("actor", actor).update();
    }
  }

  @Override
  public List<String> compounds() {
    return jdbc.sql("select distinct compound from yishi_household order by compound").query(String.class).list();
  }

  private static Household household(ResultSet rs, int row) throws SQLException {
    return new Household(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5));
  }
}
