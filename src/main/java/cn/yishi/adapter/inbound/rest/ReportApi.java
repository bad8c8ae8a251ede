package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.supervision.MonthlyDispatchService;
import cn.yishi.application.supervision.MonthlyReportView;
import cn.yishi.application.supervision.SupervisionQueries;
import cn.yishi.domain.directory.GroupIds;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly dispatch reports (月调度) for the dispatch centre and the Cockpit dashboard: a stored month, and the
 * running month computed on the fly. Only the dispatch centre and administrators; others get 403.
 */
@RestController
@RequestMapping("/api/reports")
class ReportApi {
  private static final List<String> READERS = List.of(GroupIds.DISPATCH_CENTRE, GroupIds.ADMIN);

  private final MonthlyDispatchService dispatch;
  private final SupervisionQueries queries;
  private final Caller caller;

  ReportApi(MonthlyDispatchService dispatch, SupervisionQueries queries, Caller caller) {
    this.dispatch = dispatch;
    this.queries = queries;
    this.caller = caller;
  }

  /** The stored report of a month (DRAFT or APPROVED); 400 on a malformed month, 404 when there is none. */
  @GetMapping("/monthly/{month}")
  MonthlyReportView monthly(@PathVariable String month) {
    requireReader();
    return dispatch.report(month).orElseThrow(() -> ApiErrors.notFound("month", month.strip() + " 尚无月调度报告"));
  }

  /** The running month's figures and provisional boards, computed now and not stored. */
  @GetMapping("/current")
  MonthlyReportView current() {
    requireReader();
    return dispatch.current();
  }

  /** The latest approved month's report: the red and black board in force. 404 while no month is approved. */
  @GetMapping("/latest")
  MonthlyReportView latestApproved() {
    requireReader();
    return dispatch.latestApproved().orElseThrow(() -> ApiErrors.notFound("month", "尚无审定的月调度报告"));
  }

  /** Cases received and resolved per month for the last {@code months} months (1–24, default 6). */
  @GetMapping("/trend")
  SupervisionQueries.Trend trend(@RequestParam(required = false) String months) {
    requireReader();
    return queries.trend(months);
  }

  private void requireReader() {
    caller.userId();
    if (!caller.inAny(READERS)) {
      throw new ApiErrors.Forbidden("只有调度中心和管理员可以查看月调度报告");
    }
  }
}
