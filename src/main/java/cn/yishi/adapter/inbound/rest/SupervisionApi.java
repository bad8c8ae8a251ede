package cn.yishi.adapter.inbound.rest;

import cn.yishi.application.port.SupervisionStore.Run;
import cn.yishi.application.supervision.SupervisionRuns;
import cn.yishi.domain.directory.GroupIds;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervision runs: catch-up runs for the operator (camunda-admin), and the run records for the
 * operator and the dispatch centre.
 */
@RestController
@RequestMapping("/api/supervision/runs")
class SupervisionApi {
  private final SupervisionRuns runs;
  private final Caller caller;

  SupervisionApi(SupervisionRuns runs, Caller caller) {
    this.runs = runs;
    this.caller = caller;
  }

  record RunBody(String kind, String asOf) {}

  /** A run, or (monthly, waiting for its review) the process that will write it. */
  record Started(String processInstanceId, Run run) {}

  @PostMapping
  ResponseEntity<Started> run(@RequestBody(required = false) RunBody body) {
    caller.userId();
    if (!caller.isAdmin()) {
      throw new ApiErrors.Forbidden("只有系统管理员可以补跑旬跟进或月调度");
    }
    RunBody b = body == null ? new RunBody(null, null) : body;
    SupervisionRuns.Started started = runs.run(b.kind(), b.asOf(), caller.userId());
    return ResponseEntity.status(started.run().isPresent() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
        .body(new Started(started.processInstanceId(), started.run().orElse(null)));
  }

  @GetMapping
  List<Run> list(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer limit) {
    requireReader();
    return runs.list(kind, limit);
  }

  @GetMapping("/{id}")
  Run get(@PathVariable long id) {
    requireReader();
    return runs.get(id).orElseThrow(() -> ApiErrors.notFound("id", "运行记录不存在"));
  }

  private void requireReader() {
    caller.userId();
    if (!caller.inAny(List.of(GroupIds.DISPATCH_CENTRE))) {
      throw new ApiErrors.Forbidden("只有调度中心和系统管理员可以查看督办运行记录");
    }
  }
}
