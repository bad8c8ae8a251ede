package cn.yishi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yishi.adapter.process.deliberation.Deliberation;
import cn.yishi.adapter.process.deliberationsession.DeliberationSession;
import cn.yishi.adapter.process.issuelifecycle.IssueLifecycle;
import cn.yishi.adapter.process.monthlydispatch.MonthlyDispatch;
import cn.yishi.adapter.process.scheduledlistening.ScheduledListening;
import cn.yishi.adapter.process.variable.ProcessVariable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The Camunda Modeler element templates in {@code .camunda/element-templates/} (Camunda 7 format):
 * they parse, use only the bindings of the Camunda 7 template schema, name an existing delegate
 * bean, map only variables that delegate reads, and cover every delegate. No Spring context: the
 * beans are the {@code @Component} classes of the engine adapter, the variables are read from the
 * delegates' source and resolved on the {@code Var} class of each glue class ({@link IssueLifecycle.Var},
 * {@link Deliberation.Var}, {@link ScheduledListening.Var}, {@link MonthlyDispatch.Var}).
 */
class ElementTemplatesTest {
  private static final Path TEMPLATES = Path.of(".camunda", "element-templates");
  private static final Path MODELS = Path.of("bpmn");
  private static final String ENGINE_PACKAGE = "cn.yishi.adapter.process";
  private static final Path ENGINE_SOURCES = Path.of("src", "main", "java").resolve(ENGINE_PACKAGE.replace('.', '/'));
  private static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
  private static final String ID_PREFIX = "cn.yishi.";

  /**
   * Beans the models use that a Camunda 7 element template cannot wire: the template schema has no
   * task-listener binding (camunda/camunda-modeler#752), so the listener is set in the model.
   */
  private static final Set<String> NOT_TEMPLATABLE = Set.of("resolutionItemTaskListener", "listVariablesTaskListener", "sessionOpinionTaskListener",
      "taskTitleListener", "itemEvaluationRequestListener", "itemEvaluationTaskListener");

  /** The binding types of the Camunda 7 template schema and the property types each allows. */
  private static final Map<String, Set<String>> BINDINGS = Map.of(
      "property", Set.of("String", "Text", "Hidden", "Dropdown", "Boolean"),
      "camunda:property", Set.of("String", "Hidden", "Dropdown"),
      "camunda:inputParameter", Set.of("String", "Text", "Hidden", "Dropdown"),
      "camunda:outputParameter", Set.of("String", "Hidden", "Dropdown"),
      "camunda:in", Set.of("String", "Hidden", "Dropdown"),
      "camunda:in:businessKey", Set.of("String", "Hidden", "Dropdown"),
      "camunda:out", Set.of("String", "Hidden", "Dropdown"),
      "camunda:executionListener", Set.of("Hidden"),
      "camunda:field", Set.of("String", "Text", "Hidden", "Dropdown"),
      "camunda:errorEventDefinition", Set.of("String", "Hidden", "Dropdown"));
  private static final Set<String> BINDINGS_WITH_NAME =
      Set.of("property", "camunda:property", "camunda:inputParameter", "camunda:field");

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");
  private static final Pattern MODEL_DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
  private static final String CONSTANT = "((?:[A-Z]\\w*\\.)?Var\\.[A-Z_]+)";
  /** The glue class whose Var a source file imports: {@code import [static] ...engine.X.Var;}. */
  private static final Pattern VAR_IMPORT = Pattern.compile("import (?:static )?" + Pattern.quote(ENGINE_PACKAGE) + "\\.((?:\\w+\\.)?\\w+)\\.Var;");
  private static final Pattern ANY_CONSTANT = Pattern.compile(CONSTANT);
  /** A typed variable read: {@code Var.X.from(execution)}. */
  private static final Pattern READ = Pattern.compile(CONSTANT + "\\.(?:from|fromLocal|required)\\(");
  /** A typed variable written or removed: {@code Var.X.on(execution, v)}, {@code Var.X.removeFrom(execution)}. */
  private static final Pattern WRITE = Pattern.compile(CONSTANT + "\\.(?:on|onLocal|removeFrom|in)\\(");
  private static final Pattern REMOVE_SEVERAL = Pattern.compile("\\.removeVariables(?:Local)?\\(([^;]*)\\);");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Path, JsonNode> FILES = new TreeMap<>();
  private static final Map<String, Class<?>> BEANS = new TreeMap<>();

