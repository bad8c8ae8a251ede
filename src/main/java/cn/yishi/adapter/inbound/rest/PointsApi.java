package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.http.ErrorReplies;
import cn.yishi.application.points.PointsAdministration;
import cn.yishi.application.points.PointsAwards;
import cn.yishi.application.points.PointsShop;
import cn.yishi.domain.points.LedgerPerson;
import cn.yishi.domain.points.PointsEntry;
import cn.yishi.domain.points.ShopItem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * The staff's points (积分管理), used by the Tasklist plugin yishi-points.js with the webapp session: a community's
 * persons, rules and shop items (the community committee maintains them), a person's ledger, corrections by the
 * committee, and redemptions by the shop keeper. Each call is checked against the caller's groups in the community
 * (see PointsRoles); refusals are {@code {"errors":[…]}} in Chinese, and a refused call stores nothing.
 */
@RestController
@RequestMapping(value = "/api/points", produces = MediaType.APPLICATION_JSON_VALUE)
class PointsApi {
  private final PointsAdministration administration;
  private final PointsAwards awards;
  private final PointsShop shop;
  private final Caller caller;
  private final ErrorReplies replies;

  PointsApi(PointsAdministration administration, PointsAwards awards, PointsShop shop, Caller caller, ErrorReplies replies) {
    this.administration = administration;
    this.awards = awards;
    this.shop = shop;
    this.caller = caller;
    this.replies = replies;
  }

  record PersonBody(String name, String household, String compound, Boolean publishName, String pseudonym) {}

  record RuleBody(String reason, Integer points, List<String> awardedBy, Boolean active) {}

  record ItemBody(String name, Integer price, Integer stock, Boolean active) {}

  record CorrectionBody(Long entryId, Integer points, String reason) {}

  record RedemptionBody(Long personId, Long itemId, Integer quantity, String requestKey) {}

  /** The communities in which the caller has a points role. */
  @GetMapping
  List<PointsAdministration.CommunityRole> communities() {
    caller.userId();
    return administration.communitiesOf(caller.groups());
  }

  @GetMapping("/{community}")
  PointsAdministration.Overview overview(@PathVariable String community) {
    caller.userId();
    return administration.overview(community, caller.groups());
  }

  @GetMapping("/{community}/persons/{personId}/entries")
  List<PointsEntry> ledger(@PathVariable String community, @PathVariable long personId) {
    caller.userId();
    return administration.ledger(community, personId, caller.groups());
  }

  @PostMapping(value = "/{community}/persons", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LedgerPerson> addPerson(@PathVariable String community, @RequestBody PersonBody b) {
    String user = caller.userId();
    return ResponseEntity.status(HttpStatus.CREATED).body(administration.addPerson(community, b.name(), b.household(),
        b.compound(), b.publishName(), b.pseudonym(), caller.groups(), user));
  }

  @PutMapping(value = "/{community}/persons/{personId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  LedgerPerson updatePerson(@PathVariable String community, @PathVariable long personId, @RequestBody PersonBody b) {
    caller.userId();
    return administration.updatePerson(community, personId, b.name(), b.household(), b.compound(), b.publishName(),
        b.pseudonym(), caller.groups());
  }

  @PutMapping(value = "/{community}/rules/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
  PointsAdministration.RuleView saveRule(@PathVariable String community, @PathVariable String code, @RequestBody RuleBody b) {
    String user = caller.userId();
    return administration.saveRule(community, code, b.reason(), b.points(), b.awardedBy(), b.active(), caller.groups(), user);
  }

  @PostMapping(value = "/{community}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ShopItem> addItem(@PathVariable String community, @RequestBody ItemBody b) {
    String user = caller.userId();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(administration.addItem(community, b.name(), b.price(), b.stock(), caller.groups(), user));
  }

  @PutMapping(value = "/{community}/items/{itemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ShopItem updateItem(@PathVariable String community, @PathVariable long itemId, @RequestBody ItemBody b) {
    String user = caller.userId();
    return administration.updateItem(community, itemId, b.name(), b.price(), b.stock(), b.active(), caller.groups(), user);
  }

  @PostMapping(value = "/{community}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PointsEntry> correct(@PathVariable String community, @RequestBody CorrectionBody b) {
    String user = caller.userId();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(awards.correct(community, b.entryId(), b.points(), b.reason(), caller.groups(), user));
  }

  /** 201 for a new redemption; 200 with {@code repeated: true} when the request key was recorded before. */
  @PostMapping(value = "/{community}/redemptions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PointsShop.Receipt> redeem(@PathVariable String community, @RequestBody RedemptionBody b) {
    String user = caller.userId();
    PointsShop.Receipt r = shop.redeem(community, b.personId(), b.itemId(), b.quantity(), b.requestKey(), caller.groups(), user);
    return ResponseEntity.status(r.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(r);
  }

  /** A lock not granted in time (many redemptions of one person at once): the caller may try again; nothing stored. */
  @ExceptionHandler(PessimisticLockingFailureException.class)
  ResponseEntity<byte[]> busy(PessimisticLockingFailureException e, HttpServletRequest request) {
    return replies.reply(request, HttpStatus.CONFLICT, "points", "busy", "正在处理该居民的其他积分操作，请稍后重试");
  }
}
