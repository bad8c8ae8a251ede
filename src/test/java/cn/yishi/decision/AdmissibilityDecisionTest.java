package cn.yishi.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.yishi.domain.casefile.ScreeningGround;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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
  private static final AtomicReference<String> LAST_MATCHED_RULE = new AtomicReference<>();
  private static DmnEngine engine;
  private static DmnDecision decision;
  private static DmnModelInstance model;

  @BeforeAll
  static void parse() throws IOException {
    DmnDecisionTableEvaluationListener recordMatches = event -> {
      List<String> ids = event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
      MATCHED_RULES.addAll(ids);
      LAST_MATCHED_RULE.set(ids.isEmpty() ? null : ids.get(0));
    };
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

  // ------------------------------------------------------------------ each row

  /**
   * One line per rule row: the stated facts, the row it must hit, the 议/不议 and its referral. Seed 000 (奉新): “五议”
   * 聚焦群众切身利益，重点商议公共事务、公共矛盾、公共秩序、公共设施运维、社区权限内重大事项，涵盖环境整治、邻里纠纷、宠物管理、
   * 路灯维护、惠民政策落地等；“五不议”排除政策已规定、需代表会议审议、纯个体纠纷等无效事项.
   */
  @ParameterizedTest(name = "{0} {1} {2}h authority={3} policy={4} assembly={5} unlawful={6} → {7}")
  @CsvSource(nullValues = "null", textBlock = """
      # category,        scope,   households, within, policy, assembly, unlawful, rule,                            admit, ground,               referral
      # 五不议, each with its referral
      parking,           PUBLIC,  80,         true,   true,   true,     true,     rule_unlawful,                   false, UNLAWFUL,             null
      elevator-retrofit, null,    null,       false,  null,   null,     null,     rule_beyondAuthority,            false, BEYOND_AUTHORITY,     COMPETENT_DEPARTMENT
      road-repair,       PUBLIC,  200,        false,  false,  false,    false,    rule_beyondAuthority,            false, BEYOND_AUTHORITY,     COMPETENT_DEPARTMENT
      pets,              PUBLIC,  300,        true,   null,   true,     null,     rule_reservedToAssembly,         false, RESERVED_TO_ASSEMBLY, RESIDENTS_MEETING
      policy-question,   null,    null,       null,   true,   null,     null,     rule_settledByPolicy,            false, SETTLED_BY_POLICY,    POLICY_EXPLANATION
      elderly-care,      null,    5,          true,   true,   false,    false,    rule_settledByPolicy,            false, SETTLED_BY_POLICY,    POLICY_EXPLANATION
      noise,             PRIVATE, 2,          null,   null,   null,     null,     rule_privateScope,               false, PRIVATE_DISPUTE,      MEDIATION
      neighbour-dispute, PRIVATE, 10,         true,   false,  false,    false,    rule_privateScope,               false, PRIVATE_DISPUTE,      MEDIATION
      neighbour-dispute, null,    2,          null,   null,   null,     null,     rule_neighbourDispute,           false, PRIVATE_DISPUTE,      MEDIATION
      neighbour-dispute, null,    null,       null,   null,   null,     null,     rule_neighbourDispute,           false, PRIVATE_DISPUTE,      MEDIATION
      # 五议: a neighbour dispute that affects the public or several households is a public conflict
      neighbour-dispute, PUBLIC,  2,          null,   null,   null,     null,     rule_publicConflictByScope,      true,  PUBLIC_CONFLICT,      null
      neighbour-dispute, null,    3,          true,   false,  false,    false,    rule_publicConflictByHouseholds, true,  PUBLIC_CONFLICT,      null
      policy-question,   null,    null,       null,   null,   null,     null,     rule_policyDelivery,             true,  POLICY_DELIVERY,      null
      policy-question,   PUBLIC,  40,         true,   false,  false,    false,    rule_policyDelivery,             true,  POLICY_DELIVERY,      null
      corridor-clutter,  null,    null,       null,   null,   null,     null,     rule_publicOrder,                true,  PUBLIC_ORDER,         null
      parking,           PUBLIC,  60,         true,   false,  false,    false,    rule_publicOrder,                true,  PUBLIC_ORDER,         null
      streetlight,       null,    30,         null,   null,   null,     null,     rule_publicFacilities,           true,  PUBLIC_FACILITIES,    null
      fitness-equipment, null,    null,       null,   null,   null,     null,     rule_publicFacilities,           true,  PUBLIC_FACILITIES,    null
      elevator-retrofit, null,    18,         true,   null,   null,     null,     rule_majorMatter,                true,  MAJOR_MATTER,         null
      sanitation,        null,    null,       null,   null,   null,     null,     rule_publicAffairs,              true,  PUBLIC_AFFAIRS,       null
      something-new,     null,    null,       null,   null,   null,     null,     rule_publicAffairs,              true,  PUBLIC_AFFAIRS,       null
      null,              null,    null,       null,   null,   null,     null,     rule_publicAffairs,              true,  PUBLIC_AFFAIRS,       null
      """)
  void eachRow(String category, String scope, Integer households, Boolean within, Boolean policy, Boolean assembly,
      Boolean unlawful, String rule, boolean admit, String ground, String referral) {
    DmnDecisionRuleResult r = evaluate(category, scope, households, within, policy, assembly, unlawful);

    assertThat(LAST_MATCHED_RULE.get()).isEqualTo(rule);
    assertThat((Boolean) r.getEntry("suggestedAdmissible")).isEqualTo(admit);
    assertThat((String) r.getEntry("ground")).isEqualTo(ground);
    assertThat((String) r.getEntry("referral")).isEqualTo(referral);
    if (admit) {
      assertThat(r.getEntryMap()).containsEntry("suggestedDeclineReason", null);
    } else {
      assertThat((String) r.getEntry("suggestedDeclineReason")).contains("五不议");
    }
  }

  @Test
  void eachOfTheFiveNotToDeliberateHasItsReasonAndReferral() {
    assertThat(evaluate("noise", "PRIVATE", 1, null, null, null, null).getEntryMap())
        .containsEntry("referral", "MEDIATION").extractingByKey("suggestedDeclineReason").asString().contains("纯个体纠纷", "人民调解");
    assertThat(evaluate("streetlight", null, null, null, true, null, null).getEntryMap())
        .containsEntry("referral", "POLICY_EXPLANATION").extractingByKey("suggestedDeclineReason").asString().contains("政策已有明确规定");
    assertThat(evaluate("pets", null, null, null, null, true, null).getEntryMap())
        .containsEntry("referral", "RESIDENTS_MEETING").extractingByKey("suggestedDeclineReason").asString().contains("居民（代表）会议");
    assertThat(evaluate("road-repair", null, null, false, null, null, null).getEntryMap())
        .containsEntry("referral", "COMPETENT_DEPARTMENT").extractingByKey("suggestedDeclineReason").asString().contains("超出社区权限", "主管部门");
    assertThat(evaluate("parking", null, null, null, null, null, true).getEntryMap())
        .containsEntry("referral", null).extractingByKey("suggestedDeclineReason").asString().contains("违反法律法规", "理由");
  }

  @Test
  void neighbourDisputeAndPolicyQuestionAreNoLongerDeclinedOutright() {
    assertThat((Boolean) evaluate("neighbour-dispute", "PUBLIC", 2, null, null, null, null).getEntry("suggestedAdmissible")).isTrue();
    assertThat((Boolean) evaluate("neighbour-dispute", null, 5, null, null, null, null).getEntry("suggestedAdmissible")).isTrue();
    assertThat((Boolean) evaluate("policy-question", null, null, null, null, null, null).getEntry("suggestedAdmissible")).isTrue();
  }

  static Stream<String> admissibleCategories() {
    return catalogueCodes().stream().filter(c -> !c.equals("neighbour-dispute"));
  }

  @ParameterizedTest
  @MethodSource("admissibleCategories")
  void everyOtherCatalogueCategoryIsAdmissibleWhenNothingIsStated(String category) {
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
  void missingVariablesAreTreatedAsNotStated() {
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
          .containsOnlyKeys("suggestedAdmissible", "ground", "suggestedDeclineReason", "referral");
      boolean admissible = r.getEntry("suggestedAdmissible");
      assertThat(ScreeningGround.valueOf(r.getEntry("ground")).admissible()).as(category).isEqualTo(admissible);
      assertThat(r.<String>getEntry("suggestedDeclineReason") == null).as("reason iff declined: %s", category).isEqualTo(admissible);
    }
  }

  @Test
  void groundsAndReferralsAgreeWithTheDomain() {
    DecisionTable table = (DecisionTable) ((Decision) model.getModelElementById(DECISION)).getExpression();
    for (Rule rule : table.getRules()) {
      List<String> out = rule.getOutputEntries().stream().map(o -> o.getText().getTextContent()).toList();
      ScreeningGround g = ScreeningGround.valueOf(out.get(1).replace("\"", ""));
      assertThat(Boolean.parseBoolean(out.get(0))).as(rule.getId()).isEqualTo(g.admissible());
      String referral = out.get(3).equals("null") ? null : out.get(3).replace("\"", "");
      assertThat(referral).as(rule.getId()).isEqualTo(g.referral() == null ? null : g.referral().name());
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
            tuple("input_scope", "scope"),
            tuple("input_householdsAffected", "householdsAffected"),
            tuple("input_withinAuthority", "withinAuthority"),
            tuple("input_settledByPolicy", "settledByPolicy"),
            tuple("input_reservedToAssembly", "reservedToAssembly"),
            tuple("input_unlawful", "unlawful"));
    assertThat(table.getOutputs()).extracting(o -> o.getId(), o -> o.getName())
        .containsExactly(
            tuple("output_suggestedAdmissible", "suggestedAdmissible"),
            tuple("output_ground", "ground"),
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
    return evaluate(category, null, households, null, null, null, null);
  }

  private static DmnDecisionRuleResult evaluate(String category, String scope, Integer households, Boolean within,
      Boolean policy, Boolean assembly, Boolean unlawful) {
    return engine.evaluateDecisionTable(decision, Variables.createVariables()
            .putValue("category", category)
            .putValue("scope", scope)
            .putValue("householdsAffected", households)
            .putValue("withinAuthority", within)
            .putValue("settledByPolicy", policy)
            .putValue("reservedToAssembly", assembly)
            .putValue("unlawful", unlawful))
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
