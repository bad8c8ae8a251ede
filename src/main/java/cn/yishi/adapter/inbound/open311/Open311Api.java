package cn.yishi.adapter.inbound.open311;

import static cn.yishi.adapter.inbound.open311.Open311Parameters.format;

import cn.yishi.adapter.inbound.open311.Open311Document.Format;
import cn.yishi.adapter.inbound.open311.Open311QueryParser.ListParameters;
import cn.yishi.adapter.inbound.open311.Open311QueryParser.ListQuery;
import cn.yishi.adapter.inbound.open311.Open311QueryParser.OneQuery;
import cn.yishi.application.Catalogue;
import cn.yishi.application.IntakeResult;
import cn.yishi.application.IntakeService;
import cn.yishi.application.ServiceRequestQueries;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the category catalogue and the
 * public case record. JSON by default, XML with the {@code .xml} extension. A service request is a
 * case: {@code service_request_id} is the case number, {@code jurisdiction_id} the community code,
 * {@code address} the compound. This class only wires the endpoints: the parsers read the parameters,
 * the use cases act, and {@link Open311Views} writes the answers.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Api {
  private final IntakeService intake;
  private final ServiceRequestQueries queries;
  private final Catalogue catalogue;
  private final Open311Keys keys;
  private final Open311Tokens tokens;
  private final Open311ReportParser reports;
  private final Open311QueryParser parameters;
  private final Open311Views views;

  Open311Api(IntakeService intake, ServiceRequestQueries queries, Catalogue catalogue, Open311Keys keys,
      Open311Tokens tokens, Open311ReportParser reports, Open311QueryParser parameters, Open311Views views) {
    this.intake = intake;
    this.queries = queries;
    this.catalogue = catalogue;
    this.keys = keys;
    this.tokens = tokens;
    this.reports = reports;
    this.parameters = parameters;
    this.views = views;
  }

  @GetMapping({"/discovery", "/discovery.{format}"})
  ResponseEntity<byte[]> discovery(@PathVariable(required = false) String format, HttpServletRequest request) {
    Format f = format(format, request);
    return views.discovery().render(HttpStatus.OK, f);
  }

  @GetMapping({"/services", "/services.{format}"})
  ResponseEntity<byte[]> services(@PathVariable(required = false) String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction, HttpServletRequest request) {
    Format f = format(format, request);
    parameters.jurisdiction(jurisdiction).orThrow();
    return views.services().render(HttpStatus.OK, f);
  }

  @GetMapping("/services/{file}")
  ResponseEntity<byte[]> serviceDefinition(@PathVariable String file,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction, HttpServletRequest request) {
    Format f = Format.of(request);
    String code = Format.strip(file);
    parameters.jurisdiction(jurisdiction).orThrow();
    Catalogue.Category category = catalogue.find(code)
        .orElseThrow(() -> Open311Exception.notFound("未找到该服务类别：" + code));
    return views.serviceDefinition(category).render(HttpStatus.OK, f);
  }

  /**
   * A new service request: an ordinary case through {@link IntakeService#submit}, with the key's
   * channel and account. Each POST is a new report (or 附议 of an open case of the same category at
   * the same compound) unless {@code attribute[external_id]} repeats one the same key sent before.
   */
  @PostMapping({"/requests", "/requests.{format}"})
  ResponseEntity<byte[]> create(@PathVariable(required = false) String format, HttpServletRequest request) {
    Format f = format(format, request);
    Open311Keys.Account account = account(request.getParameter("api_key"));
    NewCase report = reports.parse(request::getParameter, account).orThrow();
    IntakeResult result = submit(report, account);
    HttpStatus status = result.kind() == IntakeResult.Kind.REPEATED ? HttpStatus.OK : HttpStatus.CREATED;
    return views.created(result, tokens.issue(result.caseNo())).render(status, f);
  }

  private Open311Keys.Account account(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw Open311Exception.forbidden("缺少 api_key，无法提交诉求");
    }
    return keys.find(apiKey.strip()).orElseThrow(() -> Open311Exception.forbidden("api_key 无效，无法提交诉求"));
  }

  private IntakeResult submit(NewCase report, Open311Keys.Account account) {
    try {
      return intake.submit(report, account.account());
    } catch (ValidationException e) {
      throw Open311Exception.badRequest(Open311ReportParser.describe(e));
    } catch (DataIntegrityViolationException raced) {
      // the same external_id arrived twice at once; the first one won
      return intake.findRepeated(report).orElseThrow(() -> raced);
    }
  }

  @GetMapping("/tokens/{file}")
  ResponseEntity<byte[]> token(@PathVariable String file, HttpServletRequest request) {
    Format f = Format.of(request);
    String token = Format.strip(file);
    String caseNo = tokens.caseNo(token).filter(queries::exists)
        .orElseThrow(() -> Open311Exception.notFound("未找到该令牌"));
    return views.token(caseNo, token).render(HttpStatus.OK, f);
  }

  @GetMapping("/requests/{file}")
  ResponseEntity<byte[]> request(@PathVariable String file,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      @RequestParam(required = false) String extensions, HttpServletRequest request) {
    Format f = Format.of(request);
    String caseNo = Format.strip(file);
    OneQuery q = parameters.request(jurisdiction, extensions).orThrow();
    ServiceRequestQueries.Request found = queries.one(caseNo)
        .filter(c -> q.community() == null || c.pending() || q.community().equals(c.record().community()))
        .orElseThrow(() -> Open311Exception.notFound("未找到该诉求：" + caseNo));
    return views.requests(List.of(found), q.extensions()).render(HttpStatus.OK, f);
  }

  @GetMapping({"/requests", "/requests.{format}"})
  ResponseEntity<byte[]> requests(@PathVariable(required = false) String format,
      @RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
      @RequestParam(name = "service_request_id", required = false) String ids,
      @RequestParam(name = "service_code", required = false) String codes,
      @RequestParam(name = "start_date", required = false) String startDate,
      @RequestParam(name = "end_date", required = false) String endDate,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String page,
      @RequestParam(name = "page_size", required = false) String pageSize,
      @RequestParam(required = false) String extensions,
      HttpServletRequest request) {
    Format f = format(format, request);
    ListQuery q = parameters.requests(new ListParameters(jurisdiction, ids, codes, startDate, endDate, status, page,
        pageSize, extensions)).orThrow();
    return views.requests(queries.find(q.search()), q.extensions()).render(HttpStatus.OK, f);
  }

  /** Anything else under /open311/v2. */
  @RequestMapping("/**")
  ResponseEntity<byte[]> unknown() {
    throw Open311Exception.notFound("未找到该接口，请参阅 discovery");
  }
}
