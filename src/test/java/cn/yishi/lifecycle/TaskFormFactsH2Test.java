package cn.yishi.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle.Var;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.application.CaseQueries;
import cn.yishi.application.IntakeService;
import cn.yishi.application.TaskFacts;
import cn.yishi.domain.casefile.Channel;
import cn.yishi.domain.casefile.NewCase;
import cn.yishi.domain.casefile.Reporter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The task forms' facts with the whole application on H2: the listener reads the case record and
 * its timeline in one query, the deployed forms carry the catalogue's and the directory's options.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:yishi-task-form-facts-test;DB_CLOSE_DELAY=-1",
    "yishi.mail.outbox.poll-interval=PT1H",
    "camunda.bpm.job-execution.enabled=false"
})
class TaskFormFactsH2Test {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired IntakeService intake;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired JdbcClient jdbc;
  @Autowired CaseQueries queries;

  private String report(String title) {
    return intake.submit(new NewCase(Channel.HOTLINE_12345, null, "streetlight", title, "晚上整条路的路灯都不亮，老人出行不便。",
        "hualin", "御苑小区", 12, new Reporter("李四", "13800138000", "lisi@example.org", "御苑小区3栋2单元501"), List.of()),
        "channel.12345").caseNo();
  }

  private Task openTask(String caseNo) {
    List<Task> open = tasks.createTaskQuery().processVariableValueEquals(Var.CASE_NO.name(), caseNo).list();
    assertThat(open).as("open tasks of " + caseNo).hasSize(1);
    return open.get(0);
  }

  @Test
  void eachTaskShowsTheDeadlineAndTheLatestEntriesWithoutPrivateNotesOrPersonalData() {
    String caseNo = report("路灯不亮 " + UUID.randomUUID());
    Task review = openTask(caseNo);
    assertThat(review.getTaskDefinitionKey()).isEqualTo(IssueLifecycle.USER_TASK_REVIEW);
    Map<String, Object> atReview = tasks.getVariablesLocal(review.getId());
    assertThat(atReview)
        .containsEntry(ListVariablesTaskListener.FACT_DEADLINE.name(), TaskFacts.NO_DEADLINE)
        .containsKey(ListVariablesTaskListener.FACT_TIMELINE.name());
    assertThat((String) atReview.get(ListVariablesTaskListener.FACT_TIMELINE.name())).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 登记诉求：来源渠道：12345热线");

    // accepted with another urgency than suggested: the override's reason is not public
    String suggested = (String) tasks.getVariable(review.getId(), Var.URGENCY.name());
    tasks.complete(review.getId(), Map.of(Var.ADMISSIBLE.name(), true, Var.URGENCY.name(), "RED".equals(suggested) ? "YELLOW" : "RED",
        Var.TIER.name(), "STATION", Var.DISPOSAL.name(), "IMMEDIATE", Var.OVERRIDE_REASON.name(), "内部研判：夜间安全隐患"));

    Task next = openTask(caseNo);
    assertThat(next.getTaskDefinitionKey()).isEqualTo(IssueLifecycle.USER_TASK_HANDLE);
    OffsetDateTime deadline = jdbc.sql("select deadline from yishi_case where case_no = ?").param(caseNo)
        .query(OffsetDateTime.class).single();
    assertThat(deadline).isNotNull();
    Map<String, Object> local = tasks.getVariablesLocal(next.getId());
    assertThat(local).containsEntry(ListVariablesTaskListener.FACT_DEADLINE.name(),
        DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE HH:mm", Locale.CHINA).format(deadline.atZoneSameInstant(ZoneId.of("Asia/Shanghai"))));
    String timeline = (String) local.get(ListVariablesTaskListener.FACT_TIMELINE.name());
    assertThat(timeline.lines().toList()).hasSize(3);
    assertThat(timeline).contains("登记诉求：来源渠道：12345热线", "前置把关：予以受理：", "调整分级分类")
        .doesNotContain("内部研判", "李四", "13800138000", "lisi@example.org", "3栋2单元501");
    assertThat(timeline.lines().toList().get(2)).endsWith(" 调整分级分类");

    assertThat(queries.taskFacts(caseNo, 1).orElseThrow().latest()).as("the limit").hasSize(1)
        .first().extracting(TaskFacts.Line::action).isEqualTo("调整分级分类");
    assertThat(queries.taskFacts("FX-1999-000000", 5)).as("no such case").isEmpty();
  }

  @Test
  void theDeployedFormsCarryTheCatalogueAndTheDirectory() throws Exception {
    ProcessDefinition def = repository.createProcessDefinitionQuery()
        .processDefinitionKey(IssueLifecycle.PROCESS_KEY).latestVersion().singleResult();
    JsonNode review;
    try (InputStream in = repository.getResourceAsStream(def.getDeploymentId(), "forms/issueReview.form")) {
      review = JSON.readTree(in);
    }
    Map<String, List<String>> labels = new HashMap<>();
    review.path("components").forEach(c -> {
      List<String> l = new ArrayList<>();
      c.path("values").forEach(v -> l.add(v.path("value").asText() + "=" + v.path("label").asText()));
      labels.put(c.path("key").asText(), l);
    });
    assertThat(labels.get(Var.CATEGORY.name())).contains("streetlight=路灯照明", "policy-question=政策咨询");
    assertThat(labels.get(Var.COMMUNITY.name())).containsExactly("hualin=华林社区", "shengdian=圣殿社区", "jiaoyuyuan=教育园社区", "tangpu=塘浦村");
    assertThat(labels.get(Var.RESPONSIBLE_UNIT.name())).contains("housing=县住建局", "property-hualin=华林社区物业服务公司");
    assertThat(labels.get(Var.URGENCY.name())).containsExactly("RED=红色（紧急）", "YELLOW=黄色（涉及户数多）", "GREEN=绿色（特定群体需求）");
  }
}
