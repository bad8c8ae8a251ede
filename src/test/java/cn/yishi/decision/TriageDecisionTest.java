package cn.yishi.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.yishi.adapter.outbound.directory.DirectoryYamlReader;
import cn.yishi.domain.directory.Directory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bpmn/triage.dmn (分级分类) on Camunda's standalone DMN engine. Every rule row must be matched by at
 * least one test (checked after all tests).
 */
class TriageDecisionTest {
  private static final String RESOURCE = "bpmn/triage.dmn";
  private static final String DECISION = "triage";
  private static final String DMN_13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final String CATCH_ALL = "rule_otherCategory";
  /** The county's departments; {@code property} stands for the community's own property company. */
  private static final Set<String> UNITS = Set.of(
      "housing", "market-supervision", "water", "power", "gas", "urban-management", "civil-affairs", "justice");
  private static final String PROPERTY = "property";

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

  /** One line per rule row: the input, the row it must hit and that row's outputs. */
  @ParameterizedTest(name = "{0} / {1} households → {2}")
  @CsvSource(nullValues = "null", textBlock = """
      # category,         households, rule,                                urgency, tier,    disposal,    response, resolution, unit
      safety-hazard,      null,       rule_safetyHazard,                   RED,     STATION, IMMEDIATE,   1,  1,  null
      safety-hazard,      200,        rule_safetyHazard,                   RED,     STATION, IMMEDIATE,   1,  1,  null
      corridor-clutter,   50,         rule_corridorClutterManyHouseholds,  YELLOW,  ROOM,    COMMITTED,   1,  7,  property
      corridor-clutter,   3,          rule_corridorClutter,                GREEN,   STATION, IMMEDIATE,   1,  2,  null
      streetlight,        120,        rule_streetlightManyHouseholds,      YELLOW,  ROOM,    COMMITTED,   1,  7,  urban-management
      streetlight,        10,         rule_streetlight,                    GREEN,   STATION, IMMEDIATE,   1,  3,  null
      pets,               80,         rule_petsManyHouseholds,             YELLOW,  ROOM,    DELIBERATED, 3,  20, null
      pets,               1,          rule_pets,                           GREEN,   STATION, IMMEDIATE,   1,  3,  null
      drainage,           60,         rule_drainageManyHouseholds,         YELLOW,  ROOM,    COMMITTED,   1,  10, water
      drainage,           12,         rule_drainage,                       GREEN,   STATION, COMMITTED,   1,  5,  water
      property-service,   null,       rule_propertyService,                GREEN,   STATION, COMMITTED,   1,  10, property
      noise,              4,          rule_noise,                          GREEN,   STATION, COMMITTED,   1,  5,  property
      sanitation,         30,         rule_sanitation,                     GREEN,   STATION, COMMITTED,   1,  3,  property
      greening,           null,       rule_greening,                       GREEN,   STATION, COMMITTED,   2,  10, property
      fitness-equipment,  null,       rule_fitnessEquipment,               GREEN,   STATION, COMMITTED,   1,  10, property
      neighbour-dispute,  2,          rule_neighbourDispute,               GREEN,   STATION, DELIBERATED, 2,  15, null
      policy-question,    null,       rule_policyQuestion,                 GREEN,   STATION, IMMEDIATE,   1,  3,  null
      road-repair,        null,       rule_roadRepair,                     YELLOW,  ROOM,    COMMITTED,   2,  30, housing
      elderly-care,       null,       rule_elderlyCare,                    GREEN,   ROOM,    COMMITTED,   2,  20, civil-affairs
      parking,            null,       rule_parking,                        YELLOW,  ROOM,    DELIBERATED, 3,  30, null
      ev-charging,        40,         rule_evCharging,                     YELLOW,  ROOM,    DELIBERATED, 3,  30, null
      elevator-retrofit,  null,       rule_elevatorRetrofit,               YELLOW,  HALL,    DELIBERATED, 3,  30, null
      elevator-retrofit,  18,         rule_elevatorRetrofit,               YELLOW,  HALL,    DELIBERATED, 3,  30, null
      something-new,      null,       rule_otherCategory,                  GREEN,   STATION, IMMEDIATE,   1,  5,  null
      null,               null,       rule_otherCategory,                  GREEN,   STATION, IMMEDIATE,   1,  5,  null
      """)
  void eachRow(String category, Integer households, String rule, String urgency, String tier, String disposal,
      int responseDays, int resolutionDays, String unit) {
    DmnDecisionRuleResult r = evaluate(category, households);

    assertThat(LAST_MATCHED_RULE.get()).isEqualTo(rule);
    assertThat(r.getEntryMap()).containsExactlyInAnyOrderEntriesOf(outputs(urgency, tier, disposal, responseDays, resolutionDays, unit));
  }

