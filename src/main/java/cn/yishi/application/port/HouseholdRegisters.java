package cn.yishi.application.port;

import cn.yishi.domain.deliberation.Electorate;
import cn.yishi.domain.deliberation.Household;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/** 住户名册: the households of each compound with their floor area, maintained by the community's staff. */
public interface HouseholdRegisters {
  /** The households of an electorate (a compound, a building or a unit), by building, unit and household. */
  List<Household> in(Electorate electorate);

  /** The households of the compounds, by compound, building, unit and household. */
  List<Household> ofCompounds(Collection<String> compounds);

  /** Replaces the whole register of each compound in {@code compounds} with {@code households}. */
  void replace(Collection<String> compounds, List<Household> households, String actor, OffsetDateTime now);

  /** The compounds that have a register at all. */
  List<String> compounds();
}
