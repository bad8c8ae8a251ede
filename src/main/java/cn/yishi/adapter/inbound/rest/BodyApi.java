package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.deliberation.DeliberationBodies;
import cn.yishi.application.deliberation.ResourceCatalogue;
import cn.yishi.application.port.BodySettingsStore;
import cn.yishi.domain.deliberation.BodySettings;
import cn.yishi.domain.deliberation.PartyModel;
import cn.yishi.domain.deliberation.StandingParty;
import cn.yishi.domain.directory.Directory;
import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deliberating bodies (议事机构) for the Tasklist plugin 议事机构 (yishi-bodies.js), with the webapp session and
 * Camunda's CSRF token, or HTTP Basic. A body's own group, the community's 两委 (its stations and room), the street's
 * staff (its hall) and the dispatch centre (all) maintain them; everyone else gets 403.
 *
 * <pre>
 * GET /api/bodies                 the bodies the caller maintains, the party models and the standing parties
 * PUT /api/bodies/{key}           place, fixedDays, partyModel, standingParties, active, version → 200; 409 when stale
 * GET /api/bodies/{key}/changes   who changed what (audit)
 * </pre>
 */
@RestController
@RequestMapping("/api/bodies")
class BodyApi {
  private final DeliberationBodies bodies;
  private final Caller caller;
  private final ErrorReplies replies;
  private final Directory directory;

  BodyApi(DeliberationBodies bodies, Caller caller, ErrorReplies replies, Directory directory) {
    this.bodies = bodies;
    this.caller = caller;
    this.replies = replies;
    this.directory = directory;
  }

  record Edit(String place, List<String> fixedDays, String partyModel, List<String> standingParties, Boolean active,
      Integer version) {}

  record Code(String code, String name) {}

  record Model(String code, String name, List<String> parties) {}

  record Entry(String key, String kind, String kindName, String name, String group, String place, String placeShown,
      List<Integer> fixedDays, String fixedDaysText, String partyModel, String partyModelName, List<Code> standingParties,
      boolean active, int version, String updatedBy, String updatedByName, OffsetDateTime updatedAt) {}

  record Listing(List<Entry> bodies, List<Model> partyModels, List<Code> parties) {}

  @GetMapping
  Listing list() {
    return new Listing(bodies.maintainable(staff()).stream().map(this::entry).toList(),
        Arrays.stream(PartyModel.values()).map(m -> new Model(m.name(), m.label(),
            m.parties().stream().map(Enum::name).toList())).toList(),
        Arrays.stream(StandingParty.values()).map(p -> new Code(p.name(), p.label())).toList());
  }

  @PutMapping("/{key}")
  Entry edit(@PathVariable String key, @RequestBody(required = false) Edit body) {
    Edit b = body == null ? new Edit(null, null, null, null, null, null) : body;
    return entry(bodies.edit(staff(), key, b.version(),
        new BodySettings.Draft(b.place(), b.fixedDays(), b.partyModel(), b.standingParties(), b.active())));
  }

  @GetMapping("/{key}/changes")
  List<BodySettingsStore.Change> changes(@PathVariable String key) {
    return bodies.changes(staff(), key);
  }

  private ResourceCatalogue.Staff staff() {
    return new ResourceCatalogue.Staff(caller.userId(), caller.groups());
  }

  private Entry entry(DeliberationBodies.Listed l) {
    BodySettings s = l.settings();
    String by = l.updatedBy() == null || "system".equals(l.updatedBy()) ? null : l.updatedBy();
    String byName = by == null ? "初始配置" : directory.users().stream().filter(u -> u.id().equals(by)).findFirst()
        .map(u -> u.firstName() + " " + u.lastName()).orElse("工作人员");
    return new Entry(l.body().key(), l.body().kind().name(), l.body().kind().label(), l.body().name(), l.body().group(),
        s.place(), s.place() == null ? l.body().name() : s.place(), s.fixedDays(), s.fixedDaysText(), s.model().name(),
        s.model().label(), s.parties().stream().map(p -> new Code(p.name(), p.label())).toList(), s.active(), s.version(),
        by, byName, l.updatedAt());
  }

  @ExceptionHandler(DeliberationBodies.Refused.class)
  ResponseEntity<byte[]> refused(DeliberationBodies.Refused e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.FORBIDDEN, "user", "forbidden", e.getMessage());
  }

  @ExceptionHandler(DeliberationBodies.NotFound.class)
  ResponseEntity<byte[]> notFound(DeliberationBodies.NotFound e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.NOT_FOUND, "key", "not_found", e.getMessage());
  }

  @ExceptionHandler(DeliberationBodies.Stale.class)
  ResponseEntity<byte[]> stale(DeliberationBodies.Stale e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.CONFLICT, "version", "stale", e.getMessage());
  }
}