  /**
   * The facts stated at registration reach every tier (奉新: 小事不出站、常事不出室、难事不出厅; the 10% of cross-community,
   * multi-department hard matters go to the hall or the county coordination mechanism) and make RED topics that need
   * consultation DELIBERATED at once (金溪: 针对“红”类事项，立即开展议事活动，共商解决方案).
   */
  @ParameterizedTest(name = "{0}, cross {1}, multi {2}, urgent {3}, consult {4} → {5}")
  @CsvSource(nullValues = "null", textBlock = """
      # category,        cross, multi, urgent, consult, rule,                          urgency, tier,    disposal,    response, resolution
      streetlight,       null,  null,  true,   true,    rule_urgentConsultation,       RED,     ROOM,    DELIBERATED, 1, 5
      parking,           true,  true,  true,   true,    rule_urgentConsultation,       RED,     ROOM,    DELIBERATED, 1, 5
      safety-hazard,     null,  null,  null,   true,    rule_safetyHazardConsultation, RED,     ROOM,    DELIBERATED, 1, 5
      safety-hazard,     null,  null,  false,  true,    rule_safetyHazardConsultation, RED,     ROOM,    DELIBERATED, 1, 5
      drainage,          null,  null,  true,   false,   rule_urgent,                   RED,     STATION, IMMEDIATE,   1, 1
      sanitation,        null,  null,  true,   null,    rule_urgent,                   RED,     STATION, IMMEDIATE,   1, 1
      road-repair,       true,  null,  null,   null,    rule_crossCommunity,           YELLOW,  COUNTY,  DELIBERATED, 3, 30
      elevator-retrofit, true,  true,  false,  true,    rule_crossCommunity,           YELLOW,  COUNTY,  DELIBERATED, 3, 30
      drainage,          false, true,  null,   null,    rule_multiDepartment,          YELLOW,  HALL,    DELIBERATED, 3, 30
      streetlight,       false, false, false,  false,   rule_streetlight,              GREEN,   STATION, IMMEDIATE,   1, 3
      safety-hazard,     false, false, false,  false,   rule_safetyHazard,             RED,     STATION, IMMEDIATE,   1, 1
      """)
  void statedFactsReachEveryTierAndDeliberateRedAtOnce(String category, Boolean cross, Boolean multi, Boolean urgent,
      Boolean consult, String rule, String urgency, String tier, String disposal, int response, int resolution) {
    Map<String, Object> v = variables(category, 10);
    v.put("crossCommunity", cross);
    v.put("multiDepartment", multi);
    v.put("urgent", urgent);
    v.put("needsConsultation", consult);

    DmnDecisionRuleResult r = engine.evaluateDecisionTable(decision, v).getSingleResult();

    assertThat(LAST_MATCHED_RULE.get()).isEqualTo(rule);
    assertThat(r.getEntryMap()).containsExactlyInAnyOrderEntriesOf(outputs(urgency, tier, disposal, response, resolution, null));
  }

