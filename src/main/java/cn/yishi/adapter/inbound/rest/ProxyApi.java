package cn.yishi.adapter.inbound.rest;

import cn.yishi.adapter.inbound.web.ReportThrottle;
import cn.yishi.application.proxy.ProxyRequests;
import cn.yishi.domain.directory.Directory;
import cn.yishi.domain.directory.GroupIds;
import cn.yishi.domain.proxy.ProxyServiceType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 代办 as JSON: the public catalogue, a request (throttled like the report page), the request's status and rating
 * behind its token; and for staff the counts per service, street (township) and month.
 */
@RestController
class ProxyApi {
  private static final List<String> STATISTICS_READERS = List.of(GroupIds.DISPATCH_CENTRE, GroupIds.ADMIN);

  private final ProxyRequests requests;
  private final Directory directory;
  private final ReportThrottle throttle;
  private final Caller caller;
  private final String publicBaseUrl;

  ProxyApi(ProxyRequests requests, Directory directory, ReportThrottle throttle, Caller caller,
      @Value("${yishi.public-base-url}") String publicBaseUrl) {
    this.requests = requests;
    this.directory = directory;
    this.throttle = throttle;
    this.caller = caller;
    this.publicBaseUrl = publicBaseUrl.replaceAll("/$", "");
  }

  record Community(String code, String name) {}

  record Catalogue(List<ProxyServiceType> services, List<Community> communities) {}

  @GetMapping(value = {"/public/proxy", "/public/proxy.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
  Catalogue catalogue() {
    return new Catalogue(requests.services(),
        directory.communities().stream().map(c -> new Community(c.code(), c.name())).toList());
  }

  record NewRequest(String serviceCode, String community, String compound, String residentName, String residentPhone) {}

  @PostMapping(value = {"/public/proxy", "/public/proxy.json"}, consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> request(@RequestBody(required = false) NewRequest body, HttpServletRequest http) {
    String ip = http.getRemoteAddr();
    if (!throttle.tryAcquire(ip)) {
      throw new ApiErrors.Refused(HttpStatus.TOO_MANY_REQUESTS, "request", "too_many", "提交过于频繁，请稍后再试");
    }
    NewRequest r = body == null ? new NewRequest(null, null, null, null, null) : body;
    try {
      ProxyRequests.Registered registered = requests.submitFromPhone(new ProxyRequests.NewProxyRequest(r.serviceCode(),
          r.community(), r.compound(), r.residentName(), r.residentPhone()));
      return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("requestNo", registered.requestNo(),
          "statusUrl", publicBaseUrl + ProxyRequests.statusPath(registered.token()),
          "message", "代办申请已提交，社区代办员会尽快联系您"));
    } catch (RuntimeException e) {
      throttle.release(ip);
      throw e;
    }
  }

  @GetMapping(value = {"/public/proxy/{token}", "/public/proxy/{token}.json"}, produces = MediaType.APPLICATION_JSON_VALUE)
  ProxyRequests.View status(@PathVariable String token) {
    try {
      return requests.view(token);
    } catch (ProxyRequests.UnknownRequest e) {
      throw ApiErrors.notFound("token", e.getMessage());
    }
  }

  record Rating(Integer rating, String comment) {}

  @PostMapping(value = {"/public/proxy/{token}", "/public/proxy/{token}.json"}, consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> rate(@PathVariable String token, @RequestBody(required = false) Rating rating) {
    try {
      boolean satisfied = requests.rate(token, rating == null ? null : rating.rating(), rating == null ? null : rating.comment());
      return Map.of("satisfied", satisfied, "message", satisfied ? "感谢您的评价，本次代办完成" : "您的意见已记录，代办员将按您的意见整改");
    } catch (ProxyRequests.UnknownRequest e) {
      throw ApiErrors.notFound("token", e.getMessage());
    }
  }

  /** Counts per month, service and street; {@code month} (yyyy-MM) to narrow. Street staff see their own street. */
  @GetMapping(value = "/api/proxy/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> statistics(@RequestParam(required = false) String month) {
    caller.userId();
    List<ProxyRequests.CountLine> lines = requests.statistics(month);
    if (!caller.inAny(STATISTICS_READERS)) {
      List<String> streets = new ArrayList<>();
      directory.streets().forEach(s -> {
        if (caller.inAny(List.of(GroupIds.street(s.code())))) {
          streets.add(s.code());
        }
      });
      if (streets.isEmpty()) {
        throw new ApiErrors.Forbidden("只有调度中心、街道（乡镇）工作人员和管理员可以查看代办统计");
      }
      lines = lines.stream().filter(l -> streets.contains(l.street())).toList();
    }
    return Map.of("lines", lines);
  }
}
