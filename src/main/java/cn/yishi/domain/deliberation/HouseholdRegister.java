package cn.yishi.domain.deliberation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** 住户名册: the households of each compound that may vote (一户一票). */
public record HouseholdRegister(Map<String, List<String>> byCompound) {
  public HouseholdRegister {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    byCompound.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byCompound = java.util.Collections.unmodifiableMap(copy);
  }

  /** The households of a compound, empty when it has no register. */
  public List<String> of(String compound) {
    return compound == null ? List.of() : byCompound.getOrDefault(compound, List.of());
  }

  /**
   * This register with the households of another added; a compound in both gets the union.
   *
   * @throws IllegalArgumentException when a household appears twice in one compound
   */
  public HouseholdRegister with(Map<String, List<String>> more) {
    Map<String, List<String>> merged = new LinkedHashMap<>(byCompound);
    more.forEach((compound, households) -> {
      Set<String> all = new LinkedHashSet<>(merged.getOrDefault(compound, List.of()));
      for (String h : households) {
        if (!all.add(h)) {
          throw new IllegalArgumentException("小区 " + compound + " 的住户 " + h + " 重复");
        }
      }
      merged.put(compound, new ArrayList<>(all));
    });
    return new HouseholdRegister(merged);
  }
}
