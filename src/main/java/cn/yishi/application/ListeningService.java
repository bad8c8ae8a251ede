package cn.yishi.application;

import cn.yishi.application.port.ListeningSessions;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 定期听 (scheduled listening, 梁山 聚议听): on the 5th, 15th and 25th each community's secretary
 * receives residents, and every issue heard becomes a case through the ordinary intake, with the
 * {@link Channel#LISTENING_DAY} channel. Residents' contact details are not taken at the reception;
 * they are recorded later through the normal intake (a grid worker's visit).
 */
@Service
public class ListeningService {
  private static final Logger LOG = LoggerFactory.getLogger(ListeningService.class);
  public static final int MAX_ISSUES = 50;
  public static final int MAX_RESIDENTS = 100_000;
  public static final int NOTE_MAX = 2000;

  private final IntakeService intake;
  private final Cases cases;
  private final WorkingDayCalendar calendar;
  private final Directory directory;
  private final ListeningSessions sessions;

  public ListeningService(IntakeService intake, Cases cases, ListeningSessions sessions, WorkingDayCalendar calendar, Directory directory) {
    this.calendar = calendar;
    this.intake = intake;
    this.cases = cases;
    this.directory = directory;
    this.sessions = sessions;
  }

  /** The day, when the receptions are due, and the communities that receive. */
  public record Plan(LocalDate date, OffsetDateTime dueAt, List<String> communities) {
    public Plan {
      communities = List.copyOf(communities);
    }
  }

  /** One issue as the secretary recorded it; every value as typed (households unparsed). */
  public record IssueInput(String category, String title, String description, String compound, String householdsAffected,
      String yuanba) {
    public IssueInput(String category, String title, String description, String compound, String householdsAffected) {
      this(category, title, description, compound, householdsAffected, null);
    }
  }

  /** What a reception recorded. {@code processInstanceId} and {@code community} identify it. */
  public record Reception(String processInstanceId, String community, LocalDate listeningDate,
      Integer residentsReceived, String note, List<IssueInput> issues) {
    public Reception {
      issues = issues == null ? List.of() : List.copyOf(issues);
    }

    String sessionKey() {
      return processInstanceId + ":" + community;
    }
  }

  /** The intake result of each issue, in order; {@code repeated} when the reception was recorded before. */
  public record Recorded(List<IntakeResult> results, boolean repeated) {
    public List<String> caseNos() {
      return results.stream().map(IntakeResult::caseNo).toList();
    }
  }

  /**
   * Plans a listening day: {@code requested} (a missed day, when an operator starts the process by
   * hand) or today. The receptions are due at the end of today's working day, or of the next working
   * day when today is none, by the working-day calendar.
   */
  public Plan plan(String requested) {
    LocalDate today = today();
    LocalDate date = today;
    if (requested != null && !requested.isBlank()) {
      try {
        date = LocalDate.parse(requested.strip());
      } catch (DateTimeParseException e) {
        throw refused("listeningDate", "invalid", "接待日期格式应为 yyyy-MM-dd：" + requested);
      }
      if (date.isAfter(today)) {
        throw refused("listeningDate", "in_future", "接待日期不能晚于今天（" + today + "）");
      }
    }
    List<String> communities = directory.communities().stream().map(Directory.Community::code).toList();
    return new Plan(date, cases.deadlineIn(0), communities);
  }

  public String communityName(String community) {
    return directory.community(community).map(Directory.Community::name)
        .orElseThrow(() -> new IllegalArgumentException("组织目录中没有社区 " + community));
  }

  /** The community's 社区两委 group, which receives residents on a listening day. */
  public String receptionGroup(String community) {
    communityName(community);
    return GroupIds.community(community);
  }

  /**
   * Registers every issue of a reception as a case (or joins it to the open case of the same problem,
   * 附议) and records the session. All or nothing: every issue is validated first, and any error
   * refuses the whole reception with every field error, named {@code issues[<index>].<field>}. No
   * issue at all is a valid reception. Idempotent: the issue at index i has the external id
   * {@code listening:<processInstanceId>:<community>:<i>}, so recording the same reception again
   * registers nothing new and returns the same cases.
   */
  @Transactional
  public Recorded record(Reception r, String actor) {
    List<FieldError> errors = new ArrayList<>();
    if (r.residentsReceived() == null) {
      errors.add(new FieldError("residentsReceived", "required", "请填写接待群众人数"));
    } else if (r.residentsReceived() < 0 || r.residentsReceived() > MAX_RESIDENTS) {
      errors.add(new FieldError("residentsReceived", "out_of_range", "接待群众人数应在0到" + MAX_RESIDENTS + "之间"));
    }
    String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
    if (note != null && note.length() > NOTE_MAX) {
      errors.add(new FieldError("receptionNote", "too_long", "接待情况不能超过" + NOTE_MAX + "个字"));
    }
    if (r.issues().size() > MAX_ISSUES) {
      errors.add(new FieldError("issues", "too_many", "一次接待最多登记" + MAX_ISSUES + "项诉求，请分多次登记"));
    }
    List<NewCase> reports = new ArrayList<>();
    for (int i = 0; i < r.issues().size() && i < MAX_ISSUES; i++) {
      IssueInput issue = r.issues().get(i);
      String field = "issues[" + i + "].";
      String item = "第" + (i + 1) + "项诉求：";
      Integer households = null;
      String h = issue.householdsAffected() == null ? "" : issue.householdsAffected().strip();
      if (!h.isEmpty()) {
        try {
          households = Integer.valueOf(h);
        } catch (NumberFormatException e) {
          errors.add(new FieldError(field + "householdsAffected", "invalid", item + "涉及户数应为整数"));
        }
      }
      NewCase report = new NewCase(Channel.LISTENING_DAY, externalId(r, i), issue.category(), issue.title(),
          issue.description(), r.community(), issue.compound(), households, Reporter.ANONYMOUS, List.of(), null, null,
          issue.yuanba());
      try {
        intake.validate(report);
      } catch (ValidationException e) {
        e.errors().forEach(fe -> errors.add(new FieldError(field + fe.field(), fe.code(), item + fe.message())));
      }
      reports.add(report);
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    String occasion = r.listeningDate() + " " + communityName(r.community()) + "接待";
    List<IntakeResult> results = new ArrayList<>();
    for (NewCase report : reports) {
      results.add(intake.submit(report, actor, occasion));
    }
    boolean first = sessions.recordIfAbsent(new ListeningSessions.Session(r.sessionKey(), r.processInstanceId(),
        r.community(), r.listeningDate(), r.residentsReceived(), reports.size(),
        results.stream().map(IntakeResult::caseNo).toList(), note, actor, cases.now()));
    if (first) {
      LOG.info("定期听接待已记录：{} {}，接待群众 {} 人，诉求 {} 项，办件 {}", r.listeningDate(), r.community(),
          r.residentsReceived(), reports.size(), results.stream().map(IntakeResult::caseNo).toList());
    } else {
      LOG.info("定期听接待 {} 已记录过，本次重复提交未新建办件", r.sessionKey());
    }
    return new Recorded(List.copyOf(results), !first);
  }

  static String externalId(Reception r, int index) {
    return "listening:" + r.processInstanceId() + ":" + r.community() + ":" + index;
  }

  private LocalDate today() {
    return cases.now().atZoneSameInstant(calendar.zone()).toLocalDate();
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
