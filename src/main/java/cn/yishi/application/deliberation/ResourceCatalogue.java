package cn.yishi.application.deliberation;

import cn.yishi.application.DeliberationProperties;
import cn.yishi.application.port.ResourceList;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.resource.ResourceDraft;
import cn.yishi.domain.resource.ResourceEntry;
import cn.yishi.domain.resource.ResourceKind;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resource list and talent pool (资源清单 / 人才库, seed 000: 建立动态更新的资源清单) maintained while running. Who
 * maintains what: a community's staff ({@code <c>-community}) the entries of their community; a street's staff
 * ({@code street-<s>}) those of the street and its communities; the dispatch centre and admins every entry, including
 * the county-wide ones. Everyone else is refused. Entries are retired, never deleted, and every change is audited.
 * The problem list of a meeting is matched against the active entries that serve the meeting's community.
 */
@Service
public class ResourceCatalogue {
  private final ResourceList list;
  private final Directory directory;
  private final Clock clock;

  public ResourceCatalogue(ResourceList list, Directory directory, Clock clock) {
    this.list = list;
    this.directory = directory;
    this.clock = clock;
  }

  /** Who is asking: the user and the Camunda groups. */
  public record Staff(String userId, List<String> groups) {
    public Staff {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }

  /** A scope the caller may maintain: a community, a street, or the county (both null). */
  public record Scope(String community, String street, String label) {}

  /** The caller may not maintain the resource list, or not this entry. */
  public static class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  /** No entry with that id. */
  public static class NotFound extends RuntimeException {
    public NotFound(long id) {
      super("资源清单中没有这一条：" + id);
    }
  }

  /** The entry changed since the caller read it. */
  public static class Stale extends RuntimeException {
    public Stale() {
      super("这一条已被他人修改或停用，请刷新后重试");
    }
  }

  /** What the caller sees: the entries of the scopes they maintain (and the county-wide ones). */
  @Transactional(readOnly = true)
  public List<ResourceEntry> visible(Staff who) {
    List<Scope> scopes = scopes(who);
    return list.all().stream().filter(e -> isCountyWide(e) || scopes.stream().anyMatch(s -> covers(s, e)
        || (s.community() != null && e.serves(s.community(), streetOf(s.community()))))).toList();
  }

  /** The scopes the caller may maintain; refused when none. */
  public List<Scope> scopes(Staff who) {
    List<Scope> scopes = new ArrayList<>();
    boolean all = who.groups().contains(GroupIds.DISPATCH_CENTRE) || who.groups().contains(GroupIds.ADMIN);
    if (all) {
      scopes.add(new Scope(null, null, "全县（" + directory.countyName() + "）"));
    }
    for (Directory.Street s : directory.streets()) {
      if (all || who.groups().contains(GroupIds.street(s.code()))) {
        scopes.add(new Scope(null, s.code(), s.name()));
      }
    }
    for (Directory.Community c : directory.communities()) {
      if (all || who.groups().contains(GroupIds.community(c.code()))
          || (c.street() != null && who.groups().contains(GroupIds.street(c.street())))) {
        scopes.add(new Scope(c.code(), null, c.name()));
      }
    }
    if (scopes.isEmpty()) {
      throw new Refused("只有社区两委、街道工作人员和调度中心可以维护资源清单");
    }
    return scopes;
  }

  @Transactional
  public ResourceEntry add(Staff who, ResourceDraft d) {
    ResourceKind kind = d.validate();
    requireScope(who, d.community(), d.street());
    long id = list.add(kind, d, who.userId(), now());
    return list.find(id).orElseThrow(() -> new NotFound(id));
  }

  @Transactional
  public ResourceEntry edit(Staff who, long id, Integer version, ResourceDraft d) {
    ResourceEntry current = maintainable(who, id);
    ResourceKind kind = d.validate();
    if (version == null) {
      throw new ValidationException(List.of(new FieldError("version", "required", "缺少版本号，请刷新后重试")));
    }
    requireScope(who, d.community(), d.street());
    if (!current.active() || !list.update(id, version, kind, d, who.userId(), now())) {
      throw new Stale();
    }
    return list.find(id).orElseThrow(() -> new NotFound(id));
  }

  /** 停用: the entry stays with its history but is no longer matched. */
  @Transactional
  public ResourceEntry retire(Staff who, long id) {
    maintainable(who, id);
    if (!list.retire(id, who.userId(), now())) {
      throw new Stale();
    }
    return list.find(id).orElseThrow(() -> new NotFound(id));
  }

  @Transactional(readOnly = true)
  public List<ResourceList.Change> changes(Staff who, long id) {
    maintainable(who, id);
    return list.changes(id);
  }

  /** The active entries that serve a community (its own, its street's and the county-wide ones). */
  @Transactional(readOnly = true)
  public List<ResourceEntry> serving(String community) {
    String street = streetOf(community);
    return list.all().stream().filter(ResourceEntry::active).filter(e -> e.serves(community, street)).toList();
  }

  /** Copies the configured list (application.yaml) into the table, once for the installation. */
  @Transactional
  public int seed(List<DeliberationProperties.Resource> configured) {
    if (configured.isEmpty() || !list.claimSeed(now())) {
      return 0;
    }
    for (DeliberationProperties.Resource r : configured) {
      ResourceDraft d = new ResourceDraft(r.kind(), r.name(), null, r.keywords(), null, null, null);
      list.add(d.validate(), d, "system", now());
    }
    return configured.size();
  }

  private String streetOf(String community) {
    return directory.community(community == null ? "" : community).map(Directory.Community::street).orElse(null);
  }

  private ResourceEntry maintainable(Staff who, long id) {
    ResourceEntry e = list.find(id).orElseThrow(() -> new NotFound(id));
    List<Scope> scopes = scopes(who);
    if (scopes.stream().noneMatch(s -> covers(s, e) && sameOrWider(s, e))) {
      throw new Refused("您无权修改这一条资源：它不在您负责的范围内");
    }
    return e;
  }

  private void requireScope(Staff who, String community, String street) {
    List<FieldError> errors = new ArrayList<>();
    if (community != null && directory.community(community).isEmpty()) {
      errors.add(new FieldError("community", "unknown", "未知的社区：" + community));
    }
    if (street != null && directory.streets().stream().noneMatch(s -> s.code().equals(street))) {
      errors.add(new FieldError("street", "unknown", "未知的街道：" + street));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    boolean allowed = scopes(who).stream().anyMatch(s -> Optional.ofNullable(s.community()).equals(Optional.ofNullable(community))
        && Optional.ofNullable(s.street()).equals(Optional.ofNullable(street)));
    if (!allowed) {
      throw new ValidationException(List.of(new FieldError(community != null ? "community" : "street", "forbidden",
          "您只能维护本社区（或本街道）的资源；全县范围的资源由调度中心维护")));
    }
  }

  private static boolean isCountyWide(ResourceEntry e) {
    return e.community() == null && e.street() == null;
  }

  /** Whether an entry falls inside a scope: the county covers all; a street its own and its communities' entries. */
  private boolean covers(Scope s, ResourceEntry e) {
    if (s.community() == null && s.street() == null) {
      return true;
    }
    if (s.community() != null) {
      return s.community().equals(e.community());
    }
    if (s.street().equals(e.street())) {
      return true;
    }
    return e.community() != null && directory.community(e.community()).map(c -> s.street().equals(c.street())).orElse(false);
  }

  /** A scope may change an entry of its own level or below (a community cannot change a county-wide entry). */
  private static boolean sameOrWider(Scope s, ResourceEntry e) {
    return !(isCountyWide(e) && (s.community() != null || s.street() != null));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
