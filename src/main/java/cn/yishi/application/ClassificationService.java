package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Decisions;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.ScreeningFacts;
import cn.yishi.domain.casefile.Suggestion;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.TierRouting;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks the admissibility and triage tables for a suggestion and keeps it on the case, so that the
 * party review can confirm it and every override is visible.
 */
@Service
public class ClassificationService {
  /** The triage table's way to say "the community's own property company". */
  static final String PROPERTY = "property";

  private final Cases cases;
  private final CaseRepository repository;
  private final Decisions decisions;
  private final Directory directory;
  private final TierRouting tiers;

  public ClassificationService(Cases cases, Decisions decisions, Directory directory, CaseRepository repository) {
    this.repository = repository;
    this.cases = cases;
    this.decisions = decisions;
    this.directory = directory;
    this.tiers = new TierRouting(directory);
  }

  /**
   * The tables' suggestion, when the party review is due (its response days on the working-day calendar), and who
   * reviews: the party organisation at the suggested tier (三级前置把关; {@code reviewGroup} null: unchanged).
   */
  public record Suggested(Suggestion suggestion, OffsetDateTime reviewDue, String reviewGroup, String reviewTier,
      String reviewerName) {
    public Suggested(Suggestion suggestion, OffsetDateTime reviewDue) {
      this(suggestion, reviewDue, null, null, null);
    }
  }

  /**
   * Evaluates the 五议五不议 and triage tables for the case, with the facts stated at registration (none from a
   * channel), and keeps their suggestion on it.
   */
  @Transactional
  public Suggested suggest(String caseNo, ScreeningFacts facts) {
    return suggest(caseNo, facts, null);
  }

  /**
   * As {@link #suggest(String, ScreeningFacts)}, run inside the case's process {@code processInstanceId}: the case
   * keeps the process id with the suggestion and the review group, one write of the case row for all three.
   */
  @Transactional
  public Suggested suggest(String caseNo, ScreeningFacts facts, String processInstanceId) {
    CaseFile c = cases.load(caseNo);
    Suggestion raw = decisions.suggest(c.category(), c.householdsAffected(), facts == null ? ScreeningFacts.NONE : facts);
    Classification k = raw.classification();
    String unit = resolveUnit(k.responsibleUnit(), c.community());
    Suggestion s = new Suggestion(raw.admissible(), raw.ground(), raw.declineReason(), raw.referral(),
        new Classification(k.urgency(), k.tier(), k.disposal(), unit), raw.responseDays(), raw.resolutionDays());
    c.suggest(s);
    // 三级前置把关: the pre-triage's tier decides who reviews (the same tables, no second rule set)
    String reviewGroup = tiers.reviewGroup(c.community(), k.tier(), c.compound());
    c.place(c.yuanba(), reviewGroup);
    if (processInstanceId != null) {
      c.attachProcess(processInstanceId);
    }
    repository.save(c, cases.now());
    return new Suggested(s, cases.deadlineIn(s.responseDays()), reviewGroup, k.tier().name(),
        tiers.reviewerName(c.community(), k.tier(), c.compound()));
  }

  private String resolveUnit(String suggested, String community) {
    if (suggested == null) {
      return null;
    }
    if (PROPERTY.equals(suggested)) {
      return directory.propertyCompanyOf(community).map(Directory.Unit::code).orElse(null);
    }
    return directory.unit(suggested).map(Directory.Unit::code).orElse(null);
  }
}
