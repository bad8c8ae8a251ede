package cn.yishi.points;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link PointsScenarios} on H2, the embedded default database. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-points-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class PointsH2Test extends PointsScenarios {}
