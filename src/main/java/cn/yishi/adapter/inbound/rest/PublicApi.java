package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.CaseNotFound;
import cn.yishi.application.CasePhotoService;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.CaseTracking;
import cn.yishi.domain.casefile.CaseStatus;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.http.MediaType;
import cn.yishi.application.EvaluationService;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public view (no login): cases without personal data, and the single-use evaluation links.
 * The board pages are a separate issue; this is their JSON.
 */
@RestController
class PublicApi {
  private final CaseQueries queries;
  private final CaseTracking tracking;
  private final EvaluationService evaluations;
  private final CasePhotoService photos;
  private final String publicBaseUrl;

  PublicApi(CaseQueries queries, CaseTracking tracking, EvaluationService evaluations, CasePhotoService photos,
      @org.springframework.beans.factory.annotation.Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.queries = queries;
    this.tracking = tracking;
    this.evaluations = evaluations;
    this.photos = photos;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  /**
   * A reviewed case: its public view as before, where its evaluation stands (never the link), and the addresses of its
   * released photos (随手拍; none until a reviewer releases one).
   */
  record TrackedCase(@JsonUnwrapped CaseQueries.PublicCase record, String evaluation, String evaluationName,
      List<String> photos) {}

  /** A case awaiting review: that it exists, and nothing of its content. */
  record PendingCase(String caseNo, String status, String statusName, boolean pending) {}

  /** The case's JSON ({@code Accept: application/json} or the {@code .json} suffix); its page is {@code CasePages}. */
  @GetMapping(value = {"/public/cases/{caseNo}", "/public/cases/{caseNo}.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
  Object one(@PathVariable String caseNo) {
    CaseTracking.Tracked t = tracking.track(caseNo).orElseThrow(() -> new CaseNotFound(caseNo));
    if (t.pending()) {
      return new PendingCase(t.caseNo(), CaseStatus.REGISTERED.name(), CaseTracking.PENDING_NAME, true);
    }
    return new TrackedCase(t.record(), t.evaluation().name(), t.evaluation().label(),
        photos.released(t.caseNo()).stream().map(id -> publicBaseUrl + "/public/photos/" + id).toList());
  }

  @GetMapping(value = "/public/cases", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> list(@RequestParam(required = false) String community, @RequestParam(required = false) String status,
      @RequestParam(required = false) String month) {
    List<CaseQueries.PublicCase> cases = queries.publicCases(blank(community), blank(status), blank(month));
    return Map.of("cases", cases, "count", cases.size(), "limit", CaseQueries.PUBLIC_PAGE_MAX);
  }

  @GetMapping(value = "/public/evaluations/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
  EvaluationService.LinkView evaluation(@PathVariable String token) {
    return evaluations.view(token);
  }

  record Rating(Integer satisfaction, String comment) {}

  @PostMapping(value = "/public/evaluations/{token}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> rate(@PathVariable String token, @RequestBody(required = false) Rating rating) {
    String caseNo = evaluations.submit(token, rating == null ? null : rating.satisfaction(), rating == null ? null : rating.comment());
    return ResponseEntity.ok(Map.of("caseNo", caseNo, "message", "感谢您的评价！"));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
