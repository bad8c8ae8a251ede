package cn.yishi.application.supervision;

import cn.yishi.application.port.SupervisionProcesses;
import cn.yishi.application.port.SupervisionStore;
import cn.yishi.application.port.SupervisionStore.Run;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Catch-up runs (补跑) after downtime, and the run records. A run as of a past date behaves like the
 * scheduled one of that date; the same 旬 run twice raises nothing twice.
 */
@Service
public class SupervisionRuns {
  public enum Kind { TEN_DAY, MONTHLY }

  public static final int MAX_LIST = 200;

  private final SupervisionProcesses processes;
  private final SupervisionStore store;
  private final Clock clock;

  public SupervisionRuns(SupervisionProcesses processes, SupervisionStore store, Clock clock) {
    this.processes = processes;
    this.store = store;
    this.clock = clock;
  }

  /** The run started; for a monthly run that waits for its review, the run record may come later. */
  public record Started(String processInstanceId, Optional<Run> run) {}

  public Started run(String kind, String asOf, String triggeredBy) {
    Kind k = kind(kind);
    LocalDate date = date(asOf);
    String pid = k == Kind.TEN_DAY ? processes.startTenDay(date, triggeredBy) : processes.startMonthly(date, triggeredBy);
    return new Started(pid, store.runOfProcess(pid));
  }

  public List<Run> list(String kind, Integer limit) {
    int n = limit == null ? 50 : limit;
    if (n < 1 || n > MAX_LIST) {
      throw refused("limit", "out_of_range", "limit 应在1到" + MAX_LIST + "之间");
    }
    return store.runs(kind == null || kind.isBlank() ? null : kind(kind).name(), n);
  }

  public Optional<Run> get(long id) {
    return store.run(id);
  }

  private static Kind kind(String kind) {
    if (kind == null || kind.isBlank()) {
      throw refused("kind", "required", "请指定运行类型：TEN_DAY（旬跟进）或 MONTHLY（月调度）");
    }
    try {
      return Kind.valueOf(kind.strip());
    } catch (IllegalArgumentException e) {
      throw refused("kind", "invalid", "运行类型应为 TEN_DAY（旬跟进）或 MONTHLY（月调度）");
    }
  }

  private LocalDate date(String asOf) {
    if (asOf == null || asOf.isBlank()) {
      throw refused("asOf", "required", "请填写补跑日期，格式为 yyyy-MM-dd");
    }
    LocalDate d;
    try {
      d = LocalDate.parse(asOf.strip());
    } catch (DateTimeParseException e) {
      throw refused("asOf", "invalid", "日期格式应为 yyyy-MM-dd，例如 2026-12-11");
    }
    if (d.isAfter(LocalDate.now(clock))) {
      throw refused("asOf", "future", "补跑日期不能晚于今天");
    }
    return d;
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
