package cn.yishi.adapter.outbound.engine;

import cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation;
import cn.yishi.application.port.EvaluationProcesses;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Starts one twoWayEvaluation instance per opened round (business key {@code yuanba-evaluation-<id>}). The application
 * has already decided who may open a round (the 院坝's township or community), so the instance is started as the
 * system, whoever asked: staff hold no start permission on the process in Tasklist.
 */
@Component
class CamundaEvaluationProcesses implements EvaluationProcesses {
  private final RuntimeService runtime;
  private final IdentityService identity;

  CamundaEvaluationProcesses(RuntimeService runtime, IdentityService identity) {
    this.runtime = runtime;
    this.identity = identity;
  }

  @Override
  public void start(long roundId, String yuanba) {
    Map<String, Object> vars = new HashMap<>();
    TwoWayEvaluation.Var.ROUND_ID.in(vars, roundId);
    TwoWayEvaluation.Var.YUANBA.in(vars, yuanba);
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      runtime.startProcessInstanceByKey(TwoWayEvaluation.PROCESS_KEY, "yuanba-evaluation-" + roundId, vars);
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
