package cn.yishi.application.points;

import cn.yishi.application.port.PointsStore;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.points.AwarderRole;
import cn.yishi.domain.points.LedgerPerson;
import cn.yishi.domain.points.PointsEntry;
import cn.yishi.domain.points.PointsRule;
import cn.yishi.domain.points.PointsRules;
import cn.yishi.domain.points.ShopItem;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a community maintains while running for its points (积分): the residents on the ledger with their consent to
 * publish the name, the rules (积分细则) and the shop's items (积分超市), seeded from configuration once; and the
 * staff's view of it all. Personal data only for the community's points roles ({@link PointsRoles}).
 */
@Service
public class PointsAdministration {
  private static final char[] PSEUDONYM = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PointsStore store;
  private final Directory directory;
  private final PointsProperties properties;
  private final Clock clock;

  public PointsAdministration(PointsStore store, Directory directory, PointsProperties properties, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.properties = properties;
    this.clock = clock;
  }

  /** What the caller may do in a community and what they may see of it. */
  public record Overview(String community, String communityName, boolean maintains, boolean proposes,
      boolean redeems, List<RuleView> rules, List<ShopItem> items, List<LedgerPerson> persons) {}

  public record RuleView(String code, String reason, int points, List<String> awardedBy, String awardedByLabel,
      boolean active) {
    static RuleView of(PointsRule r) {
      return new RuleView(r.code(), r.reason(), r.points(),
          r.awardedBy().stream().sorted().map(AwarderRole::code).toList(), r.awardedByLabel(), r.active());
    }
  }

  /** The communities in which the caller has a points role, with their names. */
  public record CommunityRole(String code, String name) {}

  public List<CommunityRole> communitiesOf(List<String> groups) {
    return directory.communities().stream()
        .filter(c -> new PointsRoles(c.code(), groups).readsPersons())
        .map(c -> new CommunityRole(c.code(), c.name())).toList();
  }

  @Transactional(readOnly = true)
  public Overview overview(String community, List<String> groups) {
    PointsRoles roles = roles(community, groups);
    roles.requireReadsPersons();
    return new Overview(community, communityName(community), roles.maintains(), roles.proposer(), roles.shopKeeper(),
        store.rules(community).stream().map(RuleView::of).toList(), store.items(community), store.persons(community));
  }

  /** A person's ledger, newest first. */
  @Transactional(readOnly = true)
  public List<PointsEntry> ledger(String community, long personId, List<String> groups) {
    roles(community, groups).requireReadsPersons();
    person(community, personId);
    return store.entries(personId, 200);
  }

  @Transactional
  public LedgerPerson addPerson(String community, String name, String household, String compound, Boolean publishName,
      String pseudonym, List<String> groups, String by) {
    roles(community, groups).requireMaintains();
    LedgerPerson p = PointsRules.person(community, 0, name, household, compound, publishName, pseudonym,
        freePseudonym(community));
    requireFreePseudonym(community, p.pseudonym(), 0);
    long id = store.addPerson(p, by, now());
    return store.person(id).orElseThrow();
  }

  /** Name, household, compound, consent and pseudonym; the balance only changes by ledger entries. */
  @Transactional
  public LedgerPerson updatePerson(String community, long personId, String name, String household, String compound,
      Boolean publishName, String pseudonym, List<String> groups) {
    roles(community, groups).requireMaintains();
    LedgerPerson old = person(community, personId);
    LedgerPerson p = PointsRules.person(community, personId, name, household, compound, publishName, pseudonym,
        old.pseudonym());
    requireFreePseudonym(community, p.pseudonym(), personId);
    store.updatePerson(p);
    return store.person(personId).orElseThrow();
  }

  @Transactional
  public RuleView saveRule(String community, String code, String reason, Integer points, List<String> awardedBy,
      Boolean active, List<String> groups, String by) {
    roles(community, groups).requireMaintains();
    PointsRule rule = PointsRules.rule(community, code, reason, points, awardedBy, active);
    store.saveRule(rule, by, now());
    return RuleView.of(rule);
  }

  @Transactional
  public ShopItem addItem(String community, String name, Integer price, Integer stock, List<String> groups, String by) {
    roles(community, groups).requireMaintains();
    ShopItem item = PointsRules.item(community, 0, name, price, stock, true);
    return store.item(store.addItem(item, by, now())).orElseThrow();
  }

  @Transactional
  public ShopItem updateItem(String community, long itemId, String name, Integer price, Integer stock, Boolean active,
      List<String> groups, String by) {
    roles(community, groups).requireMaintains();
    ShopItem old = store.item(itemId).filter(i -> i.community().equals(community))
        .orElseThrow(() -> PointsRefused.notFound("itemId", "本社区（村）积分超市没有该商品"));
    ShopItem item = PointsRules.item(community, old.id(), name, price, stock, active);
    store.updateItem(item, by, now());
    return store.item(itemId).orElseThrow();
  }

  /** Copies the configured rules and items into a community that has none yet (once per community). */
  @Transactional
  public boolean seed(String community) {
    if (!store.markSeeded(community, now())) {
      return false;
    }
    for (PointsProperties.Rule r : properties.seed().rules()) {
      store.saveRule(PointsRules.rule(community, r.code(), r.reason(), r.points(), r.awardedBy(), true), "system", now());
    }
    for (PointsProperties.Item i : properties.seed().items()) {
      store.addItem(PointsRules.item(community, 0, i.name(), i.price(), i.stock(), true), "system", now());
    }
    return true;
  }

  /** Checks the configured seed at start-up, so that a malformed one stops the application naming the line. */
  public void checkSeed() {
    for (PointsProperties.Rule r : properties.seed().rules()) {
      PointsRules.rule("check", r.code(), r.reason(), r.points(), r.awardedBy(), true);
    }
    for (PointsProperties.Item i : properties.seed().items()) {
      PointsRules.item("check", 0, i.name(), i.price(), i.stock(), true);
    }
  }

  public List<String> communities() {
    return directory.communities().stream().map(Directory.Community::code).toList();
  }

  PointsRoles roles(String community, List<String> groups) {
    requireCommunity(community);
    return new PointsRoles(community, groups);
  }

  void requireCommunity(String community) {
    if (community == null || directory.community(community).isEmpty()) {
      throw PointsRefused.notFound("community", "未知的社区（村）：" + (community == null ? "" : community));
    }
  }

  String communityName(String community) {
    return directory.community(community).map(Directory.Community::name).orElse(community);
  }

  LedgerPerson person(String community, long personId) {
    return store.person(personId).filter(p -> p.community().equals(community))
        .orElseThrow(() -> PointsRefused.notFound("personId", "本社区（村）的积分台账上没有编号为 " + personId + " 的居民"));
  }

  private void requireFreePseudonym(String community, String pseudonym, long personId) {
    if (store.pseudonymTaken(community, pseudonym, personId)) {
      throw new ValidationException(List.of(new FieldError("pseudonym", "taken", "本社区（村）已有人使用化名「" + pseudonym + "」")));
    }
  }

  private String freePseudonym(String community) {
    for (int attempt = 0; attempt < 20; attempt++) {
      char[] c = new char[4];
      for (int i = 0; i < c.length; i++) {
        c[i] = PSEUDONYM[RANDOM.nextInt(PSEUDONYM.length)];
      }
      String p = "居民" + new String(c);
      if (!store.pseudonymTaken(community, p, 0)) {
        return p;
      }
    }
    throw new IllegalStateException("no free pseudonym in " + community + " after 20 attempts");
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
