package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.supervision.SupervisionQueries;
import cn.yishi.domain.directory.GroupIds;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisor dashboard's lists (督办看板 in Cockpit): items overdue now by unit, and items under listed
 * supervision (挂牌督办). Only the dispatch centre and administrators; others get 403.
 */
@RestController
@RequestMapping("/api/supervision")
class SupervisionBoardApi {
  private static final List<String> READERS = List.of(GroupIds.DISPATCH_CENTRE, GroupIds.ADMIN);

  private final SupervisionQueries queries;
  private final Caller caller;

  SupervisionBoardApi(SupervisionQueries queries, Caller caller) {
    this.queries = queries;
    this.caller = caller;
  }

  /** Open cases (with a responsible unit) and resolution items past their deadline now, grouped by unit. */
  @GetMapping("/overdue")
  List<SupervisionQueries.UnitOverdue> overdue() {
    requireReader();
    return queries.overdue();
  }

  /** Items under listed supervision not yet resolved, oldest listing first. */
  @GetMapping("/listed")
  List<SupervisionQueries.ListedItem> listed() {
    requireReader();
    return queries.listed();
  }

  private void requireReader() {
    caller.userId();
    if (!caller.inAny(READERS)) {
      throw new ApiErrors.Forbidden("只有调度中心和管理员可以查看督办看板");
    }
  }
}
