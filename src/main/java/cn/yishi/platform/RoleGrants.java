package cn.yishi.platform;

import cn.yishi.adapter.process.convention.Convention;
import cn.yishi.adapter.process.pointsaward.PointsAward;
import cn.yishi.adapter.process.proxyservice.ProxyService;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * The grants that differ by role (the common ones are the shared group's, {@link SharedGrants}): the channels'
 * accounts, the 代办员, the points proposers, the community staff's conventions and the dispatch centre's reads.
 */
final class RoleGrants {
  private RoleGrants() {}

  static void grant(Directory directory, Set<String> directoryGroups, AuthorizationGrants grants) {
    for (SharedGrants.Grant g : SharedGrants.CHANNELS) {
      grants.grant(GroupIds.CHANNEL_ACCOUNTS, g.resource(), g.resourceId(), g.permissions());
    }
    // 代办: the 代办员 groups start it from Tasklist
    for (String g : directoryGroups) {
      if (g.endsWith(GroupIds.proxy(""))) {
        grants.grant(g, Resources.PROCESS_DEFINITION, ProxyService.PROCESS_KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
      }
    }
    // 积分申报: started by the community's points officers (院坝长), grid workers and committee; which rule each may
    // propose is the rule's (PointsAwards), the approval task is the committee's (candidate group)
    for (Directory.Community c : directory.communities()) {
      for (String g : List.of(GroupIds.pointsOfficers(c.code()), GroupIds.grid(c.code()), GroupIds.community(c.code()))) {
        grants.grant(g, Resources.PROCESS_DEFINITION, PointsAward.PROCESS_KEY, Permissions.READ, Permissions.CREATE_INSTANCE);
      }
    }
    // 公约: the community staff (社区两委) start a convention or an amendment from Tasklist
    for (Directory.Community c : directory.communities()) {
      grants.grant(GroupIds.community(c.code()), Resources.PROCESS_DEFINITION, Convention.PROCESS_KEY, Permissions.READ,
          Permissions.CREATE_INSTANCE);
    }
    String dc = GroupIds.DISPATCH_CENTRE;
    grants.grant(dc, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grants.grant(dc, Resources.PROCESS_DEFINITION, Authorization.ANY,
        Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
    grants.grant(dc, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
    grants.grant(dc, Resources.TASK, Authorization.ANY, Permissions.READ);
    grants.grant(dc, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
    grants.grant(dc, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
  }
}
