package cn.yishi.adapter.outbound.engine;

import cn.yishi.adapter.outbound.engine.DecisionTables.Admissibility;
import cn.yishi.adapter.outbound.engine.DecisionTables.Triage;
import cn.yishi.application.port.Decisions;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.ScreeningFacts;
import cn.yishi.domain.casefile.ScreeningGround;
import cn.yishi.domain.casefile.Suggestion;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.Urgency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Evaluates bpmn/admissibility.dmn and bpmn/triage.dmn through the engine's decision service.
 *
 * <p>Both tables are pure functions of (category, households affected), and evaluating them in
 * FEEL was the largest single cost of intake (a third of the CPU in the benchmark). Results are
 * therefore kept for {@code yishi.decisions.cache-ttl} (default one minute): a table changed in
 * Modeler and deployed takes effect within that time. Evaluations that are served from the cache
 * leave no decision instance in the engine's history; the suggestion is stored on the case.
 */
@Component
class CamundaDecisions implements Decisions {
  private static final int MAX_ENTRIES = 10_000;

  private final DecisionService decisions;
  private final org.camunda.bpm.engine.IdentityService identity;
  private final Clock clock;
  private final Duration ttl;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

  CamundaDecisions(DecisionService decisions, org.camunda.bpm.engine.IdentityService identity, Clock clock,
      @Value("${yishi.decisions.cache-ttl:PT1M}") Duration ttl) {
    this.identity = identity;
    this.decisions = decisions;
    this.clock = clock;
    this.ttl = ttl;
  }

  private record Key(String category, Integer households, ScreeningFacts facts) {}

  private record Cached(Suggestion suggestion, Instant until) {}

  @Override
  public Suggestion suggest(String category, Integer householdsAffected, ScreeningFacts facts) {
    ScreeningFacts f = facts == null ? ScreeningFacts.NONE : facts;
    Key key = new Key(category, householdsAffected, f);
    Instant now = clock.instant();
    Cached c = ttl.isZero() ? null : cache.get(key);
    if (c != null && now.isBefore(c.until())) {
      return c.suggestion();
    }
    Suggestion s = evaluate(category, householdsAffected, f);
    if (!ttl.isZero()) {
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(key, new Cached(s, now.plus(ttl)));
    }
    return s;
  }

  /**
   * The vote rule is the application's configuration, read on behalf of whoever asks (a resident's ballot page, the
   * staff's ballot sheets): it is evaluated without the caller's authentication, so that no staff member needs a grant
   * on the decision definition.
   */
  @Override
  public java.util.Optional<cn.yishi.domain.deliberation.VoteRule> voteRule(String voteType) {
    org.camunda.bpm.engine.impl.identity.Authentication caller = identity.getCurrentAuthentication();
    DmnDecisionResultEntries r;
    try {
      identity.clearAuthentication();
      r = decisions.evaluateDecisionByKey(DecisionTables.VoteRule.KEY)
          .variables(DecisionTables.VoteRule.VOTE_TYPE.in(new HashMap<>(), voteType)).evaluate().getSingleResult();
    } finally {
      identity.setAuthentication(caller);
    }
    if (r == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new cn.yishi.domain.deliberation.VoteRule(
        cn.yishi.domain.deliberation.VoteRule.Share.parse(DecisionTables.VoteRule.QUORUM.from(r)),
        Boolean.TRUE.equals(DecisionTables.VoteRule.STRICT_QUORUM.from(r)),
        cn.yishi.domain.deliberation.VoteRule.Share.parse(DecisionTables.VoteRule.MAJORITY.from(r)),
        Boolean.TRUE.equals(DecisionTables.VoteRule.STRICT_MAJORITY.from(r)),
        Boolean.TRUE.equals(DecisionTables.VoteRule.BY_AREA.from(r)),
        "ASSEMBLY".equals(DecisionTables.VoteRule.CHANNEL.from(r))));
  }

  private Suggestion evaluate(String category, Integer householdsAffected, ScreeningFacts f) {
    Map<String, Object> input = DecisionTables.CATEGORY.in(new HashMap<>(), category);
    DecisionTables.HOUSEHOLDS_AFFECTED.in(input, householdsAffected);
    DecisionTables.SCOPE.in(input, f.scope());
    DecisionTables.WITHIN_AUTHORITY.in(input, f.withinAuthority());
    DecisionTables.SETTLED_BY_POLICY.in(input, f.settledByPolicy());
    DecisionTables.RESERVED_TO_ASSEMBLY.in(input, f.reservedToAssembly());
    DecisionTables.UNLAWFUL.in(input, f.unlawful());
    DecisionTables.CROSS_COMMUNITY.in(input, f.crossCommunity());
    DecisionTables.MULTI_DEPARTMENT.in(input, f.multiDepartment());
    DecisionTables.URGENT.in(input, f.urgent());
    DecisionTables.NEEDS_CONSULTATION.in(input, f.needsConsultation());
    DmnDecisionResultEntries a = decisions.evaluateDecisionByKey(Admissibility.KEY).variables(input).evaluate().getSingleResult();
    DmnDecisionResultEntries t = decisions.evaluateDecisionByKey(Triage.KEY).variables(input).evaluate().getSingleResult();
    if (a == null || t == null) {
      throw new IllegalStateException("The admissibility and triage tables must always give one result; category " + category);
    }
    return new Suggestion(
        Boolean.TRUE.equals(Admissibility.SUGGESTED_ADMISSIBLE.from(a)),
        ScreeningGround.valueOf(Objects.requireNonNull(Admissibility.GROUND.from(a))),
        Admissibility.SUGGESTED_DECLINE_REASON.from(a),
        Admissibility.REFERRAL.from(a),
        new Classification(
            Urgency.valueOf(Objects.requireNonNull(Triage.URGENCY.from(t))),
            Tier.valueOf(Objects.requireNonNull(Triage.TIER.from(t))),
            Disposal.valueOf(Objects.requireNonNull(Triage.DISPOSAL.from(t))),
            Triage.SUGGESTED_UNIT.from(t)),
        Objects.requireNonNull(Triage.RESPONSE_DAYS.from(t)),
        Objects.requireNonNull(Triage.RESOLUTION_DAYS.from(t)));
  }
}
