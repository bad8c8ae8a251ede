package cn.yishi.voting;

import org.springframework.boot.test.context.SpringBootTest;

/** 一户一票 over HTTP on an in-memory H2 database. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:yishi-voting-test;DB_CLOSE_DELAY=-1",
      "yishi.mail.outbox.poll-interval=PT1H",
      "camunda.bpm.job-execution.enabled=false"
    })
class VotingH2Test extends VotingScenarios {}
