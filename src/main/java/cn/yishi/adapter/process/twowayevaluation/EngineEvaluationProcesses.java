package cn.yishi.adapter.process.twowayevaluation;

import cn.yishi.application.port.EvaluationProcesses;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Starts one twoWayEvaluation instance per opened round (business key: the round's id). */
@Component
class EngineEvaluationProcesses implements EvaluationProcesses {
  private final RuntimeService runtime;

  EngineEvaluationProcesses(@Lazy RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(long roundId, String yuanba) {
    Map<String, Object> vars = new HashMap<>();
    TwoWayEvaluation.Var.ROUND_ID.in(vars, roundId);
    TwoWayEvaluation.Var.YUANBA.in(vars, yuanba);
    runtime.startProcessInstanceByKey(TwoWayEvaluation.PROCESS_KEY, "yuanba-evaluation-" + roundId, vars);
  }
}
