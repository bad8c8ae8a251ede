package cn.yishi.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * bpmn/admissibility.dmn (五议五不议) on Camunda's standalone DMN engine. Every rule row must be
 * matched by at least one test (checked after all tests).
 */
class AdmissibilityDecisionTest {
  private static final String RESOURCE = "bpmn/admissibility.dmn";
  private static final String DECISION = "admissibility";
  private static final String DMN_13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";

  private static final Set<String> MATCHED_RULES = ConcurrentHashMap.newKeySet();
  private static DmnEngine engine;
  private static DmnDecision decision;
  private static DmnModelInstance model;

  @BeforeAll
  static void parse() throws IOException {
    DmnDecisionTableEvaluationListener recordMatches = event -> event.getMatchingRules().stream()
        .map(DmnEvaluatedDecisionRule::getId)
        .forEach(MATCHED_RULES::add);
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(recordMatches))
        .buildEngine();
    try (InputStream in = resource(RESOURCE)) {
      decision = engine.parseDecision(DECISION, in);
    }
    try (InputStream in = resource(RESOURCE)) {
      model = Dmn.readModelFromStream(in);
    }
  }

  @AfterAll
  static void everyRuleWasMatched() {
    assertThat(MATCHED_RULES)
        .as("rules of %s that no test matched", RESOURCE)
        .containsAll(ruleIds());
  }

  // ------------------------------------------------------------------ 五不议

  @ParameterizedTest
  @NullSource
  @ValueSource(ints = {0, 2, 49, 50, 500})
  void neighbourDisputeIsReferredToMediation(Integer households) {
    DmnDecisionRuleResult r = evaluate("neighbour-dispute", households);

    assertThat((Boolean) r.getEntry("suggestedAdmissible")).isFalse();
    assertThat((String) r.getEntry("suggestedDeclineReason")).contains("个体纠纷").contains("五不议");
    assertThat((String) r.getEntry("referral")).isEqualTo("MEDIATION");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(ints = {0, 1, 50, 300})
  void policyQuestionIsAnsweredByExplainingThePolicy(Integer households) {
    DmnDecisionRuleResult r = evaluate("policy-question", households);

    assertThat((Boolean) r.getEntry("suggestedAdmissible")).isFalse();
    assertThat((String) r.getEntry("suggestedDeclineReason")).contains("政策已有明确规定").contains("五不议");
    assertThat((String) r.getEntry("referral")).isEqualTo("POLICY_EXPLANATION");
  }

  // ------------------------------------------------------------------ 五议

  static Stream<String> admissibleCategories() {
    return catalogueCodes().stream().filter(c -> !c.equals("neighbour-dispute") && !c.equals("policy-question"));
  }

  @ParameterizedTest
  @MethodSource("admissibleCategories")
  void everyOtherCatalogueCategoryIsAdmissible(String category) {
    for (Integer households : new Integer[] {null, 1, 49, 50, 1000}) {
      DmnDecisionRuleResult r = evaluate(category, households);

      assertThat((Boolean) r.getEntry("suggestedAdmissible")).as("%s, %s households", category, households).isTrue();
      assertThat(r.getEntryMap())
          .as("an admissible case has no decline reason and no referral, as explicit nulls")
          .containsEntry("suggestedDeclineReason", null)
          .containsEntry("referral", null);
    }
  }

  @Test
  void unknownOrMissingCategoryIsLeftToTheReviewerAsAdmissible() {
    assertThat((Boolean) evaluate("something-new", 3).getEntry("suggestedAdmissible")).isTrue();
    assertThat((Boolean) evaluate(null, null).getEntry("suggestedAdmissible")).isTrue();
  }

  @Test
  void missingHouseholdsVariableIsTreatedAsUnknown() {
    Map<String, Object> onlyCategory = Variables.createVariables().putValue("category", "neighbour-dispute");

    DmnDecisionRuleResult r = engine.evaluateDecisionTable(decision, onlyCategory).getSingleResult();

    assertThat((String) r.getEntry("referral")).isEqualTo("MEDIATION");
  }

  @Test
  void everyCatalogueCategoryGetsExactlyOneCompleteSuggestion() {
    for (String category : catalogueCodes()) {
      var result = engine.evaluateDecisionTable(decision,
          Variables.createVariables().putValue("category", category).putValue("householdsAffected", null));
      assertThat(result).as(category).hasSize(1);
      DmnDecisionRuleResult r = result.getSingleResult();
      assertThat(r.getEntryMap()).as(category)
          .containsOnlyKeys("suggestedAdmissible", "suggestedDeclineReason", "referral");
      boolean admissible = r.getEntry("suggestedAdmissible");
      assertThat(r.<String>getEntry("suggestedDeclineReason") == null).as("reason iff declined: %s", category).isEqualTo(admissible);
      assertThat(r.<String>getEntry("referral") == null).as("referral iff declined: %s", category).isEqualTo(admissible);
    }
  }

  // ------------------------------------------------------------------ the model itself

  @Test
  void modelFollowsTheProjectConventions() {
    assertThat(model.getDefinitions().getDomElement().getNamespaceURI()).isEqualTo(DMN_13);
    Decision d = model.getModelElementById(DECISION);
    assertThat(d.getName()).isEqualTo("五议五不议");
    assertThat(d.getCamundaHistoryTimeToLiveString()).isEqualTo("180");
    DecisionTable table = (DecisionTable) d.getExpression();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(table.getInputs()).extracting(i -> i.getId(), i -> i.getInputExpression().getText().getTextContent())
        .containsExactly(
            tuple("input_category", "category"),
            tuple("input_householdsAffected", "householdsAffected"));
    assertThat(table.getOutputs()).extracting(o -> o.getId(), o -> o.getName())
        .containsExactly(
            tuple("output_suggestedAdmissible", "suggestedAdmissible"),
            tuple("output_suggestedDeclineReason", "suggestedDeclineReason"),
            tuple("output_referral", "referral"));
    assertThat(table.getInputs()).allSatisfy(i -> assertThat(i.getLabel()).matches(".*\\p{IsHan}.*"));
    assertThat(table.getOutputs()).allSatisfy(o -> assertThat(o.getLabel()).matches(".*\\p{IsHan}.*"));
    for (Rule rule : table.getRules()) {
      assertThat(rule.getId()).as("meaningful rule id").matches("rule_[a-z][A-Za-z]+");
      assertThat(rule.getDescription()).as("annotation of %s", rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as("annotation of %s", rule.getId()).matches("(?s).*\\p{IsHan}.*");
    }
    Rule last = table.getRules().stream().reduce((a, b) -> b).orElseThrow();
    assertThat(last.getInputEntries()).as("the last rule is the catch-all")
        .allSatisfy(e -> assertThat(e.getText().getTextContent()).isBlank());
  }

  @Test
  void categoryInputValuesListTheCatalogue() {
    DecisionTable table = (DecisionTable) ((Decision) model.getModelElementById(DECISION)).getExpression();
    String values = table.getInputs().iterator().next().getInputValues().getText().getTextContent();

    assertThat(values.split(","))
        .extracting(v -> v.trim().replace("\"", ""))
        .as("the drop-down in Camunda Modeler lists exactly the codes of catalogue.yaml")
        .containsExactlyInAnyOrderElementsOf(catalogueCodes());
  }

  // ------------------------------------------------------------------ helpers

  private static DmnDecisionRuleResult evaluate(String category, Integer households) {
    return engine.evaluateDecisionTable(decision, Variables.createVariables()
            .putValue("category", category)
            .putValue("householdsAffected", households))
        .getSingleResult();
  }

  private static List<String> ruleIds() {
    Decision d = model.getModelElementById(DECISION);
    Collection<Rule> rules = ((DecisionTable) d.getExpression()).getRules();
    return rules.stream().map(Rule::getId).toList();
  }

  @SuppressWarnings("unchecked")
  static List<String> catalogueCodes() {
    try (InputStream in = resource("catalogue.yaml")) {
      Map<String, Object> root = new Yaml().load(in);
      Map<String, Object> catalogue = (Map<String, Object>) ((Map<String, Object>) root.get("yishi")).get("catalogue");
      List<Map<String, String>> categories = (List<Map<String, String>>) catalogue.get("categories");
      List<String> codes = categories.stream().map(c -> c.get("code")).toList();
      assertThat(codes).as("catalogue.yaml categories").isNotEmpty().doesNotHaveDuplicates();
      return codes;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = AdmissibilityDecisionTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as("%s on the classpath", name).isNotNull();
    return in;
  }
}
