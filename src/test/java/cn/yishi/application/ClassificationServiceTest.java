package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CASE_NO;
import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Decisions;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Classification;
import cn.yishi.domain.casefile.Disposal;
import cn.yishi.domain.casefile.ScreeningFacts;
import cn.yishi.domain.casefile.ScreeningGround;
import cn.yishi.domain.casefile.Suggestion;
import cn.yishi.domain.casefile.Tier;
import cn.yishi.domain.casefile.Urgency;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The tables' suggestion is kept on the case, with the suggested unit resolved in the directory. */
class ClassificationServiceTest {
  private final CaseRepository repository = mock(CaseRepository.class);
  private final Decisions decisions = mock(Decisions.class);
  private final Cases cases = new Cases(repository, new RecordingTimeline(), CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  private final ClassificationService service = new ClassificationService(cases, decisions,
      ApplicationFixtures.directory(), repository);

  private static final ScreeningFacts FACTS = new ScreeningFacts("PUBLIC", true, null, null, null, null, true, null, null);

  private static Suggestion suggesting(String unit) {
    return new Suggestion(true, ScreeningGround.MAJOR_MATTER, null, "MEDIATION", new Classification(Urgency.YELLOW, Tier.ROOM, Disposal.COMMITTED, unit), 1, 5);
  }

  private CaseFile caseIn(String community) {
    CaseFile c = new CaseFile(42, CASE_NO, Channel.GRID_VISIT, null, "elevator", "加装电梯", "d", community, "御苑小区",
        36, NOW.minusHours(1));
    return stored(repository, c);
  }

  @Test
  void theSuggestionIsAskedWithTheCasesFactsAndSavedOnTheCase() {
    caseIn("hualin");
    when(decisions.suggest("elevator", 36, FACTS)).thenReturn(suggesting("water"));

    ClassificationService.Suggested s = service.suggest(CASE_NO, FACTS);

    assertThat(s.suggestion()).isEqualTo(suggesting("water"));
    assertThat(s.reviewDue()).as("the response days on the working-day calendar, from the engine's clock")
        .isEqualTo(ApplicationFixtures.calendar().deadline(NOW, suggesting("water").responseDays()));
    ArgumentCaptor<CaseFile> saved = ArgumentCaptor.forClass(CaseFile.class);
    verify(repository).save(saved.capture(), eq(NOW));
    assertThat(saved.getValue().suggested()).isEqualTo(new Classification(Urgency.YELLOW, Tier.ROOM, Disposal.COMMITTED, "water"));
    assertThat(saved.getValue().referral()).isEqualTo("MEDIATION");
    assertThat(saved.getValue().suggestedGround()).isEqualTo(ScreeningGround.MAJOR_MATTER);
  }

  @Test
  void inItsProcessTheCaseKeepsTheProcessAndTheReviewGroupInTheSameWrite() {
    caseIn("hualin");
    when(decisions.suggest("elevator", 36, FACTS)).thenReturn(suggesting("water"));

    ClassificationService.Suggested s = service.suggest(CASE_NO, FACTS, "pi-42");

    ArgumentCaptor<CaseFile> saved = ArgumentCaptor.forClass(CaseFile.class);
    verify(repository).save(saved.capture(), eq(NOW));
    assertThat(saved.getValue().processInstanceId()).isEqualTo("pi-42");
    assertThat(saved.getValue().reviewGroup()).isEqualTo(s.reviewGroup()).isNotNull();
    verify(repository, never()).reviewAt(anyLong(), any());
  }

  @Test
  void propertyMeansTheCommunitysPropertyCompany() {
    caseIn("hualin");
    when(decisions.suggest("elevator", 36, FACTS)).thenReturn(suggesting(ClassificationService.PROPERTY));

    assertThat(service.suggest(CASE_NO, FACTS).suggestion().classification().responsibleUnit()).isEqualTo("hualin-property");
  }

  @Test
  void aUnitTheDirectoryDoesNotKnowIsLeftOpen() {
    caseIn("xishan");
    when(decisions.suggest("elevator", 36, FACTS)).thenReturn(suggesting(ClassificationService.PROPERTY), suggesting("gas"),
        suggesting(null));

    assertThat(service.suggest(CASE_NO, FACTS).suggestion().classification().responsibleUnit()).as("西山 has no property company").isNull();
    assertThat(service.suggest(CASE_NO, FACTS).suggestion().classification().responsibleUnit()).as("unknown unit").isNull();
    assertThat(service.suggest(CASE_NO, FACTS).suggestion().classification().responsibleUnit()).as("none suggested").isNull();
    ArgumentCaptor<CaseFile> saved = ArgumentCaptor.forClass(CaseFile.class);
    verify(repository, times(3)).save(saved.capture(), eq(NOW));
    assertThat(saved.getValue().suggested().responsibleUnit()).isNull();
  }

  @Test
  void anUnknownCaseIsNotClassified() {
    assertThatThrownBy(() -> service.suggest("FX-2026-999999", FACTS)).isInstanceOf(CaseNotFound.class);
    verifyNoInteractions(decisions);
    verify(repository, never()).save(any(), any());
  }
}
