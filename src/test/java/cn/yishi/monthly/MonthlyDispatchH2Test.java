package cn.yishi.monthly;

import org.springframework.boot.test.context.SpringBootTest;

/** 月调度 on an in-memory H2 database (the embedded default). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-monthly-dispatch-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      // the running month is shared for a minute in production; these tests change the data between calls
      "yishi.monthly.current-ttl=PT0S",
      "yishi.board.version-ttl=PT0S",
      "camunda.bpm.job-execution.enabled=false"
    })
class MonthlyDispatchH2Test extends MonthlyDispatchScenarios {
  @Override
  String admin() {
    return "demo";
  }

  @Override
  String adminPassword() {
    return "demo";
  }
}
