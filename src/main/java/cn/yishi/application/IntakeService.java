package cn.yishi.application;

import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.CaseRepository;
import cn.yishi.application.port.MicroGridStore;
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
  private final Directory directory;
  private final NewCaseValidator.Places places;

  /** Without 院坝 (micro-grids): a report naming one is refused. */
  public IntakeService(Cases cases, CaseProcesses processes, Catalogue catalogue, Directory directory, String prefix,
      CaseRepository repository) {
    this(cases, processes, catalogue, directory, prefix, repository, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  public IntakeService(
      Cases cases,
      CaseProcesses processes,
      Catalogue catalogue,
      Directory directory,
      @Value("${yishi.case-number-prefix}") String prefix, CaseRepository repository, MicroGridStore microGrids) {
    this.cases = cases;
    this.repository = repository;
    this.processes = processes;
    this.prefix = prefix;
    this.directory = directory;
    this.places = new DirectoryPlaces(directory, microGrids);
    this.validator = new NewCaseValidator(catalogue::contains, code -> directory.community(code).isPresent(), places);
  }

  /** The compounds of the directory (by their station's code) and the stored 院坝. */
  private record DirectoryPlaces(Directory directory, MicroGridStore microGrids) implements NewCaseValidator.Places {
    @Override
    public Optional<NewCaseValidator.Place> compound(String code) {
      return directory.communities().stream().flatMap(c -> c.stations().stream().filter(s -> s.code().equals(code))
          .map(s -> new NewCaseValidator.Place(c.code(), c.name(), s.compoundName()))).findFirst();
    }

    @Override
    public Optional<NewCaseValidator.Place> yuanba(String code) {
      return microGrids == null ? Optional.empty() : microGrids.find(code).map(y -> new NewCaseValidator.Place(
          y.community(), directory.community(y.community()).map(Directory.Community::name).orElse(y.community()),
          y.name()));
    }
  }

  /**
   * The compound as the directory's code: a channel that sends the compound's name (12345: 御苑小区) gets it
   * translated when the community has a compound of that name; anything else is checked as a code (and refused).
   */
  private NewCase coded(NewCase report) {
    if (report.compound() == null || report.community() == null) {
      return report;
    }
    return directory.compound(report.community(), report.compound())
        .map(s -> report.withPlace(s.code(), report.yuanba())).orElse(report);
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
  public IntakeResult submit(NewCase submitted, String actor, String occasion) {
    NewCase report = coded(submitted);
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
    validator.validate(coded(report));
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
  public RegisteredCase registerFromForm(NewCase submitted, String actor, String processInstanceId) {
    NewCase report = coded(submitted);
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
        GroupIds.grid(c.community()), c.category(), c.title(), c.description(), placeName(report),
        c.householdsAffected());
    repository.attachProcess(c.id(), process.apply(registered));
    return registered;
  }

  /** What the task forms show for the place: the compound's name, and the 院坝's (上屋组（水桶湾院坝）). */
  private String placeName(NewCase report) {
    String compound = directory.compoundName(report.community(), report.compound());
    String yuanba = report.yuanba() == null ? null
        : places.yuanba(report.yuanba()).map(NewCaseValidator.Place::name).orElse(report.yuanba());
    if (yuanba == null) {
      return compound;
    }
    return compound == null ? yuanba : compound + "（" + yuanba + "）";
  }

  private static String source(NewCase report, String occasion) {
    String channel = "来源渠道：" + report.channel().label();
    return occasion == null || occasion.isBlank() ? channel : channel + "（" + occasion + "）";
  }
}