  @BeforeAll
  static void load() throws Exception {
    assertThat(TEMPLATES).as("run from the project directory").isDirectory();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        try {
          FILES.put(file, JSON.readTree(file.toFile()));
        } catch (IOException e) {
          FILES.put(file, null);
        }
      }
    }
    Path classes = Path.of(IssueLifecycle.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve(ENGINE_PACKAGE.replace('.', '/'));
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.toList()) {
        String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.');
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> type = Class.forName(ENGINE_PACKAGE + "." + name.substring(0, name.length() - ".class".length()));
        Component component = type.getAnnotation(Component.class);
        if (component != null) {
          String simple = type.getSimpleName();
          BEANS.put(component.value().isEmpty() ? Character.toLowerCase(simple.charAt(0)) + simple.substring(1) : component.value(), type);
        }
      }
    }
    assertThat(BEANS).as("@Component beans in " + ENGINE_PACKAGE).isNotEmpty();
  }

  @Test
  void everyFileHoldsOneCamunda7TemplateNamedAfterItsId() {
    assertThat(FILES).as("templates in " + TEMPLATES).isNotEmpty();
    FILES.forEach((file, json) -> {
      assertThat(json).as(file + " is JSON").isNotNull();
      assertThat(json.isArray() && json.size() == 1).as(file + " holds a JSON array of one template").isTrue();
      JsonNode t = json.get(0);
      assertThat(text(t, "$schema")).as(file + " $schema").isEqualTo(SCHEMA);
      assertThat(text(t, "id")).as(file + " id").startsWith(ID_PREFIX);
      assertThat(file.getFileName().toString()).as("file name of " + text(t, "id"))
          .isEqualTo(text(t, "id").substring(ID_PREFIX.length()) + ".json");
      assertThat(t.path("version").isInt() && t.path("version").asInt() >= 1).as(file + " version").isTrue();
      assertThat(strings(t.path("appliesTo"))).as(file + " appliesTo").containsExactly("bpmn:ServiceTask");
      assertThat(t.path("properties").isArray() && !t.path("properties").isEmpty()).as(file + " properties").isTrue();
    });
  }

  @Test
  void idsAreStableAndUnique() {
    Set<String> ids = new HashSet<>();
    for (JsonNode t : templates()) {
      assertThat(text(t, "id")).matches("cn\\.yishi\\.[a-z][A-Za-z]*");
      assertThat(ids.add(text(t, "id"))).as("id " + text(t, "id") + " is unique").isTrue();
    }
  }

  @Test
  void namesDescriptionsAndLabelsAreChinese() {
    for (JsonNode t : templates()) {
      String id = text(t, "id");
      assertThat(text(t, "name")).as(id + " name").containsPattern(HAN);
      assertThat(text(t, "description")).as(id + " description").containsPattern(HAN);
      for (JsonNode group : t.path("groups")) {
        assertThat(text(group, "label")).as(id + " group " + text(group, "id")).containsPattern(HAN);
      }
      for (JsonNode p : t.path("properties")) {
        if (!"Hidden".equals(text(p, "type"))) {
          assertThat(text(p, "label")).as(id + " label of " + p.path("binding")).containsPattern(HAN);
          assertThat(text(p, "description")).as(id + " description of " + p.path("binding")).containsPattern(HAN);
        }
      }
    }
  }

  @Test
  void propertiesUseOnlyTheBindingsOfTheCamunda7Schema() {
    for (JsonNode t : templates()) {
      String id = text(t, "id");
      Set<String> groups = new HashSet<>();
      for (JsonNode group : t.path("groups")) {
        assertThat(groups.add(text(group, "id"))).as(id + " group ids are unique").isTrue();
      }
      Set<String> inputs = new HashSet<>();
      for (JsonNode p : t.path("properties")) {
        String binding = text(p.path("binding"), "type");
        assertThat(BINDINGS).as(id + " binding type").containsKey(binding);
        if (p.has("type")) {
          assertThat(BINDINGS.get(binding)).as(id + " property type for " + binding).contains(text(p, "type"));
        }
        if (BINDINGS_WITH_NAME.contains(binding)) {
          assertThat(text(p.path("binding"), "name")).as(id + " " + binding + " needs a name").isNotBlank();
        }
        if (p.has("group")) {
          assertThat(groups).as(id + " group of " + p.path("binding")).contains(text(p, "group"));
        }
        if ("camunda:inputParameter".equals(binding)) {
          assertThat(inputs.add(text(p.path("binding"), "name"))).as(id + " input names are unique").isTrue();
        }
      }
    }
  }

  @Test
  void theDelegateExpressionIsHiddenAndNamesAJavaDelegateBean() {
    for (JsonNode t : templates()) {
      String id = text(t, "id");
      List<JsonNode> implementations = new ArrayList<>();
      for (JsonNode p : t.path("properties")) {
        if ("property".equals(text(p.path("binding"), "type")) && "camunda:delegateExpression".equals(text(p.path("binding"), "name"))) {
          implementations.add(p);
        }
      }
      assertThat(implementations).as(id + " sets camunda:delegateExpression once").hasSize(1);
      JsonNode implementation = implementations.get(0);
      assertThat(text(implementation, "type")).as(id + " delegateExpression is fixed").isEqualTo("Hidden");
      String bean = bean(t);
      assertThat(BEANS).as(id + ": @Component(\"" + bean + "\") in " + ENGINE_PACKAGE).containsKey(bean);
      assertThat(JavaDelegate.class.isAssignableFrom(BEANS.get(bean))).as(bean + " implements JavaDelegate").isTrue();
      assertThat(id).as("id of the template of " + bean).isEqualTo(ID_PREFIX + bean.replaceFirst("Delegate$", ""));
      assertThat(NOT_TEMPLATABLE).doesNotContain(bean);
    }
  }

  /**
   * An input parameter is a local variable of the task: the delegate reads it instead of the
   * process variable, but its own setVariable/removeVariable of that name then only touch the local
   * copy, which is gone when the task ends. So only variables the delegate reads and neither writes
   * nor removes may be mapped; the reporter's personal data never.
   */
  @Test
  void inputParametersAreVariablesTheDelegateReadsAndLeavesAlone() throws Exception {
    for (JsonNode t : templates()) {
      String bean = bean(t);
      Set<String> reads = reads(bean);
      Set<String> writes = writes(bean);
      for (JsonNode p : t.path("properties")) {
        if (!"camunda:inputParameter".equals(text(p.path("binding"), "type"))) {
          continue;
        }
        String name = text(p.path("binding"), "name");
        String where = text(t, "id") + " input " + name;
        assertThat(reads).as(where + ": a variable " + bean + " reads").contains(name);
        assertThat(writes).as(where + ": a variable " + bean + " sets or removes cannot be mapped").doesNotContain(name);
        assertThat(IssueLifecycle.Var.PERSONAL).as(where + ": personal data").doesNotContain(name);
        assertThat(text(p, "value")).as(where + " default").matches("\\$\\{.+}");
      }
    }
  }

  /** Keeps the source scan above honest: it finds what the delegates are known to read and write. */
  @Test
  void theSourceScanFindsWhatTheDelegatesReadAndWrite() throws Exception {
    for (Map.Entry<String, Class<?>> bean : BEANS.entrySet()) {
      // the 双向评价 schedule's timer starts a process without variables: its one delegate reads none
      if (JavaDelegate.class.isAssignableFrom(bean.getValue()) && !bean.getKey().equals("openDueEvaluationRoundsDelegate")) {
        assertThat(reads(bean.getKey())).as("variables " + bean.getKey() + " reads").isNotEmpty();
      }
    }
    assertThat(reads("closeCaseDelegate")).contains(IssueLifecycle.Var.CASE_NO.name());
    assertThat(reads("scheduleMeetingDelegate")).contains(IssueLifecycle.Var.CASE_NO.name());
    assertThat(reads("recordSessionDelegate")).contains(DeliberationSession.Var.SESSION_ID.name(),
        DeliberationSession.Var.PARTICIPANTS.name(), DeliberationSession.Var.TOPICS.name(),
        DeliberationSession.Var.RESOLUTION_ITEMS.name(), DeliberationSession.Var.FOLLOW_UPS.name());
    assertThat(writes("recordSessionDelegate")).contains(DeliberationSession.Var.SESSION_PAUSED.name(),
        DeliberationSession.Var.RESOLUTION_ITEMS.name());
    assertThat(reads("registerCaseDelegate")).contains(IssueLifecycle.Var.CHANNEL.name(), IssueLifecycle.Var.INITIATOR.name())
        .doesNotContain(IssueLifecycle.Var.CASE_NO.name());
    assertThat(writes("registerCaseDelegate")).contains(IssueLifecycle.Var.CASE_NO.name()).containsAll(IssueLifecycle.Var.PERSONAL);
    assertThat(writes("startReworkDelegate")).contains(IssueLifecycle.Var.HANDLER_GROUPS.name(), IssueLifecycle.Var.EVALUATION_COMMENT.name());
    assertThat(reads("resolutionItemTaskListener")).contains(Deliberation.Var.ITEM_ID.name(), Deliberation.Var.PROGRESS_NOTE.name());
    assertThat(reads("planReceptionsDelegate")).contains(ScheduledListening.Var.LISTENING_DATE.name());
    assertThat(writes("planReceptionsDelegate")).contains(ScheduledListening.Var.LISTENING_DATE.name(),
        ScheduledListening.Var.RECEPTION_DUE.name(), ScheduledListening.Var.COMMUNITIES.name());
    assertThat(reads("recordReceptionDelegate")).contains(ScheduledListening.Var.COMMUNITY.name(),
        ScheduledListening.Var.LISTENING_DATE.name(), ScheduledListening.Var.RESIDENTS_RECEIVED.name(),
        ScheduledListening.Var.RECEPTION_NOTE.name(), ScheduledListening.Var.ISSUES.name());
    assertThat(writes("recordReceptionDelegate")).contains(ScheduledListening.Var.ISSUES.name(), ScheduledListening.Var.RECEPTION_NOTE.name());
    assertThat(reads("computeMonthlyReportDelegate")).contains(MonthlyDispatch.Var.MONTH.name(), MonthlyDispatch.Var.AS_OF.name(),
        MonthlyDispatch.Var.TRIGGERED_BY.name());
    assertThat(writes("computeMonthlyReportDelegate")).contains(MonthlyDispatch.Var.REPORT_SUMMARY.name(),
        MonthlyDispatch.Var.REVIEW_COMMENT.name(), MonthlyDispatch.Var.APPROVED.name());
    assertThat(writes("recordMonthlyReviewDelegate")).contains(MonthlyDispatch.Var.APPROVED.name(), MonthlyDispatch.Var.TRIGGERED_BY.name());
  }

  @Test
  void everyDelegateTheModelsUseHasATemplate() throws IOException {
    Set<String> templated = new HashSet<>();
    templates().forEach(t -> templated.add(bean(t)));
    Map<String, String> used = new LinkedHashMap<>();
    try (Stream<Path> models = Files.list(MODELS)) {
      for (Path model : models.filter(m -> m.toString().endsWith(".bpmn")).sorted().toList()) {
        Matcher m = MODEL_DELEGATE.matcher(Files.readString(model, StandardCharsets.UTF_8));
        while (m.find()) {
          used.putIfAbsent(m.group(1), model.toString());
        }
      }
    }
    assertThat(used).as("delegate beans in " + MODELS).isNotEmpty();
    used.forEach((bean, model) -> {
      assertThat(BEANS).as(model + " uses ${" + bean + "}").containsKey(bean);
      if (NOT_TEMPLATABLE.contains(bean)) {
        assertThat(TaskListener.class.isAssignableFrom(BEANS.get(bean))).as(bean + " is a task listener").isTrue();
        assertThat(templated).as(bean + " has a template now: take it off NOT_TEMPLATABLE").doesNotContain(bean);
      } else {
        assertThat(templated).as(model + " uses ${" + bean + "}: its template").contains(bean);
      }
    });
  }

  @Test
  void everyJavaDelegateBeanHasATemplate() {
    Set<String> templated = new TreeSet<>();
    templates().forEach(t -> templated.add(bean(t)));
    Set<String> delegates = new TreeSet<>();
    BEANS.forEach((name, type) -> {
      if (JavaDelegate.class.isAssignableFrom(type)) {
        delegates.add(name);
      }
    });
    assertThat(templated).isEqualTo(delegates);
  }

  // helpers

  private static List<JsonNode> templates() {
    List<JsonNode> templates = new ArrayList<>();
    FILES.forEach((file, json) -> {
      assertThat(json).as(file + " is JSON").isNotNull();
      json.forEach(templates::add);
    });
    return templates;
  }

  private static String bean(JsonNode template) {
    for (JsonNode p : template.path("properties")) {
      if ("camunda:delegateExpression".equals(text(p.path("binding"), "name"))) {
        Matcher m = BEAN_EXPRESSION.matcher(text(p, "value"));
        assertThat(m.matches()).as(text(template, "id") + " delegateExpression is ${beanName}: " + text(p, "value")).isTrue();
        return m.group(1);
      }
    }
    throw new AssertionError(text(template, "id") + " sets no camunda:delegateExpression");
  }

  /** The variables the bean's class reads: constants passed to EngineVariables' readers or getVariable. */
  private static Set<String> reads(String bean) throws Exception {
    String source = source(bean);
    return constants(READ.matcher(source), source);
  }

  /** The variables the bean's class sets or removes, with those EngineVariables.writeRouting sets. */
  private static Set<String> writes(String bean) throws Exception {
    String source = source(bean);
    Set<String> writes = constants(WRITE.matcher(source), source);
    Matcher several = REMOVE_SEVERAL.matcher(source);
    while (several.find()) {
      writes.addAll(constants(ANY_CONSTANT.matcher(several.group(1)), source));
    }
    writes.addAll(glueWrites(source, "IssueLifecycle.route(", "static void route("));
    writes.addAll(glueWrites(source, "IssueLifecycle.registered(", "static Map<String, Object> registered("));

    return writes;
  }

  /** The variables a glue method of IssueLifecycle writes, when {@code source} calls it. */
  private static Set<String> glueWrites(String source, String call, String declaration) throws Exception {
    if (!source.contains(call)) {
      return Set.of();
    }
    Path file = Path.of("src", "main", "java").resolve(IssueLifecycle.class.getName().replace('.', '/') + ".java");
    String glue = Files.readString(file, StandardCharsets.UTF_8);
    int start = glue.indexOf(declaration);
    assertThat(start).as(declaration + " in IssueLifecycle").isNotNegative();
    String body = glue.substring(start, glue.indexOf("\n  }", start));
    Set<String> written = constants(WRITE.matcher(body), glue);
    assertThat(written).as("variables " + call + " writes").isNotEmpty();
    return written;
  }

  private static String source(String bean) throws IOException {
    assertThat(BEANS).containsKey(bean);
    Path file = Path.of("src", "main", "java").resolve(BEANS.get(bean).getName().replace('.', '/') + ".java");
    assertThat(file).as("source of " + bean).isRegularFile();
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static Set<String> constants(Matcher m, String source) throws Exception {
    Set<String> names = new TreeSet<>();
    while (m.find()) {
      names.addAll(resolve(m.group(1), source));
    }
    return names;
  }

  /** {@code Var.X.name()}, or {@code IssueLifecycle.Var.X.name()}, {@code Deliberation.Var.X.name()}, {@code ScheduledListening.Var.X.name()}: its value, or values for a set. */
  private static Set<String> resolve(String constant, String source) throws Exception {
    String glue;
    if (constant.indexOf('.') < constant.lastIndexOf('.')) {
      glue = constant.substring(0, constant.indexOf('.'));
    } else {
      Matcher imported = VAR_IMPORT.matcher(source);
      glue = imported.find() ? imported.group(1) : IssueLifecycle.class.getSimpleName();
    }
    if (glue.indexOf('.') < 0) {
      glue = glue.toLowerCase(java.util.Locale.ROOT) + "." + glue;
    }
    Class<?> holder = Class.forName(ENGINE_PACKAGE + "." + glue + "$Var");
    Field field = holder.getField(constant.substring(constant.lastIndexOf('.') + 1));
    Object value = field.get(null);
    Set<String> values = new TreeSet<>();
    if (value instanceof Collection<?> several && !(value instanceof ProcessVariable<?>)) {
      several.forEach(v -> values.add(String.valueOf(v)));
    } else {
      values.add(value instanceof ProcessVariable<?> v ? v.name() : (String) value);
    }
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
