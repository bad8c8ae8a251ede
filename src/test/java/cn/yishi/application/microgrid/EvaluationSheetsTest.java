package cn.yishi.application.microgrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.EvaluationStore;
import cn.yishi.application.port.MicroGridStore;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.microgrid.EvaluationSubject;
import cn.yishi.domain.microgrid.EvaluationTally;
import cn.yishi.domain.microgrid.Satisfaction;
import cn.yishi.domain.microgrid.Yuanba;
import cn.yishi.domain.microgrid.YuanbaRole;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The households' side of a round on an in-memory store: one submission per token whatever the channel, refusals that
 * store nothing, paper batches all or nothing, and answers kept without the token.
 */
class EvaluationSheetsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  static final OffsetDateTime CLOSES = OffsetDateTime.parse("2026-06-12T18:00:00+08:00");

  /** The store in memory: one round of 水桶湾院坝 with two persons and three households. */
  static final class Fake implements EvaluationStore {
    Round round = new Round(1, "tangpu-stw", "tangpu", "2026-H1", "tangpu-shangwu", 3, CLOSES.minusDays(10), CLOSES,
        "OPEN", null, null, null, null);
    final List<EvaluationSubject> subjects = List.of(new EvaluationSubject(11, 1, YuanbaRole.HEAD, "院坝长", "杨全国"),
        new EvaluationSubject(12, 2, null, "包片干部", "张卫东"));
    final Map<String, Token> tokens = new LinkedHashMap<>();
    final List<Map<Long, Satisfaction>> answers = new ArrayList<>();

    Fake() {
      for (String t : List.of("tok-a", "tok-b", "tok-c")) {
        tokens.put(t, new Token(t, 1, "水桶湾" + t, false));
      }
    }

    @Override public Optional<Long> insertRound(String y, String c, String p, String e, int h, OffsetDateTime o,
        OffsetDateTime cl, String by) { throw new UnsupportedOperationException(); }
    @Override public void insertSubject(long roundId, EvaluationSubject subject) {}
    @Override public void insertToken(long roundId, String household, String token) {}
    @Override public Optional<Round> round(long id) { return id == 1 ? Optional.of(round) : Optional.empty(); }
    @Override public Optional<Round> lockRound(long id) { return round(id); }
    @Override public List<Round> rounds(String yuanba) { return List.of(round); }
    @Override public List<EvaluationSubject> subjects(long roundId) { return subjects; }
    @Override public List<SubjectResult> results(long roundId) {
      return subjects.stream().map(s -> new SubjectResult(s, 1, 0, 4, 20, 20, "FAIL", null, null)).toList();
    }
    @Override public Optional<SubjectResult> result(long subjectId) { return Optional.empty(); }
    @Override public Optional<Long> roundOfSubject(long subjectId) { return Optional.of(1L); }
    @Override public Optional<Token> token(String token) { return Optional.ofNullable(tokens.get(token)); }
    @Override public List<Token> tokens(long roundId) { return List.copyOf(tokens.values()); }
    @Override public boolean useToken(String token, String channel, String actor, OffsetDateTime now) {
      Token t = tokens.get(token);
      if (t == null || t.used() || !"OPEN".equals(round.status()) || !round.closesAt().isAfter(now)) {
        return false;
      }
      tokens.put(token, new Token(token, 1, t.household(), true));
      return true;
    }
    @Override public void insertAnswers(long roundId, Map<Long, Satisfaction> a) { answers.add(Map.copyOf(a)); }
    @Override public Map<Long, List<Satisfaction>> answers(long roundId) { return Map.of(); }
    @Override public int usedTokens(long roundId) { return (int) tokens.values().stream().filter(Token::used).count(); }
    @Override public void saveSelfEvaluation(long roundId, String g, String t, String by, OffsetDateTime at) {}
    @Override public void close(long roundId, EvaluationTally.Result r, Map<String, Long> ids) {}
    @Override public void decide(long subjectId, String d, String r, String by, OffsetDateTime at) {}
    @Override public Optional<String> electorate(String yuanba) { return Optional.of("tangpu-shangwu"); }
    @Override public void setElectorate(String yuanba, String electorate) {}
  }

  final Fake store = new Fake();
  final MicroGridStore grids = mock(MicroGridStore.class);
  final Directory directory = new Directory("fx", "奉新县", List.of(new Directory.Street("fengchuan", "冯川镇")),
      List.of(new Directory.Community("tangpu", "塘浦村", "fengchuan", List.of())), List.of(), List.of());
  final EvaluationSheets sheets;

  EvaluationSheetsTest() {
    Yuanba y = new Yuanba("tangpu-stw", "tangpu", "水桶湾院坝", null);
    when(grids.find("tangpu-stw")).thenReturn(Optional.of(y));
    when(grids.inCommunity("tangpu")).thenReturn(List.of(y));
    sheets = new EvaluationSheets(store, grids, directory, CLOCK);
  }

  static Map<Integer, String> answers(String head, String cadre) {
    Map<Integer, String> m = new HashMap<>();
    m.put(1, head);
    m.put(2, cadre);
    return m;
  }

  @Test
  void aHouseholdAnswersOnceTheAnswersAreKeptWithoutItsToken() {
    EvaluationSheets.Receipt r = sheets.submitOnline(" tok-a ", answers("DISSATISFIED", "SATISFIED"));
    assertThat(r.answers()).containsExactly("院坝长 杨全国：不满意", "包片干部 张卫东：满意");
    assertThat(r.receiptNo()).hasSize(10);
    assertThat(store.answers).containsExactly(Map.of(11L, Satisfaction.DISSATISFIED, 12L, Satisfaction.SATISFIED));
    assertThat(sheets.view("tok-a").state()).isEqualTo("USED");

    assertThatThrownBy(() -> sheets.submitOnline("tok-a", answers("SATISFIED", "SATISFIED")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("used"));
    assertThat(store.answers).hasSize(1);
  }

  @Test
  void badRatingsAndUnknownTokensAreRefusedAndNothingIsStored() {
    assertThatThrownBy(() -> sheets.submitOnline("tok-a", answers("SATISFIED", null)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::message)
            .containsExactly("请评价包片干部 张卫东"));
    assertThatThrownBy(() -> sheets.submitOnline("tok-a", answers("5", "2.5")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::code)
            .containsExactly("out_of_range", "out_of_range"));
    for (String unknown : new String[] {null, "", "nope", "x".repeat(65)}) {
      assertThatThrownBy(() -> sheets.submitOnline(unknown, answers("SATISFIED", "SATISFIED")))
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("unknown"));
    }
    assertThat(store.answers).isEmpty();
    assertThat(store.usedTokens(1)).isZero();
  }

  @Test
  void anExpiredRoundRefusesTheSubmission() {
    store.round = new EvaluationStore.Round(1, "tangpu-stw", "tangpu", "2026-H1", "tangpu-shangwu", 3,
        CLOSES.minusDays(20), OffsetDateTime.now(CLOCK).minusMinutes(1), "OPEN", null, null, null, null);
    assertThat(sheets.view("tok-b").state()).isEqualTo("CLOSED");
    assertThatThrownBy(() -> sheets.submitOnline("tok-b", answers("SATISFIED", "SATISFIED")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).code()).isEqualTo("expired"));
    assertThat(store.answers).isEmpty();
  }

  @Test
  void aPaperBatchWithAUsedOrForeignTokenNamesTheSheet() {
    sheets.submitOnline("tok-a", answers("SATISFIED", "SATISFIED"));
    assertThatThrownBy(() -> sheets.enterPaper(1, List.of(
        new EvaluationSheets.PaperSheet("tok-b", answers("SATISFIED", "SATISFIED")),
        new EvaluationSheets.PaperSheet("tok-a", answers("SATISFIED", "SATISFIED"))), "community.tangpu"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.errors().get(0).field()).isEqualTo("paperSheets[1].token");
          assertThat(e.errors().get(0).message()).startsWith("第2张：本户已参加本次评价");
        });
    assertThatThrownBy(() -> sheets.enterPaper(1, List.of(new EvaluationSheets.PaperSheet("other-round", answers("SATISFIED",
        "SATISFIED"))), "community.tangpu")).hasMessageContaining("第1张：评价表编码无效");
    assertThatThrownBy(() -> sheets.enterPaper(1, List.of(), "community.tangpu")).hasMessageContaining("请录入至少一张");
    assertThat(sheets.enterPaper(1, List.of(new EvaluationSheets.PaperSheet("tok-c", answers("BASICALLY_SATISFIED",
        "SATISFIED"))), "community.tangpu")).isEqualTo(1);
  }

  @Test
  void theResultsShowCountsNeverHouseholdsOrTokens() {
    store.round = new EvaluationStore.Round(1, "tangpu-stw", "tangpu", "2026-H1", "tangpu-shangwu", 3, CLOSES.minusDays(10),
        CLOSES, "CLOSED", 5, 20, "GOOD", "议事三次");
    EvaluationSheets.CommunityResults r = sheets.results("tangpu");
    assertThat(r.yuanba()).singleElement().satisfies(y -> {
      assertThat(y.persons()).extracting(EvaluationSheets.PersonResult::verdict).containsOnly("不及格");
      assertThat(y.selfGrade()).isEqualTo("好");
    });
    assertThat(r.toString()).doesNotContain("tok-").doesNotContain("水桶湾tok");
    assertThatThrownBy(() -> sheets.results("nowhere")).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.errors().get(0).code()).isEqualTo("unknown"));
  }
}
