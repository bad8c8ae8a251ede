package cn.yishi.application.proxy;

import cn.yishi.application.port.ProxyServiceList;
import cn.yishi.application.port.ProxyStartForm;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.proxy.ProxyCatalogue;
import cn.yishi.domain.proxy.ProxyServiceDraft;
import cn.yishi.domain.proxy.ProxyServiceEntry;
import cn.yishi.domain.proxy.ProxyServiceType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 代办事项清单 (proxy-service catalogue) maintained while running. It is one list for the county: the dispatch
 * centre ({@code dispatch-centre}) and admins add, edit and retire services and add offices; street (township) staff
 * ({@code street-<s>}) and the 代办员 ({@code <c>-proxy}) read it (they tell residents the documents, procedure and
 * time limit); everyone else is refused. Services are retired, never deleted; every change is audited; an edit names
 * the version it read. A running request keeps the service as it was when it started (its snapshot in the request).
 */
@Service
public class ProxyServiceCatalogue {
  public static final int OFFICE_MAX = 100;
  private final ProxyServiceList list;
  private final Directory directory;
  private final Clock clock;
  private final ObjectProvider<ProxyStartForm> startForm;

  public ProxyServiceCatalogue(ProxyServiceList list, Directory directory, Clock clock, ObjectProvider<ProxyStartForm> startForm) {
    this.list = list;
    this.directory = directory;
    this.clock = clock;
    this.startForm = startForm;
  }

  /** Who is asking: the user and the Camunda groups. */
  public record Staff(String userId, List<String> groups) {
    public Staff {
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }

  /** The caller may not read or change the catalogue. */
  public static class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  /** No service with that code. */
  public static class NotFound extends RuntimeException {
    public NotFound(String code) {
      super("代办事项清单中没有这一项：" + code);
    }
  }

  /** The service changed (or was retired) since the caller read it. */
  public static class Stale extends RuntimeException {
    public Stale() {
      super("这一项已被他人修改或停用，请刷新后重试");
    }
  }

  /** The services offered now (the phone page, the start form, a new request). */
  @Transactional(readOnly = true)
  public List<ProxyServiceType> active() {
    return list.all().stream().filter(ProxyServiceEntry::active).map(ProxyServiceEntry::service).toList();
  }

  /** An active service by code (blank or unknown: empty). */
  @Transactional(readOnly = true)
  public Optional<ProxyServiceEntry> findActive(String code) {
    if (code == null || !plausible(code.strip())) {
      return Optional.empty();
    }
    return list.find(code.strip()).filter(ProxyServiceEntry::active);
  }

  /** Any service by code, retired ones too (their names in the counts). */
  @Transactional(readOnly = true)
  public Optional<ProxyServiceEntry> find(String code) {
    return code == null || !plausible(code) ? Optional.empty() : list.find(code);
  }

  /** Whether the caller may change the catalogue (else they only read it). */
  public boolean maintains(Staff who) {
    return who.groups().contains(GroupIds.DISPATCH_CENTRE) || who.groups().contains(GroupIds.ADMIN);
  }

  /** Every service with retired ones, for the page; refused for those who neither maintain nor read it. */
  @Transactional(readOnly = true)
  public List<ProxyServiceEntry> all(Staff who) {
    requireReader(who);
    return list.all();
  }

  @Transactional(readOnly = true)
  public List<String> offices(Staff who) {
    requireReader(who);
    return list.offices();
  }

  @Transactional
  public ProxyServiceEntry add(Staff who, ProxyServiceDraft d) {
    requireMaintainer(who);
    list.lock();
    ProxyServiceType s = d.validate(Set.copyOf(list.offices()));
    if (!list.add(s, who.userId(), now())) {
      throw new ValidationException(List.of(new FieldError("code", "duplicate",
          "事项编码 " + s.code() + " 已被使用（包括已停用的事项），请换一个编码")));
    }
    startForm.ifAvailable(ProxyStartForm::refresh);
    return list.find(s.code()).orElseThrow();
  }

