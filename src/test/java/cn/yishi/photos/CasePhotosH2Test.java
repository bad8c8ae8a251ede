package cn.yishi.photos;

import org.springframework.boot.test.context.SpringBootTest;

/** {@link CasePhotosScenarios} on the embedded H2 database (PostgreSQL mode: the photo's bytea). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-photos-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false",
      "yishi.public-report.max-per-window=1000",
      "yishi.photos.max-bytes=200000",
      "yishi.photos.max-per-case=3",
      "yishi.photos.max-request-bytes=700000"
    })
class CasePhotosH2Test extends CasePhotosScenarios {}
