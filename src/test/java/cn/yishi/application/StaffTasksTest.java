package cn.yishi.application;

import static cn.yishi.application.ApplicationFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Deadlines;
import cn.yishi.application.port.OpenTasks.OpenTask;
import cn.yishi.application.port.OpenTasks.Purpose;
import cn.yishi.application.port.OpenTasks;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.Reporter;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The Tasklist panels' use case: who is a task's handler, which task offers what; the engine and handling replaced. */
class StaffTasksTest {
  private final OpenTasks openTasks = mock(OpenTasks.class);
  private final HandlingService handling = mock(HandlingService.class);
  private final CaseRepository repository = mock(CaseRepository.class);
  private final Cases cases = new Cases(repository, new RecordingTimeline(), CLOCK, ApplicationFixtures.calendar(),
      ApplicationFixtures.directory(), mock(Deadlines.class));
  private final StaffTasks service = new StaffTasks(openTasks, handling, cases, repository);
  private final CaseFile c = ApplicationFixtures.stored(repository, ApplicationFixtures.registered());

  private void open(Purpose purpose, String assignee, String... groups) {
    when(openTasks.find("t1")).thenReturn(Optional.of(new OpenTask("t1", purpose, c.caseNo(), assignee, List.of(groups))));
  }

  private static TaskRefused.Reason refusal(ThrowingCallable call) {
    TaskRefused e = catchThrowableOfType(TaskRefused.class, call);
    assertThat(e).as("a TaskRefused").isNotNull();
    assertThat(e.getMessage()).matches(".*\\p{IsHan}.*");
    return e.reason();
  }

  @Test
  void aMemberOfACandidateGroupPostsOnAnUnclaimedHandlingTask() {
    open(Purpose.HANDLING, null, "station-hualin-yuyuan");
    service.progress("t1", "已通知物业", false, "station.hualin", List.of("station-hualin-yuyuan"));
    verify(handling).progress(c.caseNo(), "已通知物业", false, "station.hualin");
    assertThat(service.panels("t1", "station.hualin", List.of("station-hualin-yuyuan")))
        .isEqualTo(new StaffTasks.Panels(c.caseNo(), true, false));
  }

  @Test
  void othersAndAfterAClaimEveryoneButTheAssigneeAreRefused() {
    open(Purpose.HANDLING, null, "station-hualin-yuyuan");
    assertThat(refusal(() -> service.progress("t1", "x", true, "dispatch", List.of("dispatch-centre"))))
        .isEqualTo(TaskRefused.Reason.NOT_HANDLER);
    open(Purpose.HANDLING, "someone.else", "station-hualin-yuyuan");
    assertThat(refusal(() -> service.progress("t1", "x", true, "station.hualin", List.of("station-hualin-yuyuan"))))
        .isEqualTo(TaskRefused.Reason.NOT_HANDLER);
    when(openTasks.find("gone")).thenReturn(Optional.empty());
    assertThat(refusal(() -> service.panels("gone", "station.hualin", List.of()))).isEqualTo(TaskRefused.Reason.NOT_FOUND);
    verifyNoInteractions(handling);
  }

  @Test
  void theContactOnlyOnTheVisitAndNotesOnlyOnHandling() {
    when(repository.findReporter(c.id())).thenReturn(Optional.of(new Reporter("钱多多", "13900007777", "q@example.org", "3栋")));
    open(Purpose.FOLLOW_UP_VISIT, "grid.hualin", "hualin-grid");
    assertThat(service.visitContact("t1", "grid.hualin", List.of("hualin-grid")))
        .isEqualTo(new StaffTasks.VisitContact(c.caseNo(), "钱多多", "13900007777"));
    assertThat(refusal(() -> service.progress("t1", "x", true, "grid.hualin", List.of("hualin-grid"))))
        .isEqualTo(TaskRefused.Reason.NOT_APPLICABLE);
    open(Purpose.HANDLING, null, "hualin-grid");
    assertThat(refusal(() -> service.visitContact("t1", "grid.hualin", List.of("hualin-grid"))))
        .isEqualTo(TaskRefused.Reason.NOT_APPLICABLE);
  }
}
