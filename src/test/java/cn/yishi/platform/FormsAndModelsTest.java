package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.process.ListVariablesTaskListener;
import cn.yishi.adapter.process.TaskTitleListener;
import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.adapter.process.deliberationsession.DeliberationSession;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch;
import cn.yishi.adapter.process.scheduledlistening.ScheduledListening;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * Every user task and start event of every model has a Camunda Form in forms/; every user task has a
 * plain Chinese name and gets its case number and title from {@link TaskTitleListener}; every field of
 * every form is a variable that the process reads or documents (the Var constants of its glue class,
 * and the task-local facts that {@link ListVariablesTaskListener} sets). Code lists come from
 * configuration: every select of a category, community, unit, urgency, tier or disposal names its
 * source ({@link FormOptions}) instead of a copy of the codes.
 */
class FormsAndModelsTest {
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  /** Chinese characters and full-width brackets, for example 居民（代表）会议表决: no expression, no Latin. */
  private static final Pattern HAN_ONLY = Pattern.compile("[\\p{IsHan}（）]+");
  private final ObjectMapper json = new ObjectMapper();

  private static List<Path> files(String dir, String ending) throws IOException {
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      return s.filter(p -> p.toString().endsWith(ending)).sorted().toList();
    }
  }

  private Map<String, JsonNode> forms() throws IOException {
    Map<String, JsonNode> forms = new HashMap<>();
    for (Path f : files("forms", ".form")) {
      JsonNode form = json.readTree(f.toFile());
      forms.put(form.path("id").asText(), form);
    }
    return forms;
  }

  private static Set<String> documentedVariables() throws IllegalAccessException {
    Set<String> names = new HashSet<>();
    for (Class<?> glue : List.of(IssueLifecycle.Var.class, Deliberation.Var.class, DeliberationSession.Var.class, cn.yishi.adapter.process.residentvote.ResidentVote.Var.class, ScheduledListening.Var.class,
        MonthlyDispatch.Var.class, cn.yishi.adapter.process.pointsaward.PointsAward.Var.class,
        cn.yishi.adapter.process.convention.Convention.Var.class,
        cn.yishi.adapter.process.proxyservice.ProxyService.Var.class,
        cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation.Var.class,
        cn.yishi.adapter.process.itemevaluation.ItemEvaluation.Var.class)) {
      for (Field f : glue.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof cn.yishi.adapter.process.variable.ProcessVariable<?> v) {
          names.add(v.name());
        }
      }
    }
    names.addAll(ListVariablesTaskListener.TASK_LOCAL);
    return names;
  }

  @Test
  void everyUserTaskAndStartEventHasAFormThatDeploys() throws IOException {
    Map<String, JsonNode> forms = forms();
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (Path model : files("bpmn", ".bpmn")) {
      BpmnModelInstance m = Bpmn.readModelFromFile(model.toFile());
      List<org.camunda.bpm.model.bpmn.instance.FlowNode> nodes = new ArrayList<>(m.getModelElementsByType(UserTask.class));
      m.getModelElementsByType(StartEvent.class).stream()
          .filter(s -> s.getAttributeValueNs(CAMUNDA, "formRef") != null)
          .forEach(nodes::add);
      for (var node : nodes) {
        checked++;
        String formRef = node.getAttributeValueNs(CAMUNDA, "formRef");
        if (formRef == null || !forms.containsKey(formRef)) {
          missing.add(model.getFileName() + ": " + node.getId() + " → " + formRef);
        } else {
          // the start form of 代办 is deployed anew when the 代办事项清单 changes (ProxyStartFormDeployment): latest
          assertThat(node.getAttributeValueNs(CAMUNDA, "formRefBinding")).as(node.getId())
              .isEqualTo(node.getId().equals("startEvent_proxyRequested") ? "latest" : "deployment");
        }
      }
    }
    assertThat(checked).as("user tasks and start forms found").isGreaterThanOrEqualTo(9);
    assertThat(missing).as("user tasks without a deployed form").isEmpty();
  }

  /**
   * Camunda Modeler shows a task's name as it is in the model, so it is plain Chinese (前置把关); the case
   * number and title join it when the task is created ({@link TaskTitleListener}, first of its listeners).
   */
  @Test
  void everyUserTaskHasAPlainNameAndIsTitledWhenCreated() throws IOException {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Path model : files("bpmn", ".bpmn")) {
      for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
        checked++;
        String name = task.getName() == null ? "" : task.getName();
        if (!HAN_ONLY.matcher(name).matches()) {
          wrong.add(model.getFileName() + ": " + task.getId() + " is named \"" + name + "\"");
        }
        List<CamundaTaskListener> listeners = task.getExtensionElements() == null ? List.of()
            : task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list();
        if (listeners.isEmpty() || !"create".equals(listeners.get(0).getCamundaEvent())
            || !"${taskTitleListener}".equals(listeners.get(0).getCamundaDelegateExpression())) {
          wrong.add(model.getFileName() + ": " + task.getId() + " does not start with ${taskTitleListener} on create");
        }
      }
    }
    assertThat(checked).as("user tasks found").isEqualTo(34);
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyFormFieldIsAVariableTheProcessReadsOrDocuments() throws Exception {
    Set<String> known = documentedVariables();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, JsonNode> form : forms().entrySet()) {
      collect(form.getKey(), form.getValue().path("components"), known, unknown);
    }
    assertThat(unknown).as("form fields that no process reads or documents").isEmpty();
  }

  /** Each dynamic list (a Json variable) and the fields its delegate reads from every entry. */
  private static final Map<String, Set<String>> LIST_FIELDS = Map.of(
      Deliberation.Var.RESOLUTION_ITEMS.name(), Deliberation.Var.RESOLUTION_ITEM_FIELDS,
      DeliberationSession.Var.AGENDA_TOPICS.name(), DeliberationSession.Var.AGENDA_TOPIC_FIELDS,
      DeliberationSession.Var.POSITIONS.name(), DeliberationSession.Var.POSITION_FIELDS,
      DeliberationSession.Var.TOPICS.name(), DeliberationSession.Var.TOPIC_FIELDS,
      DeliberationSession.Var.RESOLUTION_ITEMS.name(), DeliberationSession.Var.RESOLUTION_ITEM_FIELDS,
      DeliberationSession.Var.FOLLOW_UPS.name(), DeliberationSession.Var.FOLLOW_UP_FIELDS,
      ScheduledListening.Var.ISSUES.name(), ScheduledListening.Var.ISSUE_FIELDS,
      cn.yishi.adapter.process.residentvote.ResidentVote.Var.PAPER_BALLOTS.name(), cn.yishi.adapter.process.residentvote.ResidentVote.Var.PAPER_BALLOT_FIELDS,
      cn.yishi.adapter.process.convention.Convention.Var.COMMENTS.name(), cn.yishi.adapter.process.convention.Convention.Var.COMMENT_FIELDS,
      cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation.Var.PAPER_SHEETS.name(),
      cn.yishi.adapter.process.twowayevaluation.TwoWayEvaluation.Var.PAPER_SHEET_FIELDS);

  private static void collect(String form, JsonNode components, Set<String> known, List<String> unknown) {
    for (JsonNode c : components) {
      if ("dynamiclist".equals(c.path("type").asText())) {
        if (!known.contains(c.path("path").asText())) {
          unknown.add(form + ": " + c.path("path").asText());
        }
        for (JsonNode child : c.path("components")) {
          if (!LIST_FIELDS.getOrDefault(c.path("path").asText(), Set.of()).contains(child.path("key").asText())) {
            unknown.add(form + ": " + c.path("path").asText() + "." + child.path("key").asText());
          }
        }
        continue;
      }
      if (c.has("key") && !known.contains(c.path("key").asText())) {
        unknown.add(form + ": " + c.path("key").asText());
      }
      if (c.has("components")) {
        collect(form, c.path("components"), known, unknown);
      }
    }
  }

  @Test
  void everyFormHasChineseLabels() throws IOException {
    for (Map.Entry<String, JsonNode> form : forms().entrySet()) {
      for (JsonNode c : form.getValue().path("components")) {
        if (c.has("label")) {
          assertThat(c.path("label").asText()).as(form.getKey() + "." + c.path("key").asText()).matches(".*[\\u4e00-\\u9fa5].*");
        }
      }
    }
  }

  /** Field key → the option source its select must name. */
  private static final Map<String, String> CODE_LISTS = Map.of(
      IssueLifecycle.Var.CATEGORY.name(), FormOptions.CATEGORIES,
      IssueLifecycle.Var.COMMUNITY.name(), FormOptions.COMMUNITIES,
      IssueLifecycle.Var.RESPONSIBLE_UNIT.name(), FormOptions.UNITS,
      "unit", FormOptions.UNITS,
      IssueLifecycle.Var.URGENCY.name(), FormOptions.URGENCIES,
      IssueLifecycle.Var.TIER.name(), FormOptions.TIERS,
      IssueLifecycle.Var.DISPOSAL.name(), FormOptions.DISPOSALS);

  @Test
  void selectsOfCodesAreFilledFromConfigurationNotCopied() throws IOException {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, JsonNode> form : forms().entrySet()) {
      checked += checkOptions(form.getKey(), form.getValue().path("components"), wrong);
    }
    assertThat(checked).as("selects of codes found").isGreaterThanOrEqualTo(20);
    assertThat(wrong).as("selects that copy a code list instead of naming its source").isEmpty();
  }

  private static int checkOptions(String form, JsonNode components, List<String> wrong) {
    int checked = 0;
    for (JsonNode c : components) {
      JsonNode source = c.path("properties").path(FormOptions.PROPERTY);
      String expected = CODE_LISTS.get(c.path("key").asText());
      if (expected != null && FormOptions.OPTION_TYPES.contains(c.path("type").asText())) {
        checked++;
        if (!expected.equals(source.asText())) {
          wrong.add(form + "." + c.path("id").asText() + ": yishi.options should be " + expected + ", is "
              + (source.isMissingNode() ? "missing" : source));
        } else if (!c.path("values").isEmpty()) {
          wrong.add(form + "." + c.path("id").asText() + ": static values beside yishi.options (they are replaced at deployment)");
        }
      } else if (!source.isMissingNode() && !FormOptions.SOURCES.contains(source.asText())) {
        wrong.add(form + "." + c.path("id").asText() + ": unknown yishi.options " + source);
      }
      checked += checkOptions(form, c.path("components"), wrong);
    }
    return checked;
  }
}
