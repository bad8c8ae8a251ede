package cn.yishi.application.observer;

import cn.yishi.application.port.ObserverStore;
import cn.yishi.domain.access.MachineKey;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.observer.ObserverKind;
import cn.yishi.domain.observer.ObserverRules;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 议事观察员 (seed 002, 科尔沁: “聘请快递员、外卖骑手、网约车司机等新兴领域群体担任‘社区议事观察员’”), maintained in Tasklist by the
 * county dispatch centre (all observers) and by a street's staff (the observers of their street): register one, which
 * issues the personal link of the 码上拍 page (shown once: only the digest of its 256-bit token is stored), withdraw
 * (停用) one, or replace a lost link. The name and phone are read only by these maintainers, who also read a reporter's
 * contact (see the README's Privacy by role).
 */
@Service
public class Observers {
  /** The path of an observer's page; the token is the observer's login. */
  public static final String PATH = "/public/observer/";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ObserverStore store;
  private final Directory directory;
  private final Clock clock;
  private final String publicBaseUrl;

  public Observers(ObserverStore store, Directory directory, Clock clock,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  /** Who is asking: a login with its groups. */
  public record Maintainer(String userId, List<String> groups, boolean admin) {}

  public record NewObserver(String name, String phone, String kind, String company, String street) {}

  /** An observer as the maintainers see it (with name and phone). */
  public record ObserverView(long id, String name, String phone, String kind, String kindName, String company,
      String street, String streetName, boolean active, OffsetDateTime createdAt, OffsetDateTime withdrawnAt,
      OffsetDateTime linkIssuedAt, int reports) {}

  /** A registered observer or a replaced link: the link is shown this once. */
  public record Issued(ObserverView observer, String link) {}

  public record Option(String code, String name) {}

  /** What the page offers the caller: the kinds and the streets the caller may register observers for. */
  public record Options(List<Option> kinds, List<Option> streets, boolean county) {}

  /** Refused for a reason other than the input. */
  public static class Refused extends RuntimeException {
    public enum Reason { NOT_FOUND, FORBIDDEN }

    private final Reason reason;

    Refused(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  public Options options(Maintainer who) {
    requireMaintainer(who);
    List<Option> kinds = java.util.Arrays.stream(ObserverKind.values()).map(k -> new Option(k.name(), k.label())).toList();
    List<Option> streets = directory.streets().stream().filter(s -> county(who) || who.groups().contains(GroupIds.street(s.code())))
        .map(s -> new Option(s.code(), s.name())).toList();
    return new Options(kinds, streets, county(who));
  }

  /** The observers the caller maintains: every one for the county, a street's own for its staff. */
  @Transactional(readOnly = true)
  public List<ObserverView> list(Maintainer who) {
    requireMaintainer(who);
    return store.all().stream().filter(o -> maintains(who, o.street())).map(this::view).toList();
  }

  @Transactional
  public Issued register(NewObserver o, Maintainer who) {
    requireMaintainer(who);
    List<FieldError> errors = new ArrayList<>(ObserverRules.checkRegistration(o.name(), o.phone(), o.kind(), o.company()));
    String street = blank(o.street()) ? null : o.street().strip();
    if (street == null && !county(who)) {
      List<Option> own = options(who).streets();
      if (own.size() == 1) {
        street = own.get(0).code();
      } else {
        errors.add(new FieldError("street", "required", "请选择观察员所属的街道（乡镇）"));
      }
    } else if (street != null && directory.street(street).isEmpty()) {
      errors.add(new FieldError("street", "unknown", "请从列表中选择街道（乡镇）"));
    } else if (street != null && !maintains(who, street)) {
      errors.add(new FieldError("street", "forbidden", "只能为本街道（乡镇）登记观察员"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String token = newToken();
    ObserverStore.Observer stored = store.insert(new ObserverStore.NewObserver(o.name().strip(), o.phone().strip(),
        o.kind().strip(), blank(o.company()) ? null : o.company().strip(), street, MachineKey.digest(token)), now(), who.userId());
    return new Issued(view(stored), link(token));
  }

  /** 停用: the link stops working; the observer's reports stay with their cases. */
  @Transactional
  public ObserverView withdraw(long id, Maintainer who) {
    ObserverStore.Observer o = maintained(id, who);
    if (!o.active()) {
      throw new ValidationException(List.of(new FieldError("id", "withdrawn", "该观察员已停用")));
    }
    store.withdraw(id, now(), who.userId());
    return view(store.find(id).orElseThrow());
  }

  /** A new link for a lost one (重新生成链接): the old link stops working at once. */
  @Transactional
  public Issued reissue(long id, Maintainer who) {
    ObserverStore.Observer o = maintained(id, who);
    if (!o.active()) {
      throw new ValidationException(List.of(new FieldError("id", "withdrawn", "该观察员已停用，不能生成新链接")));
    }
    String token = newToken();
    store.replaceToken(id, MachineKey.digest(token), now());
    return new Issued(view(store.find(id).orElseThrow()), link(token));
  }

  private ObserverStore.Observer maintained(long id, Maintainer who) {
    requireMaintainer(who);
    ObserverStore.Observer o = store.find(id).orElseThrow(() -> new Refused(Refused.Reason.NOT_FOUND, "没有这位观察员"));
    if (!maintains(who, o.street())) {
      throw new Refused(Refused.Reason.FORBIDDEN, "只能管理本街道（乡镇）登记的观察员");
    }
    return o;
  }

  private void requireMaintainer(Maintainer who) {
    if (!county(who) && directory.streets().stream().noneMatch(s -> who.groups().contains(GroupIds.street(s.code())))) {
      throw new Refused(Refused.Reason.FORBIDDEN, "只有调度中心和街道（乡镇）工作人员可以管理议事观察员");
    }
  }

  private static boolean county(Maintainer who) {
    return who.admin() || who.groups().contains(GroupIds.DISPATCH_CENTRE) || who.groups().contains(GroupIds.ADMIN);
  }

  private static boolean maintains(Maintainer who, String street) {
    return county(who) || (street != null && who.groups().contains(GroupIds.street(street)));
  }

  private ObserverView view(ObserverStore.Observer o) {
    String kindName = ObserverKind.of(o.kind()).map(ObserverKind::label).orElse(o.kind());
    String streetName = o.street() == null ? "县级" : directory.street(o.street()).map(Directory.Street::name).orElse(o.street());
    return new ObserverView(o.id(), o.name(), o.phone(), o.kind(), kindName, o.company(), o.street(), streetName, o.active(),
        o.createdAt(), o.withdrawnAt(), o.tokenIssuedAt(), o.reports());
  }

  private String link(String token) {
    return publicBaseUrl + PATH + token;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
