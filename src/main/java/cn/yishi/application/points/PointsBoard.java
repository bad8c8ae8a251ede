package cn.yishi.application.points;

import cn.yishi.application.port.PointsStore;
import cn.yishi.domain.points.EntryKind;
import cn.yishi.domain.points.LedgerPerson;
import cn.yishi.domain.points.PointsEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public points table of a community (红色积分表), as posted on the village board: per resident the name if they
 * agreed to publish it, otherwise the pseudonym, the balance, the points earned and the latest reasons for awards.
 * No household, compound, redemption or anything else about the person.
 */
@Service
public class PointsBoard {
  static final int RECENT_REASONS = 3;
  private final PointsStore store;
  private final PointsAdministration administration;

  public PointsBoard(PointsStore store, PointsAdministration administration) {
    this.store = store;
    this.administration = administration;
  }

  public record Table(String community, String communityName, List<Row> rows, List<Item> shop) {}

  public record Row(int rank, String name, int balance, int earned, List<Reason> recentReasons) {}

  public record Reason(String reason, int points) {}

  public record Item(String name, int price, boolean inStock) {}

  /** The table; an unknown community is refused ({@link PointsRefused}, NOT_FOUND). */
  @Transactional(readOnly = true)
  public Table table(String community) {
    administration.requireCommunity(community);
    Map<Long, List<Reason>> reasons = new HashMap<>();
    Map<Long, Integer> earned = new HashMap<>();
    for (PointsEntry e : store.recentEntries(community, List.of(EntryKind.AWARD, EntryKind.CORRECTION), 5000)) {
      if (e.kind() == EntryKind.AWARD) {
        List<Reason> r = reasons.computeIfAbsent(e.personId(), k -> new ArrayList<>());
        if (r.size() < RECENT_REASONS) {
          r.add(new Reason(e.reason(), e.points()));
        }
      }
      earned.merge(e.personId(), e.points(), Integer::sum);
    }
    List<LedgerPerson> persons = new ArrayList<>(store.persons(community));
    persons.sort(Comparator.comparingInt(LedgerPerson::balance).reversed()
        .thenComparing(p -> -earned.getOrDefault(p.id(), 0)).thenComparingLong(LedgerPerson::id));
    List<Row> rows = new ArrayList<>();
    int rank = 0;
    int previous = Integer.MIN_VALUE;
    for (int i = 0; i < persons.size(); i++) {
      LedgerPerson p = persons.get(i);
      if (p.balance() != previous) {
        rank = i + 1;
        previous = p.balance();
      }
      rows.add(new Row(rank, p.publicName(), p.balance(), Math.max(0, earned.getOrDefault(p.id(), 0)),
          reasons.getOrDefault(p.id(), List.of())));
    }
    List<Item> shop = store.items(community).stream().filter(i -> i.active())
        .map(i -> new Item(i.name(), i.price(), i.stock() > 0)).toList();
    return new Table(community, administration.communityName(community), rows, shop);
  }
}
