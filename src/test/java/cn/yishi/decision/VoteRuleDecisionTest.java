package cn.yishi.decision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.ResidentVoteService;
import cn.yishi.domain.deliberation.VoteRule;
import java.io.IOException;
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
    return new VoteRule(VoteRule.Share.parse(r.getEntry("quorum")), VoteRule.Share.parse(r.getEntry("majority")),
        Boolean.TRUE.equals(r.getEntry("strictMajority")), "ASSEMBLY".equals(r.getEntry("channel")));
  }

  @Test
  void generalMattersNeedHalfTheHouseholdsAndASimpleMajority() {
    VoteRule r = rule("GENERAL");
    assertThat(r.quorum()).isEqualTo(new VoteRule.Share(1, 2));
    assertThat(r.majority()).isEqualTo(new VoteRule.Share(1, 2));
    assertThat(r.strictMajority()).isTrue();
    assertThat(r.assembly()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"ELEVATOR_RETROFIT", "MAINTENANCE_FUND", "RENOVATION"})
  void buildingMattersNeedTwoThirdsOfTheHouseholdsAndThreeQuartersOfTheVotes(String type) {
    VoteRule r = rule(type);
    assertThat(r.quorum()).isEqualTo(new VoteRule.Share(2, 3));
    assertThat(r.majority()).isEqualTo(new VoteRule.Share(3, 4));
    assertThat(r.strictMajority()).isFalse();
    assertThat(r.assembly()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"RESIDENTS_CONVENTION", "RESIDENTS_MAJOR_MATTER"})
  void mattersReservedByLawGoToTheResidentsMeeting(String type) {
    assertThat(rule(type).assembly()).isTrue();
  }

  @Test
  void everyVoteTypeOfTheApplicationHasExactlyOneRuleAndUnknownTypesNone() {
    ResidentVoteService.VOTE_TYPES.keySet().forEach(VoteRuleDecisionTest::rule);
    assertThat(engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("voteType", "LOTTERY"))).isEmpty();
    assertThat(engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("voteType", null))).isEmpty();
  }

  /** The count of a 12-household compound, with the rules of the table. */
  @ParameterizedTest
  @CsvSource({
      // type,             yes, no, abstain, outcome
      "GENERAL,            4,   2,  0,       PASSED",     // 6 of 12 vote: quorum reached, 4 > 3
      "GENERAL,            3,   3,  0,       REJECTED",   // a tie is not a majority
      "GENERAL,            3,   1,  1,       NO_QUORUM",  // 5 of 12
      "ELEVATOR_RETROFIT,  6,   2,  0,       PASSED",     // 8 of 12 = 2/3, 6 = 3/4 of 8
      "ELEVATOR_RETROFIT,  5,   2,  1,       REJECTED",   // 5 < 3/4 of 8
      "ELEVATOR_RETROFIT,  7,   0,  0,       NO_QUORUM",  // 7 < 8
      "MAINTENANCE_FUND,   12,  0,  0,       PASSED",
      "GENERAL,            0,   0,  0,       NO_QUORUM"})
  void countsFollowTheTable(String type, int yes, int no, int abstain, VoteRule.Outcome outcome) {
    assertThat(rule(type).outcome(12, yes, no, abstain)).isEqualTo(outcome);
  }
}
