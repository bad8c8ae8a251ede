package cn.yishi.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The groups' GRANT authorizations, read once (in pages) and written in chunks of one transaction each.
 *
 * <p>A city's directory (1,639 communities, ~18,500 groups) needs ~280,000 authorization rows; granting them one
 * query and one committed command at a time took over an hour on 2 shared cores at the first start and minutes
 * at every later start (README "Benchmark", City scale). Here a start reads the existing grants once, and only
 * missing or incomplete ones are saved, {@link #CHUNK} per transaction (the engine's commands join it).
 */
final class AuthorizationGrants {
  /** The engine's queryMaxResultsLimit. */
  static final int PAGE = 2000;
  static final int CHUNK = 500;

  private final AuthorizationService authorizations;
  private final TransactionTemplate tx;
  private final Map<String, Authorization> byKey = new HashMap<>();
  private final Map<String, Authorization> pending = new LinkedHashMap<>();

  private AuthorizationGrants(AuthorizationService authorizations, PlatformTransactionManager transactions) {
    this.authorizations = authorizations;
    this.tx = new TransactionTemplate(transactions);
  }

  /**
   * The GRANT authorizations of groups as they stand: in one query when nobody is authenticated (at start-up; the
   * engine's result limit applies to authenticated users only), else in pages (each page sorts the whole table: a
   * city's 139 pages took ~100 s).
   */
  static AuthorizationGrants load(AuthorizationService authorizations, PlatformTransactionManager transactions,
      boolean unbounded) {
    AuthorizationGrants grants = new AuthorizationGrants(authorizations, transactions);
    for (int first = 0; ; first += PAGE) {
      // without an order the engine pages by id
      List<Authorization> page = unbounded
          ? authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).list()
          : authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT).listPage(first, PAGE);
      for (Authorization a : page) {
        if (a.getGroupId() != null) {
          grants.byKey.put(key(a.getGroupId(), a.getResourceType(), a.getResourceId()), a);
        }
      }
      if (unbounded || page.size() < PAGE) {
        return grants;
      }
    }
  }

  /**
   * The groups that hold one of {@code grants} with exactly its permissions (a GRANT row of the group, as read at
   * load and changed by {@link #grant} since).
   */
  java.util.Set<String> exactHolders(List<SharedGrants.Grant> grants) {
    java.util.Set<String> wanted = new java.util.HashSet<>();
    grants.forEach(g -> wanted.add(g.resource().resourceType() + "\u0000" + g.resourceId() + "\u0000" + g.perms()));
    java.util.Set<String> holders = new java.util.TreeSet<>();
    for (Authorization a : byKey.values()) {
      int perms = ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) a).getPermissions();
      if (wanted.contains(a.getResourceType() + "\u0000" + a.getResourceId() + "\u0000" + perms)) {
        holders.add(a.getGroupId());
      }
    }
    return holders;
  }

  /** Makes sure {@code groupId} holds {@code permissions} on the resource; saved by {@link #flush()}. */
  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    String key = key(groupId, resource.resourceType(), resourceId);
    Authorization a = byKey.get(key);
    if (a != null && hasAll(a, permissions)) {
      return;
    }
    if (a == null) {
      a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(groupId);
      a.setResource(resource);
      a.setResourceId(resourceId);
      byKey.put(key, a);
    }
    for (Permission p : permissions) {
      a.addPermission(p);
    }
    pending.put(key, a);
  }

  /** Saves what {@link #grant} changed; returns how many authorizations were written. */
  int flush() {
    List<Authorization> all = new ArrayList<>(pending.values());
    pending.clear();
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<Authorization> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      tx.executeWithoutResult(status -> chunk.forEach(authorizations::saveAuthorization));
    }
    return all.size();
  }

  static boolean hasAll(Authorization a, Permission[] permissions) {
    for (Permission p : permissions) {
      if (!a.isPermissionGranted(p)) {
        return false;
      }
    }
    return true;
  }

  private static String key(String groupId, int resourceType, String resourceId) {
    return groupId + '\u0000' + resourceType + '\u0000' + resourceId;
  }
}
