package cn.yishi.platform;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link TwoWayEvaluationScenarios} on H2, the embedded default. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-two-way-evaluation-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class TwoWayEvaluationH2Test extends TwoWayEvaluationScenarios {}
