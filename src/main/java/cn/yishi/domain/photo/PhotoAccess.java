package cn.yishi.domain.photo;

import cn.yishi.domain.directory.CaseReadPolicy;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.util.Collection;
import java.util.Set;

/**
 * Who may do what with a case's photos. Photos are part of the case record ({@link CaseReadPolicy}):
 * <ul>
 *   <li>whoever may read the case record sees its photos (also the owners' committee, resident representatives and
 *       experts, who read the record);
 *   <li>staff who work on the case add photos: those who also read its internal notes (the dispatch centre, the
 *       street, the handling unit, the community's reviewers and grid workers, its stations, room and hall);
 *   <li>the reviewers who release a case to the public release a photo: the community's 社区两委 ({@code
 *       <c>-community}), the dispatch centre and administrators.
 * </ul>
 */
public final class PhotoAccess {
  private final CaseReadPolicy policy;

  public PhotoAccess(Directory directory) {
    this.policy = new CaseReadPolicy(directory);
  }

  public boolean mayView(Collection<String> groups, CaseReadPolicy.CaseFacts c) {
    return policy.readable(groups, c).contains(CaseReadPolicy.Part.RECORD);
  }

  public boolean mayAdd(Collection<String> groups, CaseReadPolicy.CaseFacts c) {
    Set<CaseReadPolicy.Part> parts = policy.readable(groups, c);
    return parts.contains(CaseReadPolicy.Part.RECORD) && parts.contains(CaseReadPolicy.Part.INTERNAL_NOTES);
  }

  public boolean mayRelease(Collection<String> groups, CaseReadPolicy.CaseFacts c) {
    return groups.contains(GroupIds.ADMIN) || groups.contains(GroupIds.DISPATCH_CENTRE)
        || groups.contains(GroupIds.community(c.community()));
  }
}
