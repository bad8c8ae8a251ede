package cn.yishi.application.port;

import cn.yishi.domain.casefile.ScreeningFacts;
import cn.yishi.domain.casefile.Suggestion;

/** Evaluates the admissibility and triage DMN tables in bpmn/. */
public interface Decisions {
  /** The raw suggestion; a suggested unit "property" still means the community's property company. */
  Suggestion suggest(String category, Integer householdsAffected, ScreeningFacts facts);

  /** bpmn/voteRule.dmn: quorum and majority of a vote type; empty for an unknown type. */
  java.util.Optional<cn.yishi.domain.deliberation.VoteRule> voteRule(String voteType);
}
