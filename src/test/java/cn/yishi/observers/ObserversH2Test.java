package cn.yishi.observers;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link ObserversScenarios} on the embedded H2 database. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-observers-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false",
      "yishi.public-report.max-per-window=3",
      "yishi.photos.max-bytes=200000",
      "yishi.photos.max-request-bytes=700000"
    })
class ObserversH2Test extends ObserversScenarios {}
