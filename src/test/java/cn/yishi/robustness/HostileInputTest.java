package cn.yishi.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Thousands of generated hostile requests (a fixed seed, see {@link HostileRequests}) over every endpoint: none may be
 * answered with a server error, Spring's English Whitelabel page, a refusal in a type the client does not accept, or a
 * broken connection. The failure lists each such
 * request with its method, path, headers, body and answer.
 */
class HostileInputTest extends WholeApplication {
  static final long SEED = 20261206L;
  static final int REQUESTS = 3000;
  /** Well under a minute on a two-core machine; the count sent within it is reported. */
  static final Duration BUDGET = Duration.ofSeconds(40);

  @Autowired TaskService tasks;
  @Autowired FilterService filters;

  @Test
  void noRequestIsAnsweredWithAServerError() throws Exception {
    String caseNo = newCase("路灯不亮");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    String filterId = filters.createFilterQuery().list().get(0).getId();
    HostileRequests.Known known = new HostileRequests.Known(caseNo, task.getId(), filterId, task.getProcessInstanceId());

    HostileClient.Result result = HostileClient.run(port, SEED, known, REQUESTS, BUDGET);

    System.out.printf("hostile requests: %d sent in %d ms, %d failed%n", result.sent(), result.took().toMillis(),
        result.failures().size());
    assertThat(result.sent()).as("requests sent within %s", BUDGET).isGreaterThanOrEqualTo(REQUESTS / 3);
    assertThat(result.failures())
        .as("%d of %d requests failed:%n%s", result.failures().size(), result.sent(),
            result.failures().stream().map(String::valueOf).collect(Collectors.joining("\n")))
        .isEmpty();
  }
}
