package cn.yishi.application;

import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.Timeline;
import cn.yishi.domain.casefile.CaseNumber;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.NewCaseValidator;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers a report: validates it, stores the record and the reporter apart, opens the timeline. */
@Service
public class IntakeService {
  private final CaseRepository cases;
  private final Timeline timeline;
  private final NewCaseValidator validator;
  private final Clock clock;
  private final String prefix;

  public IntakeService(
      CaseRepository cases,
      Timeline timeline,
      Catalogue catalogue,
      Directory directory,
      Clock clock,
      @Value("${yishi.case-number-prefix}") String prefix) {
    this.cases = cases;
    this.timeline = timeline;
    this.clock = clock;
    this.prefix = prefix;
    this.validator = new NewCaseValidator(catalogue::contains, code -> directory.community(code).isPresent());
  }

  @Transactional
  public RegisteredCase register(NewCase newCase, String actor) {
    validator.validate(newCase);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String caseNo = CaseNumber.format(prefix, now.getYear(), cases.nextCaseSequence());
    long id = cases.insert(caseNo, newCase, CaseStatus.REGISTERED, actor, now);
    if (!newCase.reporter().isAnonymous()) {
      cases.insertReporter(id, newCase.reporter(), now);
    }
    timeline.append(id, now, actor, TimelineAction.REGISTERED, "来源渠道：" + newCase.channel().label(), true);
    return new RegisteredCase(id, caseNo, newCase.community(), GroupIds.community(newCase.community()));
  }

  @Transactional
  public void attachProcessInstance(long caseId, String processInstanceId) {
    cases.attachProcessInstance(caseId, processInstanceId, OffsetDateTime.now(clock));
  }
}
