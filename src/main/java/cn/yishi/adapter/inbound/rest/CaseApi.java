package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.CaseNotFound;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.HandlingService;
import cn.yishi.application.IntakeResult;
import cn.yishi.application.IntakeService;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.FieldError;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import cn.yishi.domain.casefile.ValidationException;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.directory.TierRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The staff and channel API: intake, the staff view of a case, progress notes. */
@RestController
@RequestMapping("/api/cases")
class CaseApi {
  private final IntakeService intake;
  private final CaseQueries queries;
  private final HandlingService handling;
  private final Caller caller;
  private final TierRouting routing;
  private final Directory directory;
  private final String publicBaseUrl;

  CaseApi(IntakeService intake, CaseQueries queries, HandlingService handling, Caller caller, Directory directory,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.intake = intake;
    this.queries = queries;
    this.handling = handling;
    this.caller = caller;
    this.routing = new TierRouting(directory);
    this.directory = directory;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  /** Where: the reporter's exact address (private), the compound's code and the 院坝's code of the directory. */
  record Location(String address, String compound, Double lat, Double lon, String yuanba) {}

  record ReporterBody(String name, String phone, String email) {}

  record CaseBody(String channel, String externalId, String category, String title, String description,
      String community, Location location, Integer householdsAffected, ReporterBody reporter, List<String> attachments) {}

  record Created(String caseNo, String status, String publicUrl, boolean merged) {}

  @PostMapping
  ResponseEntity<Created> submit(@RequestBody(required = false) CaseBody body) {
    String user = caller.userId();
    if (!caller.inAny(List.of(GroupIds.CHANNEL_ACCOUNTS)) && !caller.isStaff()) {
      throw new ApiErrors.Forbidden("只有接入渠道账号和工作人员可以提交诉求");
    }
    NewCase report = toNewCase(body);
    IntakeResult result;
    try {
      result = intake.submit(report, user);
    } catch (DataIntegrityViolationException raced) {
      // the same channel report arrived twice at once; the first one won
      result = intake.findRepeated(report).orElseThrow(() -> raced);
    }
    HttpStatus status = result.kind() == IntakeResult.Kind.REPEATED ? HttpStatus.OK : HttpStatus.CREATED;
    return ResponseEntity.status(status).body(new Created(result.caseNo(),
        result.kind() == IntakeResult.Kind.MERGED ? "MERGED" : result.status(),
        publicBaseUrl + "/public/cases/" + result.caseNo(), result.kind() == IntakeResult.Kind.MERGED));
  }

  @GetMapping("/{caseNo}")
  CaseQueries.StaffCase get(@PathVariable String caseNo) {
    caller.userId();
    if (!caller.isStaff()) {
      throw new ApiErrors.Forbidden("只有工作人员可以查看办件详情");
    }
    return queries.staffCaseFor(caseNo, caller.groups()).orElseThrow(() -> new CaseNotFound(caseNo));
  }

  record ProgressBody(String note) {}

  @PostMapping("/{caseNo}/progress")
  ResponseEntity<Map<String, String>> progress(@PathVariable String caseNo, @RequestBody(required = false) ProgressBody body) {
    String user = caller.userId();
    CaseQueries.PublicCase c = queries.summary(caseNo).orElseThrow(() -> new CaseNotFound(caseNo));
    List<String> allowed = new ArrayList<>(List.of(GroupIds.DISPATCH_CENTRE));
    if (c.tier() != null) {
      String compound = directory.compound(c.community(), c.compound()).map(s -> s.code()).orElse(null);
      allowed.addAll(routing.handlerGroups(c.community(), cn.yishi.domain.casefile.Tier.valueOf(c.tier()), compound,
          c.responsibleUnit(), true));
    }
    if (!caller.inAny(allowed)) {
      throw new ApiErrors.Forbidden("只有承办层级、责任单位和调度中心可以填写办理进展");
    }
    handling.progress(caseNo, body == null ? null : body.note(), user);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("caseNo", caseNo, "status", "RECORDED"));
  }

  private static NewCase toNewCase(CaseBody b) {
    if (b == null) {
      throw new ValidationException(List.of(new FieldError("body", "required", "请提交诉求内容")));
    }
    Channel channel = null;
    if (b.channel() == null || b.channel().isBlank()) {
      throw new ValidationException(List.of(new FieldError("channel", "required", "请填写来源渠道")));
    }
    try {
      channel = Channel.valueOf(b.channel().strip());
    } catch (IllegalArgumentException e) {
      throw new ValidationException(List.of(new FieldError("channel", "unknown", "未知的来源渠道：" + b.channel())));
    }
    Location loc = b.location() == null ? new Location(null, null, null, null, null) : b.location();
    ReporterBody r = b.reporter() == null ? new ReporterBody(null, null, null) : b.reporter();
    return new NewCase(channel, b.externalId(), b.category(), b.title(), b.description(), b.community(),
        loc.compound(), b.householdsAffected(), new Reporter(r.name(), r.phone(), r.email(), loc.address()),
        b.attachments(), loc.lat(), loc.lon(), loc.yuanba());
  }
}
