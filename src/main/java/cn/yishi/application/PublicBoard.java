package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.supervision.MonthlyPublications;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public board of a community (公开公示): the items under way and the resolved ones, as 即办件 /
 * 承诺件 / 会商件; the latest approved monthly publication (一月一公示: the community's cases of that month)
 * with the county's red and black board (红黑榜); and the items under listed supervision (挂牌督办) now.
 * Each board has a version (how many public cases, when the last changed, which month was published
 * last, which items are listed), so that thousands of phones polling it cost a few small queries each,
 * and a board is built once per version.
 */
@Service
public class PublicBoard {
  static final int MAX_ITEMS = CaseQueries.PUBLIC_PAGE_MAX;
  private static final Set<String> UNDER_WAY = Set.of(
      CaseStatus.ACCEPTED.name(), CaseStatus.IN_PROGRESS.name(), CaseStatus.DELIBERATING.name(), CaseStatus.REWORK.name());
  private static final Set<String> DONE = Set.of(CaseStatus.RESOLVED.name(), CaseStatus.CLOSED.name());

  private final CaseRepository repository;
  private final CaseQueries queries;
  private final Directory directory;
  private final MonthlyPublications monthly;
  private final Clock clock;
  private final Map<String, Board> built = new ConcurrentHashMap<>();
  private final Map<String, Checked> versions = new ConcurrentHashMap<>();
  private final Duration versionTtl;

  public PublicBoard(CaseRepository repository, CaseQueries queries, Directory directory, MonthlyPublications monthly,
      Clock clock, @Value("${yishi.board.version-ttl:PT1S}") Duration versionTtl) {
    this.repository = repository;
    this.queries = queries;
    this.directory = directory;
    this.monthly = monthly;
    this.clock = clock;
    this.versionTtl = versionTtl;
  }

  private record Checked(String version, Instant until) {}

  /**
   * @param monthly the latest approved month with its red and black board and this community's cases; null
   *     before the first approval
   * @param listed the county's items under listed supervision now (on the black board until finished)
   */
  public record Board(String community, String communityName, String version, OffsetDateTime generatedAt,
      List<CaseQueries.PublicCase> underWay, List<CaseQueries.PublicCase> resolved,
      MonthlyPublications.Publication monthly, List<MonthlyPublications.ListedItem> listed) {}

  /**
   * The current version of a community's board; refuses unknown communities. Asked of the database
   * at most once per {@code yishi.board.version-ttl} (one second) per community, so a change shows
   * on the board within that time and polling costs no query.
   */
  @Transactional(readOnly = true)
  public String version(String community) {
    requireCommunity(community);
    Instant now = clock.instant();
    Checked c = versions.get(community);
    if (c != null && now.isBefore(c.until())) {
      return c.version();
    }
    String v = community + "-" + repository.publicVersion(community) + "-" + monthly.version();
    versions.put(community, new Checked(v, now.plus(versionTtl)));
    return v;
  }

  /** The board at {@code version}, built once and then served from memory; refuses unknown communities first. */
  @Transactional(readOnly = true)
  public Board board(String community, String version) {
    Directory.Community known = requireCommunity(community);
    Board b = built.get(community);
    if (b != null && b.version().equals(version)) {
      return b;
    }
    List<CaseQueries.PublicCase> cases = queries.publicCases(community, null, null);
    Board fresh = new Board(community, known.name(), version, OffsetDateTime.now(clock),
        cases.stream().filter(c -> UNDER_WAY.contains(c.status())).toList(),
        cases.stream().filter(c -> DONE.contains(c.status())).toList(),
        monthly.latest(community).orElse(null), monthly.listedNow());
    built.put(community, fresh);
    return fresh;
  }

  private Directory.Community requireCommunity(String community) {
    if (community == null || community.isBlank()) {
      throw new ValidationException(List.of(new FieldError("community", "required", "请指定社区")));
    }
    return directory.community(community).orElseThrow(() ->
        new ValidationException(List.of(new FieldError("community", "unknown", "未知的社区：" + community))));
  }
}