  @Test
  void everyTierIsReached() {
    Set<Object> tiers = new HashSet<>();
    for (Boolean cross : new Boolean[] {null, true}) {
      for (Boolean multi : new Boolean[] {null, true}) {
        for (String category : AdmissibilityDecisionTest.catalogueCodes()) {
          Map<String, Object> v = variables(category, 60);
          v.put("crossCommunity", cross);
          v.put("multiDepartment", multi);
          tiers.add(engine.evaluateDecisionTable(decision, v).getSingleResult().getEntry("tier"));
        }
      }
    }
    assertThat(tiers).containsExactlyInAnyOrder("STATION", "ROOM", "HALL", "COUNTY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"corridor-clutter", "streetlight", "pets", "drainage"})
  void fiftyHouseholdsMakeItYellowAtTheRoom(String category) {
    DmnDecisionRuleResult at49 = evaluate(category, 49);
    assertThat(LAST_MATCHED_RULE.get()).doesNotEndWith("ManyHouseholds");
    DmnDecisionRuleResult at50 = evaluate(category, 50);
    assertThat(LAST_MATCHED_RULE.get()).endsWith("ManyHouseholds");
    DmnDecisionRuleResult unknown = evaluate(category, null);

    assertThat(at49.getEntryMap()).containsEntry("urgency", "GREEN").containsEntry("tier", "STATION");
    assertThat(at50.getEntryMap()).containsEntry("urgency", "YELLOW").containsEntry("tier", "ROOM");
    assertThat(unknown.getEntryMap()).as("an unknown number of households counts as few").isEqualTo(at49.getEntryMap());
  }

  @Test
  void requiredRowsOfTheBrief() {
    assertThat(evaluate("safety-hazard", null).getEntryMap())
        .isEqualTo(outputs("RED", "STATION", "IMMEDIATE", 1, 1, null));
    assertThat(evaluate("elevator-retrofit", null).getEntryMap())
        .containsEntry("urgency", "YELLOW").containsEntry("tier", "HALL").containsEntry("disposal", "DELIBERATED");
    for (String category : List.of("corridor-clutter", "streetlight", "pets")) {
      assertThat(evaluate(category, 49).getEntryMap()).as(category)
          .containsEntry("urgency", "GREEN").containsEntry("tier", "STATION").containsEntry("disposal", "IMMEDIATE");
      assertThat(evaluate(category, 50).getEntryMap()).as(category)
          .containsEntry("urgency", "YELLOW").containsEntry("tier", "ROOM");
    }
    assertThat(evaluate("unlisted", 7).getEntryMap())
        .isEqualTo(outputs("GREEN", "STATION", "IMMEDIATE", 1, 5, null));
  }

  @Test
  void everyCatalogueCategoryGetsACompleteTriage() {
    List<String> failures = new ArrayList<>();
    for (String category : AdmissibilityDecisionTest.catalogueCodes()) {
      for (Integer households : new Integer[] {null, 0, 1, 49, 50, 10_000}) {
        String what = category + " / " + households + " households";
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, variables(category, households));
        assertThat(result).as(what).hasSize(1);
        Map<String, Object> r = result.getSingleResult().getEntryMap();

        assertThat(r).as(what).containsOnlyKeys("urgency", "tier", "disposal", "responseDays", "resolutionDays", "suggestedUnit");
        assertThat(r.get("urgency")).as(what).isIn("RED", "YELLOW", "GREEN");
        assertThat(r.get("tier")).as(what).isIn("STATION", "ROOM", "HALL", "COUNTY");
        assertThat(r.get("disposal")).as(what).isIn("IMMEDIATE", "COMMITTED", "DELIBERATED");
        assertThat(r.get("responseDays")).as(what).isInstanceOf(Integer.class);
        assertThat(r.get("resolutionDays")).as(what).isInstanceOf(Integer.class);
        int response = (Integer) r.get("responseDays");
        int resolution = (Integer) r.get("resolutionDays");
        assertThat(response).as(what).isBetween(1, resolution);
        assertThat(resolution).as(what).isBetween(1, 30);
        Object unit = r.get("suggestedUnit");
        assertThat(unit != null).as("%s: a unit is suggested exactly for a committed case", what)
            .isEqualTo("COMMITTED".equals(r.get("disposal")));
        if (unit != null) {
          assertThat(unit).as(what).isIn(union(UNITS, Set.of(PROPERTY)));
        }
        if (CATCH_ALL.equals(LAST_MATCHED_RULE.get())) {
          failures.add(what);
        }
      }
    }
    assertThat(failures).as("catalogue categories without their own row (add one to %s)", RESOURCE).isEmpty();
  }

  @Test
  void redIsOnlyForSafetyHazards() {
    Set<String> red = AdmissibilityDecisionTest.catalogueCodes().stream()
        .filter(c -> "RED".equals(evaluate(c, 500).getEntry("urgency")) || "RED".equals(evaluate(c, null).getEntry("urgency")))
        .collect(Collectors.toSet());

    assertThat(red).containsExactly("safety-hazard");
  }

  @Test
  void householdsMayArriveAsLongOrBeMissing() {
    // A Camunda Form's number field submits a Long.
    assertThat(engine.evaluateDecisionTable(decision, Variables.createVariables()
            .putValue("category", "pets").putValue("householdsAffected", 50L))
        .getSingleResult().getEntryMap()).containsEntry("urgency", "YELLOW");
    assertThat(engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("category", "pets"))
        .getSingleResult().getEntryMap()).containsEntry("urgency", "GREEN");
  }

  @Test
  void suggestedUnitsExistInTheShippedDirectory() throws IOException {
    Directory directory;
    try (InputStream in = resource("directory/fengxin.yaml")) {
      directory = DirectoryYamlReader.read("fengxin.yaml", in);
    }
    Set<String> departments = directory.units().stream()
        .filter(u -> u.type() == Directory.UnitType.DEPARTMENT)
        .map(Directory.Unit::code)
        .collect(Collectors.toSet());
    Set<String> suggested = new HashSet<>();
    for (String category : AdmissibilityDecisionTest.catalogueCodes()) {
      for (Integer households : new Integer[] {null, 50}) {
        Object unit = evaluate(category, households).getEntry("suggestedUnit");
        if (unit != null && !PROPERTY.equals(unit)) {
          suggested.add((String) unit);
        }
      }
    }

    assertThat(departments).containsAll(UNITS);
    assertThat(departments).containsAll(suggested);
    // a village (村, e.g. the demo's 塘浦村) has no property company; every urban community (社区) has one
    assertThat(directory.units()).as("every demo community has a property company for 'property'")
        .filteredOn(u -> u.type() == Directory.UnitType.PROPERTY)
        .extracting(Directory.Unit::community)
        .containsExactlyInAnyOrderElementsOf(directory.communities().stream().filter(c -> c.name().endsWith("社区"))
            .map(Directory.Community::code).toList());
  }

