package cn.yishi.application;

import cn.yishi.application.port.MicroGridAccounts;
import cn.yishi.application.port.MicroGridStore;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.microgrid.ChangeReason;
import cn.yishi.domain.microgrid.MicroGridRules;
import cn.yishi.domain.microgrid.RoleHolder;
import cn.yishi.domain.microgrid.Yuanba;
import cn.yishi.domain.microgrid.YuanbaRole;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 院坝汇 micro-grids: the 院坝 of each village or community and their 一长三员 ("每个院坝明确院坝长1名和宣传员、代办员、
 * 信息员各1名"), seeded from the directory and maintained while running by the township ({@code street-<s>}) and the
 * community ({@code <c>-community}): adding a 院坝, and assigning or replacing a role holder (换届选举, 评价不及格调整,
 * 其他). A replacement ends the current term the day the new one starts, so the history stays; the logins follow at once.
 */
@Service
public class MicroGrids {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final String SYSTEM = "system";

  private final MicroGridStore store;
  private final MicroGridAccounts accounts;
  private final Directory directory;
  private final Clock clock;

  public MicroGrids(MicroGridStore store, MicroGridAccounts accounts, Directory directory, Clock clock) {
    this.store = store;
    this.accounts = accounts;
    this.directory = directory;
    this.clock = clock;
  }

  /** Who is asking: a login with its groups. */
  public record Maintainer(String userId, List<String> groups, boolean admin) {}

  public record CommunityView(String code, String name, String streetName) {}

  public record HolderView(long id, String role, String roleName, String name, String phone, String userId,
      LocalDate from, LocalDate to, String startReason, String endReason, String note) {}

  public record GridView(String code, String community, String communityName, String name, String area,
      List<HolderView> current, List<HolderView> history) {}

  /** The change was refused for a reason other than its input. */
  public static class Refused extends RuntimeException {
    public enum Reason { NOT_FOUND, FORBIDDEN }

    private final Reason reason;

    public Refused(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /** The villages and communities whose 院坝 the caller maintains. */
  public List<CommunityView> communities(Maintainer who) {
    return directory.communities().stream().filter(c -> maintains(who, c))
        .map(c -> new CommunityView(c.code(), c.name(), streetName(c))).toList();
  }

  @Transactional(readOnly = true)
  public List<GridView> list(String community, Maintainer who) {
    Directory.Community c = maintainedCommunity(community, who);
    return store.inCommunity(c.code()).stream().map(y -> view(y, c)).toList();
  }

  @Transactional
  public GridView add(String community, String name, String area, Maintainer who) {
    Directory.Community c = maintainedCommunity(community, who);
    List<FieldError> errors = MicroGridRules.checkYuanba(name, area);
    if (store.inCommunity(c.code()).stream().anyMatch(y -> y.name().equals(strip(name)))) {
      errors.add(new FieldError("name", "duplicate", c.name() + "已有名为" + strip(name) + "的院坝"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Yuanba y = new Yuanba(c.code() + "-yb" + store.nextNumber(), c.code(), strip(name), blankToNull(area));
    store.insertIfAbsent(y, now(), who.userId());
    accounts.synchronise(y, c.name(), List.of());
    return view(y, c);
  }

  /** Assigns a vacant role or replaces its holder. */
  @Transactional
  public GridView assign(String code, String role, String name, String phone, String userId, LocalDate from,
      String reason, String note, Maintainer who) {
    Yuanba y = store.lock(code == null ? "" : code)
        .orElseThrow(() -> new Refused(Refused.Reason.NOT_FOUND, "院坝不存在"));
    Directory.Community c = maintainedCommunity(y.community(), who);
    Optional<YuanbaRole> r = YuanbaRole.parse(role);
    if (r.isEmpty()) {
      throw new ValidationException(List.of(new FieldError("role", "invalid", "请选择岗位：院坝长、宣传员、代办员或信息员")));
    }
    List<RoleHolder> holders = store.holders(y.code());
    Optional<RoleHolder> current = holders.stream().filter(h -> h.role() == r.get() && h.current()).findFirst();
    List<FieldError> errors = MicroGridRules.checkHolder(name, phone, userId, from, reason, note,
        current.map(RoleHolder::from).orElse(null), today());
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    ChangeReason why = ChangeReason.parseForStaff(reason).orElseThrow();
    current.ifPresent(h -> store.endHolder(h.id(), from, why));
    store.insertHolder(new RoleHolder(0, y.code(), r.get(), strip(name), blankToNull(phone), blankToNull(userId), from,
        null, why, null, blankToNull(note)), now(), who.userId());
    accounts.synchronise(y, c.name(), store.holders(y.code()));
    return view(y, c);
  }

  /**
   * At start-up: stores the 院坝 the directory file names that are not stored yet, with their first holders, and
   * brings every 院坝's logins in step. What staff changed while running stays.
   */
  @Transactional
  public int seedFromDirectory() {
    int added = 0;
    LocalDate today = today();
    for (Directory.Community c : directory.communities()) {
      for (Directory.YuanbaSeed seed : c.yuanba()) {
        Yuanba y = new Yuanba(seed.code(), c.code(), seed.name(), seed.area());
        if (store.insertIfAbsent(y, now(), SYSTEM)) {
          added++;
          for (Map.Entry<YuanbaRole, String> o : seed.officers().entrySet()) {
            store.insertHolder(new RoleHolder(0, y.code(), o.getKey(), o.getValue(), null, null, today, null,
                ChangeReason.DIRECTORY, null, null), now(), SYSTEM);
          }
        }
      }
    }
    for (Yuanba y : store.all()) {
      String communityName = directory.community(y.community()).map(Directory.Community::name).orElse(y.community());
      accounts.synchronise(y, communityName, store.holders(y.code()));
    }
    return added;
  }

  /** Whether the caller maintains this community's 院坝: its township, its community (两委) or an admin. */
  public static boolean maintains(Maintainer who, Directory.Community c) {
    return who.admin() || who.groups().contains(GroupIds.community(c.code()))
        || c.street() != null && who.groups().contains(GroupIds.street(c.street()));
  }

  private Directory.Community maintainedCommunity(String community, Maintainer who) {
    Directory.Community c = directory.community(community == null ? "" : community)
        .orElseThrow(() -> new Refused(Refused.Reason.NOT_FOUND, "村（社区）不存在"));
    if (!maintains(who, c)) {
      throw new Refused(Refused.Reason.FORBIDDEN, "只有所属乡镇（街道）和村（社区）两委可以管理" + c.name() + "的院坝");
    }
    return c;
  }

  private GridView view(Yuanba y, Directory.Community c) {
    List<RoleHolder> holders = store.holders(y.code());
    List<HolderView> current = new ArrayList<>();
    for (YuanbaRole r : YuanbaRole.values()) {
      holders.stream().filter(h -> h.role() == r && h.current()).findFirst().map(MicroGrids::view).ifPresent(current::add);
    }
    List<HolderView> history = holders.stream().filter(h -> !h.current())
        .sorted(Comparator.comparing(RoleHolder::to).reversed()).map(MicroGrids::view).toList();
    return new GridView(y.code(), c.code(), c.name(), y.name(), y.area(), current, history);
  }

  private static HolderView view(RoleHolder h) {
    return new HolderView(h.id(), h.role().name(), h.role().label(), h.name(), h.phone(), h.userId(), h.from(), h.to(),
        h.startReason().label(), h.endReason() == null ? null : h.endReason().label(), h.note());
  }

  private String streetName(Directory.Community c) {
    return directory.streets().stream().filter(s -> s.code().equals(c.street())).map(Directory.Street::name)
        .findFirst().orElse("");
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static String strip(String s) {
    return s == null ? null : s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
