package cn.yishi.adapter.outbound.engine;

import cn.yishi.application.port.Decisions;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.Suggestion;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.Urgency;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** Evaluates bpmn/admissibility.dmn and bpmn/triage.dmn through the engine's decision service. */
@Component
class CamundaDecisions implements Decisions {
  static final String ADMISSIBILITY = "admissibility";
  static final String TRIAGE = "triage";

  private final DecisionService decisions;

  CamundaDecisions(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public Suggestion suggest(String category, Integer householdsAffected) {
    Map<String, Object> input = new HashMap<>();
    input.put("category", category);
    input.put("householdsAffected", householdsAffected);
    DmnDecisionResultEntries a = decisions.evaluateDecisionByKey(ADMISSIBILITY).variables(input).evaluate().getSingleResult();
    DmnDecisionResultEntries t = decisions.evaluateDecisionByKey(TRIAGE).variables(input).evaluate().getSingleResult();
    if (a == null || t == null) {
      throw new IllegalStateException("The admissibility and triage tables must always give one result; category " + category);
    }
    return new Suggestion(
        Boolean.TRUE.equals(a.getEntry("suggestedAdmissible")),
        a.getEntry("suggestedDeclineReason"),
        a.getEntry("referral"),
        new Classification(
            Urgency.valueOf(t.<String>getEntry("urgency")),
            Tier.valueOf(t.<String>getEntry("tier")),
            Disposal.valueOf(t.<String>getEntry("disposal")),
            t.getEntry("suggestedUnit")),
        ((Number) t.getEntry("responseDays")).intValue(),
        ((Number) t.getEntry("resolutionDays")).intValue());
  }
}