  /** An edit of an active service; the code stays. Running requests keep what they started with. */
  @Transactional
  public ProxyServiceEntry edit(Staff who, String code, Integer version, ProxyServiceDraft d) {
    requireMaintainer(who);
    list.lock();
    ProxyServiceEntry current = existing(code);
    ProxyServiceType s = new ProxyServiceDraft(current.code(), d.name(), d.office(), d.timeLimitDays(), d.documents(),
        d.steps()).validate(Set.copyOf(list.offices()));
    if (version == null) {
      throw new ValidationException(List.of(new FieldError("version", "required", "缺少版本号，请刷新后重试")));
    }
    if (!current.active() || !list.update(s, version, who.userId(), now())) {
      throw new Stale();
    }
    startForm.ifAvailable(ProxyStartForm::refresh);
    return list.find(code).orElseThrow();
  }

  /** 停用: no longer offered; running requests go on with their snapshot. */
  @Transactional
  public ProxyServiceEntry retire(Staff who, String code) {
    requireMaintainer(who);
    list.lock();
    existing(code);
    if (!list.retire(code, who.userId(), now())) {
      throw new Stale();
    }
    startForm.ifAvailable(ProxyStartForm::refresh);
    return list.find(code).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<ProxyServiceList.Change> changes(Staff who, String code) {
    requireReader(who);
    existing(code);
    return list.changes(code);
  }

  /** A new office (办理部门) to choose from; the name is required, at most 100 characters, once. */
  @Transactional
  public List<String> addOffice(Staff who, String name) {
    requireMaintainer(who);
    String n = name == null ? "" : name.strip();
    if (n.isEmpty()) {
      throw new ValidationException(List.of(new FieldError("office", "required", "请填写办理部门名称")));
    }
    if (n.length() > OFFICE_MAX) {
      throw new ValidationException(List.of(new FieldError("office", "too_long", "办理部门名称不能超过" + OFFICE_MAX + "个字")));
    }
    Text.requireStorable("office", n);
    if (!list.addOffice(n, who.userId(), now())) {
      throw new ValidationException(List.of(new FieldError("office", "duplicate", "办理部门“" + n + "”已在名单中")));
    }
    return list.offices();
  }

  /**
   * Copies the file (proxy-services.yaml) into the tables, once for the installation: its offices and the directory's
   * departments, then its services. Returns how many services were copied (0 on every later start, on any node).
   */
  @Transactional
  public int seed(ProxyCatalogue file) {
    if (file.services().isEmpty() || !list.claimSeed(now())) {
      return 0;
    }
    Set<String> offices = new LinkedHashSet<>();
    file.services().forEach(s -> offices.add(s.office()));
    directory.units().stream().filter(u -> u.type() == Directory.UnitType.DEPARTMENT).forEach(u -> offices.add(u.name()));
    offices.forEach(o -> list.addOffice(o, "system", now()));
    for (ProxyServiceType s : file.services()) {
      ProxyServiceType checked = new ProxyServiceDraft(s.code(), s.name(), s.office(), s.timeLimitDays(), s.documents(),
          s.steps()).validate(offices);
      list.add(checked, "system", now());
    }
    return file.services().size();
  }

  /** A stored service; a code that cannot be one (malformed, too long, unstorable) is not looked up. */
  private ProxyServiceEntry existing(String code) {
    if (code == null || !plausible(code)) {
      throw new NotFound(code == null ? "" : code.length() > 80 ? code.substring(0, 80) + "…" : code);
    }
    return list.find(code).orElseThrow(() -> new NotFound(code));
  }

  /** Whether a text can be a service code at all (else it is not looked up: no NUL or 300 characters reach the query). */
  private static boolean plausible(String code) {
    return code.matches("[a-z0-9-]{1," + ProxyServiceDraft.CODE_MAX + "}");
  }

  private void requireMaintainer(Staff who) {
    if (!maintains(who)) {
      throw new Refused(readable(who) ? "代办事项清单由调度中心统一维护，您可以查看，不能修改"
          : "只有调度中心、街道（乡镇）工作人员和代办员可以查看代办事项清单");
    }
  }

  private void requireReader(Staff who) {
    if (!readable(who)) {
      throw new Refused("只有调度中心、街道（乡镇）工作人员和代办员可以查看代办事项清单");
    }
  }

  private boolean readable(Staff who) {
    return maintains(who) || who.groups().stream().anyMatch(g -> g.startsWith("street-") || g.endsWith("-proxy")
        || (g.startsWith("yuanba-") && g.endsWith("-agent")));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
