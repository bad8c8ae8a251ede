package cn.yishi.lifecycle;

import org.springframework.boot.test.context.SpringBootTest;

/** Full deliberation on an in-memory H2 database. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-deliberation-test;DB_CLOSE_DELAY=-1",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=3026",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class DeliberationH2Test extends DeliberationScenarios {}
