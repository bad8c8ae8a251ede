package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CASE_ID;
import static cn.yishi.application.ApplicationFixtures.CASE_NO;
import static cn.yishi.application.ApplicationFixtures.endOfDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.Tier;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mail to a reporter who left an address, once per event, through the outbox; nobody else is written to. */
class ReporterNoticesTest {
  private static final Reporter WITH_MAIL = new Reporter("王芳", null, "wang@example.cn", null);

  private final CaseRepository repository = mock(CaseRepository.class);
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final ReporterNotices notices = new ReporterNotices(repository, outbox, ApplicationFixtures.BASE_URL + "/",
      ApplicationFixtures.templates());

  private void reporter(Reporter r) {
    when(repository.findReporter(CASE_ID)).thenReturn(Optional.ofNullable(r));
  }

  @Test
  void anAcceptedCaseIsMailedWithItsDisposalTierAndDeadline() {
    reporter(WITH_MAIL);

    notices.accepted(ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05")));

    assertThat(outbox.queued()).singleElement().satisfies(m -> {
      assertThat(m.dedupKey()).isEqualTo("accepted:" + CASE_NO);
      assertThat(m.recipient()).isEqualTo("wang@example.cn");
      assertThat(m.subject()).isEqualTo("case-accepted");
      assertThat(m.caseId()).isEqualTo(CASE_ID);
      assertThat(m.body()).contains("caseNo=[" + CASE_NO + "]", "title=[路灯不亮]", "disposal=[承诺件]",
          "tier=[小区党群会客站]", "deadline=[2026-03-05]",
          "publicUrl=[https://yishi.example/public/cases/" + CASE_NO + "]");
    });
  }

  @Test
  void withoutADeadlineTheMailSaysItIsToBeSet() {
    reporter(WITH_MAIL);

    notices.accepted(ApplicationFixtures.inProgress(Tier.STATION, null, null));

    assertThat(outbox.queued().get(0).body()).contains("deadline=[待定]");
  }

  @Test
  void aDeclineCarriesItsReasonAndReferral() {
    reporter(WITH_MAIL);
    CaseFile c = ApplicationFixtures.registered();

    notices.declined(c, "属于司法程序", "已引导至人民调解");
    assertThat(outbox.queued()).singleElement().satisfies(m -> {
      assertThat(m.dedupKey()).isEqualTo("decline:" + CASE_NO);
      assertThat(m.body()).contains("reason=[属于司法程序]", "referral=[引导：已引导至人民调解]");
    });
  }

  @Test
  void aDeclineWithoutReferralSaysNothingAboutOne() {
    reporter(WITH_MAIL);

    notices.declined(ApplicationFixtures.registered(), "属于司法程序", null);

    assertThat(outbox.queued().get(0).body()).contains("referral=[]");
  }

  @Test
  void eachEscalationIsItsOwnMail() {
    reporter(WITH_MAIL);

    notices.escalated(ApplicationFixtures.inProgress(Tier.ROOM, "water", endOfDay("2026-03-12")));
    notices.escalated(ApplicationFixtures.inProgress(Tier.HALL, "water", endOfDay("2026-03-19")));

    assertThat(outbox.queued()).extracting(RecordingOutbox.Mail::dedupKey)
        .containsExactly("escalated:" + CASE_NO + ":ROOM", "escalated:" + CASE_NO + ":HALL");
    assertThat(outbox.queued().get(1).body()).contains("tier=[社区党工委党群会客厅]", "deadline=[2026-03-19]");
  }

  @Test
  void anAnonymousReporterOrOneWithoutAddressGetsNothing() {
    reporter(null);
    notices.accepted(ApplicationFixtures.inProgress(Tier.STATION, "water", endOfDay("2026-03-05")));
    reporter(new Reporter("王芳", "13800000000", null, null));
    notices.declined(ApplicationFixtures.registered(), "属于司法程序", null);
    notices.escalated(ApplicationFixtures.inProgress(Tier.ROOM, "water", endOfDay("2026-03-12")));

    assertThat(outbox.queued()).isEmpty();
  }

  @Test
  void theEvaluationLinkGoesToTheAddressGivenOncePerRound() {
    CaseFile c = ApplicationFixtures.withState(CaseStatus.RESOLVED, Tier.STATION, "water", null, 0, 1, 1);

    notices.evaluationRequested(c, "li@example.cn", "https://yishi.example/public/evaluations/t0k3n", 1);

    assertThat(outbox.queued()).singleElement().satisfies(m -> {
      assertThat(m.dedupKey()).isEqualTo("evaluation:" + CASE_NO + ":1");
      assertThat(m.recipient()).isEqualTo("li@example.cn");
      assertThat(m.body()).contains("link=[https://yishi.example/public/evaluations/t0k3n]");
    });
    verify(repository, never()).findReporter(anyLong());
  }
}
