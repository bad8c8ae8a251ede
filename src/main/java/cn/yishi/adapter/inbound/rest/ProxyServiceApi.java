package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.port.ProxyServiceList;
import cn.yishi.application.proxy.ProxyServiceCatalogue;
import cn.yishi.domain.proxy.ProxyServiceDraft;
import cn.yishi.domain.proxy.ProxyServiceEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 代办事项清单 for the Tasklist plugin 代办事项清单 (yishi-proxy-services.js), with the webapp session and Camunda's
 * CSRF token, or HTTP Basic. The dispatch centre and admins maintain it; street staff and the 代办员 read it; everyone
 * else gets 403. Services are retired (停用), never deleted.
 *
 * <pre>
 * GET  /api/proxy/services                 {services, offices, maintains}
 * POST /api/proxy/services                 a new service                         → 201
 * PUT  /api/proxy/services/{code}          an edit naming the version read        → 200, 409 when it changed meanwhile
 * POST /api/proxy/services/{code}/retire   停用                                    → 200, 409 when retired already
 * GET  /api/proxy/services/{code}/changes  who changed what (audit)
 * POST /api/proxy/services/offices         {name}: a new office                   → 201 {offices}
 * </pre>
 */
@RestController
@RequestMapping("/api/proxy/services")
class ProxyServiceApi {
  private final ProxyServiceCatalogue catalogue;
  private final Caller caller;
  private final ErrorReplies replies;

  ProxyServiceApi(ProxyServiceCatalogue catalogue, Caller caller, ErrorReplies replies) {
    this.catalogue = catalogue;
    this.caller = caller;
    this.replies = replies;
  }

  record Body(String code, String name, String office, Integer timeLimitDays, List<String> documents, List<String> steps,
      Integer version) {}

  record Service(String code, String name, String office, int timeLimitDays, List<String> documents, List<String> steps,
      boolean active, int version) {}

  record Listing(List<Service> services, List<String> offices, boolean maintains) {}

  record Office(String name) {}

  @GetMapping
  Listing list() {
    ProxyServiceCatalogue.Staff who = staff();
    return new Listing(catalogue.all(who).stream().map(ProxyServiceApi::service).toList(), catalogue.offices(who),
        catalogue.maintains(who));
  }

  @PostMapping
  ResponseEntity<Service> add(@RequestBody(required = false) Body body) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service(catalogue.add(staff(), draft(body))));
  }

  @PutMapping("/{code}")
  Service edit(@PathVariable String code, @RequestBody(required = false) Body body) {
    return service(catalogue.edit(staff(), code, body == null ? null : body.version(), draft(body)));
  }

  @PostMapping("/{code}/retire")
  Service retire(@PathVariable String code) {
    return service(catalogue.retire(staff(), code));
  }

  @GetMapping("/{code}/changes")
  List<ProxyServiceList.Change> changes(@PathVariable String code) {
    return catalogue.changes(staff(), code);
  }

  @PostMapping("/offices")
  ResponseEntity<Listing> addOffice(@RequestBody(required = false) Office body) {
    ProxyServiceCatalogue.Staff who = staff();
    catalogue.addOffice(who, body == null ? null : body.name());
    return ResponseEntity.status(HttpStatus.CREATED).body(list());
  }

  private ProxyServiceCatalogue.Staff staff() {
    return new ProxyServiceCatalogue.Staff(caller.userId(), caller.groups());
  }

  private static ProxyServiceDraft draft(Body b) {
    if (b == null) {
      return new ProxyServiceDraft(null, null, null, null, null, null);
    }
    return new ProxyServiceDraft(b.code(), b.name(), b.office(), b.timeLimitDays(), b.documents(), b.steps());
  }

  private static Service service(ProxyServiceEntry e) {
    var s = e.service();
    return new Service(s.code(), s.name(), s.office(), s.timeLimitDays(), s.documents(), s.steps(), e.active(), e.version());
  }

  @ExceptionHandler(ProxyServiceCatalogue.Refused.class)
  ResponseEntity<byte[]> refused(ProxyServiceCatalogue.Refused e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.FORBIDDEN, "user", "forbidden", e.getMessage());
  }

  @ExceptionHandler(ProxyServiceCatalogue.NotFound.class)
  ResponseEntity<byte[]> notFound(ProxyServiceCatalogue.NotFound e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.NOT_FOUND, "code", "not_found", e.getMessage());
  }

  @ExceptionHandler(ProxyServiceCatalogue.Stale.class)
  ResponseEntity<byte[]> stale(ProxyServiceCatalogue.Stale e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.CONFLICT, "version", "stale", e.getMessage());
  }
}
