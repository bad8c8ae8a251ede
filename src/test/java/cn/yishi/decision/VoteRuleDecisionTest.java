package cn.yishi.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.ResidentVoteService;
import cn.yishi.domain.deliberation.VoteRule;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * bpmn/voteRule.dmn (一户一票 quorum and majority) on Camunda's standalone DMN engine, read the
 * way the application reads it (VoteRule). Every rule row must be matched by a test.
 */
class VoteRuleDecisionTest {
  private static final String RESOURCE = "bpmn/voteRule.dmn";
  private static final Set<String> MATCHED_RULES = ConcurrentHashMap.newKeySet();
  private static DmnEngine engine;
  private static DmnDecision decision;
  private static List<String> ruleIds;

  @BeforeAll
  static void parse() throws IOException {
    DmnDecisionTableEvaluationListener recordMatches = event -> event.getMatchingRules().stream()
        .map(DmnEvaluatedDecisionRule::getId).forEach(MATCHED_RULES::add);
    engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(recordMatches)).buildEngine();
    try (InputStream in = VoteRuleDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      decision = engine.parseDecision("voteRule", in);
    }
    try (InputStream in = VoteRuleDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      var model = Dmn.readModelFromStream(in);
      Decision d = model.getModelElementById("voteRule");
      assertThat(d.getAttributeValueNs("http://camunda.org/schema/1.0/dmn", "historyTimeToLive")).isNotBlank();
      DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
      assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
      ruleIds = model.getModelElementsByType(Rule.class).stream().map(Rule::getId).toList();
    }
  }

  @AfterAll
  static void everyRuleWasMatched() {
    assertThat(MATCHED_RULES).as("rules of %s that no test matched", RESOURCE).containsAll(ruleIds);
  }

  private static VoteRule rule(String type) {
    org.camunda.bpm.dmn.engine.DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("voteType", type));
    assertThat(result).as(type).hasSize(1);
    DmnDecisionRuleResult r = result.getSingleResult();
    return new VoteRule(VoteRule.Share.parse(r.getEntry("quorum")), Boolean.TRUE.equals(r.getEntry("strictQuorum")),
        VoteRule.Share.parse(r.getEntry("majority")), Boolean.TRUE.equals(r.getEntry("strictMajority")),
        Boolean.TRUE.equals(r.getEntry("byArea")), "ASSEMBLY".equals(r.getEntry("channel")));
  }

  @ParameterizedTest
  @CsvSource({"GENERAL", "MAINTENANCE_FUND"})
  void otherMattersIncludingUsingTheMaintenanceFundNeedTwoThirdsTakingPartAndMoreThanHalfOfThemByAreaAndHeadcount(String type) {
    assertThat(rule(type)).isEqualTo(new VoteRule(new VoteRule.Share(2, 3), false, new VoteRule.Share(1, 2), true, true, false));
  }

  @ParameterizedTest
  @CsvSource({"RAISE_MAINTENANCE_FUND", "ELEVATOR_RETROFIT", "RENOVATION", "CHANGE_COMMON_USE"})
  void itemsSixToEightNeedTwoThirdsTakingPartAndThreeQuartersOfThemByAreaAndHeadcount(String type) {
    assertThat(rule(type)).isEqualTo(new VoteRule(new VoteRule.Share(2, 3), false, new VoteRule.Share(3, 4), false, true, false));
  }

  @ParameterizedTest
  @CsvSource({"RESIDENTS_CONVENTION", "RESIDENTS_MAJOR_MATTER"})
  void mattersReservedByLawGoToTheResidentsMeetingWithMoreThanHalfPresent(String type) {
    assertThat(rule(type)).isEqualTo(new VoteRule(new VoteRule.Share(1, 2), true, new VoteRule.Share(1, 2), true, false, true));
  }

  @Test
  void everyVoteTypeOfTheApplicationHasExactlyOneRuleAndUnknownTypesNone() {
    assertThat(ResidentVoteService.VOTE_TYPES).hasSize(8);
    ResidentVoteService.VOTE_TYPES.keySet().forEach(VoteRuleDecisionTest::rule);
    assertThat(engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("voteType", "LOTTERY"))).isEmpty();
    assertThat(engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("voteType", null))).isEmpty();
  }

  private static VoteRule.Totals t(int households, String area) {
    return new VoteRule.Totals(households, new BigDecimal(area));
  }

  /**
   * The count of an electorate of 12 households and 1200.00 m², at every boundary of participation and approval,
   * by headcount and by area, with the rule of each vote type from the table.
   */
  @ParameterizedTest(name = "{0}: yes {1}/{2}, no {3}/{4}, abstain {5}/{6} -> {7}")
  @CsvSource({
      // type,                 yesH, yesArea, noH, noArea, abH, abArea, outcome
      // participation: two-thirds of the households AND of the area, inclusive (三分之二以上)
      "GENERAL,                 8,   800.00,  0,   0,      0,   0,      PASSED",     // exactly 8/12 and 800/1200
      "GENERAL,                 7,   900.00,  0,   0,      0,   0,      NO_QUORUM",  // 7 households < 2/3
      "GENERAL,                 8,   799.99,  0,   0,      0,   0,      NO_QUORUM",  // area 0.01 short
      "GENERAL,                 4,   400.00,  3,   300.00, 1,   99.99,  NO_QUORUM",  // abstentions take part; area short
      "GENERAL,                 5,   400.01,  2,   300.00, 1,   99.99,  PASSED",     // 8 and 800.00 take part
      // approval of other matters: more than half of the participants, by headcount AND by area (过半数, strict)
      "GENERAL,                 5,   400.01,  3,   399.99, 0,   0,      PASSED",
      "GENERAL,                 4,   500.00,  4,   300.00, 0,   0,      REJECTED",   // headcount tie: not more than half
      "GENERAL,                 5,   400.00,  3,   400.00, 0,   0,      REJECTED",   // area tie: not more than half
      "MAINTENANCE_FUND,        5,   400.01,  3,   399.99, 0,   0,      PASSED",     // 使用维修资金: more than half, not 3/4
      "MAINTENANCE_FUND,        4,   600.00,  4,   200.00, 0,   0,      REJECTED",
      "MAINTENANCE_FUND,        7,   700.00,  0,   0,      0,   0,      NO_QUORUM",
      // items 6-8: three quarters of the participants, by headcount AND by area, inclusive (四分之三以上)
      "RAISE_MAINTENANCE_FUND,  6,   600.00,  2,   200.00, 0,   0,      PASSED",     // exactly 3/4 of 8 and of 800
      "RAISE_MAINTENANCE_FUND,  5,   700.00,  3,   100.00, 0,   0,      REJECTED",   // 5/8 by headcount
      "RAISE_MAINTENANCE_FUND,  6,   599.99,  2,   200.01, 0,   0,      REJECTED",   // area 0.01 short of 3/4
      "ELEVATOR_RETROFIT,       6,   600.00,  1,   100.00, 1,   100.00, PASSED",     // abstention counts against
      "ELEVATOR_RETROFIT,       5,   650.00,  2,   100.00, 1,   50.00,  REJECTED",
      "RENOVATION,              9,   900.00,  3,   300.00, 0,   0,      PASSED",
      "RENOVATION,              8,   899.99,  4,   300.01, 0,   0,      REJECTED",
      "CHANGE_COMMON_USE,       6,   600.00,  2,   200.00, 0,   0,      PASSED",
      "CHANGE_COMMON_USE,       6,   600.00,  1,   199.99, 0,   0,      NO_QUORUM",  // 7 households take part
      "CHANGE_COMMON_USE,       12,  1200.00, 0,   0,      0,   0,      PASSED",
      "GENERAL,                 0,   0,       0,   0,      0,   0,      NO_QUORUM"})
  void countsFollowArticle278AtTheBoundaries(String type, int yesH, String yesA, int noH, String noA, int abH, String abA,
      VoteRule.Outcome outcome) {
    assertThat(rule(type).outcome(t(12, "1200.00"), t(yesH, yesA), t(noH, noA), t(abH, abA))).isEqualTo(outcome);
  }

  /** A residents' meeting of 12 members: strictly more than half present, more than half of those present yes. */
  @ParameterizedTest(name = "{0}: yes {1}, no {2}, abstain {3} -> {4}")
  @CsvSource({
      "RESIDENTS_CONVENTION,   4, 2, 0, NO_QUORUM",  // exactly half present is not enough
      "RESIDENTS_CONVENTION,   4, 2, 1, PASSED",     // 7 present, 4 > 3.5
      "RESIDENTS_CONVENTION,   3, 3, 1, REJECTED",
      "RESIDENTS_MAJOR_MATTER, 4, 4, 0, REJECTED",   // a tie is not a majority
      "RESIDENTS_MAJOR_MATTER, 5, 4, 0, PASSED"})
  void theResidentsMeetingNeedsMoreThanHalfPresent(String type, int yes, int no, int abstain, VoteRule.Outcome outcome) {
    assertThat(rule(type).outcome(12, yes, no, abstain)).isEqualTo(outcome);
  }
}
