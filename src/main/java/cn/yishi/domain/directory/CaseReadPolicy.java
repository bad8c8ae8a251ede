package cn.yishi.domain.directory;

import cn.yishi.domain.casefile.Tier;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Privacy by role: who may read which part of which case (the README's table "Privacy by role").
 *
 * <ul>
 *   <li>the dispatch centre (and administrators) read every part of every case;
 *   <li>the case's street reads every part of its communities' cases (it supervises and handles them);
 *   <li>the units handling the case (its responsible unit, the lead, and its co-units, 组团) read every part,
 *       whatever the community;
 *   <li>the case's reviewers (社区两委) and visiting grid workers read every part of their community's cases;
 *   <li>the party organisation that reviews the case (三级前置把关: the compound's station, the street's hall, the
 *       county coordination mechanism) reads every part of it;
 *   <li>stations, the room and the hall (the street's) of the community read the record and the internal notes, and
 *       the reporter's contact only while the case is at their tier (they handle it then: a station case only its
 *       compound's station);
 *   <li>the owners' committee and the resident representatives read the record of their community's cases,
 *       without personal data or internal notes; the experts the same, only of the cases put to them;
 *   <li>nobody else reads anything (another community's staff, a unit not handling the case, channel accounts).
 * </ul>
 */
public final class CaseReadPolicy {
  /** The parts of a case that are released separately. */
  public enum Part {
    /** The case record: facts, description, attachments and the public timeline notes. */
    RECORD,
    /** Staff-only timeline notes. */
    INTERNAL_NOTES,
    /** The reporter's name, phone, e-mail, exact address and position. */
    REPORTER_CONTACT
  }

  /**
   * The facts of a case that decide who may read it.
   *
   * @param coUnits the units that co-handle the case beside its responsible unit (组团), none when it has no co-units
   */
  public record CaseFacts(String community, Tier tier, String responsibleUnit, boolean putToExperts, Set<String> coUnits,
      String compound, String reviewGroup) {
    public CaseFacts {
      coUnits = coUnits == null ? Set.of() : Set.copyOf(coUnits);
    }

    /** A case without a known compound or review group. */
    public CaseFacts(String community, Tier tier, String responsibleUnit, boolean putToExperts, Set<String> coUnits) {
      this(community, tier, responsibleUnit, putToExperts, coUnits, null, null);
    }

    /** A case without co-units. */
    public CaseFacts(String community, Tier tier, String responsibleUnit, boolean putToExperts) {
      this(community, tier, responsibleUnit, putToExperts, Set.of());
    }
  }

  private static final Set<Part> ALL = EnumSet.allOf(Part.class);
  private static final Set<Part> RECORD_AND_NOTES = EnumSet.of(Part.RECORD, Part.INTERNAL_NOTES);
  private static final Set<Part> RECORD_ONLY = EnumSet.of(Part.RECORD);

  private final Directory directory;
  private final TierRouting routing;

  public CaseReadPolicy(Directory directory) {
    this.directory = directory;
    this.routing = new TierRouting(directory);
  }

  /** The parts of the case that a member of {@code groups} may read; empty when none. */
  public Set<Part> readable(Collection<String> groups, CaseFacts c) {
    if (groups.contains(GroupIds.ADMIN) || groups.contains(GroupIds.DISPATCH_CENTRE)) {
      return ALL;
    }
    if (c.responsibleUnit() != null && groups.contains(GroupIds.unit(c.responsibleUnit()))) {
      return ALL;
    }
    if (c.coUnits().stream().anyMatch(u -> groups.contains(GroupIds.unit(u)))) {
      return ALL;
    }
    Optional<Directory.Community> community = directory.community(c.community());
    if (community.isEmpty()) {
      return Set.of();
    }
    Directory.Community home = community.get();
    if (home.street() != null && groups.contains(GroupIds.street(home.street()))) {
      return ALL;
    }
    if (groups.contains(GroupIds.community(home.code())) || groups.contains(GroupIds.grid(home.code()))) {
      return ALL;
    }
    // 三级前置把关: the party organisation reviewing the case (a station, the street's hall, the county mechanism)
    if (c.reviewGroup() != null && groups.contains(c.reviewGroup())) {
      return ALL;
    }
    if (c.tier() != null && containsAny(groups, routing.handlerGroups(home.code(), c.tier(), c.compound()))) {
      return ALL;
    }
    if (containsAny(groups, tierGroups(home))) {
      return RECORD_AND_NOTES;
    }
    if (groups.contains(GroupIds.owners(home.code())) || groups.contains(GroupIds.residents(home.code()))) {
      return RECORD_ONLY;
    }
    if (c.putToExperts() && groups.contains(GroupIds.EXPERT_PANEL)) {
      return RECORD_ONLY;
    }
    return Set.of();
  }

  private static List<String> tierGroups(Directory.Community c) {
    List<String> ids = new java.util.ArrayList<>(c.stations().stream().map(s -> GroupIds.station(s.code())).toList());
    ids.add(GroupIds.room(c.code()));
    ids.add(GroupIds.hall(c.code()));
    if (c.street() != null) {
      ids.add(GroupIds.streetHall(c.street()));
    }
    return ids;
  }

  private static boolean containsAny(Collection<String> groups, Collection<String> wanted) {
    return wanted.stream().anyMatch(groups::contains);
  }
}
