package cn.yishi.application.port;

import cn.yishi.domain.points.EntryKind;
import cn.yishi.domain.points.LedgerPerson;
import cn.yishi.domain.points.PointsEntry;
import cn.yishi.domain.points.PointsRule;
import cn.yishi.domain.points.ShopItem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The points tables (V18). The ledger is append-only: entries are inserted, never updated or deleted. A person's
 * balance and an item's stock change only through the conditional updates {@link #changeBalance} and
 * {@link #takeStock}, which refuse to go below zero however many transactions run at once.
 */
public interface PointsStore {
  /** A proposed award and, once decided, its decision. */
  record Award(long id, String community, long personId, String ruleCode, String reason, int points, String evidence,
      String proposedBy, OffsetDateTime proposedAt, String status, String decidedBy, String decisionComment) {}

  /** A recorded redemption. */
  record Redemption(long id, String community, long personId, long itemId, String itemName, int quantity, int points,
      String recordedBy, OffsetDateTime recordedAt) {}

  List<PointsRule> rules(String community);

  Optional<PointsRule> rule(String community, String code);

  /** Inserts or replaces the rule of this community and code. */
  void saveRule(PointsRule rule, String by, OffsetDateTime at);

  List<ShopItem> items(String community);

  Optional<ShopItem> item(long id);

  /** Inserts an item (its id is ignored) and returns its id. */
  long addItem(ShopItem item, String by, OffsetDateTime at);

  /** Replaces name, price, stock and active of an item. */
  void updateItem(ShopItem item, String by, OffsetDateTime at);

  /** Takes {@code quantity} from the item's stock if enough is left; false otherwise. Locks the item's row. */
  boolean takeStock(long itemId, int quantity);

  List<LedgerPerson> persons(String community);

  Optional<LedgerPerson> person(long id);

  /** The person's row, locked until the end of the transaction (select … for update). */
  Optional<LedgerPerson> lockPerson(long id);

  boolean pseudonymTaken(String community, String pseudonym, long exceptPersonId);

  long addPerson(LedgerPerson person, String by, OffsetDateTime at);

  /** Replaces name, household, compound, consent and pseudonym; never the balance. */
  void updatePerson(LedgerPerson person);

  /** Adds {@code delta} to the balance unless that takes it below zero; false then. */
  boolean changeBalance(long personId, int delta);

  long addAward(Award award, String processInstanceId);

  Optional<Award> award(long id);

  /** PROPOSED → APPROVED or REJECTED, once: false when it was decided already. */
  boolean decideAward(long id, boolean approved, String by, OffsetDateTime at, String comment);

  /** Inserts the redemption unless its request key was recorded already (then empty). */
  Optional<Long> addRedemption(Redemption redemption, String requestKey);

  Optional<Redemption> redemptionByKey(String requestKey);

  long appendEntry(long personId, String community, EntryKind kind, int points, String reason, Long awardId,
      Long redemptionId, Long correctsEntryId, String by, OffsetDateTime at);

  Optional<PointsEntry> entry(long id);

  /** A person's entries, newest first. */
  List<PointsEntry> entries(long personId, int limit);

  /** The community's entries of these kinds, newest first. */
  List<PointsEntry> recentEntries(String community, List<EntryKind> kinds, int limit);

  /** Marks the community seeded; false when it was seeded before. */
  boolean markSeeded(String community, OffsetDateTime at);
}
