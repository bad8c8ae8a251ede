package cn.yishi.application.deliberation;

import cn.yishi.application.DeliberationProperties;
import cn.yishi.application.port.BodySettingsStore;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.deliberation.Body;
import cn.yishi.domain.deliberation.BodySettings;
import cn.yishi.domain.deliberation.PartyModel;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliberating bodies (议事机构) and their settings maintained while running: place, fixed deliberation days,
 * party model and standing parties (4+N / 5+N), active. Copied once from the configuration
 * ({@code yishi.deliberation.bodies}, {@code fixed-days}, {@code fixed-day}); a body the table does not hold yet (new
 * in the directory) has those defaults until it is edited. Who maintains a body: its own group; the community's
 * 两委 ({@code <c>-community}) its stations and room; the street's staff ({@code street-<s>}) its hall; the dispatch
 * centre and admins every body. Every change is audited; an edit names the version it read.
 */
@Service
public class DeliberationBodies {
  private final BodySettingsStore store;
  private final Directory directory;
  private final DeliberationProperties properties;
  private final Clock clock;

  public DeliberationBodies(BodySettingsStore store, Directory directory, DeliberationProperties properties, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.properties = properties;
    this.clock = clock;
  }

  /** A body with its settings and who changed them last (null: the configured defaults, never edited). */
  public record Listed(Body body, BodySettings settings, String updatedBy, OffsetDateTime updatedAt) {}

  /** The caller may maintain no body, or not this one. */
  public static class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  public static class NotFound extends RuntimeException {
    public NotFound(String key) {
      super("没有这个议事机构：" + key);
    }
  }

  public static class Stale extends RuntimeException {
    public Stale() {
      super("该议事机构的设置已被他人修改，请刷新后重试");
    }
  }

  /** Every body of the directory: per community its stations and room, per street its hall, the county. */
  public List<Body> bodies() {
    List<Body> bodies = new ArrayList<>();
    for (Directory.Community c : directory.communities()) {
      c.stations().forEach(s -> bodies.add(directory.bodyFor(c.code(), Tier.STATION, s.code())));
      bodies.add(directory.bodyFor(c.code(), Tier.ROOM, null));
    }
    for (Directory.Street s : directory.streets()) {
      directory.communities().stream().filter(c -> s.code().equals(c.street())).findFirst()
          .ifPresent(c -> bodies.add(directory.bodyFor(c.code(), Tier.HALL, null)));
    }
    directory.body(Tier.COUNTY, directory.countyCode()).ifPresent(bodies::add);
    return bodies.stream().distinct().toList();
  }

  /** The settings a body works with now: stored, else the configured defaults. */
  @Transactional(readOnly = true)
  public BodySettings settings(Body body) {
    return store.find(body.key()).map(BodySettingsStore.Stored::settings).orElseGet(() -> defaults(body));
  }

  /** The body that deliberates instead of an inactive station: its community's room. */
  @Transactional(readOnly = true)
  public Body convening(Body body) {
    if (body.kind() == Tier.STATION && !settings(body).active()) {
      return directory.bodyFor(body.community(), Tier.ROOM, null);
    }
    return body;
  }

  /** The bodies the caller maintains; refused when none. */
  @Transactional(readOnly = true)
  public List<Listed> maintainable(ResourceCatalogue.Staff who) {
    Map<String, BodySettingsStore.Stored> stored = store.all();
    List<Listed> out = bodies().stream().filter(b -> maintains(who, b)).map(b -> listed(b, stored.get(b.key()))).toList();
    if (out.isEmpty()) {
      throw new Refused("只有议事机构本身、社区两委、街道工作人员和调度中心可以维护议事机构");
    }
    return out;
  }

  /** Replaces a body's settings, naming the version read; nothing is stored when a field is refused. */
  @Transactional
  public Listed edit(ResourceCatalogue.Staff who, String key, Integer version, BodySettings.Draft draft) {
    Body body = maintainedBody(who, key);
    BodySettings s = BodySettings.of(body, draft, version == null ? 0 : version);
    if (version == null) {
      throw new ValidationException(List.of(new FieldError("version", "required", "缺少版本号，请刷新后重试")));
    }
    boolean stored = store.find(key).isPresent()
        ? store.update(s, version, who.userId(), now())
        : version == 0 && store.insert(s, "EDITED", who.userId(), now());
    if (!stored) {
      throw new Stale();
    }
    return listed(body, store.find(key).orElseThrow());
  }

  @Transactional(readOnly = true)
  public List<BodySettingsStore.Change> changes(ResourceCatalogue.Staff who, String key) {
    maintainedBody(who, key);
    return store.changes(key);
  }

  /** Copies the configured settings of every body into the table, once for the installation. */
  @Transactional
  public int seed() {
    if (!store.claimSeed(now())) {
      return 0;
    }
    int n = 0;
    for (Body b : bodies()) {
      n += store.insert(defaults(b), "SEEDED", "system", now()) ? 1 : 0;
    }
    return n;
  }

  /**
   * The configured settings: the body's own fixed day and place ({@code yishi.deliberation.bodies.<group>}), else the
   * community's fixed day, else the default; 农村 4+N for a village's bodies, else the 五方 of today.
   */
  BodySettings defaults(Body body) {
    DeliberationProperties.BodySettings own = properties.bodies().get(body.group());
    int day = own != null && own.fixedDay() != null ? own.fixedDay()
        : body.community() != null ? properties.fixedDays().getOrDefault(body.community(), properties.fixedDay())
        : properties.fixedDay();
    boolean village = body.community() != null && directory.community(body.community()).map(Directory::isVillage).orElse(false);
    PartyModel model = village ? PartyModel.RURAL_4N : PartyModel.FIVE_PARTIES;
    String place = own == null || own.place() == null || own.place().isBlank() ? null : own.place().strip();
    return new BodySettings(body.key(), place, List.of(Math.max(1, Math.min(31, day))), model, model.parties(), true, 0);
  }

  private Body maintainedBody(ResourceCatalogue.Staff who, String key) {
    Body body = bodies().stream().filter(b -> b.key().equals(key)).findFirst().orElseThrow(() -> new NotFound(key));
    if (!maintains(who, body)) {
      throw new Refused("您无权维护" + body.name() + "的设置");
    }
    return body;
  }

  /** Whether the caller maintains the body (see the class comment). */
  static boolean maintains(ResourceCatalogue.Staff who, Body b) {
    List<String> g = who.groups();
    if (g.contains(GroupIds.DISPATCH_CENTRE) || g.contains(GroupIds.ADMIN) || g.contains(b.group())) {
      return true;
    }
    return switch (b.kind()) {
      case STATION, ROOM -> g.contains(GroupIds.community(b.community()));
      case HALL -> g.contains(GroupIds.street(b.street()));
      case COUNTY -> false;
    };
  }

  private Listed listed(Body b, BodySettingsStore.Stored s) {
    return s == null ? new Listed(b, defaults(b), null, null) : new Listed(b, s.settings(), s.updatedBy(), s.updatedAt());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
