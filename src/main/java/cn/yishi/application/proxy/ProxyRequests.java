package cn.yishi.application.proxy;

import cn.yishi.application.port.ProxyProcesses;
import cn.yishi.application.port.ProxyStore;
import cn.yishi.domain.calendar.WorkingDayCalendar;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.Text;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.proxy.ProxyServiceEntry;
import cn.yishi.domain.proxy.ProxyMode;
import cn.yishi.domain.proxy.ProxyRules;
import cn.yishi.domain.proxy.ProxyServiceType;
import cn.yishi.domain.proxy.ProxyStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 代办 (proxy services): a resident's request, taken by the community's 代办员 in Tasklist or sent from the phone page,
 * the documents checked, the mode chosen, each hand-over to the office with its answer, the result, and the
 * resident's rating through the request's link. The resident's name and phone go to their own table at once and
 * never into the process.
 */
@Service
public class ProxyRequests {
  public static final String CHANNEL_TASKLIST = "TASKLIST";
  public static final String CHANNEL_PHONE = "PHONE";
  public static final String PHONE_ACTOR = "public-proxy";
  public static final String STEP_DOCUMENTS = "DOCUMENTS";
  public static final String STEP_HAND_OVER = "HAND_OVER";
  public static final String STEP_REWORK = "REWORK";
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ProxyServiceCatalogue catalogue;
  private final ProxyStore store;
  private final ProxyProcesses processes;
  private final Directory directory;
  private final WorkingDayCalendar calendar;
  private final Clock clock;
  private final String publicBaseUrl;

  public ProxyRequests(ProxyServiceCatalogue catalogue, ProxyStore store, ProxyProcesses processes, Directory directory,
      WorkingDayCalendar calendar, Clock clock, @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.catalogue = catalogue;
    this.store = store;
    this.processes = processes;
    this.directory = directory;
    this.calendar = calendar;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
  }

  /** What the start form or the phone page sends. */
  public record NewProxyRequest(String serviceCode, String community, String compound, String residentName,
      String residentPhone) {}

  /** A registered request: its number and the resident's link token. */
  public record Registered(long id, String requestNo, String token) {}

  /** What the process needs: the task titles, the groups, the time limit and the checklist. */
  public record Routing(String requestNo, String serviceName, String office, List<String> documents, String proxyGroup,
      String streetGroup, OffsetDateTime dueAt, String statusUrl) {}

  /** The resident's status page: no personal data. */
  public record View(String requestNo, String serviceName, String office, int timeLimitDays, List<String> documents,
      List<String> steps, String communityName, String statusLabel, String modeLabel, OffsetDateTime dueAt,
      List<HandOver> handOvers, Boolean succeeded, String result, boolean ratable) {}

  public record HandOver(String detail, String answer, OffsetDateTime at) {}

  /** An unknown request link. */
  public static final class UnknownRequest extends RuntimeException {
    public UnknownRequest() {
      super("代办查询链接无效");
    }
  }

  /** The services offered now (the phone page). */
  public List<ProxyServiceType> services() {
    return catalogue.active();
  }

  /** A request a 代办员 took in Tasklist (start form): stored with the process that carries it. */
  public Registered registerFromForm(NewProxyRequest request, String actor, String processInstanceId) {
    Registered r = insert(request, CHANNEL_TASKLIST, actor);
    store.attachProcess(r.id(), processInstanceId);
    return r;
  }

  /** A request from the phone page: stored, and its process started, in one transaction; refused: nothing stored. */
  @Transactional
  public Registered submitFromPhone(NewProxyRequest request) {
    Registered r = insert(request, CHANNEL_PHONE, PHONE_ACTOR);
    store.attachProcess(r.id(), processes.start(r.id(), r.requestNo()));
    return r;
  }

  private Registered insert(NewProxyRequest r, String channel, String actor) {
    ProxyServiceEntry entry = catalogue.findActive(r.serviceCode()).orElse(null);
    ProxyServiceType service = entry == null ? null : entry.service();
    List<FieldError> errors = new ArrayList<>(ProxyRules.newRequest(service, r.serviceCode(), r.residentName(), r.residentPhone()));
    Directory.Community community = r.community() == null ? null : directory.community(r.community().strip()).orElse(null);
    if (community == null) {
      errors.add(new FieldError("community", ProxyRules.blank(r.community()) ? "required" : "unknown", "请选择所在社区"));
    }
    String compound = ProxyRules.blank(r.compound()) ? null : r.compound().strip();
    if (compound != null && compound.length() > 128) {
      errors.add(new FieldError("compound", "too_long", "小区/院落不能超过128个字"));
    }
    checkStorable(errors, "residentName", r.residentName());
    checkStorable(errors, "residentPhone", r.residentPhone());
    checkStorable(errors, "compound", compound);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String token = newToken();
    ProxyStore.Request stored = store.insert(new ProxyStore.NewRequest(service.code(), community.code(), community.street(),
        compound, channel, actor, now, now.atZoneSameInstant(calendar.zone()).format(MONTH),
        calendar.deadline(now, service.timeLimitDays()), token, service, entry.version()), r.residentName().strip(),
        r.residentPhone().strip());
    return new Registered(stored.id(), stored.requestNo(), token);
  }

