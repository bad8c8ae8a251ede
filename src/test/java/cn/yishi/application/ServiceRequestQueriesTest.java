package cn.yishi.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.application.ServiceRequestQueries.Note;
import cn.yishi.application.ServiceRequestQueries.Request;
import cn.yishi.application.ServiceRequestQueries.Search;
import cn.yishi.application.ServiceRequestQueries.State;
import cn.yishi.application.port.PublicCaseRecords;
import cn.yishi.domain.casefile.CaseStatus;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The service-request reads with their port replaced: states to statuses, and the timeline in words. */
class ServiceRequestQueriesTest {
  static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));

  /** Answers what it was given and keeps the criteria it was asked with. */
  static final class Records implements PublicCaseRecords {
    final List<Criteria> asked = new ArrayList<>();
    final List<Found> found = new ArrayList<>();

    @Override
    public List<Found> find(Criteria criteria) {
      asked.add(criteria);
      return found;
    }

    @Override
    public Optional<Found> find(String caseNo) {
      return found.stream().filter(f -> f.record().caseNo().equals(caseNo)).findFirst();
    }

    @Override
    public boolean exists(String caseNo) {
      return "FX-1".equals(caseNo) || "FX-9".equals(caseNo);
    }
  }

  private final Records records = new Records();
  private final ServiceRequestQueries queries = new ServiceRequestQueries(records);

  @Test
  void openIsEveryPublicStatusButDeclinedAndClosed() {
    queries.find(search(EnumSet.of(State.OPEN)));
    assertThat(records.asked.get(0).statuses()).containsExactlyInAnyOrder(CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS,
        CaseStatus.DELIBERATING, CaseStatus.RESOLVED, CaseStatus.REWORK);
    queries.find(search(EnumSet.of(State.CLOSED)));
    assertThat(records.asked.get(1).statuses()).containsExactlyInAnyOrder(CaseStatus.DECLINED, CaseStatus.CLOSED);
    queries.find(search(EnumSet.allOf(State.class)));
    assertThat(records.asked.get(2).statuses()).isEqualTo(PublicCaseRecords.PUBLIC_STATUSES)
        .doesNotContain(CaseStatus.REGISTERED);
    queries.find(search(Set.of()));
    assertThat(records.asked.get(3).statuses()).isEmpty();
  }

  @Test
  void theSearchIsHandedOnAsItCame() {
    Search s = new Search(List.of("FX-1"), "hualin", List.of("streetlight"), Set.of(State.OPEN), T0, T0.plusDays(1), 20, 40);
    queries.find(s);
    PublicCaseRecords.Criteria c = records.asked.get(0);
    assertThat(c.caseNos()).containsExactly("FX-1");
    assertThat(c.community()).isEqualTo("hualin");
    assertThat(c.categories()).containsExactly("streetlight");
    assertThat(c.from()).isEqualTo(T0);
    assertThat(c.to()).isEqualTo(T0.plusDays(1));
    assertThat(c.limit()).isEqualTo(20);
    assertThat(c.offset()).isEqualTo(40);
  }

  @Test
  void aRequestHasItsStateAndItsTimelineInWords() {
    records.found.add(found("FX-1", "DECLINED", List.of(
        new PublicCaseRecords.Entry(T0, "REGISTERED", null),
        new PublicCaseRecords.Entry(T0.plusHours(1), "PROGRESS", "  "),
        new PublicCaseRecords.Entry(T0.plusHours(2), "DECLINED", "不属于本社区"),
        new PublicCaseRecords.Entry(T0.plusHours(3), "PROGRESS", "已联系物业"),
        new PublicCaseRecords.Entry(T0.plusHours(4), "RETIRED_ACTION", "旧记录"))));
    records.found.add(found("FX-2", "REWORK", List.of()));

    Request declined = queries.one("FX-1").orElseThrow();
    assertThat(declined.state()).isEqualTo(State.CLOSED);
    assertThat(declined.notes()).extracting(Note::description).containsExactly(
        "登记诉求", "办理进展", "前置把关：不予受理，不属于本社区", "办理进展：已联系物业", "RETIRED_ACTION：旧记录");
    assertThat(declined.notes().get(2).at()).isEqualTo(T0.plusHours(2));
    assertThat(queries.one("FX-2").orElseThrow().state()).isEqualTo(State.OPEN);
    assertThat(queries.find(search(EnumSet.allOf(State.class)))).extracting(Request::state)
        .containsExactly(State.CLOSED, State.OPEN);
    assertThat(queries.one("FX-3")).isEmpty();
    assertThat(queries.exists("FX-1")).isTrue();
    assertThat(queries.exists("FX-3")).isFalse();
  }

  @Test
  void aRequestAwaitingReviewIsReadBackOpenWithANeutralNoteAndNoContent() {
    // FX-9 exists (it was just sent) but is not public: find gives nothing
    Request pending = queries.one("FX-9").orElseThrow();
    assertThat(pending.pending()).isTrue();
    assertThat(pending.caseNo()).isEqualTo("FX-9");
    assertThat(pending.state()).isEqualTo(State.OPEN);
    assertThat(pending.record()).isNull();
    assertThat(pending.notes()).extracting(Note::description).containsExactly("已受理，待审核");
    assertThat(queries.find(search(EnumSet.allOf(State.class)))).isEmpty();
  }

  private static Search search(Set<State> states) {
    return new Search(List.of(), null, List.of(), states, T0, T0.plusDays(1), 100, 0);
  }

  private static PublicCaseRecords.Found found(String caseNo, String status, List<PublicCaseRecords.Entry> timeline) {
    return new PublicCaseRecords.Found(new PublicCaseRecords.Case(1, caseNo, "HOTLINE_12345", "streetlight", "路灯不亮",
        "hualin", "御苑小区", status, null, null, null, null, null, T0, T0), timeline);
  }
}
