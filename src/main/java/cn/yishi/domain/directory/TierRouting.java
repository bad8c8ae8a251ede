package cn.yishi.domain.directory;

import cn.yishi.domain.casefile.Tier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who handles and who supervises a case at each tier of a community: 站 → the community's
 * stations, 室 → its room, 厅 → its hall, county → the dispatch centre. The supervisor of a tier is
 * the tier above it; the dispatch centre supervises everything.
 */
public final class TierRouting {
  private final Directory directory;

  public TierRouting(Directory directory) {
    this.directory = directory;
  }

  public List<String> handlerGroups(String community, Tier tier) {
    Directory.Community c = community(community);
    return switch (tier) {
      case STATION -> c.stations().isEmpty()
          ? List.of(GroupIds.room(c.code()))
          : c.stations().stream().map(s -> GroupIds.station(s.code())).toList();
      case ROOM -> List.of(GroupIds.room(c.code()));
      case HALL -> List.of(GroupIds.hall(c.code()));
      case COUNTY -> List.of(GroupIds.DISPATCH_CENTRE);
    };
  }

  /** Handler groups of a case: a committed case goes to its unit; escalated cases also to the tier. */
  public List<String> handlerGroups(String community, Tier tier, String responsibleUnit, boolean escalated) {
    Set<String> groups = new LinkedHashSet<>();
    if (responsibleUnit != null) {
      groups.add(GroupIds.unit(responsibleUnit));
    }
    if (responsibleUnit == null || escalated) {
      groups.addAll(handlerGroups(community, tier));
    }
    return new ArrayList<>(groups);
  }

  public List<String> supervisorGroups(String community, Tier tier) {
    Directory.Community c = community(community);
    Set<String> groups = new LinkedHashSet<>();
    switch (tier) {
      case STATION -> groups.add(GroupIds.room(c.code()));
      case ROOM -> groups.add(GroupIds.hall(c.code()));
      case HALL -> {
        if (c.street() != null) {
          groups.add(GroupIds.street(c.street()));
        }
      }
      case COUNTY -> { }
    }
    groups.add(GroupIds.DISPATCH_CENTRE);
    return new ArrayList<>(groups);
  }

  /** All responsible units' groups. */
  public List<String> unitGroups() {
    return directory.units().stream().map(u -> GroupIds.unit(u.code())).toList();
  }

  /** The claim pool (揭榜) of a community's case: the groups of the units that serve the community. */
  public List<String> claimGroups(String community) {
    return directory.unitsServing(community).stream().map(u -> GroupIds.unit(u.code())).toList();
  }

  private Directory.Community community(String code) {
    return directory.community(code)
        .orElseThrow(() -> new IllegalArgumentException("unknown community " + code));
  }
}
