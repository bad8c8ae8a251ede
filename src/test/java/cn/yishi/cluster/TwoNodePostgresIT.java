package cn.yishi.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.YishiApplication;
import cn.yishi.adapter.outbound.mail.OutboxSender;
import cn.yishi.cluster.RecordingMailSender.Attempt;
import cn.yishi.support.ConnectionBudget;
import cn.yishi.support.PostgresTestDatabase;
import cn.yishi.support.TestHttp.Reply;
import cn.yishi.support.TestHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Two nodes on one PostgreSQL database, Camunda's homogeneous cluster: two application contexts on
 * random ports, both job executors and both outbox senders running, SMTP (GreenMail) down at first.
 * Intake on both nodes at once; the deadline timers of some cases fired by whichever job executor gets
 * them; the 旬跟进 catch-up sweep started on both nodes at once; then SMTP comes up. Every report is one
 * case, every supervision order exists once, every mail arrives exactly once, and no mail is attempted
 * by both nodes for the same try: each attempt of a mail is counted once in the outbox and waits for the
 * back-off of the one before it, whichever node made it. Each node's pool is
 * {@value PostgresTestDatabase#POOL_SIZE} connections (the suite's budget: {@link ConnectionBudget}).
 */
@ExtendWith(ConnectionBudget.class)
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class TwoNodePostgresIT {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Duration BACKOFF = Duration.ofMillis(500);
  private static final Duration BACKOFF_MAX = Duration.ofSeconds(3);
  private static final int CLIENTS_PER_NODE = 3;
  private static final int REPORTS_PER_CLIENT = 6;
  /** Cases accepted: the first half left to the sweep, the second half to their deadline timers. */
  private static final int ACCEPTED = 10;

  private static final Queue<Attempt> ATTEMPTS = new ConcurrentLinkedQueue<>();
  private static int smtpPort;
  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;
  private static GreenMail smtp;

  @BeforeAll
  static void twoNodes() throws Exception {
    String url = PostgresTestDatabase.fresh("yishi_it_cluster");
    try (ServerSocket free = new ServerSocket(0)) {
      smtpPort = free.getLocalPort();
    }
    // one after the other, as a cluster is rolled out: the first migrates the schema and deploys the models
    nodeA = start("node-a", url);
    nodeB = start("node-b", url);
  }

  @AfterAll
  static void stop() {
    for (ConfigurableApplicationContext node : Arrays.asList(nodeB, nodeA)) {
      if (node != null) {
        node.close();
      }
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  private static ConfigurableApplicationContext start(String node, String url) {
    Map<String, Object> p = new LinkedHashMap<>(PostgresTestDatabase.properties(url));
    p.put("server.port", 0);
    p.put("spring.mail.host", "127.0.0.1");
    p.put("spring.mail.port", smtpPort);
    p.put("spring.mail.properties.mail.smtp.connectiontimeout", 1000);
    p.put("yishi.mail.outbox.poll-interval", "PT0.3S");
    p.put("yishi.mail.outbox.retry-backoff", BACKOFF.toString());
    p.put("yishi.mail.outbox.retry-backoff-max", BACKOFF_MAX.toString());
    p.put("yishi.mail.outbox.max-attempts", 1000);
    p.put("camunda.bpm.job-execution.enabled", true);
    p.put("camunda.bpm.job-execution.wait-time-in-millis", 300);
    p.put("camunda.bpm.job-execution.max-wait", 1000);
    String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(YishiApplication.class)
        .profiles("postgres")
        .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
          @Override
          public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof JavaMailSender sender && !(bean instanceof RecordingMailSender)
                ? new RecordingMailSender(node, sender, ATTEMPTS) : bean;
          }
        }))
        .run(args);
  }

  private static TestHttp http(ConfigurableApplicationContext node) {
    return new TestHttp(Integer.parseInt(node.getEnvironment().getRequiredProperty("local.server.port")), true);
  }

  private static JdbcClient jdbc() {
    return nodeA.getBean(JdbcClient.class);
  }

  private static void await(Duration timeout, String what, BooleanSupplier done) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(200);
    }
  }

  /** The outbox's wait after the n-th failed attempt (see OutboxSender#backoff). */
  private static Duration backoffAfter(int attempts) {
    Duration wait = BACKOFF.multipliedBy(1L << Math.min(attempts, 20));
    return wait.compareTo(BACKOFF_MAX) > 0 ? BACKOFF_MAX : wait;
  }

  @Test
  void twoNodesShareTheWorkAndDoEachThingOnce() throws Exception {
    List<TestHttp> nodes = List.of(http(nodeA), http(nodeB));
    for (ConfigurableApplicationContext node : List.of(nodeA, nodeB)) {
      ProcessEngine engine = node.getBean(ProcessEngine.class);
      assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive())
          .as("the job executor of %s runs", node.getId()).isTrue();
    }
    String run = Long.toString(System.nanoTime() % 1_000_000, 36);

    // intake on both nodes at once, as the 12345 channel; every report with a title of its own (no compound: no 附议)
    ExecutorService clients = Executors.newFixedThreadPool(2 * CLIENTS_PER_NODE);
    List<Future<List<String>>> posted = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int n = 0; n < 2; n++) {
      for (int c = 0; c < CLIENTS_PER_NODE; c++) {
        TestHttp node = nodes.get(n);
        String client = run + "-" + n + "-" + c;
        posted.add(clients.submit(() -> {
          go.await();
          List<String> caseNos = new ArrayList<>();
          for (int i = 0; i < REPORTS_PER_CLIENT; i++) {
            Reply r = node.call("POST", "/api/cases", "channel.12345", "demo", report(client + "-" + i));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            caseNos.add(r.json().path("caseNo").asText());
          }
          return caseNos;
        }));
      }
    }
    go.countDown();
    List<String> caseNos = new ArrayList<>();
    for (Future<List<String>> f : posted) {
      caseNos.addAll(f.get());
    }
    int reports = 2 * CLIENTS_PER_NODE * REPORTS_PER_CLIENT;
    assertThat(caseNos).as("one case per report").hasSize(reports).doesNotHaveDuplicates();
    assertThat(jdbc().sql("select count(*) from yishi_case where title like ?").param("%" + run + "-%")
        .query(Long.class).single()).isEqualTo(reports);
    RuntimeService runtime = nodeB.getBean(RuntimeService.class);
    TaskService tasks = nodeB.getBean(TaskService.class);
    for (String caseNo : caseNos) {
      assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count())
          .as("one process of %s", caseNo).isOne();
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("userTask_review").count())
          .as("one review task of %s", caseNo).isOne();
    }

    // the community accepts some as committed cases of 县住建局, on both nodes
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < ACCEPTED; i++) {
      String caseNo = caseNos.get(i * (reports / ACCEPTED));
      Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("userTask_review")
          .singleResult();
      Reply done = nodes.get(i % 2).call("POST", "/engine-rest/task/" + review.getId() + "/submit-form",
          "community.hualin", "demo", """
          {"variables":{"disposal":{"value":"COMMITTED"},"responsibleUnit":{"value":"housing"},
           "resolutionDays":{"value":5},"overrideReason":{"value":"需专业单位维修"}}}""");
      assertThat(done.status()).as(done.body()).isEqualTo(204);
      accepted.add(caseNo);
    }
    List<String> forTheSweep = accepted.subList(0, ACCEPTED / 2);
    List<String> forTheTimers = accepted.subList(ACCEPTED / 2, ACCEPTED);

    // their deadlines passed three days ago; the timers of one half fire now, on whichever node takes them
    OffsetDateTime passed = OffsetDateTime.now(ZONE).minusDays(3);
    for (String caseNo : accepted) {
      assertThat(jdbc().sql("update yishi_case set deadline = ? where case_no = ? and status = 'IN_PROGRESS'")
          .param(passed).param(caseNo).update()).isOne();
    }
    ManagementService management = nodeA.getBean(ManagementService.class);
    for (String caseNo : forTheTimers) {
      Job timer = management.createJobQuery().processInstanceId(processOf(caseNo))
          .activityId("boundary_handlingOverdue").singleResult();
      management.setJobDuedate(timer.getId(), Date.from(Instant.now().minusSeconds(60)));
    }
    await(Duration.ofSeconds(60), "the deadline timers raise their orders", () ->
        forTheTimers.stream().allMatch(no -> orders(no).size() == 1)
            && management.createJobQuery().activityId("serviceTask_recordOverdue").count() == 0);

    // the catch-up sweep of today's 旬, started by the operator on both nodes at once
    String asOf = LocalDate.now(ZONE).toString();
    CountDownLatch together = new CountDownLatch(1);
    List<Future<JsonNode>> sweeps = new ArrayList<>();
    for (TestHttp node : nodes) {
      sweeps.add(clients.submit(() -> {
        together.await();
        Reply r = node.call("POST", "/api/supervision/runs", PostgresTestDatabase.ADMIN,
            PostgresTestDatabase.ADMIN_PASSWORD, "{\"kind\":\"TEN_DAY\",\"asOf\":\"" + asOf + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("run");
      }));
    }
    together.countDown();
    List<JsonNode> runs = new ArrayList<>();
    for (Future<JsonNode> f : sweeps) {
      runs.add(f.get());
    }
    clients.shutdown();
    String period = runs.get(0).path("period").asText();
    assertThat(runs).allSatisfy(r -> assertThat(r.path("period").asText()).isEqualTo(period));
    assertThat(runs.stream().mapToInt(r -> r.path("ordered").asInt()).sum())
        .as("between them, the two sweeps ordered each overdue case once").isEqualTo(forTheSweep.size());

    // every supervision order once, each with its task for the supervisors
    for (String caseNo : forTheSweep) {
      assertThat(orders(caseNo)).as("orders of %s", caseNo).containsExactly(period + "/SWEEP");
    }
    for (String caseNo : forTheTimers) {
      assertThat(orders(caseNo)).as("orders of %s", caseNo).singleElement().asString()
          .startsWith("DL:").endsWith("/DEADLINE");
    }
    assertThat(jdbc().sql("select count(*) from yishi_supervision_order").query(Long.class).single())
        .isEqualTo(accepted.size());
    for (String caseNo : accepted) {
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("userTask_supervise")
          .count()).as("one supervision task of %s", caseNo).isOne();
    }

    // the mails: an acceptance notice per accepted case, a supervision mail per order; none delivered yet
    List<String> expected = new ArrayList<>();
    accepted.forEach(caseNo -> expected.add("accepted:" + caseNo));
    forTheSweep.forEach(caseNo -> expected.add("supervision:CASE:" + caseId(caseNo) + ":" + period));
    forTheTimers.forEach(caseNo -> expected.add("supervision:CASE:" + caseId(caseNo) + ":DL:")); // and the deadline
    List<String> keys = jdbc().sql("select dedup_key from yishi_mail_outbox order by id").query(String.class).list();
    assertThat(keys.stream().map(k -> k.contains(":DL:") ? k.substring(0, k.indexOf(":DL:") + 4) : k).toList())
        .containsExactlyInAnyOrderElementsOf(expected);

    // SMTP is down: every mail fails, and is tried again after its back-off, on either node
    await(Duration.ofSeconds(60), "every mail tried twice while SMTP is down", () ->
        jdbc().sql("select count(*) from yishi_mail_outbox where attempts >= 2 and status = 'PENDING'")
            .query(Long.class).single() == keys.size());
    assertThat(ATTEMPTS).as("nothing delivered").noneMatch(Attempt::delivered);

    // SMTP recovers
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    await(Duration.ofSeconds(60), "every mail sent after the recovery", () ->
        jdbc().sql("select count(*) from yishi_mail_outbox where status = 'SENT'").query(Long.class).single()
            == keys.size());
    Thread.sleep(BACKOFF_MAX.toMillis() + 1000); // a few more polls of both nodes: nothing more goes out

    Map<String, Long> outboxIds = new LinkedHashMap<>();
    Map<String, Integer> counted = new LinkedHashMap<>();
    jdbc().sql("select id, dedup_key, attempts, status from yishi_mail_outbox").query((rs, n) -> {
      String messageId = OutboxSender.messageId(rs.getLong(1), rs.getString(2), "yishi.local");
      outboxIds.put(messageId, rs.getLong(1));
      counted.put(messageId, rs.getInt(3));
      assertThat(rs.getString(4)).isEqualTo("SENT");
      return null;
    }).list();

    // every mail exactly once at the server
    List<String> received = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      received.add(m.getMessageID());
    }
    assertThat(received).as("every mail exactly once").hasSize(keys.size()).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(outboxIds.keySet());

    // every attempt of a mail counted once, none while another was running or before its back-off was over
    Map<String, List<Attempt>> byMail = ATTEMPTS.stream()
        .collect(Collectors.groupingBy(Attempt::messageId, LinkedHashMap::new, Collectors.toList()));
    assertThat(byMail.keySet()).containsExactlyInAnyOrderElementsOf(outboxIds.keySet());
    int byBoth = 0;
    for (Map.Entry<String, List<Attempt>> mail : byMail.entrySet()) {
      List<Attempt> tries = new ArrayList<>(mail.getValue());
      tries.sort(Comparator.comparing(Attempt::start));
      assertThat(tries).as("attempts of %s, as the outbox counted them", mail.getKey())
          .hasSize(counted.get(mail.getKey()));
      assertThat(tries.stream().filter(Attempt::delivered).count()).as("delivered once: %s", mail.getKey()).isOne();
      assertThat(tries.get(tries.size() - 1).delivered()).isTrue();
      for (int i = 1; i < tries.size(); i++) {
        Attempt before = tries.get(i - 1);
        Attempt next = tries.get(i);
        assertThat(next.start())
            .as("attempt %d of %s (%s) waits for the back-off after attempt %d (%s): %s", i + 1, mail.getKey(),
                next.node(), i, before.node(), tries)
            .isAfterOrEqualTo(before.end().plus(backoffAfter(i)).minusMillis(1));
      }
      if (tries.stream().map(Attempt::node).distinct().count() > 1) {
        byBoth++;
      }
    }
    Map<String, Long> perNode = ATTEMPTS.stream().collect(Collectors.groupingBy(Attempt::node, Collectors.counting()));
    assertThat(perNode.keySet()).as("both nodes' senders worked the outbox").containsExactlyInAnyOrder("node-a", "node-b");
    System.out.printf("Two nodes: %d cases, %d orders, %d mails; SMTP attempts per node %s; %d mails retried by the"
            + " other node after a failure (never within the back-off)%n", reports, accepted.size(), keys.size(),
        perNode, byBoth);
  }

  private static String report(String compound) {
    return """
        {"channel":"HOTLINE_12345","category":"streetlight","title":"路灯不亮 %1$s","description":"小区路灯坏了一周",
         "community":"hualin","location":{"address":"小区%1$s 3栋"},"householdsAffected":10,
         "reporter":{"name":"王五","phone":"13900139000","email":"r%1$s@example.org"}}""".formatted(compound);
  }

  private static String processOf(String caseNo) {
    return nodeA.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .singleResult().getId();
  }

  private static long caseId(String caseNo) {
    return jdbc().sql("select id from yishi_case where case_no = ?").param(caseNo).query(Long.class).single();
  }

  private static List<String> orders(String caseNo) {
    return jdbc().sql("select period || '/' || source from yishi_supervision_order where case_id = ? order by id")
        .param(caseId(caseNo)).query(String.class).list();
  }
}
