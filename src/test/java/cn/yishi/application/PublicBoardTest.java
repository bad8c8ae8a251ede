package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static cn.yishi.application.ApplicationFixtures.NOW;
import static cn.yishi.application.ApplicationFixtures.ZONE;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static cn.yishi.application.ApplicationFixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.Timeline;
import cn.yishi.application.supervision.MonthlyPublications;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A community's public board: its version is read from the database at most once a second, and the board is built
 * once per version. The cases come through the real {@link CaseQueries} over a mocked repository; the monthly
 * publication is {@link MonthlyPublications}' (tested on its own), a mock here.
 */
class PublicBoardTest {
  private final CaseRepository repository = mock(CaseRepository.class);
  private final MonthlyPublications monthly = mock(MonthlyPublications.class);
  private final MovableClock clock = new MovableClock();
  private final PublicBoard board = new PublicBoard(repository,
      new CaseQueries(repository, mock(Timeline.class), ApplicationFixtures.catalogue(), ApplicationFixtures.directory(), ApplicationFixtures.calendar(), ApplicationFixtures.CLOCK, mock(cn.yishi.application.port.CoUnits.class)),
      ApplicationFixtures.directory(), monthly, clock, Duration.ofSeconds(1));

  /** The fixed clock, moved by hand. */
  private static final class MovableClock extends Clock {
    private Instant now = CLOCK.instant();

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static CaseFile caseIn(long id, CaseStatus status) {
    CaseFile c = new CaseFile(id, "FX-2026-0000" + id, Channel.HOTLINE_12345, null, "streetlight", "路灯" + id, "d",
        "hualin", "御苑小区", null, NOW.minusDays(id));
    return c.restore(status, null, null, null, Tier.STATION, null, null, null, endOfDay("2026-03-10"), null, null, null,
        null, 0, 0, 0, 0, null, null, NOW);
  }

  @Test
  void theVersionIsTheCommunitysCasesAndTheMonthlyBoardsAskedOncePerSecond() {
    when(repository.publicVersion("hualin")).thenReturn("12.1772589600", "13.1772589700");
    when(monthly.version()).thenReturn("2026-02.7.0-l3");

    assertThat(board.version("hualin")).isEqualTo("hualin-12.1772589600-2026-02.7.0-l3");
    clock.advance(Duration.ofMillis(999));
    assertThat(board.version("hualin")).as("within the second: no query").isEqualTo("hualin-12.1772589600-2026-02.7.0-l3");
    verify(repository, times(1)).publicVersion("hualin");

    clock.advance(Duration.ofMillis(1));
    assertThat(board.version("hualin")).isEqualTo("hualin-13.1772589700-2026-02.7.0-l3");
    verify(repository, times(2)).publicVersion("hualin");
  }

  @Test
  void anUnknownOrMissingCommunityHasNoVersion() {
    assertThat(refusal(() -> board.version(null))).containsExactly("community/required");
    assertThat(refusal(() -> board.version(" "))).containsExactly("community/required");
    assertThat(refusal(() -> board.version("nowhere"))).containsExactly("community/unknown");
    verify(repository, never()).publicVersion(anyString());
    verifyNoInteractions(monthly);
  }

  @Test
  void theBoardSplitsTheCasesUnderWayFromTheResolvedOnesAndAddsTheMonthlyPublication() {
    when(repository.findForPublic("hualin", null, null, PublicBoard.MAX_ITEMS)).thenReturn(List.of(
        caseIn(1, CaseStatus.IN_PROGRESS), caseIn(2, CaseStatus.RESOLVED), caseIn(3, CaseStatus.DECLINED),
        caseIn(4, CaseStatus.REWORK), caseIn(5, CaseStatus.CLOSED), caseIn(6, CaseStatus.DELIBERATING),
        caseIn(7, CaseStatus.ACCEPTED)));
    MonthlyPublications.Publication february = new MonthlyPublications.Publication("2026-02", "2026年2月", NOW.minusDays(2),
        "hualin", List.of(), List.of(), null, List.of(), List.of(), List.of(), 0, List.of());
    List<MonthlyPublications.ListedItem> listed = List.of(
        new MonthlyPublications.ListedItem("FX-2026-000009", "井盖缺失", "西山社区", "县公路局", LocalDate.of(2026, 2, 21)));
    when(monthly.latest("hualin")).thenReturn(Optional.of(february));
    when(monthly.listedNow()).thenReturn(listed);

    PublicBoard.Board b = board.board("hualin", "v1");

    assertThat(b.community()).isEqualTo("hualin");
    assertThat(b.communityName()).isEqualTo("华林社区");
    assertThat(b.version()).isEqualTo("v1");
    assertThat(b.generatedAt()).isEqualTo(NOW);
    assertThat(b.underWay()).extracting(CaseQueries.PublicCase::caseNo)
        .containsExactly("FX-2026-00001", "FX-2026-00004", "FX-2026-00006", "FX-2026-00007");
    assertThat(b.resolved()).extracting(CaseQueries.PublicCase::caseNo).containsExactly("FX-2026-00002", "FX-2026-00005");
    assertThat(b.monthly()).isSameAs(february);
    assertThat(b.listed()).isEqualTo(listed);
  }

  @Test
  void aBoardIsBuiltOncePerVersion() {
    when(repository.findForPublic("hualin", null, null, PublicBoard.MAX_ITEMS)).thenReturn(List.of(caseIn(1, CaseStatus.IN_PROGRESS)));
    when(monthly.latest("hualin")).thenReturn(Optional.empty());

    PublicBoard.Board first = board.board("hualin", "v1");
    assertThat(board.board("hualin", "v1")).isSameAs(first);
    verify(repository, times(1)).findForPublic("hualin", null, null, PublicBoard.MAX_ITEMS);

    PublicBoard.Board second = board.board("hualin", "v2");
    assertThat(second).isNotSameAs(first);
    assertThat(second.monthly()).as("before the first approved month").isNull();
    verify(repository, times(2)).findForPublic("hualin", null, null, PublicBoard.MAX_ITEMS);
  }

  @Test
  void anUnknownOrMissingCommunityHasNoBoard() {
    assertThat(refusal(() -> board.board("nowhere", "v1"))).containsExactly("community/unknown");
    assertThat(refusal(() -> board.board(null, "v1"))).containsExactly("community/required");
    assertThat(refusal(() -> board.board(" ", "v1"))).containsExactly("community/required");
    verify(repository, never()).findForPublic(any(), any(), any(), anyInt());
    verifyNoInteractions(monthly);
  }
}
