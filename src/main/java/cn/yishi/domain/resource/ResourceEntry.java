package cn.yishi.domain.resource;

import java.util.List;

/**
 * One entry of the resource list (资源清单) or talent pool (人才库).
 *
 * @param community the community it serves, or null
 * @param street the street/township whose communities it serves, or null; neither: the whole county
 * @param contact for staff only (never on a public page or in the meeting's problem list)
 * @param version for optimistic locking: an edit names the version it started from
 */
public record ResourceEntry(long id, ResourceKind kind, String name, String expertise, List<String> keywords,
    String contact, String community, String street, boolean active, int version) {

  public ResourceEntry {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }

  /** The words of a problem list that this entry answers: its keywords and its expertise words found in the text. */
  public List<String> hits(String problemList) {
    if (problemList == null) {
      return List.of();
    }
    return keywords.stream().filter(problemList::contains).toList();
  }

  /** Whether the entry serves a community of a street (county-wide entries serve all). */
  public boolean serves(String communityCode, String streetCode) {
    if (community != null) {
      return community.equals(communityCode);
    }
    if (street != null) {
      return street.equals(streetCode);
    }
    return true;
  }
}
