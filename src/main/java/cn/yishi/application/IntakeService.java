package cn.yishi.application;

import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.CaseNumber;
import cn.yishi.domain.casefile.CaseStatus;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.NewCaseValidator;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers reports from every channel: validates, answers a repeated channel report with the same
 * case, merges a further report of an open problem (附议), or stores a new case and starts its process.
 */
@Service
public class IntakeService {
  private final Cases cases;
  private final CaseRepository repository;
  private final CaseProcesses processes;
  private final NewCaseValidator validator;
  private final String prefix;

  public IntakeService(
      Cases cases,
      CaseProcesses processes,
      Catalogue catalogue,
      Directory directory,
      @Value("${yishi.case-number-prefix}") String prefix, CaseRepository repository) {
    this.cases = cases;
    this.repository = repository;
    this.processes = processes;
    this.prefix = prefix;
    this.validator = new NewCaseValidator(catalogue::contains, code -> directory.community(code).isPresent());
  }

  /** A report through the API or a channel: nothing is stored when it is refused. */
  @Transactional
  public IntakeResult submit(NewCase report, String actor) {
    return submit(report, actor, null);
  }

  /**
   * As {@link #submit(NewCase, String)}; {@code occasion} (for example the listening day at which the
   * issue was heard) is added to the channel in the timeline entry that registers or merges the report.
   */
  @Transactional
  public IntakeResult submit(NewCase report, String actor, String occasion) {
    validator.validate(report);
    Optional<IntakeResult> repeated = findRepeated(report);
    if (repeated.isPresent()) {
      return repeated.get();
    }
    if (report.compound() != null) {
      Optional<CaseFile> open = repository.findOpenDuplicate(report.community(), report.category(), report.compound());
      if (open.isPresent()) {
        CaseFile c = open.get();
        repository.insertSupportingReport(c.id(), report, actor, cases.now());
        cases.change(c.caseNo(), actor, TimelineAction.SUPPORTED, source(report, occasion), true,
            CaseFile::addSupportingReport);
        return new IntakeResult(c.caseNo(), IntakeResult.Kind.MERGED, c.status().name());
      }
    }
    RegisteredCase registered = register(report, actor, occasion, processes::start);
    return new IntakeResult(registered.caseNo(), IntakeResult.Kind.CREATED, CaseStatus.REGISTERED.name());
  }

  /**
   * Checks a report without storing anything, so that a use case registering several reports can
   * refuse them all before the first is stored.
   *
   * @throws cn.yishi.domain.casefile.ValidationException with every field error
   */
  public void validate(NewCase report) {
    validator.validate(report);
  }

  /** The case that an earlier identical channel report created or joined. */
  @Transactional(readOnly = true)
  public Optional<IntakeResult> findRepeated(NewCase report) {
    if (report.externalId() == null) {
      return Optional.empty();
    }
    return repository.findCaseNoByExternalId(report.channel().name(), report.externalId())
        .map(caseNo -> new IntakeResult(caseNo, IntakeResult.Kind.REPEATED, cases.load(caseNo).status().name()));
  }

  /**
   * A report recorded through a staff start form in Tasklist: its process is already running, so the case is
   * registered with it. Refused input stores nothing (the start form's transaction rolls back).
   */
  @Transactional
  public RegisteredCase registerFromForm(NewCase report, String actor, String processInstanceId) {
    validator.validate(report);
    if (!report.channel().transcribedByStaff()) {
      throw new ValidationException(List.of(new FieldError("channel", "not_transcribed",
          "来源渠道“" + report.channel().label() + "”的诉求由该渠道自行提交，不在此登记")));
    }
    if (report.channel().needsWorkOrderNumber() && report.externalId() == null) {
      throw new ValidationException(List.of(new FieldError("externalId", "required", "请填写12345工单号")));
    }
    Optional<IntakeResult> repeated = findRepeated(report);
    if (repeated.isPresent()) {
      throw new ValidationException(List.of(new FieldError("externalId", "registered",
          "工单号 " + report.externalId() + " 已登记为办件 " + repeated.get().caseNo() + "，请勿重复登记")));
    }
    return register(report, actor, null, registered -> processInstanceId);
  }

  /**
   * Both ways in (a channel, a staff start form) register here: the case record and its timeline entry, then the
   * process ({@code process} starts it, or names the one that is running), whose id the case keeps.
   */
  private RegisteredCase register(NewCase report, String actor, String occasion, Function<RegisteredCase, String> process) {
    OffsetDateTime now = cases.now();
    String caseNo = CaseNumber.format(prefix, now.getYear(), repository.nextCaseSequence());
    CaseFile c = repository.insert(caseNo, report, actor, now);
    cases.note(c, actor, TimelineAction.REGISTERED, source(report, occasion), true);
    RegisteredCase registered = new RegisteredCase(c.id(), c.caseNo(), c.community(), GroupIds.community(c.community()),
        GroupIds.grid(c.community()), c.category(), c.title(), c.description(), c.compound(), c.householdsAffected());
    repository.attachProcess(c.id(), process.apply(registered));
    return registered;
  }

  private static String source(NewCase report, String occasion) {
    String channel = "来源渠道：" + report.channel().label();
    return occasion == null || occasion.isBlank() ? channel : channel + "（" + occasion + "）";
  }
}
