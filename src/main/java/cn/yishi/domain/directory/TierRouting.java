package cn.yishi.domain.directory;

import cn.yishi.domain.casefile.Tier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who reviews, handles and supervises a case at each tier of a community (三级前置把关, 小事不出站、常事不出室、难事不出厅):
 * 站 → the station of the reported compound only (no or unknown compound: the room), 室 → the community's room,
 * 厅 → the hall of the street's party working committee ({@code hall-<street>}; a community without a street keeps
 * its own {@code <c>-hall}), county → the dispatch centre handles and the county coordination mechanism reviews. The
 * supervisor of a tier is the tier above it; the dispatch centre supervises everything.
 */
public final class TierRouting {
  private final Directory directory;

  public TierRouting(Directory directory) {
    this.directory = directory;
  }

  /** The handlers at a tier for a case without a known compound (a station case goes to the room). */
  public List<String> handlerGroups(String community, Tier tier) {
    return handlerGroups(community, tier, null);
  }

  /** The handlers at a tier: a station case goes to the station of its compound only, never to every station. */
  public List<String> handlerGroups(String community, Tier tier, String compound) {
    Directory.Community c = community(community);
    return switch (tier) {
      case STATION -> List.of(directory.station(c.code(), compound)
          .map(s -> GroupIds.station(s.code())).orElse(GroupIds.room(c.code())));
      case ROOM -> List.of(GroupIds.room(c.code()));
      case HALL -> List.of(hallOf(c));
      case COUNTY -> List.of(GroupIds.DISPATCH_CENTRE);
    };
  }

  /** Handler groups of a case: a committed case goes to its unit; escalated cases also to the tier. */
  public List<String> handlerGroups(String community, Tier tier, String responsibleUnit, boolean escalated) {
    return handlerGroups(community, tier, null, responsibleUnit, escalated);
  }

  /** As {@link #handlerGroups(String, Tier, String, boolean)}, with the case's compound. */
  public List<String> handlerGroups(String community, Tier tier, String compound, String responsibleUnit,
      boolean escalated) {
    Set<String> groups = new LinkedHashSet<>();
    if (responsibleUnit != null) {
      groups.add(GroupIds.unit(responsibleUnit));
    }
    if (responsibleUnit == null || escalated) {
      groups.addAll(handlerGroups(community, tier, compound));
    }
    return new ArrayList<>(groups);
  }

  /**
   * 三级前置把关: the party organisation that reviews a case expected at {@code tier} — the station of the reported
   * compound (no or unknown compound: the community's 两委 {@code <c>-community}), the community's 两委, the street's
   * hall {@code hall-<street>} (no street: the 两委), or the county coordination mechanism.
   */
  public String reviewGroup(String community, Tier tier, String compound) {
    Directory.Community c = community(community);
    return switch (tier) {
      case STATION -> directory.station(c.code(), compound).map(s -> GroupIds.station(s.code()))
          .orElse(GroupIds.community(c.code()));
      case ROOM -> GroupIds.community(c.code());
      case HALL -> c.street() == null ? GroupIds.community(c.code()) : GroupIds.streetHall(c.street());
      case COUNTY -> GroupIds.COUNTY_COORDINATION;
    };
  }

  /** The Chinese name of the party organisation that reviews at a tier (see {@link #reviewGroup}). */
  public String reviewerName(String community, Tier tier, String compound) {
    Directory.Community c = community(community);
    return switch (tier) {
      case STATION -> directory.station(c.code(), compound).map(Directory.Station::name).orElse(c.name() + "两委");
      case ROOM -> c.name() + "两委";
      case HALL -> c.street() == null ? c.name() + "两委"
          : directory.street(c.street()).map(s -> s.name() + "党工委党群会客厅").orElse(c.name() + "两委");
      case COUNTY -> directory.countyName() + "党建引领基层治理协调机制";
    };
  }

  /** The hall of a community: its street's hall, or (a community without a street) its own. */
  private static String hallOf(Directory.Community c) {
    return c.street() == null ? GroupIds.hall(c.code()) : GroupIds.streetHall(c.street());
  }

  public List<String> supervisorGroups(String community, Tier tier) {
    Directory.Community c = community(community);
    Set<String> groups = new LinkedHashSet<>();
    switch (tier) {
      case STATION -> groups.add(GroupIds.room(c.code()));
      case ROOM -> groups.add(hallOf(c));
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
