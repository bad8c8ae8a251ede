package cn.yishi.platform;

import cn.yishi.domain.directory.GroupIds;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * The idempotent writes of {@link IdentitySync} to Camunda's identity and authorization services, one at a time: a
 * group or user created or renamed, a membership added, a grant made. Shared by the directory's start-up sync and the
 * 院坝's runtime sync (the batched start-up grants are {@link AuthorizationGrants}).
 */
final class IdentityWrites {
  private final IdentityService identity;
  private final AuthorizationService authorizations;

  IdentityWrites(IdentityService identity, AuthorizationService authorizations) {
    this.identity = identity;
    this.authorizations = authorizations;
  }

  void addMembership(String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  void upsertGroup(String id, String name) {
    Group g = identity.createGroupQuery().groupId(id).singleResult();
    if (g == null) {
      g = identity.newGroup(id);
    } else if (name.equals(g.getName())) {
      return;
    }
    g.setName(name);
    g.setType(GroupIds.ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : IdentitySync.GROUP_TYPE);
    identity.saveGroup(g);
  }

  void upsertUser(String id, String firstName, String lastName, String email, String initialPassword) {
    User u = identity.createUserQuery().userId(id).singleResult();
    boolean created = u == null;
    if (created) {
      u = identity.newUser(id);
      u.setPassword(initialPassword);
    } else if (same(u.getFirstName(), firstName) && same(u.getLastName(), lastName) && same(u.getEmail(), email)) {
      return;
    }
    u.setFirstName(firstName);
    u.setLastName(lastName);
    u.setEmail(email);
    // The demo password (embedded profile only) and a user created without a password (to be set
    // in Admin, where the policy applies) are exempt from the policy; nothing else is.
    ((IdentityServiceImpl) identity).saveUser(u, true);
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization a = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    if (a == null) {
      a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(groupId);
      a.setResource(resource);
      a.setResourceId(resourceId);
    } else if (a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && AuthorizationGrants.hasAll(a, permissions)) {
      return;
    }
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    authorizations.saveAuthorization(a);
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }
}
