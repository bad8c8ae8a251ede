package cn.yishi.application;

import cn.yishi.application.port.CaseProcesses;
import cn.yishi.application.port.CoUnits;
import cn.yishi.domain.casefile.CaseFile;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.TimelineAction;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 组团 (co-handling, 松溪 按需组团): beside its lead unit (the case's responsible unit) a case may have co-units
 * (协办单位). Whoever names the lead (派单 点将, or 前置把关 naming the unit) may name co-units; each gets its own
 * task (协办) with the case's deadline, writes progress notes there and reports its result, which goes into the
 * case's timeline. The lead reports the joint result (办结) only after every co-unit has finished
 * ({@link #requireFinished}).
 */
@Service
public class CoHandlingService {
  static final int RESULT_MAX = 2000;

  private final Cases cases;
  private final CoUnits coUnits;
  private final CaseProcesses processes;
  private final Directory directory;

  public CoHandlingService(Cases cases, CoUnits coUnits, CaseProcesses processes, Directory directory) {
    this.cases = cases;
    this.coUnits = coUnits;
    this.processes = processes;
    this.directory = directory;
  }

  /**
   * Names the case's co-units beside its lead (the responsible unit just chosen) and raises a 协办 task for each.
   * None chosen: nothing happens. Refused (nothing stored): an unknown unit, the lead among them, co-units without a
   * lead (揭榜: the pool has no lead yet).
   *
   * @return the summary the lead's task shows (see {@link #summary}), null when the case has no co-units
   */
  @Transactional
  public String assign(String caseNo, Collection<String> chosen, String actor) {
    List<String> codes = chosen == null ? List.of()
        : chosen.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).distinct().toList();
    CaseFile c = cases.load(caseNo);
    if (codes.isEmpty()) {
      return summary(c);
    }
    String lead = c.responsibleUnit();
    List<FieldError> errors = new ArrayList<>();
    if (lead == null) {
      errors.add(new FieldError("coUnits", "no_lead", "协办单位须与主办单位（责任单位）一起指定；揭榜（发布至项目池）时不能选择协办单位"));
    }
    List<Directory.Unit> units = new ArrayList<>();
    for (String code : codes) {
      if (!Text.storable(code)) {
        errors.add(Text.unstorable("coUnits"));
        continue;
      }
      directory.unit(code).ifPresentOrElse(units::add,
          () -> errors.add(new FieldError("coUnits", "unknown", "未知的协办单位：" + code)));
      if (code.equals(lead)) {
        errors.add(new FieldError("coUnits", "is_lead", "主办单位不能同时是协办单位：" + unitName(code)));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    Set<String> present = coUnits.of(c.id()).stream().map(CoUnits.CoUnit::unit).collect(Collectors.toSet());
    List<Directory.Unit> added = units.stream().filter(u -> !present.contains(u.code())).toList();
    if (added.isEmpty()) {
      return summary(c);
    }
    for (Directory.Unit u : added) {
      coUnits.add(c.id(), u.code(), actor, cases.now());
    }
    cases.note(c, actor, TimelineAction.CO_UNITS_ASSIGNED, "主办单位：" + unitName(lead) + "；协办单位："
        + added.stream().map(Directory.Unit::name).collect(Collectors.joining("、")), true);
    for (Directory.Unit u : added) {
      processes.coHandle(c.processInstanceId(), new CaseProcesses.CoHandlingTask(u.code(), u.name(), GroupIds.unit(u.code())));
    }
    return summary(c);
  }

  /**
   * A co-unit reports its result (协办结果); only a member of that unit may, once. It goes into the timeline and the
   * public view.
   *
   * @return the summary the lead's task shows
   */
  @Transactional
  public String finish(String caseNo, String unit, String result, String actor, Collection<String> actorGroups) {
    CaseFile c = cases.load(caseNo);
    String u = unit == null ? "" : unit.strip();
    String name = unitName(u);
    if (coUnits.of(c.id()).stream().noneMatch(co -> co.unit().equals(u))) {
      throw refused("coUnit", "unknown", "该单位不是本件的协办单位：" + name);
    }
    if (actorGroups == null || !actorGroups.contains(GroupIds.unit(u))) {
      throw refused("coUnit", "not_member", "只能以本单位名义报告协办结果：您不属于" + name);
    }
    String r = result == null ? "" : result.strip();
    Text.requireStorable("coHandlingResult", r);
    if (r.isEmpty()) {
      throw refused("coHandlingResult", "required", "请填写协办结果");
    }
    if (r.length() > RESULT_MAX) {
      throw refused("coHandlingResult", "too_long", "协办结果不能超过" + RESULT_MAX + "个字");
    }
    if (!coUnits.finish(c.id(), u, r, actor, cases.now())) {
      throw refused("coUnit", "finished", name + "已报告过协办结果");
    }
    cases.note(c, actor, TimelineAction.CO_HANDLED, name + "：" + r, true);
    return summary(c);
  }

  /**
   * The lead may report the joint result only when every co-unit has finished.
   *
   * @throws ValidationException naming the co-units still at work
   */
  @Transactional(readOnly = true)
  public void requireFinished(String caseNo) {
    List<String> open = coUnits.of(cases.load(caseNo).id()).stream()
        .filter(co -> co.status() == CoUnits.Status.OPEN).map(co -> unitName(co.unit())).toList();
    if (!open.isEmpty()) {
      throw refused("outcome", "co_units_open", "协办单位尚未全部办结（" + String.join("、", open)
          + "），请待协办单位报告协办结果后再报告办理结果；如需上报，可选择上报上一层级");
    }
  }

  /** The co-units with their status and result, one per line, for the lead's task; null when there are none. */
  @Transactional(readOnly = true)
  public String summary(String caseNo) {
    return summary(cases.load(caseNo));
  }

  private String summary(CaseFile c) {
    List<CoUnits.CoUnit> all = coUnits.of(c.id());
    if (all.isEmpty()) {
      return null;
    }
    return all.stream().map(co -> unitName(co.unit()) + "：" + (co.status() == CoUnits.Status.FINISHED
            ? "已办结。" + co.result() : "协办中"))
        .collect(Collectors.joining("\n"));
  }

  private String unitName(String code) {
    return code == null ? "-" : directory.unit(code).map(Directory.Unit::name).orElse(code);
  }

  private static ValidationException refused(String field, String code, String message) {
    return new ValidationException(List.of(new FieldError(field, code, message)));
  }
}
