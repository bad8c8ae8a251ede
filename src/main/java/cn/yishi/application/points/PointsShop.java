package cn.yishi.application.points;

import cn.yishi.application.port.PointsStore;
import cn.yishi.domain.points.EntryKind;
import cn.yishi.domain.points.LedgerPerson;
import cn.yishi.domain.points.PointsRules;
import cn.yishi.domain.points.ShopItem;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points shop (积分超市): the shop keeper records a redemption (item, person, quantity). In one transaction the
 * person's row is locked, then the item's stock is taken and the balance debited by conditional updates, and the
 * redemption and its ledger entry are written; if either is short, everything is rolled back with a Chinese refusal.
 * Concurrent redemptions therefore never overdraw a balance or a stock, on H2 and PostgreSQL. A repeated submission
 * with the same request key records once and answers the first redemption.
 */
@Service
public class PointsShop {
  private final PointsStore store;
  private final PointsAdministration administration;
  private final Clock clock;

  public PointsShop(PointsStore store, PointsAdministration administration, Clock clock) {
    this.store = store;
    this.administration = administration;
    this.clock = clock;
  }

  /** A recorded redemption and the balance after it. */
  public record Receipt(long redemptionId, long personId, String itemName, int quantity, int points, int balance,
      boolean repeated) {}

  @Transactional
  public Receipt redeem(String community, Long personId, Long itemId, Integer quantity, String requestKey,
      List<String> groups, String by) {
    administration.roles(community, groups).requireShopKeeper();
    PointsRules.redemption(quantity, requestKey);
    if (requestKey != null) {
      var earlier = store.redemptionByKey(requestKey);
      if (earlier.isPresent()) {
        return repeated(earlier.get());
      }
    }
    if (personId == null) {
      throw PointsRefused.notFound("personId", "请选择兑换的居民");
    }
    if (itemId == null) {
      throw PointsRefused.notFound("itemId", "请选择兑换的商品");
    }
    administration.person(community, personId);
    ShopItem item = store.item(itemId).filter(i -> i.community().equals(community) && i.active())
        .orElseThrow(() -> PointsRefused.notFound("itemId", "本社区（村）积分超市没有在售的该商品"));
    int cost = PointsRules.cost(item, quantity);
    LedgerPerson person = store.lockPerson(personId).orElseThrow();
    PointsRules.requireAffordable(person.balance(), cost);
    String key = requestKey == null ? UUID.randomUUID().toString() : requestKey;
    OffsetDateTime now = OffsetDateTime.now(clock);
    var id = store.addRedemption(new PointsStore.Redemption(0, community, personId, itemId, item.name(), quantity, cost,
        by, now), key);
    if (id.isEmpty()) {
      // the same request recorded by a concurrent submission
      return repeated(store.redemptionByKey(key).orElseThrow());
    }
    if (!store.takeStock(itemId, quantity)) {
      throw PointsRules.outOfStock(store.item(itemId).orElse(item), quantity);
    }
    if (!store.changeBalance(personId, -cost)) {
      throw PointsRules.insufficient(store.person(personId).map(LedgerPerson::balance).orElse(0), cost);
    }
    store.appendEntry(personId, community, EntryKind.REDEMPTION, -cost, "兑换 " + item.name() + " × " + quantity, null,
        id.get(), null, by, now);
    return new Receipt(id.get(), personId, item.name(), quantity, cost, person.balance() - cost, false);
  }

  private Receipt repeated(PointsStore.Redemption r) {
    int balance = store.person(r.personId()).map(LedgerPerson::balance).orElse(0);
    return new Receipt(r.id(), r.personId(), r.itemName(), r.quantity(), r.points(), balance, true);
  }
}