  public Routing routing(long id) {
    ProxyStore.Request r = load(id);
    ProxyServiceType s = service(r);
    return new Routing(r.requestNo(), s.name(), s.office(), s.documents(), GroupIds.proxy(r.community()),
        GroupIds.street(r.street()), r.dueAt(), publicBaseUrl + statusPath(r.token()));
  }

  public static String statusPath(String token) {
    return "/public/proxy/" + token;
  }

  /** 材料核对: every document of the service ticked, and a mode chosen; otherwise refused and nothing stored. */
  public void checkDocuments(long id, List<String> ticked, String mode, String actor) {
    ProxyStore.Request r = load(id);
    ProxyServiceType s = service(r);
    List<FieldError> errors = new ArrayList<>();
    List<String> missing = ProxyRules.missingDocuments(s, ticked);
    if (!missing.isEmpty()) {
      errors.add(new FieldError("documentsChecked", "missing", "以下办理要件尚未核对齐全，不能代办：" + String.join("、", missing)
          + "。请告知群众补齐材料后再提交。"));
    }
    ProxyMode m = mode(mode);
    if (m == null) {
      errors.add(new FieldError("proxyMode", "required", "请选择代办方式（现场代办、全程代办或协助代办）"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    store.addStep(id, new ProxyStore.Step(STEP_DOCUMENTS, String.join("、", ticked), null, actor, OffsetDateTime.now(clock)));
    store.mode(id, m);
    store.status(id, ProxyStatus.IN_HAND);
  }

  private static ProxyMode mode(String mode) {
    if (ProxyRules.blank(mode)) {
      return null;
    }
    try {
      return ProxyMode.valueOf(mode.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** 递交与答复: what was handed to the office and the office's answer, both required. */
  public void handOver(long id, String detail, String answer, String actor) {
    load(id);
    List<FieldError> errors = new ArrayList<>();
    required(errors, "handOverDetail", detail, "请填写递交内容（递交了哪些材料、交给哪个窗口）");
    required(errors, "officeAnswer", answer, "请填写办理部门的答复");
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    store.addStep(id, new ProxyStore.Step(STEP_HAND_OVER, detail.strip(), answer.strip(), actor, OffsetDateTime.now(clock)));
  }

  /** 办结: the result; the resident is then asked to rate it. */
  public void close(long id, Boolean succeeded, String result, String actor) {
    load(id);
    List<FieldError> errors = new ArrayList<>();
    if (succeeded == null) {
      errors.add(new FieldError("proxySucceeded", "required", "请选择是否办成"));
    }
    required(errors, "proxyResult", result, "请填写办理结果");
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    store.close(id, succeeded, result.strip(), actor, OffsetDateTime.now(clock));
    store.status(id, ProxyStatus.CLOSED);
  }

  /** The time limit passed while the request was open. */
  public void markOverdue(long id) {
    load(id);
    store.overdue(id);
  }

  /** 代办督办: the street's note on the overdue request. */
  public void supervise(long id, String note, String actor) {
    load(id);
    List<FieldError> errors = new ArrayList<>();
    required(errors, "supervisionNote", note, "请填写督办意见");
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    store.supervisionNote(id, actor + "：" + note.strip());
  }

  /** 整改 after a low rating: what was done again; the resident is asked to rate again. */
  public void rework(long id, String note, String actor) {
    load(id);
    List<FieldError> errors = new ArrayList<>();
    required(errors, "reworkNote", note, "请填写整改情况");
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    store.addStep(id, new ProxyStore.Step(STEP_REWORK, note.strip(), null, actor, OffsetDateTime.now(clock)));
    store.status(id, ProxyStatus.CLOSED);
  }

  /** The resident did not rate within the wait. */
  public void unrated(long id) {
    load(id);
    store.status(id, ProxyStatus.UNRATED);
  }

  /** The status page of a request link. */
  public View view(String token) {
    ProxyStore.Request r = byToken(token);
    ProxyServiceType s = service(r);
    List<HandOver> handOvers = store.steps(r.id()).stream().filter(st -> STEP_HAND_OVER.equals(st.kind()))
        .map(st -> new HandOver(st.detail(), st.answer(), st.at())).toList();
    String communityName = directory.community(r.community()).map(Directory.Community::name).orElse("");
    return new View(r.requestNo(), s.name(), s.office(), s.timeLimitDays(), s.documents(), s.steps(), communityName,
        r.status().label(), r.mode() == null ? null : r.mode().label(), r.dueAt(), handOvers, r.succeeded(), r.result(),
        r.status() == ProxyStatus.CLOSED);
  }

  /** The resident's rating, 1 to 5: 3 and more finishes the request, less sends it back for rework. */
  @Transactional
  public boolean rate(String token, Integer rating, String comment) {
    ProxyStore.Request r = byToken(token);
    List<FieldError> errors = new ArrayList<>();
    if (r.status() != ProxyStatus.CLOSED) {
      errors.add(new FieldError("rating", "not_ratable", "该代办事项现在不能评价（" + r.status().label() + "）"));
    } else if (rating == null || rating < 1 || rating > 5) {
      errors.add(new FieldError("rating", "required", "请选择满意度（1到5分）"));
    }
    String c = ProxyRules.blank(comment) ? null : comment.strip();
    if (c != null && c.length() > 1000) {
      errors.add(new FieldError("comment", "too_long", "意见不能超过1000个字"));
    }
    checkStorable(errors, "comment", c);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    boolean satisfied = ProxyRules.satisfied(rating);
    store.addRating(r.id(), new ProxyStore.Rating(rating, c, OffsetDateTime.now(clock)));
    store.status(r.id(), satisfied ? ProxyStatus.DONE : ProxyStatus.REWORK);
    if (!processes.rated(r.processInstanceId(), rating, satisfied)) {
      throw new ValidationException(List.of(new FieldError("rating", "not_ratable", "该代办事项现在不能评价")));
    }
    return satisfied;
  }

  /** Counts per month, service and street (township), with the Chinese names. */
  public record CountLine(String month, String serviceCode, String serviceName, String street, String streetName,
      long requested, long finished, long overdue, long rated, long satisfied) {}

  public List<CountLine> statistics(String month) {
    String m = ProxyRules.blank(month) ? null : month.strip();
    if (m != null && !m.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      throw new ValidationException(List.of(new FieldError("month", "invalid", "月份格式应为 yyyy-MM，例如 2026-12")));
    }
    return store.counts(m).stream().map(c -> new CountLine(c.month(), c.serviceCode(),
        catalogue.find(c.serviceCode()).map(e -> e.service().name()).orElse("（未知事项）"), c.street(),
        directory.streets().stream().filter(s -> s.code().equals(c.street())).map(Directory.Street::name).findFirst().orElse(""),
        c.requested(), c.finished(), c.overdue(), c.rated(), c.satisfied())).toList();
  }

  private ProxyStore.Request load(long id) {
    return store.find(id).orElseThrow(() -> new IllegalStateException("proxy request " + id + " does not exist"));
  }

  private ProxyStore.Request byToken(String token) {
    if (token == null || token.length() > 64) {
      throw new UnknownRequest();
    }
    return store.findByToken(token).orElseThrow(UnknownRequest::new);
  }

  /** The service as the request started with it; a request stored before the snapshot reads the catalogue. */
  private ProxyServiceType service(ProxyStore.Request r) {
    if (r.service() != null) {
      return r.service();
    }
    return catalogue.find(r.serviceCode()).map(ProxyServiceEntry::service)
        .orElseGet(() -> new ProxyServiceType(r.serviceCode(), "（未知事项）", "", 0, List.of(), List.of()));
  }

  private static void required(List<FieldError> errors, String field, String value, String message) {
    if (ProxyRules.blank(value)) {
      errors.add(new FieldError(field, "required", message));
    } else if (value.strip().length() > ProxyRules.TEXT_MAX) {
      errors.add(new FieldError(field, "too_long", "不能超过" + ProxyRules.TEXT_MAX + "个字"));
    } else {
      checkStorable(errors, field, value);
    }
  }

  private static void checkStorable(List<FieldError> errors, String field, String value) {
    if (value != null && !Text.storable(value)) {
      errors.add(Text.unstorable(field));
    }
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
