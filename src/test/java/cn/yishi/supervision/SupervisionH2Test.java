package cn.yishi.supervision;

import org.springframework.boot.test.context.SpringBootTest;

/** 旬跟进 on an in-memory H2 database. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-supervision-test;DB_CLOSE_DELAY=-1",
      "yishi.directory.location=classpath:directory/supervision-test.yaml",
      // the demo register names compounds this directory does not have (塘浦村 水桶湾)
      "yishi.deliberation.register-files=",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class SupervisionH2Test extends SupervisionScenarios {
  @Override
  String admin() {
    return "demo";
  }

  @Override
  String adminPassword() {
    return "demo";
  }
}