  // ------------------------------------------------------------------ the model itself

  @Test
  void modelFollowsTheProjectConventions() {
    assertThat(model.getDefinitions().getDomElement().getNamespaceURI()).isEqualTo(DMN_13);
    Decision d = model.getModelElementById(DECISION);
    assertThat(d.getName()).isEqualTo("分级分类");
    assertThat(d.getCamundaHistoryTimeToLiveString()).isEqualTo("180");
    DecisionTable table = (DecisionTable) d.getExpression();
    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(table.getInputs()).extracting(i -> i.getId(), i -> i.getInputExpression().getText().getTextContent())
        .containsExactly(tuple("input_category", "category"), tuple("input_householdsAffected", "householdsAffected"),
            tuple("input_crossCommunity", "crossCommunity"), tuple("input_multiDepartment", "multiDepartment"),
            tuple("input_urgent", "urgent"), tuple("input_needsConsultation", "needsConsultation"));
    assertThat(table.getOutputs()).extracting(o -> o.getId(), o -> o.getName(), o -> o.getTypeRef())
        .containsExactly(
            tuple("output_urgency", "urgency", "string"),
            tuple("output_tier", "tier", "string"),
            tuple("output_disposal", "disposal", "string"),
            tuple("output_responseDays", "responseDays", "integer"),
            tuple("output_resolutionDays", "resolutionDays", "integer"),
            tuple("output_suggestedUnit", "suggestedUnit", "string"));
    assertThat(table.getInputs()).allSatisfy(i -> assertThat(i.getLabel()).matches(".*\\p{IsHan}.*"));
    assertThat(table.getOutputs()).allSatisfy(o -> assertThat(o.getLabel()).matches(".*\\p{IsHan}.*"));
    for (Rule rule : table.getRules()) {
      assertThat(rule.getId()).as("meaningful rule id").matches("rule_[a-z][A-Za-z]+");
      assertThat(rule.getDescription()).as("annotation of %s", rule.getId()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).as("annotation of %s", rule.getId()).matches("(?s).*\\p{IsHan}.*");
    }
    Rule last = table.getRules().stream().reduce((a, b) -> b).orElseThrow();
    assertThat(last.getId()).isEqualTo(CATCH_ALL);
    assertThat(last.getInputEntries()).allSatisfy(e -> assertThat(e.getText().getTextContent()).isBlank());
  }

  @Test
  void categoryInputValuesListTheCatalogue() {
    DecisionTable table = (DecisionTable) ((Decision) model.getModelElementById(DECISION)).getExpression();
    String values = table.getInputs().iterator().next().getInputValues().getText().getTextContent();

    assertThat(values.split(","))
        .extracting(v -> v.trim().replace("\"", ""))
        .as("the drop-down in Camunda Modeler lists exactly the codes of catalogue.yaml")
        .containsExactlyInAnyOrderElementsOf(AdmissibilityDecisionTest.catalogueCodes());
  }

  // ------------------------------------------------------------------ helpers

  private static DmnDecisionRuleResult evaluate(String category, Integer households) {
    return engine.evaluateDecisionTable(decision, variables(category, households)).getSingleResult();
  }

  private static Map<String, Object> variables(String category, Integer households) {
    return Variables.createVariables().putValue("category", category).putValue("householdsAffected", households);
  }

  private static Map<String, Object> outputs(String urgency, String tier, String disposal, int response, int resolution, String unit) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("urgency", urgency);
    m.put("tier", tier);
    m.put("disposal", disposal);
    m.put("responseDays", response);
    m.put("resolutionDays", resolution);
    m.put("suggestedUnit", unit);
    return m;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }

  private static List<String> ruleIds() {
    Decision d = model.getModelElementById(DECISION);
    return ((DecisionTable) d.getExpression()).getRules().stream().map(Rule::getId).toList();
  }

  private static InputStream resource(String name) {
    InputStream in = TriageDecisionTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as("%s on the classpath", name).isNotNull();
    return in;
  }
}
