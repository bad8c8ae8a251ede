package cn.yishi.platform;

import cn.yishi.application.port.MicroGridAccounts;
import cn.yishi.domain.directory.Directory.StaffUser;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.microgrid.RoleHolder;
import cn.yishi.domain.microgrid.Yuanba;
import cn.yishi.domain.microgrid.YuanbaRole;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synchronises the organisation directory into Camunda's identity service at every start, and
 * grants each role exactly the authorizations it needs. Idempotent: running it twice changes nothing.
 *
 * <p>What every staff member may do (Tasklist, the staff filters, reading and starting the shared processes and
 * decisions) is granted once, to the shared group {@link GroupIds#ALL_STAFF}, whose members are kept here: every
 * directory user with a group other than the channels' accounts, and the 院坝's current holders. The copies of these
 * grants that earlier versions wrote on each directory group are removed at start ({@link SharedGrants}). What
 * differs by group stays on the group.
 *
 * <p>The Tasklist filters and their READ authorizations are kept by {@link TasklistFilters}.
 *
 * <p>Task visibility is not granted here: Camunda grants a candidate group READ and UPDATE on each
 * task it is a candidate for, so staff of one community never see another community's tasks.
 */
@Component
public class IdentitySync implements MicroGridAccounts {
  private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);
  static final String GROUP_TYPE = "WORKFLOW";
  static final String DEMO_PASSWORD = "demo";
  static final String FILTER_MINE = TasklistFilters.MINE;
  static final String FILTER_GROUP = TasklistFilters.GROUP;

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final IdentityWrites writes;
  private final TasklistFilters tasklistFilters;
  private final PlatformTransactionManager transactions;
  private final SharedGrants sharedGrants;
  private final Directory directory;
  private final boolean embedded;
  private final boolean demoUsers;
  private final String adminId;
  private final String adminPassword;
  private final String adminFirstName;
  private final String adminLastName;
  private final String adminEmail;

  public IdentitySync(
      IdentityService identity,
      AuthorizationService authorizations,
      TasklistFilters tasklistFilters,
      PlatformTransactionManager transactions,
      DataSource dataSource,
      Directory directory,
      Environment env,
      @Value("${yishi.admin.id}") String adminId,
      @Value("${yishi.admin.password}") String adminPassword,
      @Value("${yishi.admin.first-name}") String adminFirstName,
      @Value("${yishi.admin.last-name}") String adminLastName,
      @Value("${yishi.admin.email}") String adminEmail) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.writes = new IdentityWrites(identity, authorizations);
    this.tasklistFilters = tasklistFilters;
    this.transactions = transactions;
    this.sharedGrants = new SharedGrants(dataSource, transactions);
    this.directory = directory;
    this.embedded = DeploymentMode.isEmbedded(env);
    this.demoUsers = env.getProperty("yishi.demo-users.enabled", Boolean.class, embedded);
    this.adminId = adminId;
    this.adminPassword = adminPassword;
    this.adminFirstName = adminFirstName;
    this.adminLastName = adminLastName;
    this.adminEmail = adminEmail;
  }

  public void synchronise() {
    Map<String, Directory.Group> groups = directory.groups();
    upsertGroups(groups);
    Set<String> managed = new HashSet<>(groups.keySet());
    managed.add(GroupIds.ALL_STAFF);

    for (StaffUser u : directory.users()) {
      if (u.demo() && !demoUsers) {
        continue;
      }
      writes.upsertUser(u.id(), u.firstName(), u.lastName(), u.email(), u.demo() ? DEMO_PASSWORD : null);
      syncMemberships(u.id(), new HashSet<>(u.groups()), managed);
    }
    // members of staff groups who are no directory user (added in Admin): staff too
    for (String user : sharedGrants.staffOutsideSharedGroup(g -> g.startsWith("yuanba-")
        || (groups.containsKey(g) && !GroupIds.CHANNEL_ACCOUNTS.equals(g)))) {
      identity.createMembership(user, GroupIds.ALL_STAFF);
    }
    Map<String, String> filterIds = tasklistFilters.ensureFilters();
    List<SharedGrants.Grant> shared = SharedGrants.withFilters(
        TasklistFilters.STAFF_FILTERS.stream().map(filterIds::get).toList());
    AuthorizationGrants grants = AuthorizationGrants.load(authorizations, transactions,
        identity.getCurrentAuthentication() == null);
    // the directory groups that still hold copies of the shared grants (an installation of an earlier version)
    Set<String> copies = new HashSet<>(grants.exactHolders(shared));
    copies.retainAll(groups.keySet());
    copies.remove(GroupIds.CHANNEL_ACCOUNTS);
    ensureAdmin(grants);
    RoleGrants.grant(directory, groups.keySet(), grants);
    shared.forEach(g -> grants.grant(GroupIds.ALL_STAFF, g.resource(), g.resourceId(), g.permissions()));
    int written = grants.flush();
    // only once the shared group holds them (flushed above)
    int removed = sharedGrants.removeCopies(copies, shared);
    tasklistFilters.ensureReaders(directory, filterIds, grants);
    written += grants.flush();
    LOG.info("Directory synchronised: {} groups, {} users ({} mode), {} authorizations written, {} copies of the shared "
        + "grants removed from {} groups", groups.size(), directory.users().size(),
        demoUsers ? "with demo users" : "without demo users", written, removed, copies.size());
  }

  /** A directory user with a group other than the channels' accounts is staff: a member of {@link GroupIds#ALL_STAFF}. */
  static boolean isStaff(Collection<String> groups) {
    return groups.stream().anyMatch(g -> !GroupIds.CHANNEL_ACCOUNTS.equals(g) && !GroupIds.ALL_STAFF.equals(g));
  }

  /** The directory's groups and the admins' group: read once, the new and renamed ones saved in chunks (city scale). */
  private void upsertGroups(Map<String, Directory.Group> groups) {
    Map<String, Group> existing = new HashMap<>();
    boolean unbounded = identity.getCurrentAuthentication() == null;
    for (int first = 0; ; first += AuthorizationGrants.PAGE) {
      List<Group> page = unbounded ? identity.createGroupQuery().list()
          : identity.createGroupQuery().orderByGroupId().asc().listPage(first, AuthorizationGrants.PAGE);
      page.forEach(g -> existing.put(g.getId(), g));
      if (unbounded || page.size() < AuthorizationGrants.PAGE) {
        break;
      }
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    groups.values().forEach(g -> wanted.put(g.id(), g.name()));
    wanted.put(GroupIds.ADMIN, "系统管理员");
    wanted.put(GroupIds.ALL_STAFF, "全体工作人员");
    List<Group> changed = new ArrayList<>();
    wanted.forEach((id, name) -> {
      Group g = existing.get(id);
      if (g == null || !name.equals(g.getName())) {
        g = g == null ? identity.newGroup(id) : g;
        g.setName(name);
        g.setType(GroupIds.ADMIN.equals(id) ? Groups.GROUP_TYPE_SYSTEM : GROUP_TYPE);
        changed.add(g);
      }
    });
    TransactionTemplate tx = new TransactionTemplate(transactions);
    for (int from = 0; from < changed.size(); from += AuthorizationGrants.CHUNK) {
      List<Group> chunk = changed.subList(from, Math.min(changed.size(), from + AuthorizationGrants.CHUNK));
      tx.executeWithoutResult(status -> chunk.forEach(identity::saveGroup));
    }
  }

  /**
   * The runtime path for the 院坝 micro-grids (called whenever their holders change, and at start-up): the groups
   * {@code yuanba-<code>} (the 一长三员) and {@code yuanba-<code>-<role>}, and the memberships of the holders who log in.
   * A user that does not exist yet is created (with the demo password in the embedded demo, else without one, to be
   * set in Admin); an existing user's names are left alone. A holder whose term ended leaves the role's group, and the
   * 院坝's group unless they still hold another of its roles.
   */
  @Override
  public void synchronise(Yuanba yuanba, String communityName, List<RoleHolder> holders) {
    // the caller (a township or community officer) was authorised by MicroGrids; the identity service would ask for
    // rights on groups and users that only admins hold
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      synchroniseYuanba(yuanba, communityName, holders);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private void synchroniseYuanba(Yuanba yuanba, String communityName, List<RoleHolder> holders) {
    String team = GroupIds.yuanba(yuanba.code());
    writes.upsertGroup(team, communityName + yuanba.name() + "一长三员");
    writes.grant(team, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    List<String> yuanbaGroups = new java.util.ArrayList<>(List.of(team));
    for (YuanbaRole r : YuanbaRole.values()) {
      String g = GroupIds.yuanbaRole(yuanba.code(), r.suffix());
      writes.upsertGroup(g, communityName + yuanba.name() + r.label());
      writes.grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      yuanbaGroups.add(g);
    }
    // the 院坝长 convenes the 院坝会 (议事协商到院坝): its tasks show in the staff filters
    tasklistFilters.grantStaffFilters(yuanbaGroups);
    Set<String> stillCurrent = new HashSet<>();
    for (RoleHolder h : holders) {
      if (h.userId() != null && h.current()) {
        stillCurrent.add(h.userId());
        if (identity.createUserQuery().userId(h.userId()).count() == 0) {
          writes.upsertUser(h.userId(), h.name(), null, null, demoUsers ? DEMO_PASSWORD : null);
        }
        writes.addMembership(h.userId(), team);
        writes.addMembership(h.userId(), GroupIds.yuanbaRole(yuanba.code(), h.role().suffix()));
        writes.addMembership(h.userId(), GroupIds.ALL_STAFF);
        if (h.role() == YuanbaRole.HEAD) {
          writes.addMembership(h.userId(), GroupIds.pointsOfficers(yuanba.community()));
        }
      }
    }
    for (RoleHolder h : holders) {
      if (h.userId() != null && !h.current()) {
        boolean sameRoleAgain = holders.stream().anyMatch(o -> o.current() && h.userId().equals(o.userId()) && o.role() == h.role());
        if (!sameRoleAgain) {
          identity.deleteMembership(h.userId(), GroupIds.yuanbaRole(yuanba.code(), h.role().suffix()));
        }
        if (!stillCurrent.contains(h.userId())) {
          identity.deleteMembership(h.userId(), team);
        }
        if (h.role() == YuanbaRole.HEAD && !sameRoleAgain && !headElsewhere(h.userId(), yuanba)) {
          identity.deleteMembership(h.userId(), GroupIds.pointsOfficers(yuanba.community()));
        }
        if (!stillCurrent.contains(h.userId()) && !staffElsewhere(h.userId(), yuanba)) {
          identity.deleteMembership(h.userId(), GroupIds.ALL_STAFF);
        }
      }
    }
  }

  /**
   * Whether a user is still 院坝长 of another 院坝, so stays a points proposer (院坝长、积分评议员). This 院坝's group is
   * left out: inside an engine command (the township's 研究调整) the membership just deleted is flushed only later.
   */
  private boolean headElsewhere(String userId, Yuanba yuanba) {
    String here = GroupIds.yuanbaRole(yuanba.code(), YuanbaRole.HEAD.suffix());
    return identity.createGroupQuery().groupMember(userId).list().stream().map(org.camunda.bpm.engine.identity.Group::getId)
        .anyMatch(g -> !g.equals(here) && g.startsWith("yuanba-") && g.endsWith("-" + YuanbaRole.HEAD.suffix()));
  }

  /**
   * Whether a former holder of this 院坝's roles stays staff (a member of {@link GroupIds#ALL_STAFF}): staff by the
   * directory, or a member of a group besides this 院坝's and its community's points officers (left out, as in
   * {@link #headElsewhere}: deleted memberships are flushed only later).
   */
  private boolean staffElsewhere(String userId, Yuanba yuanba) {
    boolean directoryStaff = directory.users().stream().anyMatch(u -> u.id().equals(userId) && isStaff(u.groups()));
    String team = GroupIds.yuanba(yuanba.code());
    return directoryStaff || identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .anyMatch(g -> !g.equals(team) && !g.startsWith(team + "-") && !g.equals(GroupIds.ALL_STAFF)
            && !g.equals(GroupIds.pointsOfficers(yuanba.community())));
  }

  private void syncMemberships(String userId, Set<String> wanted, Set<String> managed) {
    Set<String> current = new HashSet<>();
    identity.createGroupQuery().groupMember(userId).list().forEach(g -> current.add(g.getId()));
    // staff by the directory, or a current holder of a 院坝 role (kept by the 院坝 sync)
    if (isStaff(wanted) || current.stream().anyMatch(g -> g.startsWith("yuanba-"))) {
      wanted.add(GroupIds.ALL_STAFF);
    }
    for (String g : wanted) {
      if (!current.contains(g)) {
        identity.createMembership(userId, g);
      }
    }
    for (String g : current) {
      if (managed.contains(g) && !wanted.contains(g)) {
        identity.deleteMembership(userId, g);
      }
    }
  }

  private void ensureAdmin(AuthorizationGrants grants) {
    User admin = identity.createUserQuery().userId(adminId).singleResult();
    if (admin == null) {
      admin = identity.newUser(adminId);
      admin.setFirstName(adminFirstName);
      admin.setLastName(adminLastName);
      admin.setEmail(adminEmail);
      admin.setPassword(adminPassword);
      try {
        ((IdentityServiceImpl) identity).saveUser(admin, embedded && DEMO_PASSWORD.equals(adminPassword));
      } catch (ProcessEngineException e) {
        throw new StartupRefusedException(
            "Refusing to start: the admin password does not satisfy the password policy (管理员密码不符合密码策略).",
            "Use at least 10 characters with upper and lower case, a digit and a special character in YISHI_ADMIN_PASSWORD.",
            e);
      }
    }
    if (identity.createUserQuery().userId(adminId).memberOfGroup(GroupIds.ADMIN).count() == 0) {
      identity.createMembership(adminId, GroupIds.ADMIN);
    }
    for (Resource r : Resources.values()) {
      grants.grant(GroupIds.ADMIN, r, Authorization.ANY, Permissions.ALL);
    }
  }

  /**
   * The grants that differ by group; what all staff share is {@link GroupIds#ALL_STAFF}'s ({@link SharedGrants}). The
   * intake channels' accounts are no staff: they hold the grants of a report through /api/cases themselves.
   */
}
