package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.deliberation.ResourceCatalogue;
import cn.yishi.application.port.ResourceList;
import cn.yishi.domain.resource.ResourceDraft;
import cn.yishi.domain.resource.ResourceEntry;
import cn.yishi.domain.resource.ResourceKind;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
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
 * The resource list and talent pool (资源清单 / 人才库) for the Tasklist plugin 资源清单 (yishi-resource-list.js), with the
 * webapp session and Camunda's CSRF token, or HTTP Basic. Community staff, street staff and the dispatch centre
 * maintain the entries of their scope; everyone else gets 403. Entries are retired (停用), never deleted.
 *
 * <pre>
 * GET  /api/resources                 the entries the caller sees, the scopes they maintain and the kinds
 * POST /api/resources                 a new entry                        → 201
 * PUT  /api/resources/{id}            an edit, naming the version read   → 200, 409 when it changed meanwhile
 * POST /api/resources/{id}/retire     停用                                → 200, 409 when retired already
 * GET  /api/resources/{id}/changes    who changed what (audit)
 * </pre>
 */
@RestController
@RequestMapping("/api/resources")
class ResourceApi {
  private final ResourceCatalogue catalogue;
  private final Caller caller;
  private final ErrorReplies replies;

  ResourceApi(ResourceCatalogue catalogue, Caller caller, ErrorReplies replies) {
    this.catalogue = catalogue;
    this.caller = caller;
    this.replies = replies;
  }

  record Body(String kind, String name, String expertise, List<String> keywords, String contact, String community,
      String street, Integer version) {}

  record Entry(long id, String kind, String kindName, String name, String expertise, List<String> keywords,
      String contact, String community, String street, String scopeName, boolean active, int version) {}

  record Scope(String community, String street, String name) {}

  record Kind(String code, String name) {}

  record Listing(List<Entry> entries, List<Scope> scopes, List<Kind> kinds) {}

  @GetMapping
  Listing list() {
    ResourceCatalogue.Staff who = staff();
    List<ResourceCatalogue.Scope> scopes = catalogue.scopes(who);
    return new Listing(catalogue.visible(who).stream().map(e -> entry(e, scopes)).toList(),
        scopes.stream().map(s -> new Scope(s.community(), s.street(), s.label())).toList(),
        Arrays.stream(ResourceKind.values()).map(k -> new Kind(k.name(), k.label())).toList());
  }

  @PostMapping
  ResponseEntity<Entry> add(@RequestBody(required = false) Body body) {
    ResourceCatalogue.Staff who = staff();
    ResourceEntry e = catalogue.add(who, draft(body));
    return ResponseEntity.status(HttpStatus.CREATED).body(entry(e, catalogue.scopes(who)));
  }

  @PutMapping("/{id}")
  Entry edit(@PathVariable long id, @RequestBody(required = false) Body body) {
    ResourceCatalogue.Staff who = staff();
    return entry(catalogue.edit(who, id, body == null ? null : body.version(), draft(body)), catalogue.scopes(who));
  }

  @PostMapping("/{id}/retire")
  Entry retire(@PathVariable long id) {
    ResourceCatalogue.Staff who = staff();
    return entry(catalogue.retire(who, id), catalogue.scopes(who));
  }

  @GetMapping("/{id}/changes")
  List<ResourceList.Change> changes(@PathVariable long id) {
    return catalogue.changes(staff(), id);
  }

  private ResourceCatalogue.Staff staff() {
    return new ResourceCatalogue.Staff(caller.userId(), caller.groups());
  }

  private static ResourceDraft draft(Body b) {
    if (b == null) {
      return new ResourceDraft(null, null, null, null, null, null, null);
    }
    return new ResourceDraft(b.kind(), b.name(), b.expertise(), b.keywords(), b.contact(), b.community(), b.street());
  }

  private static Entry entry(ResourceEntry e, List<ResourceCatalogue.Scope> scopes) {
    String scopeName = scopes.stream()
        .filter(s -> java.util.Objects.equals(s.community(), e.community()) && java.util.Objects.equals(s.street(), e.street()))
        .map(ResourceCatalogue.Scope::label).findFirst()
        .orElse(e.community() == null && e.street() == null ? "全县" : e.community() != null ? e.community() : e.street());
    return new Entry(e.id(), e.kind().name(), e.kind().label(), e.name(), e.expertise(), e.keywords(), e.contact(),
        e.community(), e.street(), scopeName, e.active(), e.version());
  }

  @ExceptionHandler(ResourceCatalogue.Refused.class)
  ResponseEntity<byte[]> refused(ResourceCatalogue.Refused e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.FORBIDDEN, "user", "forbidden", e.getMessage());
  }

  @ExceptionHandler(ResourceCatalogue.NotFound.class)
  ResponseEntity<byte[]> notFound(ResourceCatalogue.NotFound e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.NOT_FOUND, "id", "not_found", e.getMessage());
  }

  @ExceptionHandler(ResourceCatalogue.Stale.class)
  ResponseEntity<byte[]> stale(ResourceCatalogue.Stale e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.CONFLICT, "version", "stale", e.getMessage());
  }
}
