package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.adapter.inbound.web.PhotoUploads;
import cn.yishi.adapter.inbound.web.ReportThrottle;
import cn.yishi.application.CasePhotoService;
import cn.yishi.application.Catalogue;
import cn.yishi.application.observer.ObserverReports;
import cn.yishi.application.observer.Observers;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.photo.PhotoRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 议事观察员: the Tasklist page's API (register, list, withdraw, a new link; {@code yishi-observers.js}) for the dispatch
 * centre and street staff, and the JSON twin of the observer's 码上拍 page ({@code ObserverPages}): the page's facts and
 * the observer's reports, and a report sent as multipart ({@code photos}, {@code category}, {@code description},
 * {@code compound}, {@code lat}, {@code lng} or {@code community}).
 */
@RestController
class ObserverApi {
  private final Observers observers;
  private final ObserverReports reports;
  private final CasePhotoService photos;
  private final Catalogue catalogue;
  private final Directory directory;
  private final ReportThrottle throttle;
  private final Caller caller;
  private final ErrorReplies replies;
  private final String publicBaseUrl;

  ObserverApi(Observers observers, ObserverReports reports, CasePhotoService photos, Catalogue catalogue,
      Directory directory, ReportThrottle throttle, Caller caller, ErrorReplies replies,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.observers = observers;
    this.reports = reports;
    this.photos = photos;
    this.catalogue = catalogue;
    this.directory = directory;
    this.throttle = throttle;
    this.caller = caller;
    this.replies = replies;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  record NewObserver(String name, String phone, String kind, String company, String street) {}

  @GetMapping(value = "/api/observers/options", produces = MediaType.APPLICATION_JSON_VALUE)
  Observers.Options options() {
    return observers.options(who());
  }

  @GetMapping(value = "/api/observers", produces = MediaType.APPLICATION_JSON_VALUE)
  List<Observers.ObserverView> list() {
    return observers.list(who());
  }

  @PostMapping(value = "/api/observers", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Observers.Issued> register(@RequestBody(required = false) NewObserver body) {
    Observers.Maintainer who = who();
    NewObserver b = body == null ? new NewObserver(null, null, null, null, null) : body;
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(observers.register(new Observers.NewObserver(b.name(), b.phone(), b.kind(), b.company(), b.street()), who));
  }

  @PostMapping(value = "/api/observers/{id}/withdraw", produces = MediaType.APPLICATION_JSON_VALUE)
  Observers.ObserverView withdraw(@PathVariable long id) {
    return observers.withdraw(id, who());
  }

  @PostMapping(value = "/api/observers/{id}/link", produces = MediaType.APPLICATION_JSON_VALUE)
  Observers.Issued reissue(@PathVariable long id) {
    return observers.reissue(id, who());
  }

  record Option(String code, String name) {}

  /** The observer's page as JSON: who (kind and company), what the form offers, and the observer's reports. */
  record PageJson(String kindName, String company, List<Option> categories, List<Option> communities, int maxPhotos,
      long maxPhotoBytes, int descriptionMax, List<ObserverReports.ReportLine> reports) {}

  @GetMapping(value = {"/public/observer/{token}", "/public/observer/{token}.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
  PageJson page(@PathVariable String token, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    ObserverReports.Page p = reports.page(token);
    return new PageJson(p.kindName(), p.company(),
        catalogue.categories().stream().map(c -> new Option(c.code(), c.name())).toList(),
        directory.communities().stream().map(c -> new Option(c.code(), c.name())).toList(),
        photos.rules().maxPerCase(), photos.rules().maxBytes(), cn.yishi.domain.observer.ObserverRules.DESCRIPTION_MAX,
        p.reports());
  }

  @PostMapping(value = {"/public/observer/{token}", "/public/observer/{token}.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> report(@PathVariable String token, @RequestParam(required = false) String category,
      @RequestParam(required = false) String description, @RequestParam(required = false) String compound,
      @RequestParam(required = false) String lat, @RequestParam(required = false) String lng,
      @RequestParam(required = false) String community, HttpServletRequest request) {
    List<FieldError> errors = new ArrayList<>();
    List<PhotoRules.Upload> uploads = PhotoUploads.of(request, errors);
    String key = ReportThrottle.observerKey(reports.observerId(token));
    if (!throttle.tryAcquire(key)) {
      throw new ApiErrors.Refused(HttpStatus.TOO_MANY_REQUESTS, "request", "too_many", "提交过于频繁，请稍后再试");
    }
    try {
      if (!errors.isEmpty()) {
        throw new ValidationException(errors);
      }
      ObserverReports.Reported done = reports.report(token,
          new ObserverReports.ReportInput(category, description, compound, lat, lng, community), uploads);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("caseNo", done.caseNo());
      body.put("merged", done.merged());
      body.put("caseUrl", publicBaseUrl + done.casePath());
      body.put("message", done.merged() ? "该问题已有人反映，您的照片和说明已并入同一办件" : "已提交，社区会尽快核实处理");
      return ResponseEntity.status(HttpStatus.CREATED).body(body);
    } catch (RuntimeException e) {
      throttle.release(key);
      throw e;
    }
  }

  @ExceptionHandler(Observers.Refused.class)
  ResponseEntity<byte[]> refused(Observers.Refused e, HttpServletRequest request) {
    return switch (e.reason()) {
      case NOT_FOUND -> replies.reply(request, HttpStatus.NOT_FOUND, "id", "not_found", e.getMessage());
      case FORBIDDEN -> replies.reply(request, HttpStatus.FORBIDDEN, "user", "forbidden", e.getMessage());
    };
  }

  @ExceptionHandler(ObserverReports.LinkRefused.class)
  ResponseEntity<byte[]> link(ObserverReports.LinkRefused e, HttpServletRequest request) {
    return e.withdrawn() ? replies.reply(request, HttpStatus.FORBIDDEN, "token", "withdrawn", e.getMessage())
        : replies.reply(request, HttpStatus.NOT_FOUND, "token", "not_found", e.getMessage());
  }

  private Observers.Maintainer who() {
    String user = caller.userId();
    if (!caller.isStaff()) {
      throw new ApiErrors.Forbidden("接入渠道账号不能管理议事观察员");
    }
    return new Observers.Maintainer(user, caller.groups(), caller.isAdmin());
  }
}
