package cn.yishi.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Brings a deliberated case through its session (议事会, process {@code deliberationSession}) for tests whose subject
 * comes after the meeting: the topic's session, 议程截止 and 确定议程 and 会前沟通 through the Java API, and the
 * session record as REST variables for the chair to submit. The full session with its refusals:
 * {@code DeliberationScenarios}.
 */
public final class SessionDriver {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;

  public SessionDriver(RuntimeService runtime, TaskService tasks, ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
  }

  /** The topic's deliberation process called by the case's lifecycle. */
  public ProcessInstance topicOf(String caseNo) {
    String caseProcess = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .processDefinitionKey("issueLifecycle").singleResult().getId();
    return runtime.createProcessInstanceQuery().superProcessInstanceId(caseProcess).singleResult();
  }

  /** The topic's number ({@code yishi_meeting.id}). */
  public long topicNo(String topicPid) {
    return ((Number) runtime.getVariable(topicPid, "meetingId")).longValue();
  }

  /** The running process of the session whose agenda the topic is on. */
  public ProcessInstance sessionOf(String topicPid) {
    long id = ((Number) runtime.getVariable(topicPid, "sessionId")).longValue();
    return runtime.createProcessInstanceQuery().processDefinitionKey("deliberationSession")
        .processInstanceBusinessKey("session-" + id).singleResult();
  }

  public void runJob(String processInstanceId, String activityId) {
    Job job = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    management.executeJob(job.getId());
  }

  public Task one(String processInstanceId, String key) {
    List<Task> found = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).list();
    assertThat(found).as("task %s", key).hasSize(1);
    return found.get(0);
  }

  /**
   * 议程截止, 确定议程 (each topic the problem list {@code problemList}) and 会前沟通 (every party agrees) through the
   * Java API; returns how many opinion tasks the session had.
   */
  public int convene(String sessionPid, String problemList, String position) throws Exception {
    runJob(sessionPid, "timer_agendaCloses");
    ArrayNode agenda = rows(runtime.getVariable(sessionPid, "agendaTopics"));
    agenda.forEach(t -> ((ObjectNode) t).put("problemList", problemList));
    tasks.complete(one(sessionPid, "userTask_confirmAgenda").getId(), Map.of("agendaTopics", jsonValue(agenda)));
    List<Task> opinions = tasks.createTaskQuery().processInstanceId(sessionPid).taskDefinitionKey("userTask_sessionOpinion").list();
    for (Task t : opinions) {
      ArrayNode positions = rows(tasks.getVariable(t.getId(), "positions"));
      positions.forEach(p -> ((ObjectNode) p).put("position", position));
      tasks.complete(t.getId(), Map.of("positions", jsonValue(positions)));
    }
    return opinions.size();
  }

  /**
   * The session record (议事会记录) as the REST variables of {@code submit-form}: attendance once; {@code topic} stated,
   * discussed and its responsibilities confirmed; any other topic on the agenda paused to the next session; each item
   * of the previous session rated 5; {@code itemsJson} the resolution list (each item with its {@code topic}).
   */
  public String recordVariables(String sessionPid, long topic, String itemsJson) throws Exception {
    ArrayNode parts = rows(runtime.getVariable(sessionPid, "topics"));
    for (var t : parts) {
      ObjectNode o = (ObjectNode) t;
      if (o.path("topic").asLong() == topic) {
        o.put("statement", "老楼加装电梯方案").put("discussion", "五方共议费用分摊").put("responsibilities", "住建局审批");
      } else {
        o.put("paused", true).put("pauseReason", "时间不足，下次再议");
      }
    }
    ArrayNode followUps = rows(runtime.getVariable(sessionPid, "followUps"));
    followUps.forEach(f -> ((ObjectNode) f).put("rating", 5).put("questions", "进度如何？"));
    return "{\"onSite\":{\"value\":true},\"attendees\":{\"value\":\"五方代表\"},\"participants\":{\"value\":15},"
        + "\"groundRules\":{\"value\":\"少数服从多数\"},\"topics\":" + jsonVar(parts) + ",\"followUps\":" + jsonVar(followUps)
        + ",\"sessionItems\":{\"type\":\"Json\",\"value\":" + quote(itemsJson) + "}}";
  }

  private static ArrayNode rows(Object json) throws Exception {
    return (ArrayNode) MAPPER.readTree(json.toString());
  }

  private static Object jsonValue(ArrayNode rows) {
    return SpinValues.jsonValue(rows.toString()).create();
  }

  private static String jsonVar(ArrayNode rows) {
    return "{\"type\":\"Json\",\"value\":" + quote(rows.toString()) + "}";
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
